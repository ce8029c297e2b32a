// How every page reads the API's refusals: by field for forms, as one sentence elsewhere, and one wording
// when the service cannot be reached (the messages themselves are the API's, in French, never rewritten).
import type { CombinedError } from 'urql';

export type FieldErrors = Record<string, string>;

/** Said when no answer came back (network down, service stopped): the same sentence on every page. */
export const SERVICE_UNREACHABLE = 'Le service ne répond pas : vérifiez la connexion et réessayez.';

/** The API's refusal, split by field: `extensions.field` → message; the rest under '' (shown in the summary). */
export function errorsOf(error: CombinedError | undefined | null): FieldErrors {
  if (!error) return {};
  const out: FieldErrors = {};
  for (const e of error.graphQLErrors) {
    const field = typeof e.extensions?.field === 'string' ? e.extensions.field.replace(/^input\./, '') : '';
    out[field] ??= e.message;
  }
  if (error.networkError && !error.graphQLErrors.length) out[''] = SERVICE_UNREACHABLE;
  return out;
}

/** The API's first message, or that the service did not answer. */
export const messageOf = (error: { graphQLErrors: readonly { message: string }[] } | undefined | null): string => error?.graphQLErrors[0]?.message ?? SERVICE_UNREACHABLE;
