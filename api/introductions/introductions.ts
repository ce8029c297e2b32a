// The introduction mails of an approved shortlist: which rows the outbox holds for it, how an
// approval releases them, what each one says, and how a crash between those steps is repaired.
//
// Approval protocol (nedb has no multi-document transaction):
//   1. rows are written HELD, with ids derived from (shortlist, recipient): a retry cannot duplicate them;
//   2. the shortlist's own update DRAFT → APPROVED is the commit point;
//   3. its rows go HELD → PENDING (and the need is marked introduced).
// Only PENDING rows are ever sent. The recovery pass redoes step 3 for any HELD row whose shortlist
// is committed, and drops HELD rows of a shortlist still in DRAFT (an approval that died before 2).
import { outboxRow, renderFirmMail, renderStructureMail, type GroupementView, type OutgoingMail } from '../mail';
import { communeName } from '../reference/communes';
import { formatDateFr, formatEuros, structureKindFr, budgetFr } from '../reference/vocabulary';
import { STATUS_CODES } from '../../matching/components/sector';
import { inclusionRequirement, isOethNeed } from '../../matching/components/inclusion';
import { capacityFr, memberPart } from '../../matching/groupements';
import { tradeLabel, activeSuppliers } from '../directory';
import { heldRow, outboxIn, outboxOf, shortlistIn, shortlistsIn, undelivered } from '../store/filters';
import { DuplicateKeyError, type NeedRecord, type OutboxRecord, type ShortlistRecord, type Store, type SupplierRecord } from '../store/types';
import { answerLinks, outcomesLink, AnswerLinking, SIGN_IN_REQUEST_PATH } from '../links';
import { dropErasedMeanwhile } from './erased-meanwhile';

/** HELD rows of a DRAFT shortlist younger than this may belong to an approval still running. */
const ABANDONED_AFTER_MS = 5 * 60_000;

export const isIntroductionRow = (row: OutboxRecord): boolean => row.kind === 'INTRODUCTION';

export const rowIdOf = (shortlistId: string, supplierId: string | null): string =>
  supplierId ? `${shortlistId}:supplier:${supplierId}` : `${shortlistId}:firm`;

/** One row for the firm, one per curated structure that still exists. */
export function plannedRows(shortlist: ShortlistRecord, need: NeedRecord, suppliers: Map<string, SupplierRecord>, domain: string, now: Date): OutboxRecord[] {
  const row = (supplierId: string | null, to: string): OutboxRecord =>
    outboxRow({ id: rowIdOf(shortlist.id, supplierId), kind: 'INTRODUCTION', shortlistId: shortlist.id, supplierId, to, domain, state: 'HELD', now });
  const toSuppliers = shortlist.items.flatMap((i) => {
    const s = suppliers.get(i.supplierId);
    return s ? [row(s.id, s.contactEmail)] : [];
  });
  return [row(null, need.contactEmail), ...toSuppliers];
}

/** Step 1: the rows, HELD. A row left by an earlier attempt is refreshed while still HELD. */
export async function holdRows(store: Store, shortlistId: string, rows: OutboxRecord[]): Promise<void> {
  for (const row of rows) {
    try {
      await store.outbox.insert(row);
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err;
      await store.outbox.findOneAndUpdate(heldRow(row.id), { to: row.to, nextAttemptAt: row.nextAttemptAt });
    }
  }
  await dropStaleHeld(store, shortlistId, new Set(rows.map((r) => r.id)));
  await dropErasedMeanwhile(store, shortlistId, rows);
}

/** HELD rows of an earlier attempt whose recipient is no longer on the list. */
async function dropStaleHeld(store: Store, shortlistId: string, keep: Set<string>): Promise<void> {
  for (const stale of await store.outbox.find(outboxOf(shortlistId, ['HELD']))) {
    // Only while still HELD: a release may have promoted it since it was read.
    if (!keep.has(stale.id)) await store.outbox.removeOne(heldRow(stale.id));
  }
}

/** Step 3, idempotent: after the commit, every planned row becomes PENDING (written now if missing). */
export async function releaseApproval(store: Store, shortlist: ShortlistRecord, domain: string): Promise<void> {
  const need = await store.needs.findById(shortlist.needId);
  if (!need) {
    await dropStaleHeld(store, shortlist.id, new Set());
    return;
  }
  if (!need.introducedAt) await store.needs.update(need.id, { introducedAt: shortlist.approvedAt ?? new Date() });
  const now = new Date();
  const rows = plannedRows(shortlist, need, await activeSuppliers(store, shortlist.items.map((i) => i.supplierId)), domain, now);
  for (const row of rows) {
    const promoted = await store.outbox.findOneAndUpdate(heldRow(row.id), { state: 'PENDING', nextAttemptAt: now });
    if (promoted || (await store.outbox.findById(row.id))) continue;
    try {
      await store.outbox.insert({ ...row, state: 'PENDING' });
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err; // written meanwhile by another release: fine
    }
  }
  await dropStaleHeld(store, shortlist.id, new Set());
  await dropErasedMeanwhile(store, shortlist.id, rows);
}

