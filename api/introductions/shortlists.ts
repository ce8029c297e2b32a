// Shortlists: the matcher proposes, an officer curates and approves, the outbox introduces.
// Who may do what: drafting, editing, approving and the officers' lists are OFFICER and ADMIN
// only. A shortlist is read by staff at any time, and by the need's firm once it is APPROVED or
// SENT (a draft is the Métropole's work in progress, not yet an answer to the firm).
import { z } from 'zod';
import { MAX_GROUP_SIZE, MIN_GROUP_SIZE } from '../../matching/groupements';
import { isRelevant } from '../../matching/rank';
import { isStaff, requireRole, requireViewer, type Viewer, STAFF } from '../auth/guards';
import { badInput, conflict, forbidden, notFound } from '../errors';
import { type OutgoingMail, mailDomain } from '../mail';
import type { IntroductionDeps } from './deps';
import { type OverrideInput, exclusions, overridesFor, requireOverrides } from './overrides';
import {
  AWAITING_ORDER,
  awaitingShortlistFilter,
  failedRow,
  INTRODUCTIONS_ORDER,
  introductionsFilter,
  openDraftOf,
  outboxOf,
  listMailsIn,
  shortlistIn,
  shortlistsOfNeed,
} from '../store/filters';
import { DuplicateKeyError, type NeedRecord, type MailKind, type OutboxRecord, type ShortlistItemRecord, type ShortlistRecord, type ShortlistStatus } from '../store/types';
import { holdRows, plannedRows, previewIntroductionMails, releaseApproval } from './introductions';
import { newId, decodeDateCursor, encodeCursor, pageSize, toPage, type Page } from '../kernel';
import { shortlistRefusal, canSeeNeed } from '../needs';
import { tradeShortfall, activeSuppliers } from '../directory';
import * as v from '../kernel';
import { earlierNames, introducedEarlier } from './earlier';
import { previewFingerprint } from './preview-fingerprint';

export const DEFAULT_SHORTLIST_SIZE = 5;
export const MAX_SHORTLIST_SIZE = 20;

const supplierIdList = v
  .list(z.string().trim().min(1, 'identifiant vide').max(100, 'identifiant trop long'), MAX_SHORTLIST_SIZE, 'structures')
  .refine((ids) => new Set(ids).size === ids.length, 'une structure y figure deux fois');

/** The officer's reason for listing a structure a hard constraint of the need excludes. */
const overrideList = v
  .list(z.object({ supplierId: z.string().max(100), reason: v.text(500) }), MAX_SHORTLIST_SIZE, 'overrides')
  .nullish();

const draftSchema = z.object({
  size: z.number().int('doit être un entier').min(1, 'au moins 1').max(MAX_SHORTLIST_SIZE, `au plus ${MAX_SHORTLIST_SIZE}`).nullish(),
  supplierIds: supplierIdList.nullish(),
  overrides: overrideList,
});

const updateSchema = z.object({
  supplierIds: supplierIdList,
  notes: v
    .list(z.object({ supplierId: z.string().max(100), note: v.optionalText(500) }), MAX_SHORTLIST_SIZE, 'notes')
    .nullish(),
  groupement: z.boolean('doit être vrai ou faux').nullish(),
  overrides: overrideList,
});

const approveSchema = z.object({ message: v.optionalText(2000) });

export async function needOf(services: IntroductionDeps, needId: string): Promise<NeedRecord> {
  const need = await services.store.needs.findById(needId);
  if (!need) throw notFound('Besoin introuvable.');
  return need;
}

async function existing(services: IntroductionDeps, id: string): Promise<ShortlistRecord> {
  const shortlist = await services.store.shortlists.findById(id);
  if (!shortlist) throw notFound('Liste de structures introuvable.');
  return shortlist;
}

const alreadyApproved = () => conflict('Cette liste est déjà approuvée : elle ne peut plus être modifiée.');

/**
 * The matcher's proposal: eligible structures of the need's trade only (officers may still add any
 * other), none an earlier list of the need introduced, with a notice when they are fewer than asked
 * or when earlier ones were left out; refused, with the reason, when there is none.
 */
