// Thin resolvers: translate GraphQL arguments to domain calls and records to GraphQL shapes.
import { canSeePrivate, isStaff } from '../../api/auth/guards';
import { findCommune, metropoleCommunes } from '../../api/reference/communes';
import { proposeGroupements } from '../../api/directory';
import { matchNotice, matchSuppliers } from '../../api/directory';
import { getNeed, listNeeds, postNeed } from '../../api/needs';
import { closeNeed, needStatus, updateNeed, withdrawNeed } from '../../api/needs';
import { directory, supplierLocation } from '../../api/directory';
import { createSupplier, getSupplier, ownSupplier, reviewSupplierChanges, suppliersWithPendingChanges } from '../../api/directory';
import { requestAccessLink, signInWithLink } from '../../api/accounts';
import { searchHints } from '../../api/needs';
import { login } from '../../api/accounts';
import { accountEvents, detachUser, editSupplier, structureUsers } from '../../api/accounts';
import { searchCommunes, searchNafCodes } from '../../api/kernel';
import { deleteMyAccount, deleteSupplier, exportMyData } from '../../api/accounts';
import { inclusivePotential } from '../../api/purchasing';
import type { ListedSupplier } from '../../api/introductions';
import type { AccountEventRecord, NeedRecord } from '../../api/store/types';
import type { Context, NoArgs } from '../context';
import type { MutationCloseNeedArgs, MutationCreateSupplierArgs, MutationDeleteMyAccountArgs, MutationDeleteSupplierArgs, MutationLoginArgs, MutationPostNeedArgs, MutationRequestAccessLinkArgs, MutationReviewSupplierChangesArgs, MutationSignInWithLinkArgs, MutationUpdateNeedArgs, MutationUpdateSupplierArgs, MutationWithdrawNeedArgs, QueryCommunesArgs, QueryInclusivePotentialArgs, QueryMatchSuppliersArgs, QueryNafCodesArgs, QueryNeedArgs, QueryNeedsArgs, QueryProposeGroupementsArgs, QuerySupplierArgs, QuerySuppliersArgs } from '../generated/schema-types';
import type { MutationDetachUserArgs } from '../generated/schema-types';
import { DateTime } from './scalars';
import { importResolvers } from './imports';
import { shortlistResolvers } from './shortlists';
import { publicContractResolvers } from './public-contracts';
import { spendResolvers } from './spend';
import { afterSignIn, afterSupplierEdit, campaignResolvers, checkDirectoryFilter } from './campaign';
import { INCLUSION_KIND_PRESETS } from '../../api/needs';


/** The commune of a record; a code unknown to the reference data still resolves, named by its code. */
const communeOf = (r: { communeCode: string }) => findCommune(r.communeCode) ?? { code: r.communeCode, name: r.communeCode, departement: null };