/** The shortlist becomes SENT once every one of its mails is delivered. */
export async function completeIfDelivered(store: Store, shortlistId: string, now = new Date()): Promise<void> {
  if ((await store.outbox.count(undelivered(shortlistId))) > 0) return;
  if ((await store.outbox.count(outboxOf(shortlistId))) === 0) return;
  await store.shortlists.findOneAndUpdate(shortlistIn(shortlistId, 'APPROVED'), { status: 'SENT', sentAt: now });
}

/** The recovery pass: at the worker's start, then now and then. */
export async function recoverIntroductions(store: Store, domain: string): Promise<void> {
  const held = await store.outbox.find(outboxIn('HELD'));
  const byShortlist = new Map<string, OutboxRecord[]>();
  for (const row of held) if (row.shortlistId) byShortlist.set(row.shortlistId, [...(byShortlist.get(row.shortlistId) ?? []), row]);
  for (const [shortlistId, rows] of byShortlist) {
    const shortlist = await store.shortlists.findById(shortlistId);
    if (shortlist && shortlist.status !== 'DRAFT') {
      await releaseApproval(store, shortlist, domain);
    } else {
      const abandoned = rows.filter((r) => !shortlist || r.updatedAt.getTime() < Date.now() - ABANDONED_AFTER_MS);
      for (const row of abandoned) await store.outbox.removeOne(heldRow(row.id));
    }
  }
  // The last mail marked but not the list (a crash, or the `delivered` hook hit by a store error):
  // settled on every pass, not only at start. APPROVED lists are few: those still being sent.
  for (const s of await store.shortlists.find(shortlistsIn(['APPROVED']))) await completeIfDelivered(store, s.id);
}

/** The budget and the members' declared capacities added up, for the firm's groupement paragraph. */
function groupementView(need: NeedRecord, members: SupplierRecord[]): GroupementView {
  const declared = members.flatMap((s) => (s.maxContractValue !== null ? [s.maxContractValue] : []));
  return { budget: budgetFr(need.budgetMin, need.budgetMax), totalCapacity: declared.length ? capacityFr(declared.reduce((a, b) => a + b, 0)) : null };
}

/** An OETH purchase: the whole list counts, or only its ESAT/EA/EATT when an officer added others by derogation. */
function oethOf(need: NeedRecord, shortlist: ShortlistRecord, suppliers: Map<string, SupplierRecord>): { only: string[] | null } | null {
  const required = need.requiredInclusionKinds;
  if (!isOethNeed(required, need.kind)) return null;
  const listed = shortlist.items.flatMap((i) => suppliers.get(i.supplierId) ?? []);
  const counting = listed.filter((s) => inclusionRequirement(required, s.inclusionKind, need.kind)?.allowed);
  return { only: counting.length === listed.length ? null : counting.map((s) => s.name) };
}

const SHOWN_SERVICES = 4;

/** What a structure does, for a person: its services in its own words, else its first trade's label. */
function activityFr(s: SupplierRecord): string | null {
  if (s.services.length) return s.services.slice(0, SHOWN_SERVICES).map((x) => x.trim()).join(', ');
  const trade = s.nafCodes.find((c) => !STATUS_CODES.has(c));
  return trade ? tradeLabel(trade) : null;
}

/** Its size as it declared it: staff and the largest contract it takes on. */
function sizeFr(s: SupplierRecord): string | null {
  const parts = [
    ...(s.employees ? [`${s.employees} salarié${s.employees > 1 ? 's' : ''}`] : []),
    ...(s.maxContractValue ? [`contrats jusqu'à ${formatEuros(s.maxContractValue)}`] : []),
  ];
  return parts.length ? parts.join(', ') : null;
}

/** The mail of one row, rendered from the committed shortlist and today's records. */
export async function composeIntroductionMail(store: Store, row: OutboxRecord, linking: AnswerLinking): Promise<OutgoingMail | { gone: string }> {
  const shortlist = row.shortlistId ? await store.shortlists.findById(row.shortlistId) : null;
  if (!shortlist || shortlist.status === 'DRAFT') return { gone: "La liste de structures n'existe plus." };
  const need = await store.needs.findById(shortlist.needId);
  if (!need) return { gone: "Le besoin de l'entreprise a été supprimé." };
  return renderIntroductionMail(row, shortlist, need, await activeSuppliers(store, shortlist.items.map((i) => i.supplierId)), linking);
}

