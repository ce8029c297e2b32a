// Signed links in emails: a JWT whose audience names its one purpose and whose claims name the one
// thing it may touch. A session token is never a link, a link of one purpose never serves another.
import jwt from 'jsonwebtoken';

const ISSUER = 'passerelle-ess';

/** What each purpose's link may touch. */
export interface LinkClaims {
  /** The structure's answer to its introduction: one (shortlist, structure). */
  answer: { shortlistId: string; supplierId: string; v?: string };
  /** A need posted without an account: its confirmation, once. */
  confirmNeed: { needId: string };
  /** The 90-day cookie of an address that confirmed a need: it may post again without a new link. */
  sender: { email: string };
  /** The firm's outcome page: the outcomes of one shortlist's introductions. */
  outcomes: { shortlistId: string };
  /** Stops the follow-ups of one (shortlist, recipient): `recipient` is "firm" or the structure's id. */
  optOut: { shortlistId: string; recipient: string };
  /** Stops a structure's invitation to complete its profile (and its reminder). */
  invitationOptOut: { supplierId: string };
}
export type LinkPurpose = keyof LinkClaims;

export type LinkCheck<P extends LinkPurpose> = { ok: true; claims: LinkClaims[P] } | { ok: false; reason: 'expired' | 'invalid' };

export interface LinkSigner {
  /** Deterministic: the same claims and expiry give the same link (a preview shows the very link then sent). */
  sign<P extends LinkPurpose>(purpose: P, claims: LinkClaims[P], expiresAt: Date): string;
  verify<P extends LinkPurpose>(purpose: P, token: string): LinkCheck<P>;
}

const audienceOf = (purpose: LinkPurpose): string => `passerelle-ess-link:${purpose}`;

export function createLinkSigner(secret: string): LinkSigner {
  return {
    sign: (purpose, claims, expiresAt) =>
      jwt.sign({ ...claims, exp: Math.floor(expiresAt.getTime() / 1000) }, secret, { algorithm: 'HS256', issuer: ISSUER, audience: audienceOf(purpose), noTimestamp: true }),
    verify<P extends LinkPurpose>(purpose: P, token: string): LinkCheck<P> {
      try {
        const payload = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, audience: audienceOf(purpose) });
        if (typeof payload === 'string' || typeof payload.exp !== 'number') return { ok: false, reason: 'invalid' };
        const { iss: _i, aud: _a, exp: _e, iat: _t, ...claims } = payload;
        if (!Object.values(claims).every((value) => typeof value === 'string')) return { ok: false, reason: 'invalid' };
        return { ok: true, claims: claims as LinkClaims[P] };
      } catch (err) {
        return { ok: false, reason: err instanceof jwt.TokenExpiredError ? 'expired' : 'invalid' };
      }
    },
  };
}