async function proposed(services: IntroductionDeps, need: NeedRecord, wanted: number, earlier: Map<string, Date>): Promise<{ items: ShortlistItemRecord[]; notice: string | null }> {
  const ranked = services.matching.rank(need, wanted + earlier.size);
  const matches = ranked.filter((m) => m.eligible && isRelevant(m));
  const stored = await activeSuppliers(services.store, [...matches.map((m) => m.profileId), ...earlier.keys()]);
  // An imported profile with no contact address yet cannot be introduced: not proposed.
  const reachable = matches.filter((m) => stored.get(m.profileId)?.contactEmail);
  const items: ShortlistItemRecord[] = reachable
    .filter((m) => !earlier.has(m.profileId))
    .slice(0, wanted)
    .map((m) => ({ supplierId: m.profileId, note: null, reasons: m.reasons, score: m.score, proposed: true }));
  const named = earlierNames([...earlier.keys()], earlier, stored);
  const leftOut = named ? `Déjà présentées pour ce besoin, elles ne sont pas reprises : ${named}.` : null;
  if (items.length === 0) {
    const why = reachable.length > 0 ? "celles qui peuvent y répondre lui ont toutes déjà été présentées." : (tradeShortfall(need, ranked) ?? "les structures de ce métier qui peuvent intervenir n'ont pas encore d'adresse de contact.");
    throw conflict(`Aucune structure à proposer pour ce besoin : ${why}${leftOut ? ` ${leftOut}` : ''} Pour présenter malgré tout des structures choisies à la main, donnez-les dans « supplierIds ».`);
  }
  const one = items.length === 1;
  const shortfall =
    items.length < wanted
      ? `${items.length} ${one ? 'structure seulement est assez proche' : 'structures seulement sont assez proches'} du besoin pour être ${one ? 'proposée' : 'proposées'} (${wanted} demandées) : les autres sont d'autres métiers, ou ne peuvent intervenir.`
      : null;
  const notice = [shortfall, leftOut].filter(Boolean).join(' ');
  return { items, notice: notice || null };
}

/** The day an earlier list introduced this structure, when one did: the officer sees it in the list. */
const earlierMark = (earlier: Map<string, Date>, sid: string): Pick<ShortlistItemRecord, 'introducedBefore'> =>
  earlier.has(sid) ? { introducedBefore: earlier.get(sid)! } : {};

/** A draft started from structures the officer chose, scored as the matcher would score them; an excluded one needs a derogation. */
async function handPicked(services: IntroductionDeps, need: NeedRecord, supplierIds: string[], overrides: OverrideInput[] | null | undefined, by: string, earlier: Map<string, Date>): Promise<ShortlistItemRecord[]> {
  const found = await activeSuppliers(services.store, supplierIds);
  const unknown = supplierIds.find((sid) => !found.has(sid));
  if (unknown !== undefined) throw badInput('supplierIds', `« supplierIds » : structure inconnue : ${unknown.slice(0, 100)}`);
  const derogations = overridesFor(exclusions(services, need, supplierIds), supplierIds, overrides, supplierIds, found, by);
  const ranked = reasonsFor(services, need, supplierIds);
  return supplierIds.map((sid) => ({
    supplierId: sid,
    note: null,
    reasons: ranked.get(sid)?.reasons ?? [],
    score: ranked.get(sid)?.score ?? null,
    proposed: false,
    ...(derogations.has(sid) ? { override: derogations.get(sid)! } : {}),
    ...earlierMark(earlier, sid),
  }));
}

/** The need's open draft, or a new one: the matcher's proposal, or the structures the officer gives. */
export async function draftShortlist(services: IntroductionDeps, viewer: Viewer | null, needId: string, size?: number | null, supplierIds?: unknown, overrides?: unknown): Promise<ShortlistRecord> {
  const who = requireRole(viewer, ...STAFF);
  const input = v.parseInput(draftSchema, { size, supplierIds, overrides });
  const need = await needOf(services, needId);
  if (need.confirmedAt === null) throw conflict("Ce besoin attend encore la confirmation de l'entreprise (lien envoyé à son adresse) : il ne peut pas encore être présenté.");
  const refusal = shortlistRefusal(need);
  if (refusal) throw conflict(refusal);
  const { shortlists } = services.store;
  const open = await shortlists.findOne(openDraftOf(need.id));
  if (open) return open;

  const earlier = await introducedEarlier(services.store, need.id);
  const { items, notice } = input.supplierIds?.length
    ? { items: await handPicked(services, need, input.supplierIds, input.overrides, who.userId, earlier), notice: null }
    : await proposed(services, need, input.size ?? DEFAULT_SHORTLIST_SIZE, earlier);
  const now = new Date();
  const record: ShortlistRecord = {
    id: newId(),
    needId: need.id,
    status: 'DRAFT',
    items,
    revision: 0,
    openDraftOf: need.id,
    draftedBy: who.userId,
    message: null,
    notice,
    approvedBy: null,
    replyTo: null,
    approvedAt: null,
    sentAt: null,
    groupement: false,
    createdAt: now,
    updatedAt: now,
  };
  try {
    return await shortlists.insert(record);
  } catch (err) {
    // Two officers drafting at once: the unique index let one in; both get that one.
    if (!(err instanceof DuplicateKeyError)) throw err;
    const winner = await shortlists.findOne(openDraftOf(need.id));
    if (!winner) throw err;
    return winner;
  }
}

