// A need's life after it is recorded: its firm (or staff) edits it until structures are presented,
// withdraws it (with a reason) while none were, and staff close it once it is dealt with. Withdrawn
// needs leave the officers' queue and the yearly figures; closed ones leave the queue only.
// The firm is told by mail, through the durable outbox, that its need is recorded.
import { outboxRow, mailDomain, renderNeedReceivedMail, type OutgoingMail } from '../mail';
import { z } from 'zod';
import { isStaff, requireRole, type Viewer, STAFF } from '../auth/guards';
import { conflict, forbidden, notFound } from '../errors';
import { NEED_KIND_FR, formatDateFr, budgetFr } from '../reference/vocabulary';
import type { NeedDeps } from './deps';
import { needAsRead, openNeed, unendedNeed } from '../store/filters';
import { DuplicateKeyError, type NeedRecord, type OutboxRecord, type Store } from '../store/types';
import * as v from '../kernel';
import { communeName } from '../reference/communes';
import { FIRM_SPACE_PATH, SIGN_IN_REQUEST_PATH } from '../links';
import { internalNoteField, refuseForeignAddress, refuseInternalNote, canSeeNeed, companyNameFor, needSchemaFor } from './model';


export const NEED_STATUSES = ['AWAITING_CONFIRMATION', 'OPEN', 'INTRODUCED', 'WITHDRAWN', 'CLOSED'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** Derived from the need's dates, so that no two fields can disagree. */
export function needStatus(need: NeedRecord): NeedStatus {
  if (need.withdrawnAt) return 'WITHDRAWN';
  if (need.closedAt) return 'CLOSED';
  if (need.introducedAt) return 'INTRODUCED';
  if (need.confirmedAt === null) return 'AWAITING_CONFIRMATION';
  return 'OPEN';
}

/** Whether its firm (or staff) may still edit or withdraw the need: before any structure is presented. */
export const isChangeable = (need: NeedRecord): boolean => ['OPEN', 'AWAITING_CONFIRMATION'].includes(needStatus(need));

/** Why a need in this status takes no new shortlist (null: it may). */
export function shortlistRefusal(need: NeedRecord): string | null {
  const status = needStatus(need);
  if (status === 'WITHDRAWN') return `Ce besoin a été retiré (« ${need.withdrawalReason ?? ''} ») : aucune structure ne lui sera présentée.`;
  if (status === 'CLOSED') return 'Ce besoin est clos : aucune structure ne lui sera plus présentée.';
  return null;
}

/** Why the need cannot be edited or withdrawn any more, said to whoever asked (the firm, or staff, who are the Métropole). */
function refusalToChange(need: NeedRecord, act: 'modifié' | 'retiré', who: Viewer): string {
  const staff = isStaff(who);
  switch (needStatus(need)) {
    case 'INTRODUCED':
      if (act === 'modifié') {
        return staff
          ? 'Des structures ont déjà été présentées pour ce besoin : il ne peut plus être modifié, seule sa note interne peut l’être (enregistrez un nouveau besoin si la demande a changé).'
          : 'Des structures ont déjà été présentées pour ce besoin : il ne peut plus être modifié (publiez un nouveau besoin, ou écrivez à la Métropole).';
      }
      return staff
        ? 'Des structures ont déjà été présentées pour ce besoin : il ne peut plus être retiré ; vous pourrez le clore une fois les suites connues.'
        : 'Des structures ont déjà été présentées pour ce besoin : il ne peut plus être retiré ; indiquez les suites de chaque mise en relation, ou demandez à la Métropole de le clore.';
    case 'WITHDRAWN':
      return 'Ce besoin a déjà été retiré.';
    case 'CLOSED':
      return 'Ce besoin est clos.';
    default:
      return 'Ce besoin a changé entre-temps : rechargez-le puis recommencez.';
  }
}

/** The need, if the viewer (its firm or staff) may change it. */
export async function ownNeed(services: NeedDeps, viewer: Viewer | null, id: string): Promise<{ who: Viewer; need: NeedRecord }> {
  const who = requireRole(viewer, 'COMPANY', ...STAFF);
  const need = typeof id === 'string' && id.length <= 100 ? await services.store.needs.findById(id) : null;
  if (!need) throw notFound('Besoin introuvable.');
  if (!canSeeNeed(who, need)) throw forbidden("Ce besoin n'est pas le vôtre.");
  return { who, need };
}

/** The stored need as NeedInput, to apply an edit over it and validate the whole again. */
const asInput = (n: NeedRecord) => ({
  title: n.title,
  description: n.description,
  kind: n.kind,
  companyName: n.companyName,
  contactEmail: n.contactEmail,
  nafCodes: n.nafCodes,
  communeCode: n.communeCode,
  latitude: n.latitude,
  longitude: n.longitude,
  budgetMin: n.budgetMin,
  budgetMax: n.budgetMax,
  requiredLabels: n.requiredLabels,
  preferredInclusionKinds: n.preferredInclusionKinds,
  requiredInclusionKinds: n.requiredInclusionKinds,
  internalNote: n.internalNote,
  deadline: null, // validated only when given: a stored deadline may have passed since
});

/**
 * Edits a need before any structure is presented for it: the fields given replace the stored ones
 * (a list given replaces the whole list), and the result is validated as a new need would be.
 */
export async function updateNeed(services: NeedDeps, viewer: Viewer | null, id: string, input: unknown): Promise<NeedRecord> {
  const { who, need } = await ownNeed(services, viewer, id);
  const { internalNoteWas, ...patch } = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  // The note is staff's alone: a firm is refused it before anything about it is compared or said.
  refuseInternalNote(who, patch);
  // Staff's working note is kept at every step of the need: what is said after an introduction too.
  const noteOnly = isStaff(who) && Object.keys(patch).length > 0 && Object.keys(patch).every((k) => k === 'internalNote');
  if (!noteOnly && !isChangeable(need)) throw conflict(refusalToChange(need, 'modifié', who));
  // A note rewritten from the one read: another officer's words written since are never lost.
  const read = v.parseInput(noteReadSchema, { internalNoteWas });
  const note = isStaff(who) && internalNoteWas !== undefined && 'internalNote' in patch ? { was: read.internalNoteWas } : null;
  const changedSince = (current: NeedRecord) =>
    conflict(
      `« internalNoteWas » : la note interne a été modifiée depuis que vous l’avez ouverte ; la vôtre n’est pas enregistrée. ${current.internalNote ? `Elle est maintenant : « ${current.internalNote} ».` : 'Elle a été effacée.'}`,
      'internalNoteWas',
    );
  if (note && note.was !== (need.internalNote || null)) throw changedSince(need);
  const refused = async () => {
    const current = (await services.store.needs.findById(need.id)) ?? need;
    return note && note.was !== (current.internalNote || null) ? changedSince(current) : conflict(refusalToChange(current, 'modifié', who));
  };
  if (noteOnly) {
    // The note alone: the rest of the need, perhaps closed long ago, is neither checked again nor rewritten.
    const { internalNote } = v.parseInput(noteOnlySchema, patch);
    const updated = await services.store.needs.findOneAndUpdate(needAsRead(need.id, false, note), { internalNote });
    if (updated) return updated;
    throw await refused();
  }
  const merged: Record<string, unknown> = { ...asInput(need), ...patch };
  // A new commune without coordinates: the old point no longer describes the place.
  if ('communeCode' in patch && !('latitude' in patch) && !('longitude' in patch)) Object.assign(merged, { latitude: null, longitude: null });
  const { honeypot: _ignored, clientKey: _key, ...parsed } = v.parseInput(needSchemaFor(who), merged);
  // As when posting: a firm's proposals go to one of its own accounts, never to an address that would take the need away.
  if (who.role === 'COMPANY' && parsed.contactEmail && parsed.contactEmail !== need.contactEmail) await refuseForeignAddress(services.store, who, parsed.contactEmail);
  // A firm editing a need it follows by its address keeps the name the need was posted under.
  const companyName = isStaff(who) || 'companyName' in patch ? await companyNameFor(services, who, parsed) : need.companyName;
  // Only what was given is written (validated with the rest): fields the edit does not know stay as stored.
  const written = new Set(Object.keys(patch).filter((k) => k in parsed && k !== 'honeypot' && k !== 'clientKey'));
  if ('communeCode' in patch) ['latitude', 'longitude'].forEach((k) => written.add(k));
  const changes: Partial<NeedRecord> = {
    ...Object.fromEntries([...written].map((k) => [k, parsed[k as keyof typeof parsed]])),
    companyName,
    contactEmail: parsed.contactEmail ?? (isStaff(who) ? need.contactEmail : who.email),
  };
  // Guarded by the need's state at write time: an approval, or another officer's note, that slipped in wins.
  const updated = await services.store.needs.findOneAndUpdate(needAsRead(need.id, true, note), changes);
  if (updated) return updated;
  throw await refused();
}

const reasonSchema = z.object({ reason: v.text(500) });
const noteReadSchema = z.object({ internalNoteWas: v.optionalText(5000) });
const noteOnlySchema = z.object({ internalNote: internalNoteField });
const noteSchema = z.object({ note: v.optionalText(500) });

/** The firm or staff withdraw a need no structure was presented for: it leaves the queue and the figures. */
export async function withdrawNeed(services: NeedDeps, viewer: Viewer | null, id: string, reason: unknown): Promise<NeedRecord> {
  const { who, need } = await ownNeed(services, viewer, id);
  const input = v.parseInput(reasonSchema, { reason });
  const withdrawn = await services.store.needs.findOneAndUpdate(openNeed(need.id), { withdrawnAt: new Date(), withdrawalReason: input.reason, endedBy: who.userId });
  if (!withdrawn) throw conflict(refusalToChange((await services.store.needs.findById(need.id)) ?? need, 'retiré', who));
  return withdrawn;
}

/** Staff close a need that is dealt with (or abandoned after introductions): it leaves the queue, not the figures. */
export async function closeNeed(services: NeedDeps, viewer: Viewer | null, id: string, note: unknown): Promise<NeedRecord> {
  const who = requireRole(viewer, ...STAFF);
  const input = v.parseInput(noteSchema, { note });
  const need = typeof id === 'string' && id.length <= 100 ? await services.store.needs.findById(id) : null;
  if (!need) throw notFound('Besoin introuvable.');
  const closed = await services.store.needs.findOneAndUpdate(unendedNeed(need.id), { closedAt: new Date(), closingNote: input.note, endedBy: who.userId });
  if (!closed) throw conflict(needStatus(need) === 'CLOSED' ? 'Ce besoin est déjà clos.' : 'Ce besoin a été retiré : il est déjà sorti de la file.');
  return closed;
}

export const acknowledgementRowId = (needId: string): string => `need:${needId}:received`;

/**
 * Queues the firm's acknowledgement of a confirmed need (once per need: the row id is the need's).
 * Called when a need is recorded confirmed, and by whatever confirms a need recorded unconfirmed.
 * A need recorded by an officer is acknowledged with that officer as the reply address (see compose).
 */
export async function acknowledgeNeed(services: NeedDeps, need: NeedRecord): Promise<void> {
  if (!need.confirmedAt) return;
  const row = outboxRow({
    id: acknowledgementRowId(need.id),
    kind: 'NEED_RECEIVED',
    needId: need.id,
    to: need.contactEmail,
    domain: mailDomain(services.config.mailFrom),
    now: new Date(),
  });
  try {
    await services.store.outbox.insert(row);
  } catch (err) {
    if (!(err instanceof DuplicateKeyError)) throw err; // already queued: once is enough
  }
  services.outbox.kick();
}

/** The acknowledgement as it is sent: rendered from the need as it is now. */
export async function composeNeedReceivedMail(store: Store, row: OutboxRecord, site: { publicUrl: string; commitment: string }): Promise<OutgoingMail | { gone: string }> {
  const need = row.needId ? await store.needs.findById(row.needId) : null;
  if (!need) return { gone: 'Le besoin a été supprimé.' };
  if (need.withdrawnAt) return { gone: 'Le besoin a été retiré avant l’envoi de son accusé de réception.' };
  const recorder = await store.users.findById(need.createdBy);
  const officerEmail = recorder && (recorder.role === 'OFFICER' || recorder.role === 'ADMIN') ? recorder.email : null;
  const rendered = renderNeedReceivedMail({
    needTitle: need.title,
    kind: NEED_KIND_FR[need.kind],
    place: communeName(need.communeCode),
    budget: budgetFr(need.budgetMin, need.budgetMax),
    deadline: need.deadline ? formatDateFr(need.deadline) : null,
    officerEmail,
    fromAccount: recorder !== null && officerEmail === null,
    commitment: site.commitment,
    spaceUrl: `${site.publicUrl}${FIRM_SPACE_PATH}`,
    signInUrl: `${site.publicUrl}${SIGN_IN_REQUEST_PATH}`,
  });
  return { ...rendered, to: row.to, replyTo: officerEmail, messageId: row.messageId };
}

/** The need an outbox row is about: its own for an acknowledgement, its shortlist's otherwise. */
export async function needOfMail(services: NeedDeps, row: OutboxRecord): Promise<NeedRecord | null> {
  if (row.needId) return services.store.needs.findById(row.needId);
  const shortlist = row.shortlistId ? await services.store.shortlists.findById(row.shortlistId) : null;
  return shortlist ? services.store.needs.findById(shortlist.needId) : null;
}
