// Follow-ups: FOLLOW_UP_AFTER after a shortlist is SENT, the firm is asked what came of each
// introduction it has not told us about, and each structure that has not answered is asked again;
// one reminder FOLLOW_UP_AFTER later, then nothing more. Rows are written into the outbox, due at
// their date, as soon as the list is SENT (again by the recovery pass after a crash), so they are
// claimed once, retried, and survive restarts like every other mail. Whether a row is still worth
// sending is decided when it is due: answered, opted out or erased → DROPPED with the reason.
import { outboxRow, renderFirmFollowUp, renderStructureFollowUp, type OutgoingMail } from '../mail';
import { type LinkSigner, answerLinks, outcomesLink, FIRM_RECIPIENT, AnswerLinking, optOutLink } from '../links';
import type { StoreDeps } from './deps';
import { sentSince, unsentRow } from '../store/filters';
import { DuplicateKeyError, type MailKind, type OutboxRecord, type ShortlistRecord, type Store, type SupplierRecord } from '../store/types';
import { itemsOf } from './outcomes';
import { responseIdOf } from './responses';
import { activeSuppliers } from '../directory';
import { ERASED_EMAIL, FIRM_ERASED, STRUCTURE_ERASED } from '../kernel';
import { dropErasedMeanwhile } from './erased-meanwhile';

export const OPTED_OUT = 'Relances refusées par leur destinataire (lien « Ne plus recevoir de relance »).';
export const NEED_CLOSED = 'Le besoin a été clos par la Métropole : la structure n’est plus relancée.';
export const OPTED_OUT_ALL = 'La structure a refusé toutes les relances (depuis son espace « Ma structure »).';

type FollowUpKind = Extract<MailKind, 'FOLLOW_UP' | 'REMINDER'>;

export const followUpRowId = (kind: FollowUpKind, shortlistId: string, supplierId: string | null): string =>
  `${shortlistId}:${kind === 'FOLLOW_UP' ? 'followup' : 'reminder'}:${supplierId ? `supplier:${supplierId}` : FIRM_RECIPIENT}`;

export const isFollowUp = (row: OutboxRecord): boolean => row.kind === 'FOLLOW_UP' || row.kind === 'REMINDER';

/** Writes the list's follow-up and reminder rows, due after its sending; idempotent. */
export async function scheduleFollowUps(store: Store, shortlist: ShortlistRecord, afterMs: number, domain: string): Promise<void> {
  if (shortlist.status !== 'SENT') return;
  const need = await store.needs.findById(shortlist.needId);
  if (!need) return;
  const suppliers = await activeSuppliers(store, shortlist.items.map((i) => i.supplierId));
  const sentAt = (shortlist.sentAt ?? new Date()).getTime();
  const now = new Date();
  const recipients: [string | null, string][] = [
    ...(need.contactEmail !== ERASED_EMAIL ? ([[null, need.contactEmail]] as [null, string][]) : []),
    ...shortlist.items.flatMap((i): [string, string][] => {
      const s = suppliers.get(i.supplierId);
      return s ? [[s.id, s.contactEmail]] : [];
    }),
  ];
  const rows: { id: string; supplierId: string | null }[] = [];
  for (const [kind, due] of [['FOLLOW_UP', sentAt + afterMs], ['REMINDER', sentAt + 2 * afterMs]] as const) {
    for (const [supplierId, to] of recipients) {
      const id = followUpRowId(kind, shortlist.id, supplierId);
      rows.push({ id, supplierId });
      try {
        await store.outbox.insert(outboxRow({ id, kind, shortlistId: shortlist.id, supplierId, to, domain, due: new Date(due), now }));
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
    }
  }
  await dropErasedMeanwhile(store, shortlist.id, rows);
}

/** Once a list is SENT (the outbox's `delivered` hook), its follow-ups are written. */
export async function followUpsOnceSent(store: Store, shortlistId: string, afterMs: number, domain: string): Promise<void> {
  if (await store.outbox.findById(followUpRowId('FOLLOW_UP', shortlistId, null))) return;
  const shortlist = await store.shortlists.findById(shortlistId);
  if (shortlist?.status === 'SENT') await scheduleFollowUps(store, shortlist, afterMs, domain);
}

/** The recovery pass: lists SENT recently whose follow-ups a crash kept from being written. */
export async function recoverFollowUps(store: Store, afterMs: number, domain: string, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - 2 * afterMs - 86_400_000);
  for (const shortlist of await store.shortlists.find(sentSince(since))) {
    if (await store.outbox.findById(followUpRowId('FOLLOW_UP', shortlist.id, null))) continue;
    if (await store.outbox.findById(followUpRowId('FOLLOW_UP', shortlist.id, shortlist.items[0]?.supplierId ?? null))) continue;
    await scheduleFollowUps(store, shortlist, afterMs, domain);
  }
}