/** What one row's mail says. Shared by the outbox (what is sent) and the preview (what would be). */
export function renderIntroductionMail(row: OutboxRecord, shortlist: ShortlistRecord, need: NeedRecord, suppliers: Map<string, SupplierRecord>, linking: AnswerLinking): OutgoingMail | { gone: string } {
  const firmName = need.companyName ?? 'Une entreprise du territoire';

  const groupement = shortlist.groupement;
  if (row.recipientKind === 'FIRM') {
    const structures = shortlist.items.flatMap((item) => {
      const s = suppliers.get(item.supplierId);
      if (!s) return [];
      return [
        {
          name: s.name,
          kind: structureKindFr(s),
          commune: communeName(s.communeCode),
          description: s.description,
          activity: activityFr(s),
          capacity: sizeFr(s),
          contactEmail: s.contactEmail,
          website: s.website,
          note: item.note,
          part: groupement ? `${memberPart(s, need, tradeLabel)} (capacité ${capacityFr(s.maxContractValue)})` : null,
        },
      ];
    });
    if (structures.length === 0) return { gone: "Aucune des structures de la liste n'existe plus." };
    const rendered = renderFirmMail({ needTitle: need.title, firmContactEmail: need.contactEmail, structures,
      message: shortlist.message,
      officerEmail: shortlist.replyTo,
      oeth: oethOf(need, shortlist, suppliers),
      groupement: groupement ? groupementView(need, [...suppliers.values()]) : null,
      outcomesUrl: outcomesLink(linking.links, linking.publicUrl, shortlist),
    });
    return { ...rendered, to: row.to, replyTo: shortlist.replyTo, messageId: row.messageId };
  }

  const supplier = row.supplierId ? suppliers.get(row.supplierId) : undefined;
  if (!supplier) return { gone: "La structure a été supprimée de l'annuaire." };
  const item = shortlist.items.find((i) => i.supplierId === supplier.id);
  const rendered = renderStructureMail({
    structureName: supplier.name,
    firmName,
    firmContactEmail: need.contactEmail,
    needTitle: need.title,
    needDescription: need.description,
    budget: budgetFr(need.budgetMin, need.budgetMax),
    deadline: need.deadline ? formatDateFr(need.deadline) : null,
    place: communeName(need.communeCode),
    introducedCount: shortlist.items.filter((i) => suppliers.has(i.supplierId)).length,
    partners: groupement ? shortlist.items.filter((i) => i.supplierId !== supplier.id).flatMap((i) => suppliers.get(i.supplierId)?.name ?? []) : [],
    answerLinks: answerLinks(linking.links, linking.publicUrl, shortlist, supplier),
    signInUrl: `${linking.publicUrl}${SIGN_IN_REQUEST_PATH}`,
    // The need's internal note is never given to a mail: only the officer's word on this structure.
    note: item?.note ?? null,
    reasons: item?.reasons ?? [],
    addedByOfficer: item ? !item.proposed : false,
    officerEmail: shortlist.replyTo,
  });
  // A reply from the structure goes straight to the firm.
  return { ...rendered, to: row.to, replyTo: need.contactEmail, messageId: row.messageId };
}

/**
 * Every mail approving this shortlist would send (or, once approved, did send), rendered by the
 * code the outbox uses. A draft is previewed as if `approverEmail` approved it now.
 */
export async function previewIntroductionMails(store: Store, shortlist: ShortlistRecord, approverEmail: string, domain: string, linking: AnswerLinking): Promise<OutgoingMail[]> {
  const need = await store.needs.findById(shortlist.needId);
  if (!need) return [];
  const suppliers = await activeSuppliers(store, shortlist.items.map((i) => i.supplierId));
  const asSent = shortlist.status === 'DRAFT' ? { ...shortlist, replyTo: approverEmail } : shortlist;
  const rows =
    shortlist.status === 'DRAFT'
      ? plannedRows(shortlist, need, suppliers, domain, new Date())
      : (await store.outbox.find(outboxOf(shortlist.id), { sort: { createdAt: 1, id: 1 } })).filter(isIntroductionRow);
  return rows.flatMap((row) => {
    const mail = renderIntroductionMail(row, asSent, need, suppliers, linking);
    return 'gone' in mail ? [] : [mail];
  });
}