/** The matcher's score and reasons for structures it did not propose: the officer sees how they fare too. */
function reasonsFor(services: IntroductionDeps, need: NeedRecord, supplierIds: string[]): Map<string, { reasons: string[]; score: number }> {
  return new Map(services.matching.scoreFor(need, supplierIds).map((m) => [m.profileId, { reasons: m.reasons, score: m.score }]));
}

/** The officer's edit of a draft: the order (required), notes, groupement and derogations (when given). Checked by updateSchema. */
export interface ShortlistChanges {
  supplierIds: unknown;
  notes?: unknown;
  groupement?: unknown;
  overrides?: unknown;
}

/**
 * Sets the curated order (and notes, when given: a note of null or "" removes it; and whether the
 * structures are presented as one groupement, when given). DRAFT only.
 */
export async function updateShortlist(services: IntroductionDeps, viewer: Viewer | null, id: string, changes: ShortlistChanges): Promise<ShortlistRecord> {
  const who = requireRole(viewer, ...STAFF);
  const input = v.parseInput(updateSchema, changes);
  const shortlist = await existing(services, id);
  if (shortlist.status !== 'DRAFT') throw alreadyApproved();
  const asGroupement = input.groupement ?? shortlist.groupement;
  if (asGroupement && (input.supplierIds.length < MIN_GROUP_SIZE || input.supplierIds.length > MAX_GROUP_SIZE)) {
    const field = input.groupement ? 'groupement' : 'supplierIds';
    throw badInput(field, `« ${field} » : un groupement réunit de ${MIN_GROUP_SIZE} à ${MAX_GROUP_SIZE} structures (la liste en compte ${input.supplierIds.length}).`);
  }

  // A retired structure (its account deleted: an anonymous stub) is as good as unknown here.
  const found = await activeSuppliers(services.store, input.supplierIds);
  const unknown = input.supplierIds.find((sid) => !found.has(sid));
  if (unknown !== undefined) throw badInput('supplierIds', `« supplierIds » : structure inconnue : ${unknown.slice(0, 100)}`);
  const noteOf = new Map<string, string | null>();
  for (const n of input.notes ?? []) {
    if (!input.supplierIds.includes(n.supplierId)) {
      throw badInput('notes', `« notes » : la structure ${n.supplierId.slice(0, 100)} ne fait pas partie de la liste.`);
    }
    noteOf.set(n.supplierId, n.note);
  }

  const before = new Map(shortlist.items.map((i) => [i.supplierId, i]));
  const added = input.supplierIds.filter((sid) => !before.has(sid));
  const need = await needOf(services, shortlist.needId);
  const derogations = overridesFor(exclusions(services, need, input.supplierIds), added, input.overrides, input.supplierIds, found, who.userId);
  const earlier = added.length > 0 ? await introducedEarlier(services.store, need.id) : new Map<string, Date>();
  const ranked = reasonsFor(services, need, added);
  const items = input.supplierIds.map((sid): ShortlistItemRecord => {
    const item = before.get(sid) ?? { supplierId: sid, note: null, reasons: ranked.get(sid)?.reasons ?? [], score: ranked.get(sid)?.score ?? null, proposed: false, ...earlierMark(earlier, sid) };
    const override = derogations.get(sid) ?? item.override;
    return { ...item, note: noteOf.has(sid) ? noteOf.get(sid)! : item.note, ...(override ? { override } : {}) };
  });
  const updated = await services.store.shortlists.findOneAndUpdate(shortlistIn(id, 'DRAFT', shortlist.revision), { items, groupement: asGroupement, revision: shortlist.revision + 1 });
  if (updated) return updated;
  const now = await existing(services, id);
  throw now.status !== 'DRAFT' ? alreadyApproved() : conflict('La liste a été modifiée entre-temps : rechargez-la puis recommencez.');
}

