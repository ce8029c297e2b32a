// Thin resolvers: translate GraphQL arguments to domain calls and records to GraphQL shapes.
import { canSeePrivate, isStaff, viewerOf } from '../../api/auth/guards';
import type { UserRecord } from '../../api/store/types';
import { findCommune, metropoleCommunes } from '../../api/reference/communes';
import { proposeGroupements, matchNotice, matchSuppliers, directory, findBySlug, supplierLocation, supplierSlug, createSupplier, getSupplier, ownSupplier, reviewSupplierChanges, suppliersWithPendingChanges } from '../../api/directory';
import { addressedStructure, getNeed, listNeeds, postNeed, closeNeed, needStatus, updateNeed, withdrawNeed, searchHints, INCLUSION_KIND_PRESETS } from '../../api/needs';
import { requestAccessLink, signInWithLink, login, accountEvents, contactSharedWith, detachUser, editSupplier, structureUsers, deleteMyAccount, deleteSupplier, exportMyData } from '../../api/accounts';
import { nafCodesByCode, searchCommunes, searchNafCodes } from '../../api/kernel';
import { inclusivePotential } from '../../api/purchasing';
import type { Resolvers } from '../generated/schema-types';
import { DateTime } from './scalars';
import { importResolvers } from './imports';
import { shortlistResolvers } from './shortlists';
import { publicContractResolvers } from './public-contracts';
import { spendResolvers } from './spend';
import { spaceResolvers } from './spaces';
import { afterSignIn, afterSupplierEdit, campaignResolvers, checkDirectoryFilter } from './campaign';
import { firmSpaceResolvers } from './firm-space';


/** The commune of a record; a code unknown to the reference data still resolves, named by its code. */
const communeOf = (r: { communeCode: string }) => findCommune(r.communeCode) ?? { code: r.communeCode, name: r.communeCode, departement: null };

/** The user a sign-in answers with is that answer's viewer: `signInWithLink { user { supplier } }` reads its own structure. */
const signedIn = new WeakSet<UserRecord>();
const answeredAs = <T extends { user: UserRecord }>(result: T): T => (signedIn.add(result.user), result);

