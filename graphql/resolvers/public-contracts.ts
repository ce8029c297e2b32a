// Public contracts (DECP) and public buyers: thin translation to api/public-contracts.
import { parsePeriod } from '../../api/impact';
import { contractsFor, listOrganisations, organisationOf, setOrganisationKindAsStaff, statsFor } from '../../api/public-contracts';
import type { Context, NoArgs } from '../context';
import type { MutationSetOrganisationKindArgs, QueryOrganisationsArgs, QueryPublicContractsArgs, QueryPublicContractStatsArgs } from '../generated/schema-types';

export const publicContractResolvers = {
  Query: {
    publicContractStats: (_: unknown, { from, to, buyer }: QueryPublicContractStatsArgs, { viewer, services }: Context) =>
      statsFor(services.store, viewer, parsePeriod(from, to), buyer),
    publicContracts: (_: unknown, { from, to, buyer }: QueryPublicContractsArgs, { viewer, services }: Context) =>
      contractsFor(services.store, viewer, parsePeriod(from, to), buyer),
    organisations: (_: unknown, { kind }: QueryOrganisationsArgs, { viewer, services }: Context) => listOrganisations(services.store, viewer, kind),
  },
  Mutation: {
    setOrganisationKind: (_: unknown, { organisationId, kind, siret }: MutationSetOrganisationKindArgs, { viewer, services }: Context) =>
      setOrganisationKindAsStaff(services, viewer, organisationId, { kind, siret }),
  },
  User: {
    organisation: (user: { organisationId: string | null }, _: NoArgs, { viewer, services }: Context) => organisationOf(services.store, viewer, user),
  },
  Organisation: {
    siret: (o: { siret?: string | null }) => o.siret ?? null,
  },
};
