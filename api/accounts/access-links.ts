// Sign-in links for occasional users: a firm's or a structure's contact asks for a link by email
// instead of keeping a password. The token is mailed once and stored only as its SHA-256 hash;
// a link signs in once, within 30 minutes. A structure's contact becomes that structure's SUPPLIER
// user on first use (api/accounts), so imported structures can keep their own profiles without
// accounts made for them; an address several structures give is attached to none of them. A user
// an officer detached gets no link and signs in with none.
// Mails to one address are limited silently (see mayMail): a link lives 30 minutes, longer than the
// 15-minute window, so while someone else spends an address's mails its owner always holds a usable link.
import { createHash, randomBytes } from 'node:crypto';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { isStaff, type Viewer } from '../auth/guards';
import { addressKey, consumeOrRefuse, mayMail } from '../auth/throttle';
import { badInput, conflict, unauthenticated } from '../errors';
import { findCommune } from '../reference/communes';
import { renderAccessLinkMail, createMailTransport, mailDomain } from '../mail';
import { byEmail, contactOf, usableLink } from '../store/filters';
import type { Config } from '../config';
import { systemClock, type Clock } from '../kernel';
import type { Store, SupplierRecord, UserRecord } from '../store/types';
import type { AccessLinks, AccountDeps } from './deps';
import { cookieSender, type PosterOrigin } from '../needs';
import { attachContact } from './structure-users';
import { attachFirm, needOfAddress } from './firm-users';
import { sessionToken } from './users';
import * as v from '../kernel';
import { ACCESS_LINK_TTL_MS, accessLinkUrl } from '../links';


export function createAccessLinks(config: Config, clock: Clock = systemClock): AccessLinks {
  return {
    transport: createMailTransport(config),
    perAddress: new RateLimiterMemory({ points: 3, duration: 15 * 60 }),
    perClient: new RateLimiterMemory({ points: 20, duration: 15 * 60 }),
    clock,
    sending: new Set(),
  };
}

/** Resolves once every sign-in mail asked for so far is sent or given up: awaited at stop (and by tests). */
export async function mailsSettled(links: AccessLinks): Promise<void> {
  await Promise.all(links.sending);
}

export const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The live structures whose contact this address is: one is attached on a first sign-in, several never (see signInWithLink). */
async function contactStructures(store: Store, email: string): Promise<SupplierRecord[]> {
  return (await store.suppliers.find(contactOf(email), { limit: 20 })).filter((s) => !s.retiredAt);
}

/**
 * Staff: the other live structures that give this one's contact address, which is then no one's to
 * sign in with (see sharedContact) until each has its own; null for anyone else.
 */
export async function contactSharedWith({ store }: AccountDeps, viewer: Viewer | null, structure: SupplierRecord): Promise<SupplierRecord[] | null> {
  if (!isStaff(viewer)) return null;
  if (!structure.contactEmail || structure.retiredAt) return [];
  return (await contactStructures(store, structure.contactEmail)).filter((s) => s.id !== structure.id);
}

/** An address several structures give as their contact (staff or imports wrote it so): which one is the person's is not guessed. */
function sharedContact(structures: SupplierRecord[]) {
  const named = structures
    .map((s) => `${s.name}, ${findCommune(s.communeCode)?.name ?? s.communeCode}`)
    .sort((a, b) => a.localeCompare(b, 'fr'))
    .join(' ; ');
  return conflict(`Cette adresse est le contact de plusieurs structures (${named}) : la Métropole doit d’abord donner à chacune sa propre adresse. Écrivez-lui en disant laquelle est la vôtre.`);
}

/** Always true: whether the address is known is never told, and the answer does not wait for the mail. */
export async function requestAccessLink(services: AccountDeps, rawEmail: string, origin: PosterOrigin): Promise<boolean> {
  const parsed = v.email.safeParse(rawEmail);
  if (!parsed.success) throw badInput('email', '« email » : adresse e-mail invalide.');
  const email = parsed.data;
  await consumeOrRefuse(services.accessLinks.perClient, addressKey(origin.clientAddress));
  // A browser holding this address's sender cookie is its owner's: not counted against it.
  const vouched = cookieSender(services.links, origin.senderCookie) === email;
  if (!vouched && !(await mayMail(services.accessLinks.perAddress, email))) return true;
  const { store } = services;
  const [user, structures, need] = await Promise.all([store.users.findOne(byEmail(email)), contactStructures(store, email), needOfAddress(store, email)]);
  // A detached user no longer signs in: an officer took its access back.
  if (user?.detachedAt || (!user && structures.length === 0 && !need)) return true;
  const token = randomBytes(32).toString('base64url');
  const now = services.accessLinks.clock.now();
  const sending: Promise<void> = store.accessLinks
    .insert({ id: hashOf(token), email, expiresAt: new Date(now.getTime() + ACCESS_LINK_TTL_MS), usedAt: null, createdAt: now, updatedAt: now })
    .then(() => services.accessLinks.transport.send({
      ...renderAccessLinkMail(accessLinkUrl(services.publicUrl, token)),
      to: email,
      replyTo: null,
      messageId: `<acces.${hashOf(token).slice(0, 24)}@${mailDomain(services.config.mailFrom)}>`,
    }))
    .catch(() => undefined) // the person simply asks again: a sign-in link is not worth a durable queue
    .finally(() => services.accessLinks.sending.delete(sending));
  services.accessLinks.sending.add(sending);
  return true;
}

/** Signs in with a mailed link, once. A structure's contact without an account gets its SUPPLIER user; a firm's contact, its COMPANY user. */
export async function signInWithLink(services: AccountDeps, token: string): Promise<{ token: string; user: UserRecord }> {
  const { store } = services;
  const refused = () => unauthenticated("Ce lien de connexion n'est plus valable (déjà utilisé ou expiré) : demandez-en un nouveau.");
  if (typeof token !== 'string' || token.length > 100) throw refused();
  const now = services.accessLinks.clock.now();
  const link = await store.accessLinks.findOneAndUpdate(usableLink(hashOf(token), now), { usedAt: now });
  if (!link) throw refused();
  let user = await store.users.findOne(byEmail(link.email));
  if (user?.detachedAt) throw refused();
  if (!user) {
    const structures = await contactStructures(store, link.email);
    if (structures.length > 1) throw sharedContact(structures);
    const structure = structures[0];
    const need = structure ? null : await needOfAddress(store, link.email);
    if (structure) user = await attachContact(services, structure, link.email);
    else if (need) user = await attachFirm(services, link.email);
    else throw refused();
    if (user.detachedAt) throw refused();
  }
  return { token: sessionToken(services, user), user };
}