export const resolvers = {
  DateTime,
  Query: {
    me: (_, __, { viewer, services }) => (viewer ? services.store.users.findById(viewer.userId) : null),
    metropoleCommunes: () => metropoleCommunes(),
    communes: (_, args) => searchCommunes(args),
    nafCodes: (_, args) => searchNafCodes(args),
    nafCodesByCode: (_, args) => nafCodesByCode(args),
    supplier: (_, { id }, { services }) => getSupplier(services, id),
    supplierBySlug: (_, { slug }, { services }) => findBySlug(services, slug)?.supplier ?? null,
    suppliers: (_, args, context) => (checkDirectoryFilter(args.filter, context), directory(context.services, args)),
    suppliersWithPendingChanges: (_, __, { viewer, services }) => suppliersWithPendingChanges(services, viewer),
    need: (_, { id }, { viewer, services }) => getNeed(services, viewer, id),
    needs: (_, args, { viewer, services }) => listNeeds(services, viewer, args),
    inclusionKindPresets: () => INCLUSION_KIND_PRESETS,
    matchSuppliers: (_, { needId, limit }, { viewer, services }) => matchSuppliers(services, viewer, needId, limit),
    proposeGroupements: (_, { needId, limit }, { viewer, services }) => proposeGroupements(services, viewer, needId, limit),
    exportMyData: (_, __, { viewer, services }) => exportMyData(services, viewer),
    inclusivePotential: (_, { input }, { services, clientAddress }) => inclusivePotential(services, input, clientAddress),
    ...shortlistResolvers.Query,
    ...campaignResolvers.Query,
    ...importResolvers.Query,
    ...publicContractResolvers.Query,
    ...spendResolvers.Query,
    ...spaceResolvers.Query,
  },
  Mutation: {
    login: async (_, { email, password }, { services, clientAddress }) => answeredAs(await afterSignIn(services, await login(services, email, password, clientAddress))),
    requestAccessLink: (_, { email }, { services, clientAddress, senderCookie }) => requestAccessLink(services, email, { clientAddress, senderCookie }),
    signInWithLink: async (_, { token }, { services }) => answeredAs(await afterSignIn(services, await signInWithLink(services, token))),
    createSupplier: (_, { input }, { viewer, services }) => createSupplier(services, viewer, input),
    updateSupplier: async (_, { id, input }, { viewer, services }) => afterSupplierEdit(services, await editSupplier(services, viewer, id, input)),
    reviewSupplierChanges: (_, { id, approve, reason, requestedAt }, { viewer, services }) => reviewSupplierChanges(services, viewer, id, { approve, reason, requestedAt }),
    deleteSupplier: (_, { id }, { viewer, services }) => deleteSupplier(services, viewer, id),
    postNeed: (_, { input }, { viewer, services, clientAddress, senderCookie }) => postNeed(services, viewer, input, { clientAddress, senderCookie }),
    updateNeed: (_, { id, input }, { viewer, services }) => updateNeed(services, viewer, id, input),
    withdrawNeed: (_, { id, reason }, { viewer, services }) => withdrawNeed(services, viewer, id, reason),
    closeNeed: (_, { id, note }, { viewer, services }) => closeNeed(services, viewer, id, note),
    deleteMyAccount: (_, { confirm }, { viewer, services }) => deleteMyAccount(services, viewer, confirm),
    detachUser: (_, { userId }, { viewer, services }) => detachUser(services, viewer, userId),
    ...shortlistResolvers.Mutation,
    ...campaignResolvers.Mutation,
    ...importResolvers.Mutation,
    ...publicContractResolvers.Mutation,
    ...spendResolvers.Mutation,
    ...spaceResolvers.Mutation,
    ...firmSpaceResolvers.Mutation,
  },
  User: {
    supplier: (user, _, { viewer, services }) => ownSupplier(services, signedIn.has(user) ? viewerOf(user) : viewer, user.id),
    ...publicContractResolvers.User,
    ...spaceResolvers.User,
  },
  Organisation: publicContractResolvers.Organisation,
  SupplierConnection: {
    // Counted only when a page asks for them.
    facets: (page) => page.facets(),
  },
  Supplier: {
    commune: communeOf,
    // Staff, the structure itself, and a firm on its own approved list of introductions (api/introductions/outcomes.ts).
    contactEmail: (s, _, { viewer }) =>
      // '' is an imported profile's address nobody gave yet: unknown, hence null.
      (canSeePrivate(viewer, s.organisationId) || (viewer !== null && s.introducedTo === viewer.userId)) && s.contactEmail ? s.contactEmail : null,
    location: supplierLocation,
    slug: supplierSlug,
    pendingChanges: (s, _, { viewer }) => (canSeePrivate(viewer, s.organisationId) ? s.pendingChanges : null),
    declarationReview: (s, _, { viewer }) => (canSeePrivate(viewer, s.organisationId) ? s.declarationReview : null),
    searchHints: (s, _, { viewer, services }) => searchHints(services, viewer, s),
    ...campaignResolvers.Supplier,
    users: (s, _, { viewer, services }) => structureUsers(services, viewer, s),
    accountEvents: (s, _, { viewer, services }) => accountEvents(services, viewer, s),
    contactSharedWith: (s, _, { viewer, services }) => contactSharedWith(services, viewer, s),
    ...spaceResolvers.Supplier,
  },
  Need: {
    commune: communeOf,
    recordedBy: async (n, _, { viewer, services }) =>
      viewer && isStaff(viewer) ? ((await services.store.users.findById(n.createdBy))?.email ?? null) : null,
    matchNotice: (n, _, { viewer, services }) => matchNotice(services, viewer, n),
    addressedTo: (n, _, { services }) => addressedStructure(services, n),
    status: needStatus,
    closingNote: (n, _, { viewer }) => (isStaff(viewer) ? n.closingNote : null),
    internalNote: (n, _, { viewer }) => (isStaff(viewer) ? n.internalNote : null),
    ...shortlistResolvers.Need,
    ...spendResolvers.Need,
    ...spaceResolvers.Need,
    ...firmSpaceResolvers.Need,
  },
  Shortlist: shortlistResolvers.Shortlist,
  ShortlistItem: { ...shortlistResolvers.ShortlistItem, ...firmSpaceResolvers.ShortlistItem },
  OutboxMail: shortlistResolvers.OutboxMail,
  ImpactStats: shortlistResolvers.ImpactStats,
  ImportJob: importResolvers.ImportJob,
  SpendAnalysis: spendResolvers.SpendAnalysis,
  SpendGap: spendResolvers.SpendGap,
  AccountEvent: {
    at: (e) => e.createdAt,
    by: (e) => e.byEmail,
  },
} satisfies Resolvers;
