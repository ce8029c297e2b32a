// The one place errors are shaped for clients: operational errors keep their code and French
// message; anything unexpected is logged and answered with a generic message, never a stack.
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, Kind, parse, visit, type DocumentNode, type GraphQLFormattedError, type Source } from 'graphql';
import { StoreWriteError } from '../api/store/types';
import { LIMIT_MESSAGES } from './limits';
import { frenchMessage } from './messages';

const KNOWN_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** The codes under which graphql-js and Apollo report a client's mistake, in English. */
const FROM_GRAPHQL_OR_APOLLO = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const VALUE_KINDS: ReadonlySet<string> = new Set([Kind.INT, Kind.FLOAT, Kind.STRING, Kind.BOOLEAN, Kind.NULL, Kind.ENUM, Kind.LIST, Kind.OBJECT]);

/**
 * The argument or input field a wrong value written in the query text was given for: graphql-js
 * points at the value alone (`"dix"`), which names nothing in a mutation of fifteen fields. The
 * AST keeps no parents, so the document is read again (it parsed once already) to find the
 * innermost argument or input field around the value; once per request, however many errors it has.
 */
const reparsed = new WeakMap<Source, DocumentNode>();
const documentOf = (source: Source): DocumentNode => {
  let document = reparsed.get(source);
  if (!document) reparsed.set(source, (document = parse(source)));
  return document;
};

function literalOwner(error: unknown): string | undefined {
  const node = error instanceof GraphQLError ? error.nodes?.[0] : undefined;
  const at = node?.loc;
  if (!node || !at || !VALUE_KINDS.has(node.kind)) return undefined;
  let owner: string | undefined;
  visit(documentOf(at.source), {
    enter(n) {
      if (n.loc && (n.loc.start > at.start || n.loc.end < at.end)) return false; // not around the value: skip it
      if (n.kind === Kind.ARGUMENT || n.kind === Kind.OBJECT_FIELD) owner = n.name.value; // deeper ones come later
      return undefined;
    },
  });
  return owner;
}

/**
 * The argument or input field a variable is given to, when it is given to one name only: a value
 * refused in `$n` is about `first` to whoever reads `suppliers(first: $n)`, and has its range.
 */
function variableOwners(error: unknown): Map<string, string> | undefined {
  const at = error instanceof GraphQLError ? error.nodes?.[0]?.loc : undefined;
  if (!at) return undefined;
  const owners = new Map<string, Set<string>>();
  const around: string[] = [];
  visit(documentOf(at.source), {
    enter(n) {
      if (n.kind === Kind.ARGUMENT || n.kind === Kind.OBJECT_FIELD) around.push(n.name.value);
      if (n.kind === Kind.VARIABLE && around.length) owners.set(n.name.value, (owners.get(n.name.value) ?? new Set()).add(around.at(-1)!));
    },
    leave(n) {
      if (n.kind === Kind.ARGUMENT || n.kind === Kind.OBJECT_FIELD) around.pop();
    },
  });
  return new Map([...owners].filter(([, names]) => names.size === 1).map(([variable, names]) => [variable, [...names][0]!]));
}

export interface ErrorLog {
  error(message: string, err?: unknown): void;
}

export function createFormatError(production: boolean, log: ErrorLog) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(raw);
    if (original instanceof StoreWriteError) {
      // Nothing was written (see api/store/embedded/append.ts): the client may retry once the operator has acted.
      log.error("Échec d'écriture dans la base", original);
      return { message: original.message, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    const code = String(formatted.extensions?.code ?? '');
    if (!KNOWN_CODES.has(code) || (code === 'SERVICE_UNAVAILABLE' && !(original instanceof GraphQLError))) {
      log.error('Erreur inattendue', original);
      return { message: 'Erreur interne du serveur.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    const extensions: Record<string, unknown> = { code };
    if (formatted.extensions?.field) extensions.field = formatted.extensions.field;
    if (Array.isArray(formatted.extensions?.fields)) extensions.fields = formatted.extensions.fields; // every field a form got wrong (api/errors.ts badInputs)
    let message = formatted.message;
    // graphql-armor's refusals are ours, in French (the token limit comes from graphql-js' parser).
    const limit = /^(?:Syntax Error: )?(Requête .*)$/s.exec(message)?.[1] ?? (/^Syntax Error: Document contains more th\w+ \d+ tokens/.test(message) ? LIMIT_MESSAGES.tokens : null);
    if (limit) message = limit;
    else if (FROM_GRAPHQL_OR_APOLLO.has(code) && !formatted.extensions?.field) {
      // graphql-js and Apollo speak English: French for the client, with the field it is about.
      const literalOf = code === 'GRAPHQL_VALIDATION_FAILED' ? literalOwner(original) : undefined;
      const variableOf = code === 'BAD_USER_INPUT' ? variableOwners(original) : undefined;
      const french = frenchMessage(code, message, { location: formatted.locations?.[0], literalOf, variableOf });
      message = french.suggestion && !production ? `${french.message} ${french.suggestion}` : french.message;
      if (french.field) extensions.field = french.field;
    }
    return { message, ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}), extensions };
  };
}

/** A response carries this many errors at most. */
export const MAX_ERRORS = 5;

/**
 * The same mistake repeated (a directive written 25 times, a hundred unknown keys) gives one
 * error per copy: the first few tell the client what to fix; the rest only make the answer big.
 */
export const firstErrorsOnly: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind === 'single' && response.body.singleResult.errors && response.body.singleResult.errors.length > MAX_ERRORS) {
          response.body.singleResult.errors = response.body.singleResult.errors.slice(0, MAX_ERRORS);
        }
      },
    };
  },
};