/** What an approval needs: a non-empty list whose structures all still exist. */
async function approvable(services: IntroductionDeps, shortlist: ShortlistRecord) {
  if (shortlist.items.length === 0) throw conflict('La liste est vide : ajoutez au moins une structure avant de l’approuver.');
  const need = await needOf(services, shortlist.needId);
  const refusal = shortlistRefusal(need);
  if (refusal) throw conflict(refusal);
  const suppliers = await activeSuppliers(services.store, shortlist.items.map((i) => i.supplierId));
  if (suppliers.size !== shortlist.items.length) throw conflict("Une structure de la liste n'existe plus : mettez la liste à jour.");
  const unreachable = [...suppliers.values()].find((s) => !s.contactEmail);
  if (unreachable) throw conflict(`« ${unreachable.name} » n'a pas encore d'adresse de contact : ajoutez-la à son profil ou retirez-la de la liste.`);
  requireOverrides(services, need, shortlist.items, suppliers);
  return { need, suppliers };
}

const STALE_PREVIEW = "Le besoin, la liste, une note, le message ou une fiche a changé depuis l'aperçu : prévisualisez de nouveau les courriels, puis approuvez.";

/**
 * Approves and queues the introductions. Idempotent: approving an approved list returns it and
 * sends nothing more. The commit is the shortlist's single-document update, guarded by its
 * revision, so an edit that slipped in since the mails were planned makes the approval fail.
 * Given the fingerprint of a preview, approval sends exactly what it showed, or refuses.
 */
export async function approveShortlist(services: IntroductionDeps, viewer: Viewer | null, id: string, message?: string | null, previewed?: string | null): Promise<ShortlistRecord> {
  const who = requireRole(viewer, ...STAFF);
  const input = v.parseInput(approveSchema, { message });
  const { store, config } = services;
  const shortlist = await existing(services, id);
  if (shortlist.status !== 'DRAFT') return shortlist;
  const { need, suppliers } = await approvable(services, shortlist);
  if (previewed != null && previewed !== previewFingerprint(shortlist, input.message, who.email, need, suppliers)) throw conflict(STALE_PREVIEW);

  const domain = mailDomain(config.mailFrom);
  const now = new Date();
  await holdRows(store, id, plannedRows(shortlist, need, suppliers, domain, now));
  const approved = await store.shortlists.findOneAndUpdate(shortlistIn(id, 'DRAFT', shortlist.revision), {
    status: 'APPROVED',
    openDraftOf: null,
    message: input.message,
    approvedBy: who.userId,
    replyTo: who.email,
    approvedAt: now,
  });
  if (!approved) {
    const current = await existing(services, id);
    if (current.status !== 'DRAFT') return current; // approved concurrently: the same act, done once
    throw conflict('La liste a été modifiée pendant l’approbation : relisez-la puis approuvez-la à nouveau.');
  }
  // Should this fail, the approval stands: the outbox's recovery pass releases the HELD rows.
  await releaseApproval(store, approved, domain);
  services.outbox.kick();
  return approved;
}

/** Staff read any shortlist; the need's firm reads it once approved. */
export async function getShortlist(services: IntroductionDeps, viewer: Viewer | null, id: string): Promise<ShortlistRecord | null> {
  const who = requireViewer(viewer);
  const shortlist = await services.store.shortlists.findById(id);
  if (!shortlist || isStaff(who)) return shortlist;
  const need = await services.store.needs.findById(shortlist.needId);
  if (!need || !canSeeNeed(who, need) || shortlist.status === 'DRAFT') throw forbidden("Cette liste n'est pas (encore) visible pour vous.");
  return shortlist;
}

/** The shortlists of a need the viewer may see: all for staff, the approved ones for its firm. */
export function shortlistsOf(services: IntroductionDeps, viewer: Viewer | null, need: NeedRecord): Promise<ShortlistRecord[]> {
  const statuses: ShortlistStatus[] | undefined = isStaff(viewer) ? undefined : ['APPROVED', 'SENT'];
  return services.store.shortlists.find(shortlistsOfNeed(need.id, statuses), { sort: { createdAt: 1, id: 1 } });
}

/** Officers: needs no shortlist was approved for yet, those waiting longest first. */
export async function needsAwaitingShortlist(services: IntroductionDeps, viewer: Viewer | null, args: { first?: number | null; after?: string | null }): Promise<Page<NeedRecord>> {
  requireRole(viewer, ...STAFF);
  const size = pageSize(args.first);
  const after = decodeDateCursor(args.after);
  const { needs } = services.store;
  const [fetched, totalCount] = await Promise.all([
    needs.find(awaitingShortlistFilter(after ?? undefined), { sort: AWAITING_ORDER, limit: size + 1 }),
    needs.count(awaitingShortlistFilter()),
  ]);
  return toPage(fetched, size, totalCount, (n) => encodeCursor([n.createdAt.getTime(), n.id]));
}

