// The public directory's answers kept until the directory changes: the website asks the same pages
// and searches again and again, and executing a page (20 structures, 4 facets, hundreds of fields)
// costs several times what the request around it costs. Only anonymous queries whose every root
// field is `suppliers` are kept: what an anonymous visitor sees of a structure depends on nothing
// but the directory, whose version every write (and every refresh from another instance) moves.
// An answer not kept is computed by the document's compiled code (./compiled-queries.ts), for any
// viewer, when the operation asks for the directory alone.
//
// Hand-written rather than @apollo/server-plugin-response-cache: that plugin decides from cache
// hints, which need the cache-control plugin's hook on every resolved field (disabled in
// api/http.ts for the same throughput), and it cannot be told that a write has happened.
//
// An answer is kept the second time it is asked. Search as you type asks answers nobody asks again
// (one a keystroke): kept at once, they pushed the pages asked again and again out of the budget,
// and their bytes went through the old generation only to be dropped (heap sampling of the load
// script's typing target). The keys asked once are remembered, within a budget of their own.
//
// What is kept is the answer as sent, in UTF-8 bytes, and the budget counts those bytes: result
// objects weigh several times their JSON, and a budget in JSON characters let 1,600 queries that
// differed by a comment grow the process by 230 MB. The key names the printed document (comments and
// layout gone), so such queries share one entry instead of evicting the useful ones; it is no digest
// (hashing it was a twentieth of a fresh search's time), its length counts in the budget instead.
import type { ApolloServerPlugin, GraphQLRequestContextResponseForOperation } from '@apollo/server';
import { print, type DocumentNode, type FormattedExecutionResult, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { CompiledQueries } from './compiled-queries';
import type { Context } from './context';

const CACHED_FIELDS = new Set(['suppliers', '__typename']);
/** Bytes of kept answers: a few thousand directory pages. */
const MAX_BYTES = 16 * 1024 * 1024;
/** Entries, whatever their size: each costs its key and the LRU's bookkeeping besides its bytes. */
const MAX_ENTRIES = 20_000;
/** Characters of the keys asked once and remembered until asked again: 4 MB at most, two bytes a character. */
const MAX_ASKED_ONCE_CHARS = 2 * 1024 * 1024;
/** Variables longer than this are not a website's page request: not kept. */
const MAX_VARIABLES_CHARS = 2048;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Apollo's own serialisation (its default stringifyResult): a kept answer is served byte for byte as it was first. */
const serialise = (result: FormattedExecutionResult): string => `${JSON.stringify(result)}\n`;

/** Whether the operation (none when its name matched nothing: execution will say so) asks only for the directory. */
function directoryOnly(operation: OperationDefinitionNode | undefined): boolean {
  if (operation?.operation !== 'query') return false;
  const fields = operation.selectionSet.selections;
  return fields.every((s) => s.kind === 'Field' && CACHED_FIELDS.has(s.name.value)) && fields.some((s) => s.kind === 'Field' && s.name.value === 'suppliers');
}

// Apollo parses a query text once and hands the same document to every request carrying that text:
// each printed form gets a number, and documents printing alike share it while it is remembered (a
// number is never given twice, so forgetting one only stops the sharing).
const printedNumbers = new LRUCache<string, number>({ maxSize: 4 * 1024 * 1024, sizeCalculation: (_, text) => text.length });
const documentNumbers = new WeakMap<DocumentNode, number>();
let nextNumber = 0;
function numberOf(document: DocumentNode): number {
  let n = documentNumbers.get(document);
  if (n === undefined) {
    const text = print(document);
    n = printedNumbers.get(text);
    if (n === undefined) printedNumbers.set(text, (n = nextNumber++));
    documentNumbers.set(document, n);
  }
  return n;
}

/** The answer's key at this version of the directory, or null when this request's answer must not be kept. */
function keyOf({ contextValue, operation, document, request }: GraphQLRequestContextResponseForOperation<Context>, version: number): string | null {
  if (contextValue.viewer !== null || !directoryOnly(operation)) return null;
  const variables = JSON.stringify(request.variables ?? {});
  if (variables.length > MAX_VARIABLES_CHARS) return null;
  return `${version}\u0000${numberOf(document)}\u0000${request.operationName ?? ''}\u0000${variables}`;
}

export class DirectoryAnswers {
  private readonly kept = new LRUCache<string, Uint8Array>({ maxSize: MAX_BYTES, max: MAX_ENTRIES, sizeCalculation: (answer, key) => answer.byteLength + 2 * key.length });
  /** Keys whose answer was computed once and not kept: kept when asked again. */
  private readonly askedOnce = new LRUCache<string, true>({ maxSize: MAX_ASKED_ONCE_CHARS, max: MAX_ENTRIES, sizeCalculation: (_, key) => key.length });
  /** Answers being sent that are to be kept once serialised: their `data` object → their key. */
  private readonly toKeep = new WeakMap<object, string>();
  /** Kept answers being sent again: the stand-in `data` object → the bytes to send. */
  private readonly toResend = new WeakMap<object, Uint8Array>();
  /** Directory documents run as compiled code when not kept. */
  private readonly compiled = new CompiledQueries();

  /** Bytes of the kept answers, as sent, and of their keys (two a character, as strings may take). */
  get bytes(): number {
    return this.kept.calculatedSize;
  }

  get entries(): number {
    return this.kept.size;
  }

  /** Directory document shapes compiled and kept (./compiled-queries.ts). */
  get compiledShapes(): number {
    return this.compiled.size;
  }

  /** ApolloServer's stringifyResult: a kept answer's bytes, or the serialised answer, kept when the plugin asked. */
  readonly stringify = (result: FormattedExecutionResult): string => {
    const data = result.data ?? null;
    const again = data && this.toResend.get(data);
    if (again) return decoder.decode(again);
    const text = serialise(result);
    const key = data && this.toKeep.get(data);
    if (key) this.kept.set(key, encoder.encode(text));
    return text;
  };

  plugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => {
        let key: string | null = null;
        let version = 0;
        return {
          responseForOperation: async (requestContext) => {
            version = requestContext.contextValue.services.matching.directory.version;
            key = keyOf(requestContext, version);
            const kept = key === null ? undefined : this.kept.get(key);
            if (kept) {
              const data = {};
              this.toResend.set(data, kept);
              return { body: { kind: 'single', singleResult: { data } }, http: requestContext.response.http };
            }
            if (!directoryOnly(requestContext.operation)) return null;
            const { schema, document, operationName, contextValue, request } = requestContext;
            const result = await this.compiled.run(schema, document, operationName ?? undefined, contextValue, request.variables);
            return result ? { body: { kind: 'single', singleResult: result }, http: requestContext.response.http } : null;
          },
          willSendResponse: async ({ contextValue, response }) => {
            if (key === null || this.kept.has(key) || response.body.kind !== 'single') return;
            const result = response.body.singleResult;
            // A write during execution moved the version: the answer may be older than the key says.
            if (result.errors || !result.data || contextValue.services.matching.directory.version !== version) return;
            if (!this.askedOnce.delete(key)) {
              this.askedOnce.set(key, true);
              return;
            }
            this.toKeep.set(result.data, key);
          },
        };
      },
    };
  }
}
