// The public directory's answers kept until the directory changes: the website asks the same pages
// and searches again and again, and executing a page (20 structures, 4 facets, hundreds of fields)
// costs several times what the request around it costs. Only anonymous queries whose every root
// field is `suppliers` are kept: what an anonymous visitor sees of a structure depends on nothing
// but the directory, whose version every write (and every refresh from another instance) moves.
//
// Hand-written rather than @apollo/server-plugin-response-cache: that plugin decides from cache
// hints, which need the cache-control plugin's hook on every resolved field (disabled in
// api/http.ts for the same throughput), and it cannot be told that a write has happened.
import type { ApolloServerPlugin, GraphQLRequestContextResponseForOperation } from '@apollo/server';
import type { FormattedExecutionResult, OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Context } from './context';

const CACHED_FIELDS = new Set(['suppliers', '__typename']);
/** Answers kept, in characters of JSON (about twice as many bytes): a few thousand directory pages. */
const MAX_CHARS = 16 * 1024 * 1024;
/** Variables longer than this are not a website's page request: not kept. */
const MAX_VARIABLES_CHARS = 2048;

function directoryOnly(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  const fields = operation.selectionSet.selections;
  return fields.every((s) => s.kind === 'Field' && CACHED_FIELDS.has(s.name.value)) && fields.some((s) => s.kind === 'Field' && s.name.value === 'suppliers');
}

/** The answer's key at this version of the directory, or null when this request's answer must not be kept. */
function keyOf({ contextValue, operation, queryHash, request }: GraphQLRequestContextResponseForOperation<Context>, version: number): string | null {
  if (contextValue.viewer !== null || !queryHash || !directoryOnly(operation)) return null;
  const variables = JSON.stringify(request.variables ?? {});
  if (variables.length > MAX_VARIABLES_CHARS) return null;
  return `${version}\u0000${queryHash}\u0000${request.operationName ?? ''}\u0000${variables}`;
}

export function directoryCache(): ApolloServerPlugin<Context> {
  const answers = new LRUCache<string, FormattedExecutionResult>({ maxSize: MAX_CHARS });
  return {
    async requestDidStart() {
      let key: string | null = null;
      let version = 0;
      return {
        async responseForOperation(requestContext) {
          version = requestContext.contextValue.services.matching.directory.version;
          key = keyOf(requestContext, version);
          const kept = key === null ? undefined : answers.get(key);
          return kept ? { body: { kind: 'single', singleResult: kept }, http: requestContext.response.http } : null;
        },
        async willSendResponse({ contextValue, response }) {
          if (key === null || answers.has(key) || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          // A write during execution moved the version: the answer may be older than the key says.
          if (result.errors || contextValue.services.matching.directory.version !== version) return;
          answers.set(key, result, { size: JSON.stringify(result).length + key.length });
        },
      };
    },
  };
}
