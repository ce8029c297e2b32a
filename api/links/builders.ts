// Every link the service mails, in one place: for each, its purpose (what the signed claims may
// touch, api/links/signer.ts), the path its page answers on (api/pages/), its lifetime and its builder.
// Lifetimes run from a fixed date (the list's drafting, the need's posting), so the officer's preview
// shows the very links the outbox then sends.
import type { NeedRecord, OutboxRecord, ShortlistRecord, SupplierAnswer, SupplierRecord } from '../store/types';
import type { LinkSigner } from './signer';

/** What a mail composer needs to build links. */
export interface AnswerLinking {
  links: LinkSigner;
  publicUrl: string;
}

export const TWELVE_MONTHS_MS = 365 * 86_400_000;
const twelveMonthsFrom = (date: Date): Date => new Date(date.getTime() + TWELVE_MONTHS_MS);

// A structure's answer to its introduction (purpose `answer`), twelve months.
export const ANSWER_PATH = '/reponse/';
/** The choice in a link's query string, in French words. */
export const CHOICE_OF: Record<SupplierAnswer, string> = { INTERESTED: 'interesse', NOT_AVAILABLE: 'indisponible' };
export const ANSWER_OF: Record<string, SupplierAnswer> = { interesse: 'INTERESTED', indisponible: 'NOT_AVAILABLE' };

/** The two links of a structure's introduction mail. */
export function answerLinks(links: LinkSigner, publicUrl: string, shortlist: ShortlistRecord, supplier: Pick<SupplierRecord, 'id' | 'linkVersion'>): Record<SupplierAnswer, string> {
  // The structure's link version, once it has one: a contact change then revokes the links mailed before.
  const version = supplier.linkVersion ? { v: String(supplier.linkVersion) } : {};
  const token = links.sign('answer', { shortlistId: shortlist.id, supplierId: supplier.id, ...version }, twelveMonthsFrom(shortlist.createdAt));
  const url = (answer: SupplierAnswer) => `${publicUrl}${ANSWER_PATH}${encodeURIComponent(token)}?choix=${CHOICE_OF[answer]}`;
  return { INTERESTED: url('INTERESTED'), NOT_AVAILABLE: url('NOT_AVAILABLE') };
}

// The firm's page of outcomes for one shortlist (purpose `outcomes`), twelve months.
export const OUTCOMES_PATH = '/suites/';
export const outcomesLink = (links: LinkSigner, publicUrl: string, shortlist: ShortlistRecord): string =>
  `${publicUrl}${OUTCOMES_PATH}${encodeURIComponent(links.sign('outcomes', { shortlistId: shortlist.id }, twelveMonthsFrom(shortlist.createdAt)))}`;

// Stops the follow-ups of one (shortlist, recipient) (purpose `optOut`), twelve months.
export const OPT_OUT_PATH = '/relances/';
/** The recipient of an opt-out link when it is the firm (else the structure's id). */
export const FIRM_RECIPIENT = 'firm';
export const optOutLink = (links: LinkSigner, publicUrl: string, shortlist: ShortlistRecord, supplierId: string | null): string =>
  `${publicUrl}${OPT_OUT_PATH}${encodeURIComponent(links.sign('optOut', { shortlistId: shortlist.id, recipient: supplierId ?? FIRM_RECIPIENT }, twelveMonthsFrom(shortlist.createdAt)))}`;

// Confirms a need posted without an account (purpose `confirmNeed`), as long as the unconfirmed need is kept.
export const UNCONFIRMED_KEPT_MS = 7 * 86_400_000;
export const CONFIRM_PATH = '/besoin/confirmer/';
export const confirmationLink = (links: LinkSigner, publicUrl: string, need: NeedRecord): string =>
  `${publicUrl}${CONFIRM_PATH}${encodeURIComponent(links.sign('confirmNeed', { needId: need.id }, new Date(need.createdAt.getTime() + UNCONFIRMED_KEPT_MS)))}`;

// Stops a structure's invitation to complete its profile (purpose `invitationOptOut`), twelve months.
export const INVITATION_OPT_OUT_PATH = '/invitation/';
export const invitationOptOutLink = (links: LinkSigner, publicUrl: string, row: OutboxRecord): string =>
  `${publicUrl}${INVITATION_OPT_OUT_PATH}${encodeURIComponent(links.sign('invitationOptOut', { supplierId: row.supplierId! }, twelveMonthsFrom(row.createdAt)))}`;

// One-time sign-in (not a signed link: a random token whose hash is stored, api/accounts/access-links.ts).
export const ACCESS_PATH = '/acces';
/** Asked for on the sign-in page: half an hour. */
export const ACCESS_LINK_TTL_MS = 30 * 60_000;
/** Mailed with a campaign's invitation: two weeks, the time to read it. */
export const INVITATION_LINK_TTL_MS = 14 * 86_400_000;
export const accessLinkUrl = (publicUrl: string, token: string): string => `${publicUrl}${ACCESS_PATH}?jeton=${token}`;

// The firm's space (web/src/public/MyNeeds.tsx), and the page that mails a sign-in link to reach it.
export const FIRM_SPACE_PATH = '/mes-besoins';
export const SIGN_IN_REQUEST_PATH = '/connexion';
