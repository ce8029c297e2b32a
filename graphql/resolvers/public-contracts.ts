// Public contracts (DECP) and public buyers: thin translation to api/public-contracts.
import { parsePeriod } from '../../api/impact';
import { contractsFor, listOrganisations, organisationOf, setOrganisationKindAsStaff, statsFor } from '../../api/public-contracts';
import type { ResolverPart } from './part';

export const publicContractResolvers = {
  Query: {
    publicContractStats: (_, { from, to, buyer }, { viewer, services }) =>
      statsFor(services.store, viewer, parsePeriod(from, to), buyer),
    publicContracts: (_, { from, to, buyer }, { viewer, services }) =>
      contractsFor(services.store, viewer, parsePeriod(from, to), buyer),
    organisations: (_, { kind }, { viewer, services }) => listOrganisations(services.store, viewer, kind),
  },
  Mutation: {
    setOrganisationKind: (_, { organisationId, kind, siret }, { viewer, services }) =>
      setOrganisationKindAsStaff(services, viewer, organisationId, { kind, siret }),
  },
  User: {
    organisation: (user, _, { viewer, services }) => organisationOf(services.store, viewer, user),
  },
  Organisation: {
    siret: (o) => o.siret ?? null,
  },
} satisfies ResolverPart;
