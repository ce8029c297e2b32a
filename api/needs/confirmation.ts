// A firm posts a need without an account: the need waits (confirmedAt null) for the link mailed to
// its contact address, and reaches the officers only once confirmed. Unconfirmed needs are deleted
// after 7 days. A confirmed address gets a signed 90-day cookie and may post again without a link.
import { outboxRow, mailDomain, renderNeedConfirmationMail, type OutgoingMail } from '../mail';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { type LinkSigner, confirmationLink, UNCONFIRMED_KEPT_MS } from '../links';
import { addressKey, consumeOrRefuse, mayMail } from '../auth/throttle';
import type { AnonymousPosting, NeedDeps } from './deps';
import { mailsOfNeed, unconfirmedBefore, unconfirmedNeed } from '../store/filters';
import { DuplicateKeyError, type NeedRecord, type OutboxRecord, type Store } from '../store/types';
import { newId } from '../kernel';
import { acknowledgeNeed, ownNeed } from './lifecycle';
import type { Viewer } from '../auth/guards';
import { forbidden } from '../errors';

export const SENDER_COOKIE = 'passerelle_expediteur';
export const SENDER_COOKIE_MS = 90 * 86_400_000;
/** Needs posted without an account have no user: this stands in the record's createdBy. */
export const ANONYMOUS_POSTER = 'anonymous';

export function createAnonymousPosting(): AnonymousPosting {
  return {
    perClient: new RateLimiterMemory({ points: 10, duration: 60 * 60 }),
    perAddress: new RateLimiterMemory({ points: 5, duration: 60 * 60 }),
  };
}

/** What the HTTP edge knows about an anonymous poster. */
export interface PosterOrigin {
  clientAddress: string;
  /** The value of the SENDER_COOKIE, when the request carried one. */
  senderCookie: string | null;
}

/** Counted before the input is read: 50 posts from one client are cut whatever they hold. */
export const countClientPost = (services: NeedDeps, origin: PosterOrigin): Promise<void> => consumeOrRefuse(services.anonymousPosting.perClient, addressKey(origin.clientAddress));

/** A firm account's posts, counted as one client's (per account: a firm's colleagues often share one network address). */
export const countFirmPost = (services: NeedDeps, userId: string): Promise<void> => consumeOrRefuse(services.anonymousPosting.perClient, `firm:${userId}`);

/** The address the cookie vouches for, when it is a valid sender cookie. */
export function cookieSender(links: LinkSigner, cookie: string | null): string | null {
  if (!cookie) return null;
  const check = links.verify('sender', cookie);
  return check.ok && typeof check.claims.email === 'string' ? check.claims.email : null;
}

export const confirmationRowId = (needId: string): string => `need:${needId}:confirmation`;

/**
 * Stores the need of a firm without an account. Unconfirmed unless the sender cookie vouches for its
 * contact address; then its confirmation mail goes through the durable outbox.
 */
export async function postAnonymousNeed(
  services: NeedDeps,
  origin: PosterOrigin,
  fields: Omit<NeedRecord, 'id' | 'organisationId' | 'createdBy' | 'confirmedAt' | 'createdAt' | 'updatedAt'>,
  /** The honeypot was filled: a robot is told its need is posted, and nothing is stored or mailed. */
  discard = false,
  /** The post's id (see postNeed: one form, one id). */
  id: string = newId(),
): Promise<NeedRecord> {
  const now = new Date();
  // A post vouched by its address's cookie mails no link: it is not counted against that address.
  const vouched = cookieSender(services.links, origin.senderCookie) === fields.contactEmail;
  const mayLink = !vouched && (await mayMail(services.anonymousPosting.perAddress, fields.contactEmail));
  const need: NeedRecord = { id, organisationId: null, createdBy: ANONYMOUS_POSTER, ...fields, confirmedAt: vouched ? now : null, createdAt: now, updatedAt: now };
  if (discard) return need;
  if (vouched) {
    const saved = await services.store.needs.insert(need);
    await acknowledgeNeed(services, saved); // recorded confirmed: acknowledged as a logged-in firm's need is
    return saved;
  }
  // Past the address's limit the post is answered as usual and kept pending without a link: whoever
  // names someone else's address cannot flood it, nor lock its owner out. The sweep removes it.
  if (!mayLink) return services.store.needs.insert(need);
  // The row first: a need whose mail row is missing could never be confirmed. A row whose need was
  // never written is dropped when it is composed.
  try {
    await services.store.outbox.insert(confirmationRow(need, mailDomain(services.config.mailFrom), now));
  } catch (err) {
    // The same form sent twice at once: its link is already queued, for the need the first send writes.
    if (err instanceof DuplicateKeyError) return need;
    throw err;
  }
  const saved = await services.store.needs.insert(need);
  services.outbox.kick();
  return saved;
}

