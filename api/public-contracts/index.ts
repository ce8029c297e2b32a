// Public contracts awarded in the territory (DECP): their import, the review's figures, and the
// public buyers who see their own.
export { parseBuyers, readDecp, MAX_DECP_BYTES, type ContractLine, type DecpOptions } from './decp';
export { ContractImportRun, contractKey, feedContracts, type ContractImportCounts } from './import-run';
export {
  awardedToDirectory, computePublicContracts, directoryHolders, publicContractRows,
  type ContractFigures, type ContractGroup, type PublicContractStats,
} from './stats';
export { buyerScope, contractsFor, listOrganisations, organisationOf, publicBuyerOrganisation, setOrganisationKind, setOrganisationKindAsStaff, statsFor, type ListedContract } from './buyers';
