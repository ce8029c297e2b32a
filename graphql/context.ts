// Per-request context: who is asking (from the bearer token) and the services.
import { GraphQLError } from 'graphql';
import { viewerOf, type Viewer } from '../api/auth/guards';
import type { Services } from '../api/services';

export interface Context {
  viewer: Viewer | null;
  services: Services;
  /** The client's address as seen through trusted proxies (for login throttling). */
  clientAddress: string;
  /** The signed cookie of an address that confirmed a need (it may post again without a link), if sent. */
  senderCookie: string | null;
}

const unauthenticated = (message: string) => new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
const invalidToken = () => unauthenticated('Jeton invalide ou expiré : reconnectez-vous.');
// Logging in again does not help a header without its scheme: say what the header must look like.
const malformedHeader = () => unauthenticated('En-tête Authorization attendu : Bearer <jeton> (le mot « Bearer », une espace, puis le jeton reçu de « login »).');

/** No Authorization header: anonymous. A header that is not a valid, current token: UNAUTHENTICATED. */
export async function buildContext(services: Services, authorization: string | undefined, clientAddress: string, senderCookie: string | null = null): Promise<Context> {
  if (!authorization) return { viewer: null, services, clientAddress, senderCookie };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw malformedHeader();
  const claims = services.tokens.verify(match[1]!);
  if (!claims) throw invalidToken();
  // The account is read on every request so a deleted account, a changed role or a detachment takes effect at once.
  const user = await services.store.users.findById(claims.userId);
  if (!user || user.role !== claims.role || user.tokenVersion !== claims.version) throw invalidToken();
  return { viewer: viewerOf(user), services, clientAddress, senderCookie };
}
