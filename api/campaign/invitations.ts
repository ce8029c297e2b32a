// The campaign to claim and complete imported profiles: an officer invites structures, each gets a
// mail from the Métropole with a sign-in link straight to its page, and one reminder FOLLOW_UP_AFTER
// later if it has neither signed in nor completed its profile. Both mails are outbox rows written
// at the invitation, with ids derived from the structure: inviting twice is a duplicate key, not a
// second mail, and a crash after the write loses nothing (the outbox claims, retries and recovers
// them; a reminder whose write a crash prevented is written by the recovery pass). Whether a row is
// still worth sending is decided when it is due, as for follow-ups: erased, opted out, or (for the
// reminder) already signed in or complete → DROPPED with the reason.
import { randomBytes } from 'node:crypto';
import { type LinkSigner, INVITATION_LINK_TTL_MS, invitationOptOutLink, accessLinkUrl, AnswerLinking } from '../links';
import { requireRole, type Viewer } from '../auth/guards';
import { badInput } from '../errors';
import { outboxRow, renderInvitationMail, type OutgoingMail } from '../mail';
import { dropRowsOfErasedStructures } from '../introductions';
import type { NeedDeps } from '../needs';
import { between, campaignMailsSince, ofOrganisation, unsentRow, withoutContactAddress } from '../store/filters';
import { DuplicateKeyError, type OutboxRecord, type Store, type SupplierRecord, type UserRecord } from '../store/types';
import { hashOf } from '../accounts';
import { activeSuppliers, COMPLETENESS_FIELD_FR, completenessOf } from '../directory';
import { ERASED_EMAIL, STRUCTURE_ERASED } from '../kernel';

export const INVITATION_OPTED_OUT = 'Invitation refusée par la structure (lien « Ne plus recevoir de rappel »).';
const MAX_PER_BATCH = 2000;

export const invitationRowId = (supplierId: string, reminder = false): string => `invitation:${supplierId}${reminder ? ':reminder' : ''}`;

const isComplete = (s: SupplierRecord): boolean => completenessOf(s).percent === 100;

export interface InvitationBatch {
  invited: number;
  alreadyInvited: number;
  withoutAddress: SupplierRecord[];
}

async function insertOnce(store: Store, row: OutboxRecord): Promise<boolean> {
  try {
    await store.outbox.insert(row);
    return true;
  } catch (err) {
    if (err instanceof DuplicateKeyError) return false;
    throw err;
  }
}

const reminderRow = (invitation: OutboxRecord, afterMs: number, domain: string, now: Date): OutboxRecord =>
  outboxRow({
    id: invitationRowId(invitation.supplierId!, true),
    kind: 'INVITATION_REMINDER',
    supplierId: invitation.supplierId,
    to: invitation.to,
    domain,
    due: new Date(invitation.createdAt.getTime() + afterMs),
    now,
  });

/** Officers: writes each structure's invitation and reminder; those without an address are returned for a phone call. */
export async function inviteSuppliers(services: Pick<NeedDeps, 'store' | 'matching' | 'config' | 'outbox'>, viewer: Viewer | null, supplierIds: readonly string[], domain: string): Promise<InvitationBatch> {
  requireRole(viewer, 'OFFICER', 'ADMIN');
  const ids = [...new Set(supplierIds)];
  if (ids.length === 0) throw badInput('supplierIds', '« supplierIds » : choisissez au moins une structure.');
  if (ids.length > MAX_PER_BATCH) throw badInput('supplierIds', `« supplierIds » : ${MAX_PER_BATCH} structures au plus par envoi.`);
  const { store } = services;
  const found = await activeSuppliers(store, ids);
  const unknown = ids.find((id) => !found.has(id));
  if (unknown) throw badInput('supplierIds', `« supplierIds » : structure inconnue (${unknown}).`);
  const batch: InvitationBatch = { invited: 0, alreadyInvited: 0, withoutAddress: [] };
  const now = new Date();
  for (const id of ids) {
    const s = found.get(id)!;
    if (s.contactEmail === '' || s.contactEmail === ERASED_EMAIL) {
      batch.withoutAddress.push(s);
      continue;
    }
    const invitation = outboxRow({ id: invitationRowId(id), kind: 'INVITATION', supplierId: id, to: s.contactEmail, domain, now });
    if (!(await insertOnce(store, invitation))) {
      batch.alreadyInvited += 1;
      continue;
    }
    await insertOnce(store, reminderRow(invitation, services.config.followUpAfterMs, domain, now));
    batch.invited += 1;
  }
  await dropErasedSince(store, ids);
  if (batch.invited > 0) services.outbox.kick();
  return batch;
}

