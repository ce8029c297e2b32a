// Thin resolvers for shortlists, introductions, outcomes and the yearly review.
import { isStaff } from '../../api/auth/guards';
import { impactCsv, impactStats, type ImpactStats } from '../../api/impact';
import { itemsOf, recordOutcome, type ShortlistItemView } from '../../api/introductions';
import {
  approveShortlist,
  draftShortlist,
  failedMails,
  getShortlist,
  introductions,
  mailsOf,
  needsAwaitingShortlist,
  previewIntroduction,
  retryMail,
  shortlistsOf,
  updateShortlist,
} from '../../api/introductions';
import { needOfMail } from '../../api/needs';
import { recordSupplierAnswer } from '../../api/introductions';
import type { NeedRecord, OutboxRecord, ShortlistRecord } from '../../api/store/types';
import type { Context, NoArgs } from '../context';
import type { MutationApproveShortlistArgs, MutationDraftShortlistArgs, MutationRecordOutcomeArgs, MutationRecordSupplierAnswerArgs, MutationRetryMailArgs, MutationUpdateShortlistArgs, QueryFailedMailsArgs, QueryImpactStatsArgs, QueryIntroductionsArgs, QueryNeedsAwaitingShortlistArgs, QueryPreviewIntroductionArgs, QueryShortlistArgs, ShortlistMailsArgs } from '../generated/schema-types';


export const shortlistResolvers = {
  Query: {
    shortlist: (_: unknown, { id }: QueryShortlistArgs, { viewer, services }: Context) => getShortlist(services, viewer, id),
    needsAwaitingShortlist: (_: unknown, args: QueryNeedsAwaitingShortlistArgs, { viewer, services }: Context) => needsAwaitingShortlist(services, viewer, args),
    introductions: (_: unknown, args: QueryIntroductionsArgs, { viewer, services }: Context) => introductions(services, viewer, args),
    failedMails: (_: unknown, { first }: QueryFailedMailsArgs, { viewer, services }: Context) => failedMails(services, viewer, first),
    previewIntroduction: (_: unknown, { shortlistId, message }: QueryPreviewIntroductionArgs, { viewer, services }: Context) => previewIntroduction(services, viewer, shortlistId, message),
    impactStats: (_: unknown, { from, to }: QueryImpactStatsArgs, { viewer, services }: Context) => impactStats(services, viewer, from, to),
  },
  Mutation: {
    draftShortlist: (_: unknown, { needId, size, supplierIds, overrides }: MutationDraftShortlistArgs, { viewer, services }: Context) => draftShortlist(services, viewer, needId, size, supplierIds, overrides),
    updateShortlist: (_: unknown, { id, supplierIds, notes, groupement, overrides }: MutationUpdateShortlistArgs, { viewer, services }: Context) => updateShortlist(services, viewer, id, { supplierIds, notes, groupement, overrides }),
    approveShortlist: (_: unknown, { id, message, previewFingerprint }: MutationApproveShortlistArgs, { viewer, services }: Context) => approveShortlist(services, viewer, id, message, previewFingerprint),
    retryMail: (_: unknown, { id }: MutationRetryMailArgs, { viewer, services }: Context) => retryMail(services, viewer, id),
    recordOutcome: (_: unknown, args: MutationRecordOutcomeArgs, { viewer, services }: Context) => recordOutcome(services, viewer, args),
    recordSupplierAnswer: (_: unknown, args: MutationRecordSupplierAnswerArgs, { viewer, services }: Context) => recordSupplierAnswer(services, viewer, args),
  },
  Shortlist: {
    need: (s: ShortlistRecord, _: NoArgs, { services }: Context) => services.store.needs.findById(s.needId),
    notice: (s: ShortlistRecord) => s.notice ?? null,
    items: (s: ShortlistRecord, _: NoArgs, { viewer, services }: Context) => itemsOf(services, s, viewer),
    mails: (s: ShortlistRecord, { kinds }: ShortlistMailsArgs, { viewer, services }: Context) => mailsOf(services, viewer, s, kinds),
    groupement: (s: ShortlistRecord) => s.groupement ?? false,
  },
  ShortlistItem: {
    proposedByMatcher: (i: ShortlistItemView) => i.proposed,
    // The structure's answer (and its comment) is written for the Métropole's team.
    response: (i: ShortlistItemView, _: NoArgs, { viewer }: Context) => (isStaff(viewer) ? i.response : null),
    // The derogation and the earlier introduction are the Métropole's working notes.
    override: (i: ShortlistItemView, _: NoArgs, { viewer }: Context) => (isStaff(viewer) ? (i.override ?? null) : null),
    alreadyIntroducedAt: (i: ShortlistItemView, _: NoArgs, { viewer }: Context) => (isStaff(viewer) ? (i.introducedBefore ?? null) : null),
  },
  OutboxMail: {
    recipient: (m: OutboxRecord) => m.recipientKind,
    // A HELD row is part of an approval being written: to officers it is simply waiting.
    state: (m: OutboxRecord) => (m.state === 'HELD' ? 'PENDING' : m.state),
    nextAttemptAt: (m: OutboxRecord) => (m.state === 'PENDING' || m.state === 'HELD' ? m.nextAttemptAt : null),
    supplier: (m: OutboxRecord, _: NoArgs, { services }: Context) => (m.supplierId ? services.store.suppliers.findById(m.supplierId) : null),
    kind: (m: OutboxRecord) => m.kind ?? 'INTRODUCTION',
    shortlist: (m: OutboxRecord, _: NoArgs, { services }: Context) => (m.shortlistId ? services.store.shortlists.findById(m.shortlistId) : null),
    need: (m: OutboxRecord, _: NoArgs, { services }: Context) => needOfMail(services, m),
  },
  ImpactStats: {
    csv: (s: ImpactStats) => impactCsv(s),
  },
  NeedShortlists: {
    shortlists: (n: NeedRecord, _: NoArgs, { viewer, services }: Context) => shortlistsOf(services, viewer, n),
  },
};
