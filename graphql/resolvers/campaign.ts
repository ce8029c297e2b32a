// Completeness of profiles and the invitation campaign (api/campaign): thin resolvers.
import { isStaff } from '../../api/auth/guards';
import { invitationCampaign, invitationStatus, inviteSuppliers, recordCompletion, recordSignIn } from '../../api/campaign';
import { COMPLETENESS_FIELD_FR, completenessOf } from '../../api/directory';
import { forbidden } from '../../api/errors';
import type { SupplierRecord, UserRecord } from '../../api/store/types';
import type { Context, NoArgs } from '../context';
import type { MutationInviteSuppliersArgs } from '../generated/schema-types';
import { mailDomain } from '../../api/mail';

const STAFF_FILTERS = ['completenessBelow', 'neverSignedIn', 'hasContactEmail'] as const;

/** The staff-only part of the directory's filter, refused to anyone else before the directory is read. */
export function checkDirectoryFilter(filter: Partial<Record<(typeof STAFF_FILTERS)[number], unknown>> | null | undefined, { viewer }: Context): void {
  const used = STAFF_FILTERS.find((f) => filter?.[f] != null);
  if (used && !isStaff(viewer)) throw forbidden(`« ${used} » : filtre réservé aux agents de la Métropole.`);
}

/** After a sign-in: the first one of a structure's contact claims its profile. */
export async function afterSignIn<T extends { user: UserRecord }>(services: Context['services'], signedIn: T): Promise<T> {
  await recordSignIn(services, signedIn.user);
  return signedIn;
}

/** After an edit of a profile: an invited profile that became complete is counted once. */
export const afterSupplierEdit = (services: Context['services'], supplier: SupplierRecord): Promise<SupplierRecord> => recordCompletion(services, supplier);

export const campaignResolvers = {
  Query: {
    invitationCampaign: (_: unknown, __: NoArgs, { viewer, services }: Context) => invitationCampaign(services, viewer),
  },
  Mutation: {
    inviteSuppliers: (_: unknown, { supplierIds }: MutationInviteSuppliersArgs, { viewer, services }: Context) =>
      inviteSuppliers(services, viewer, Array.isArray(supplierIds) ? supplierIds : [supplierIds], mailDomain(services.config.mailFrom)),
  },
  Supplier: {
    completeness: (s: SupplierRecord) => {
      const { percent, missing } = completenessOf(s);
      return { percent, missing, missingLabels: missing.map((f) => COMPLETENESS_FIELD_FR[f]) };
    },
    invitation: (s: SupplierRecord, _: NoArgs, { viewer, services }: Context) => (isStaff(viewer) ? invitationStatus(services.store, s) : null),
  },
};