/** The recovery pass: invitations whose reminder a crash kept from being written. */
export async function recoverInvitationReminders(store: Store, afterMs: number, domain: string, now = new Date()): Promise<void> {
  const written: string[] = [];
  for (const invitation of await store.outbox.find(campaignMailsSince('INVITATION', new Date(now.getTime() - afterMs)))) {
    if (await store.outbox.findById(invitationRowId(invitation.supplierId!, true))) continue;
    if (await insertOnce(store, reminderRow(invitation, afterMs, domain, now))) written.push(invitation.supplierId!);
  }
  await dropErasedSince(store, written);
}

/** The structures' invitation rows just written, when a structure was erased while they were. */
const dropErasedSince = (store: Store, supplierIds: readonly string[]) =>
  dropRowsOfErasedStructures(store, supplierIds.flatMap((supplierId) => [{ id: invitationRowId(supplierId), supplierId }, { id: invitationRowId(supplierId, true), supplierId }]));

/** A one-time sign-in link for the structure's contact (api/accounts/access-links.ts signs it in, and its page opens). */
async function signInLink(store: Store, publicUrl: string, email: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await store.accessLinks.insert({ id: hashOf(token), email, expiresAt: new Date(now.getTime() + INVITATION_LINK_TTL_MS), usedAt: null, createdAt: now, updatedAt: now });
  return accessLinkUrl(publicUrl, token);
}

/** The mail of an invitation row, or why it is no longer to be sent (the row is then DROPPED). */
export async function composeInvitation(store: Store, row: OutboxRecord, linking: AnswerLinking): Promise<OutgoingMail | { skip: string; to?: string }> {
  const supplier = row.supplierId ? (await activeSuppliers(store, [row.supplierId])).get(row.supplierId) : undefined;
  if (!supplier || row.to === ERASED_EMAIL) return { skip: STRUCTURE_ERASED, to: ERASED_EMAIL };
  // An officer may have corrected the address since: the link must sign in the contact the profile names now.
  const to = supplier.contactEmail;
  if (to === '' || to === ERASED_EMAIL) return { skip: "La structure n'a plus d'adresse de contact." };
  const reminder = row.kind === 'INVITATION_REMINDER';
  if (reminder && supplier.firstSignInAt) return { skip: "La structure s'est connectée depuis l'invitation." };
  if (reminder && isComplete(supplier)) return { skip: 'La fiche est complète.' };
  const { percent, missing } = completenessOf(supplier);
  const rendered = renderInvitationMail({
    structureName: supplier.name,
    percent,
    missing: missing.map((f) => COMPLETENESS_FIELD_FR[f]),
    signInUrl: await signInLink(store, linking.publicUrl, to),
    optOutUrl: invitationOptOutLink(linking.links, linking.publicUrl, row),
    reminder,
  });
  return { ...rendered, to, replyTo: null, messageId: row.messageId };
}

export type InvitationOptOutTarget = { ok: true; rows: OutboxRecord[] } | { ok: false; status: number; message: string };

/** What an invitation's opt-out link points at: the structure's invitation rows. */
export async function invitationOptOutTarget(store: Store, links: LinkSigner, token: string): Promise<InvitationOptOutTarget> {
  const check = links.verify('invitationOptOut', token);
  if (!check.ok) {
    return check.reason === 'expired'
      ? { ok: false, status: 400, message: "Ce lien a expiré (il reste valable douze mois) : aucun rappel n'est plus envoyé." }
      : { ok: false, status: 403, message: "Ce lien n'est pas valide. Utilisez le lien tel qu'il figure dans votre courriel." };
  }
  const ids = [invitationRowId(check.claims.supplierId), invitationRowId(check.claims.supplierId, true)];
  const rows = (await Promise.all(ids.map((id) => store.outbox.findById(id)))).filter((r): r is OutboxRecord => r !== null);
  return rows.length ? { ok: true, rows } : { ok: false, status: 404, message: "Cette invitation n'existe plus." };
}

