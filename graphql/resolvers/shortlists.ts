// Thin resolvers for shortlists, introductions, outcomes and the yearly review.
import { isStaff } from '../../api/auth/guards';
import { impactCsv, impactStats } from '../../api/impact';
import { itemsOf, recordOutcome, recordSupplierAnswer } from '../../api/introductions';
import {
  approveShortlist,
  draftShortlist,
  failedMails,
  getShortlist,
  introductions,
  mailsOf,
  needOf,
  needsAwaitingShortlist,
  previewIntroduction,
  retryMail,
  shortlistsOf,
  updateShortlist,
} from '../../api/introductions';
import { needOfMail } from '../../api/needs';
import type { ResolverPart } from './part';


export const shortlistResolvers = {
  Query: {
    shortlist: (_, { id }, { viewer, services }) => getShortlist(services, viewer, id),
    needsAwaitingShortlist: (_, args, { viewer, services }) => needsAwaitingShortlist(services, viewer, args),
    introductions: (_, args, { viewer, services }) => introductions(services, viewer, args),
    failedMails: (_, { first }, { viewer, services }) => failedMails(services, viewer, first),
    previewIntroduction: (_, { shortlistId, message }, { viewer, services }) => previewIntroduction(services, viewer, shortlistId, message),
    impactStats: (_, { from, to }, { viewer, services }) => impactStats(services, viewer, from, to),
  },
  Mutation: {
    draftShortlist: (_, { needId, size, supplierIds, overrides }, { viewer, services }) => draftShortlist(services, viewer, needId, size, supplierIds, overrides),
    updateShortlist: (_, { id, supplierIds, notes, groupement, overrides }, { viewer, services }) => updateShortlist(services, viewer, id, { supplierIds, notes, groupement, overrides }),
    approveShortlist: (_, { id, message, previewFingerprint }, { viewer, services }) => approveShortlist(services, viewer, id, message, previewFingerprint),
    retryMail: (_, { id }, { viewer, services }) => retryMail(services, viewer, id),
    recordOutcome: (_, args, { viewer, services }) => recordOutcome(services, viewer, args),
    recordSupplierAnswer: (_, args, { viewer, services }) => recordSupplierAnswer(services, viewer, args),
  },
  Shortlist: {
    need: (s, _, { services }) => needOf(services, s.needId),
    items: (s, _, { viewer, services }) => itemsOf(services, s, viewer),
    mails: (s, { kinds }, { viewer, services }) => mailsOf(services, viewer, s, kinds),
  },
  ShortlistItem: {
    proposedByMatcher: (i) => i.proposed,
    // The structure's answer (and its comment) is written for the Métropole's team.
    response: (i, _, { viewer }) => (isStaff(viewer) ? i.response : null),
    // The derogation and the earlier introduction are the Métropole's working notes.
    override: (i, _, { viewer }) => (isStaff(viewer) ? (i.override ?? null) : null),
    alreadyIntroducedAt: (i, _, { viewer }) => (isStaff(viewer) ? (i.introducedBefore ?? null) : null),
  },
  OutboxMail: {
    recipient: (m) => m.recipientKind,
    // A HELD row is part of an approval being written: to officers it is simply waiting.
    state: (m) => (m.state === 'HELD' ? 'PENDING' : m.state),
    nextAttemptAt: (m) => (m.state === 'PENDING' || m.state === 'HELD' ? m.nextAttemptAt : null),
    supplier: (m, _, { services }) => (m.supplierId ? services.store.suppliers.findById(m.supplierId) : null),
    shortlist: (m, _, { services }) => (m.shortlistId ? services.store.shortlists.findById(m.shortlistId) : null),
    need: (m, _, { services }) => needOfMail(services, m),
  },
  ImpactStats: {
    csv: (s, { excelFr }) => impactCsv(s, { excelFr: excelFr ?? false }),
  },
  Need: {
    shortlists: (n, _, { viewer, services }) => shortlistsOf(services, viewer, n),
  },
} satisfies ResolverPart;