/** The mail of a follow-up row, or why it is no longer to be sent (the row is then DROPPED). */
export async function composeFollowUp(services: StoreDeps, row: OutboxRecord, linking: AnswerLinking): Promise<OutgoingMail | { skip: string; to?: string }> {
  const { store } = services;
  const shortlist = row.shortlistId ? await store.shortlists.findById(row.shortlistId) : null;
  const need = shortlist ? await store.needs.findById(shortlist.needId) : null;
  if (!shortlist || !need) return { skip: "La mise en relation n'existe plus." };
  const reminder = row.kind === 'REMINDER';
  const optOutUrl = optOutLink(linking.links, linking.publicUrl, shortlist, row.supplierId);
  if (row.recipientKind === 'FIRM') {
    if (need.contactEmail === ERASED_EMAIL || row.to === ERASED_EMAIL) return { skip: FIRM_ERASED, to: ERASED_EMAIL };
    const open = (await itemsOf(services, shortlist)).filter((i) => !i.supplier.retiredAt && i.outcome === null);
    if (open.length === 0) return { skip: 'Toutes les suites sont déjà renseignées.' };
    const rendered = renderFirmFollowUp({ needTitle: need.title, structures: open.map((i) => i.supplier.name), outcomesUrl: outcomesLink(linking.links, linking.publicUrl, shortlist), optOutUrl, reminder, introducedAt: shortlist.sentAt ?? shortlist.createdAt });
    return { ...rendered, to: row.to, replyTo: shortlist.replyTo, messageId: row.messageId };
  }
  const supplier = row.supplierId ? (await activeSuppliers(store, [row.supplierId])).get(row.supplierId) : undefined;
  // Erased after this row was written (its erasure and dropErasedMeanwhile() drop the rows they find).
  if (!supplier || row.to === ERASED_EMAIL) return { skip: STRUCTURE_ERASED, to: ERASED_EMAIL };
  // A closed need is no longer on offer: the firm is still asked what came of it (the yearly review), the structures no more.
  if (need.closedAt) return { skip: NEED_CLOSED };
  if (await store.responses.findById(responseIdOf(shortlist.id, supplier.id))) return { skip: 'La structure a déjà répondu.' };
  // Checked when due, not when written: switched back on, the follow-ups not yet due go out again.
  if (supplier.followUpsOffAt) return { skip: OPTED_OUT_ALL };
  // Written for a previous contact: its fresh links must not reach an address that no longer acts for the structure.
  if (supplier.contactEmail !== row.to) return { skip: "L'adresse de contact de la structure a changé depuis." };
  const rendered = renderStructureFollowUp({
    structureName: supplier.name,
    firmName: need.companyName ?? 'Une entreprise du territoire',
    needTitle: need.title,
    answerLinks: answerLinks(linking.links, linking.publicUrl, shortlist, supplier),
    optOutUrl,
    reminder,
    introducedAt: shortlist.sentAt ?? shortlist.createdAt,
  });
  return { ...rendered, to: row.to, replyTo: need.contactEmail === ERASED_EMAIL ? null : need.contactEmail, messageId: row.messageId };
}

export type OptOutTarget = { ok: true; shortlistId: string; supplierId: string | null; rows: OutboxRecord[] } | { ok: false; status: number; message: string };

/** What an opt-out link points at: the follow-up rows of its one (shortlist, recipient). */
export async function optOutTarget(store: Store, links: LinkSigner, token: string): Promise<OptOutTarget> {
  const check = links.verify('optOut', token);
  if (!check.ok) {
    return check.reason === 'expired'
      ? { ok: false, status: 400, message: "Ce lien a expiré (il reste valable douze mois) : aucune relance n'est plus envoyée pour cette mise en relation." }
      : { ok: false, status: 403, message: "Ce lien n'est pas valide. Utilisez le lien tel qu'il figure dans votre courriel." };
  }
  const { shortlistId, recipient } = check.claims;
  const supplierId = recipient === FIRM_RECIPIENT ? null : recipient;
  const ids = (['FOLLOW_UP', 'REMINDER'] as const).map((k) => followUpRowId(k, shortlistId, supplierId));
  const rows = (await Promise.all(ids.map((id) => store.outbox.findById(id)))).filter((r): r is OutboxRecord => r !== null);
  if (!(await store.shortlists.findById(shortlistId))) return { ok: false, status: 404, message: "Cette mise en relation n'existe plus." };
  return { ok: true, shortlistId, supplierId, rows };
}

/** Drops the recipient's follow-ups not sent yet; true when there were some. */
export async function optOut(store: Store, target: Extract<OptOutTarget, { ok: true }>): Promise<boolean> {
  let dropped = false;
  for (const row of target.rows) {
    if (await store.outbox.findOneAndUpdate(unsentRow(row.id), { state: 'DROPPED', lastError: OPTED_OUT, leaseOwner: null, leaseUntil: null })) dropped = true;
  }
  return dropped;
}

/**
 * The structure's word on every follow-up of its introductions, from its space: off, none goes out
 * (each is dropped when due, like one stopped by its link); on again, those not yet due go out.
 */
export async function setStructureFollowUps(store: Store, supplier: SupplierRecord, enabled: boolean, now: Date): Promise<SupplierRecord> {
  const followUpsOffAt = enabled ? null : (supplier.followUpsOffAt ?? now);
  return (await store.suppliers.update(supplier.id, { followUpsOffAt })) ?? supplier;
}