/** Drops what is not sent yet of the invitation; true when there was some. */
export async function optOutOfInvitation(store: Store, rows: readonly OutboxRecord[]): Promise<boolean> {
  let dropped = false;
  for (const row of rows) {
    if (await store.outbox.findOneAndUpdate(unsentRow(row.id), { state: 'DROPPED', lastError: INVITATION_OPTED_OUT, leaseOwner: null, leaseUntil: null })) dropped = true;
  }
  return dropped;
}

type Recording = Pick<NeedDeps, 'store' | 'matching'>;

/** Writes a campaign date on a profile, and into the directory in memory (staff filters and reads go through it). */
async function stamp({ store, matching }: Recording, id: string, patch: Pick<SupplierRecord, 'firstSignInAt'> | Pick<SupplierRecord, 'completedAt'>): Promise<SupplierRecord | null> {
  const updated = await store.suppliers.update(id, patch);
  if (updated) matching.upsert(updated);
  return updated;
}

/** A structure's contact signed in: the first time is when its profile was claimed. */
export async function recordSignIn(services: Recording, user: UserRecord): Promise<void> {
  if (user.role !== 'SUPPLIER' || !user.organisationId) return;
  const supplier = (await services.store.suppliers.find(ofOrganisation(user.organisationId))).find((s) => !s.retiredAt);
  if (supplier && !supplier.firstSignInAt) await stamp(services, supplier.id, { firstSignInAt: new Date() });
}

/** After an edit: an invited profile that became complete is counted as completed, once. */
export async function recordCompletion(services: Recording, supplier: SupplierRecord): Promise<SupplierRecord> {
  if (supplier.completedAt || !isComplete(supplier) || !(await services.store.outbox.findById(invitationRowId(supplier.id)))) return supplier;
  return (await stamp(services, supplier.id, { completedAt: new Date() })) ?? supplier;
}

export interface InvitationStatus {
  invitedAt: Date;
  sentAt: Date | null;
  remindedAt: Date | null;
  signedInAt: Date | null;
  completedAt: Date | null;
  optedOut: boolean;
  /** Why the invitation or its reminder was not sent (French), if it was not. */
  notSent: string | null;
}

/** Where a structure stands in the campaign; null when it was never invited. */
export async function invitationStatus(store: Store, supplier: SupplierRecord): Promise<InvitationStatus | null> {
  const [invitation, reminder] = await Promise.all([store.outbox.findById(invitationRowId(supplier.id)), store.outbox.findById(invitationRowId(supplier.id, true))]);
  if (!invitation) return null;
  const dropped = [invitation, reminder].find((r) => r && (r.state === 'DROPPED' || r.state === 'FAILED'));
  return {
    invitedAt: invitation.createdAt,
    sentAt: invitation.sentAt,
    remindedAt: reminder?.sentAt ?? null,
    signedInAt: supplier.firstSignInAt,
    completedAt: supplier.completedAt,
    optedOut: [invitation, reminder].some((r) => r?.lastError === INVITATION_OPTED_OUT),
    notSent: dropped?.lastError ?? null,
  };
}

const CAMPAIGN_LIST_MAX = 500;

/** Officers: the structures invited (newest first), and those an officer must call, having no address. */
export async function invitationCampaign(services: Pick<NeedDeps, 'store' | 'matching' | 'config' | 'outbox'>, viewer: Viewer | null): Promise<{ invited: SupplierRecord[]; withoutAddress: SupplierRecord[] }> {
  requireRole(viewer, 'OFFICER', 'ADMIN');
  const { store } = services;
  const rows = await store.outbox.find(campaignMailsSince('INVITATION', new Date(0)), { sort: { createdAt: -1 }, limit: CAMPAIGN_LIST_MAX });
  const found = await activeSuppliers(store, rows.map((r) => r.supplierId!));
  const invited = rows.flatMap((r) => found.get(r.supplierId!) ?? []);
  const withoutAddress = await store.suppliers.find(withoutContactAddress(), { sort: { sortKey: 1 }, limit: CAMPAIGN_LIST_MAX });
  return { invited, withoutAddress };
}

/** The yearly review: profiles whose contact first signed in, and invited profiles completed, in [from, to). */
export async function campaignFigures(store: Store, from: Date, to: Date): Promise<{ profilesClaimed: number; profilesCompleted: number }> {
  const [profilesClaimed, profilesCompleted] = await Promise.all([store.suppliers.count(between('firstSignInAt', from, to)), store.suppliers.count(between('completedAt', from, to))]);
  return { profilesClaimed, profilesCompleted };
}