export const resolvers = {
  DateTime,
  Query: {
    me: (_: unknown, __: NoArgs, { viewer, services }: Context) => (viewer ? services.store.users.findById(viewer.userId) : null),
    metropoleCommunes: () => metropoleCommunes(),
    communes: (_: unknown, args: QueryCommunesArgs) => searchCommunes(args),
    nafCodes: (_: unknown, args: QueryNafCodesArgs) => searchNafCodes(args),
    supplier: (_: unknown, { id }: QuerySupplierArgs, { services }: Context) => getSupplier(services, id),
    suppliers: (_: unknown, args: QuerySuppliersArgs, context: Context) => (checkDirectoryFilter(args.filter, context), directory(context.services, args)),
    suppliersWithPendingChanges: (_: unknown, __: NoArgs, { viewer, services }: Context) => suppliersWithPendingChanges(services, viewer),
    need: (_: unknown, { id }: QueryNeedArgs, { viewer, services }: Context) => getNeed(services, viewer, id),
    needs: (_: unknown, args: QueryNeedsArgs, { viewer, services }: Context) => listNeeds(services, viewer, args),
    inclusionKindPresets: () => INCLUSION_KIND_PRESETS,
    matchSuppliers: (_: unknown, { needId, limit }: QueryMatchSuppliersArgs, { viewer, services }: Context) => matchSuppliers(services, viewer, needId, limit),
    proposeGroupements: (_: unknown, { needId, limit }: QueryProposeGroupementsArgs, { viewer, services }: Context) => proposeGroupements(services, viewer, needId, limit),
    exportMyData: (_: unknown, __: NoArgs, { viewer, services }: Context) => exportMyData(services, viewer),
    inclusivePotential: (_: unknown, { input }: QueryInclusivePotentialArgs, { services, clientAddress }: Context) => inclusivePotential(services, input, clientAddress),
    ...shortlistResolvers.Query,
    ...campaignResolvers.Query,
    ...importResolvers.Query,
    ...publicContractResolvers.Query,
    ...spendResolvers.Query,
  },
  Mutation: {
    login: async (_: unknown, { email, password }: MutationLoginArgs, { services, clientAddress }: Context) => afterSignIn(services, await login(services, email, password, clientAddress)),
    requestAccessLink: (_: unknown, { email }: MutationRequestAccessLinkArgs, { services, clientAddress, senderCookie }: Context) => requestAccessLink(services, email, { clientAddress, senderCookie }),
    signInWithLink: async (_: unknown, { token }: MutationSignInWithLinkArgs, { services }: Context) => afterSignIn(services, await signInWithLink(services, token)),
    createSupplier: (_: unknown, { input }: MutationCreateSupplierArgs, { viewer, services }: Context) => createSupplier(services, viewer, input),
    updateSupplier: async (_: unknown, { id, input }: MutationUpdateSupplierArgs, { viewer, services }: Context) => afterSupplierEdit(services, await editSupplier(services, viewer, id, input)),
    reviewSupplierChanges: (_: unknown, { id, approve }: MutationReviewSupplierChangesArgs, { viewer, services }: Context) => reviewSupplierChanges(services, viewer, id, approve),
    deleteSupplier: (_: unknown, { id }: MutationDeleteSupplierArgs, { viewer, services }: Context) => deleteSupplier(services, viewer, id),
    postNeed: (_: unknown, { input }: MutationPostNeedArgs, { viewer, services, clientAddress, senderCookie }: Context) => postNeed(services, viewer, input, { clientAddress, senderCookie }),
    updateNeed: (_: unknown, { id, input }: MutationUpdateNeedArgs, { viewer, services }: Context) => updateNeed(services, viewer, id, input),
    withdrawNeed: (_: unknown, { id, reason }: MutationWithdrawNeedArgs, { viewer, services }: Context) => withdrawNeed(services, viewer, id, reason),
    closeNeed: (_: unknown, { id, note }: MutationCloseNeedArgs, { viewer, services }: Context) => closeNeed(services, viewer, id, note),
    deleteMyAccount: (_: unknown, { confirm }: MutationDeleteMyAccountArgs, { viewer, services }: Context) => deleteMyAccount(services, viewer, confirm),
    detachUser: (_: unknown, { userId }: MutationDetachUserArgs, { viewer, services }: Context) => detachUser(services, viewer, userId),
    ...shortlistResolvers.Mutation,
    ...campaignResolvers.Mutation,
    ...importResolvers.Mutation,
    ...publicContractResolvers.Mutation,
    ...spendResolvers.Mutation,
  },
  User: {
    supplier: (user: { id: string }, __: NoArgs, { viewer, services }: Context) => ownSupplier(services, viewer, user.id),
    ...publicContractResolvers.User,
  },
  Organisation: publicContractResolvers.Organisation,
  Supplier: {
    commune: communeOf,
    // Staff, the structure itself, and a firm on its own approved list of introductions (api/introductions/outcomes.ts).
    contactEmail: (s: ListedSupplier, _: NoArgs, { viewer }: Context) =>
      // '' is an imported profile's address nobody gave yet: unknown, hence null.
      (canSeePrivate(viewer, s.organisationId) || (viewer !== null && s.introducedTo === viewer.userId)) && s.contactEmail ? s.contactEmail : null,
    location: supplierLocation,
    pendingChanges: (s: ListedSupplier, _: NoArgs, { viewer }: Context) => (canSeePrivate(viewer, s.organisationId) ? s.pendingChanges : null),
    searchHints: (s: ListedSupplier, _: NoArgs, { viewer, services }: Context) => searchHints(services, viewer, s),
    ...campaignResolvers.Supplier,
    users: (s: ListedSupplier, _: NoArgs, { viewer, services }: Context) => structureUsers(services, viewer, s),
    accountEvents: (s: ListedSupplier, _: NoArgs, { viewer, services }: Context) => accountEvents(services, viewer, s),
  },
  Need: {
    commune: communeOf,
    recordedBy: async (n: NeedRecord, _: NoArgs, { viewer, services }: Context) =>
      viewer && isStaff(viewer) ? ((await services.store.users.findById(n.createdBy))?.email ?? null) : null,
    matchNotice: (n: NeedRecord, _: NoArgs, { viewer, services }: Context) => matchNotice(services, viewer, n),
    status: needStatus,
    closingNote: (n: NeedRecord, _: NoArgs, { viewer }: Context) => (isStaff(viewer) ? n.closingNote : null),
    internalNote: (n: NeedRecord, _: NoArgs, { viewer }: Context) => (isStaff(viewer) ? n.internalNote : null),
    ...shortlistResolvers.NeedShortlists,
    ...spendResolvers.Need,
  },
  Shortlist: shortlistResolvers.Shortlist,
  ShortlistItem: shortlistResolvers.ShortlistItem,
  OutboxMail: shortlistResolvers.OutboxMail,
  ImpactStats: shortlistResolvers.ImpactStats,
  ImportJob: importResolvers.ImportJob,
  SpendAnalysis: spendResolvers.SpendAnalysis,
  SpendGap: spendResolvers.SpendGap,
  AccountEvent: {
    at: (e: AccountEventRecord) => e.createdAt,
    by: (e: AccountEventRecord) => e.byEmail,
  },
} satisfies Record<string, unknown>;