const confirmationRow = (need: NeedRecord, domain: string, now: Date): OutboxRecord =>
  outboxRow({ id: confirmationRowId(need.id), kind: 'NEED_CONFIRMATION', needId: need.id, to: need.contactEmail, domain, now });

export async function composeConfirmationMail(store: Store, row: OutboxRecord, linking: { links: LinkSigner; publicUrl: string }): Promise<OutgoingMail | { skip: string }> {
  const need = row.needId ? await store.needs.findById(row.needId) : null;
  if (!need) return { skip: "Le besoin n'existe plus (jamais enregistré, ou supprimé faute de confirmation)." };
  if (need.confirmedAt) return { skip: 'Le besoin est déjà confirmé.' };
  return { ...renderNeedConfirmationMail({ url: confirmationLink(linking.links, linking.publicUrl, need), needTitle: need.title, companyName: need.companyName ?? '' }), to: row.to, replyTo: null, messageId: row.messageId };
}

export type ConfirmationTarget = { ok: true; need: NeedRecord } | { ok: false; status: number; message: string };

/** What a confirmation link points at; a refusal is an HTTP status and a French sentence. */
export async function confirmationTarget(store: Store, links: LinkSigner, token: string): Promise<ConfirmationTarget> {
  const check = links.verify('confirmNeed', token);
  if (!check.ok) {
    return check.reason === 'expired'
      ? { ok: false, status: 400, message: 'Ce lien a expiré : un besoin non confirmé est supprimé au bout de 7 jours. Déposez-le à nouveau.' }
      : { ok: false, status: 403, message: "Ce lien n'est pas valide. Utilisez le lien tel qu'il figure dans votre courriel." };
  }
  const need = typeof check.claims.needId === 'string' ? await store.needs.findById(check.claims.needId) : null;
  if (!need) return { ok: false, status: 404, message: "Ce besoin n'existe plus : un besoin non confirmé est supprimé au bout de 7 jours. Déposez-le à nouveau." };
  if (need.confirmedAt !== null) return { ok: false, status: 409, message: "Ce lien a déjà servi : votre besoin est confirmé et transmis à l'équipe de la Métropole." };
  return { ok: true, need };
}

/** Confirms once; null when it was confirmed (or deleted) meanwhile. */
export const confirmNeed = (store: Store, needId: string): Promise<NeedRecord | null> => store.needs.findOneAndUpdate(unconfirmedNeed(needId), { confirmedAt: new Date() });

/**
 * A firm signed in by a link to the need's address confirms it from its space, as the mailed link would: the
 * sign-in proved the address (and the link may never have been sent, past the address's limit).
 */
export async function confirmOwnNeed(services: NeedDeps, viewer: Viewer | null, id: string): Promise<NeedRecord> {
  const { who, need } = await ownNeed(services, viewer, id);
  if (who.role !== 'COMPANY') throw forbidden("Seule l'entreprise qui a déposé le besoin le confirme.");
  if (need.confirmedAt !== null) return need;
  const confirmed = await confirmNeed(services.store, need.id);
  if (!confirmed) return (await services.store.needs.findById(need.id)) ?? need; // confirmed by its link meanwhile
  await acknowledgeNeed(services, confirmed);
  return confirmed;
}

/** The cookie value that lets this address post again without a link, for 90 days. */
export const senderCookieValue = (links: LinkSigner, email: string, now = new Date()): string =>
  links.sign('sender', { email }, new Date(now.getTime() + SENDER_COOKIE_MS));

/** Deletes the needs left unconfirmed for 7 days before `now`, and their confirmation mails. */
export async function sweepUnconfirmedNeeds(store: Store, now: Date): Promise<number> {
  const stale = await store.needs.find(unconfirmedBefore(new Date(now.getTime() - UNCONFIRMED_KEPT_MS)));
  let removed = 0;
  for (const need of stale) {
    // Only while still unconfirmed: a link followed at this instant wins.
    if (!(await store.needs.removeOne(unconfirmedNeed(need.id)))) continue;
    for (const row of await store.outbox.find(mailsOfNeed(need.id))) await store.outbox.remove(row.id);
    removed += 1;
  }
  return removed;
}