/** Officers: the introductions (approved and sent shortlists unless a status is given), newest first. */
export async function introductions(
  services: IntroductionDeps,
  viewer: Viewer | null,
  args: { status?: ShortlistStatus | null; first?: number | null; after?: string | null },
): Promise<Page<ShortlistRecord>> {
  requireRole(viewer, ...STAFF);
  const size = pageSize(args.first);
  const after = decodeDateCursor(args.after);
  const statuses: ShortlistStatus[] = args.status ? [args.status] : ['APPROVED', 'SENT'];
  const { shortlists } = services.store;
  const [fetched, totalCount] = await Promise.all([
    shortlists.find(introductionsFilter(statuses, after ?? undefined), {
      sort: INTRODUCTIONS_ORDER,
      limit: size + 1,
    }),
    shortlists.count(introductionsFilter(statuses)),
  ]);
  return toPage(fetched, size, totalCount, (s) => encodeCursor([s.createdAt.getTime(), s.id]));
}

/** Staff: the mails of a shortlist, with their delivery state. */
/** Staff: the list's mails of these kinds (its introductions by default), in the order they were written. */
export async function mailsOf(services: IntroductionDeps, viewer: Viewer | null, shortlist: ShortlistRecord, kinds?: readonly MailKind[] | null): Promise<OutboxRecord[]> {
  if (!isStaff(viewer)) throw forbidden("L'état des envois est réservé aux agents de la Métropole.");
  const wanted = new Set<MailKind>(kinds ?? ['INTRODUCTION']);
  const rows = await services.store.outbox.find(outboxOf(shortlist.id), { sort: { createdAt: 1, id: 1 } });
  return rows.filter((row) => wanted.has(row.kind));
}

/** Staff: mails given up on, most recent first, so someone can call the recipient. */
export function failedMails(services: IntroductionDeps, viewer: Viewer | null, first?: number | null): Promise<OutboxRecord[]> {
  requireRole(viewer, ...STAFF);
  return services.store.outbox.find(listMailsIn('FAILED'), { sort: { updatedAt: -1, id: -1 }, limit: pageSize(first) });
}

/**
 * Staff: every mail approving the list with this message would send, as the outbox will render
 * them, each with the preview's fingerprint for approveShortlist; a draft is refused as approval would refuse it.
 */
export async function previewIntroduction(services: IntroductionDeps, viewer: Viewer | null, shortlistId: string, message?: string | null): Promise<Array<OutgoingMail & { fingerprint: string }>> {
  const who = requireRole(viewer, ...STAFF);
  const input = v.parseInput(approveSchema, { message });
  const stored = await existing(services, shortlistId);
  const draft = stored.status === 'DRAFT';
  const shortlist = draft ? { ...stored, message: input.message } : stored;
  const { need, suppliers } = draft
    ? await approvable(services, stored)
    : { need: await services.store.needs.findById(stored.needId), suppliers: await activeSuppliers(services.store, stored.items.map((i) => i.supplierId)) };
  if (!need) return []; // a sent list whose need was erased since: nothing to show
  const fingerprint = previewFingerprint(shortlist, shortlist.message, draft ? who.email : shortlist.replyTo, need, suppliers);
  const mails = await previewIntroductionMails(services.store, shortlist, who.email, mailDomain(services.config.mailFrom), { links: services.links, publicUrl: services.publicUrl });
  return mails.map((mail) => ({ ...mail, fingerprint }));
}

/** Staff: a mail given up on is sent again from scratch (a fresh MAIL_GIVE_UP_AFTER), now. */
export async function retryMail(services: IntroductionDeps, viewer: Viewer | null, id: string): Promise<OutboxRecord> {
  requireRole(viewer, ...STAFF);
  const retried = await services.store.outbox.findOneAndUpdate(failedRow(id), {
    state: 'PENDING',
    attempts: 0,
    firstAttemptAt: null,
    nextAttemptAt: new Date(),
    lastError: null,
  });
  if (!retried) {
    if (!(await services.store.outbox.findById(id))) throw notFound('Courriel introuvable.');
    throw conflict("Seul un courriel en échec peut être renvoyé : celui-ci ne l'est pas.");
  }
  services.outbox.kick();
  return retried;
}
