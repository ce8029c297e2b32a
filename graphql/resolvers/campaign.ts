// Completeness of profiles and the invitation campaign (api/campaign): thin resolvers.
import { isStaff } from '../../api/auth/guards';
import { invitationCampaign, invitationStatus, inviteSuppliers, recordCompletion, recordSignIn } from '../../api/campaign';
import { COMPLETENESS_FIELD_FR, completenessOf } from '../../api/directory';
import { forbidden } from '../../api/errors';
import type { SupplierRecord, UserRecord } from '../../api/store/types';
import type { Context } from '../context';
import type { ResolverPart } from './part';
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
    invitationCampaign: (_, __, { viewer, services }) => invitationCampaign(services, viewer),
  },
  Mutation: {
    inviteSuppliers: (_, { supplierIds }, { viewer, services }) =>
      inviteSuppliers(services, viewer, supplierIds, mailDomain(services.config.mailFrom)),
  },
  Supplier: {
    completeness: (s) => {
      const { percent, missing } = completenessOf(s);
      return { percent, missing, missingLabels: missing.map((f) => COMPLETENESS_FIELD_FR[f]) };
    },
    invitation: (s, _, { viewer, services }) => (isStaff(viewer) ? invitationStatus(services.store, s) : null),
  },
} satisfies ResolverPart;
