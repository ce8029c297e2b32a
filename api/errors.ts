// Operational errors: expected, answered to the client with a code and a French message.
// Anything else is a programmer error: logged in full, answered as a generic message.
import { GraphQLError } from 'graphql/error/GraphQLError'; // not the whole package: the import command's start loads this file alone

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE';

function operational(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const badInput = (field: string, message: string) => operational('BAD_USER_INPUT', message, { field });

/** One field's refusal, as a form shows it next to that field. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Every field a form got wrong, in one answer: the first stays in `message` and `extensions.field`
 * (what clients read so far), and, when there are several, all of them in `extensions.fields`.
 */
export function badInputs(errors: readonly FieldError[]): GraphQLError {
  const [first, ...rest] = errors;
  if (!first) throw new Error('badInputs needs at least one field error');
  return operational('BAD_USER_INPUT', first.message, rest.length ? { field: first.field, fields: errors.map(({ field, message }) => ({ field, message })) } : { field: first.field });
}
export const unauthenticated = (message = 'Authentification requise.') => operational('UNAUTHENTICATED', message);
export const forbidden = (message = "Vous n'avez pas le droit d'effectuer cette opération.") => operational('FORBIDDEN', message);
export const notFound = (message = 'Élément introuvable.') => operational('NOT_FOUND', message);
export const conflict = (message: string, field?: string) => operational('CONFLICT', message, field ? { field } : {});
export const tooManyRequests = (retryAfterSeconds: number) =>
  operational('TOO_MANY_REQUESTS', `Trop de tentatives. Réessayez dans ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, {
    http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
  });

/** A fatal configuration problem: the process prints the message as one line and exits non-zero. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
