// The one place errors are shaped for clients: operational errors keep their code and French
// message; anything unexpected is logged and answered with a generic message, never a stack.
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { LIMIT_MESSAGES } from './limits';

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

const APOLLO_PREFIX: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: 'Requête GraphQL mal formée',
  GRAPHQL_VALIDATION_FAILED: 'Requête GraphQL invalide',
  BAD_USER_INPUT: 'Valeur invalide',
  BAD_REQUEST: 'Requête invalide',
  OPERATION_RESOLUTION_FAILURE: 'Opération introuvable',
};

export interface ErrorLog {
  error(message: string, err?: unknown): void;
}

export function createFormatError(production: boolean, log: ErrorLog) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(raw);
    const code = String(formatted.extensions?.code ?? '');
    if (!KNOWN_CODES.has(code) || (code === 'SERVICE_UNAVAILABLE' && !(original instanceof GraphQLError))) {
      log.error('Erreur inattendue', original);
      return { message: 'Erreur interne du serveur.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    const extensions: Record<string, unknown> = { code };
    if (formatted.extensions?.field) extensions.field = formatted.extensions.field;
    let message = formatted.message;
    const prefix = APOLLO_PREFIX[code];
    // Errors raised by graphql-js and Apollo speak English: give them a French lead and the field.
    if (prefix && !formatted.extensions?.field) {
      const field = /Field "(\w+)"|at "[^"]*?\.?(\w+)"/.exec(message);
      if (field) extensions.field = field[1] ?? field[2];
      // graphql-armor's refusals are ours, in French, behind a "Syntax Error: " lead
      message = message.replace(/^Syntax Error: (?=Requête )/, '');
      if (/^Syntax Error: Document contains more th\w+ \d+ tokens/.test(message)) message = LIMIT_MESSAGES.tokens;
      if (!message.startsWith('Requête ')) message = `${prefix} : ${message}`;
    }
    // Suggestions reveal the schema: none in production, whatever raised the error.
    if (production) message = message.replace(/ ?Did you mean [^?]*\?/g, '').trim();
    return { message, ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}), extensions };
  };
}
