// Access tokens: JWT signed HS256, with issuer, audience and expiry set and verified;
// the algorithm is pinned on verification so "none" or RS/HS confusion is refused.
import jwt from 'jsonwebtoken';
import type { Role } from '../store/types';

const ISSUER = 'passerelle-ess';
const AUDIENCE = 'passerelle-ess-api';

export interface TokenClaims {
  userId: string;
  role: Role;
  /** The user's token version when signed: a detachment bumps it, and older tokens stop working. */
  version: number;
}

export interface TokenService {
  sign(claims: TokenClaims): string;
  /** The claims of a valid token, or null for anything else (expired, forged, malformed). */
  verify(token: string): TokenClaims | null;
}

export function createTokenService(secret: string, ttlSeconds: number): TokenService {
  return {
    sign: ({ userId, role, version }) =>
      jwt.sign({ role, tv: version }, secret, { algorithm: 'HS256', subject: userId, issuer: ISSUER, audience: AUDIENCE, expiresIn: ttlSeconds }),
    verify(token) {
      try {
        const payload = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
        // jsonwebtoken checks exp only when present: a token without one is refused here.
        if (typeof payload === 'string' || typeof payload.exp !== 'number' || typeof payload.sub !== 'string' || typeof payload.role !== 'string') return null;
        // Tokens signed before versions existed carry none: version 0, every user's first.
        const version = payload.tv === undefined ? 0 : payload.tv;
        if (typeof version !== 'number') return null;
        return { userId: payload.sub, role: payload.role as Role, version };
      } catch {
        return null;
      }
    },
  };
}
