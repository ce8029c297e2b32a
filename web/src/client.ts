// The one GraphQL client of the web app: /graphql on the same host, the bearer token from the session,
// and a sign-out (with a French message) whenever the API says the token is no longer valid.
import { Client, cacheExchange, fetchExchange, mapExchange, type CombinedError } from 'urql';
import { currentToken, signOut } from './session';

export const SESSION_EXPIRED = 'Votre session a expiré ou n’est plus valide : reconnectez-vous.';

const isUnauthenticated = (error: CombinedError): boolean =>
  error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') || (error.response as Response | undefined)?.status === 401;

export const client = new Client({
  url: '/graphql',
  preferGetMethod: false,
  requestPolicy: 'cache-and-network',
  exchanges: [
    cacheExchange,
    mapExchange({
      onError(error) {
        // A failed login is answered on its own form; any other 401 means the token is gone.
        if (isUnauthenticated(error) && currentToken()) signOut(SESSION_EXPIRED);
      },
    }),
    fetchExchange,
  ],
  fetchOptions: () => {
    const token = currentToken();
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    return { headers };
  },
});

/** The context of a public document sent as GET (graphql/public-operations.ts): the browser and a CDN may keep its answer. */
export const AS_GET = { preferGetMethod: 'force' as const };
