// Per-request context: who is asking (from the bearer token) and the services.
import { GraphQLError } from 'graphql';
import { viewerOf, type Viewer } from '../api/auth/guards';
import type { Services } from '../api/services';

export interface Context {
  viewer: Viewer | null;
  services: Services;
  /** The client's address as seen through trusted proxies (for login throttling). */
  clientAddress: string;
}

const invalidToken = () =>
  new GraphQLError('Jeton invalide ou expiré : reconnectez-vous.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

/** No Authorization header: anonymous. A header that is not a valid, current token: UNAUTHENTICATED. */
export async function buildContext(services: Services, authorization: string | undefined, clientAddress: string): Promise<Context> {
  if (!authorization) return { viewer: null, services, clientAddress };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  const claims = match ? services.tokens.verify(match[1]!) : null;
  if (!claims) throw invalidToken();
  // The account is read on every request so a deleted account or a changed role takes effect at once.
  const user = await services.store.users.findById(claims.userId);
  if (!user || user.role !== claims.role) throw invalidToken();
  return { viewer: viewerOf(user), services, clientAddress };
}
