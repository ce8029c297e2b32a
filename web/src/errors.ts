// How every page reads the API's refusals: by field for forms, as one sentence elsewhere, and one wording
// when the service cannot be reached (the messages themselves are the API's, in French, never rewritten).
import type { CombinedError } from 'urql';

export type FieldErrors = Record<string, string>;

/** Said when no answer came back (network down, service stopped): the same sentence on every page. */
export const SERVICE_UNREACHABLE = 'Le service ne répond pas : vérifiez la connexion et réessayez.';

const fieldName = (field: unknown): string => (typeof field === 'string' ? field.replace(/^input\./, '') : '');

/**
 * The API's refusal, split by field: every field a form got wrong (`extensions.fields`, or the one
 * `extensions.field`) → its message; the rest under '' (shown in the summary).
 */
export function errorsOf(error: CombinedError | undefined | null): FieldErrors {
  if (!error) return {};
  const out: FieldErrors = {};
  for (const e of error.graphQLErrors) {
    const several = Array.isArray(e.extensions?.fields) ? (e.extensions.fields as { field?: unknown; message?: unknown }[]) : [];
    for (const f of several) if (typeof f.message === 'string') out[fieldName(f.field)] ??= f.message;
    if (!several.length) out[fieldName(e.extensions?.field)] ??= e.message;
  }
  if (error.networkError && !error.graphQLErrors.length) out[''] = SERVICE_UNREACHABLE;
  return out;
}

/** The API's first message, or that the service did not answer. */
export const messageOf = (error: { graphQLErrors: readonly { message: string }[] } | undefined | null): string => error?.graphQLErrors[0]?.message ?? SERVICE_UNREACHABLE;

/**
 * The API names the field it refuses by its API name (« budgetMax » : …), which a person never saw:
 * with the field's label (« Budget maximum : … ») in a summary, or without a name beside the field itself.
 */
export function sayField(message: string, label?: string | null): string {
  const named = /^« [^»]+ » : (.*)$/s.exec(message);
  if (!named) return message;
  const rest = named[1]!;
  return label ? `${label} : ${rest}` : rest.charAt(0).toUpperCase() + rest.slice(1);
}
