// Text typed in a form turned into the API's types; a number that cannot be read is said next to its field.
import { MAX_EUROS, QUANTITIES, rangeFr, typedCount, typedEuros, type Typed } from '../../api/reference/amounts';
import type { FieldErrors } from './errors';

/**
 * What a form sends for an amount or a count it cannot read: below every range, so the API always refuses it. The
 * form is then still sent, the API checks every other field in the same answer and writes nothing, and the person
 * learns every error at once; the field shows the form's reason, not the API's range.
 */
export const UNREADABLE = -1;

/** The number read, or UNREADABLE with the reason said next to the field (the API judges the range). */
function read(typed: Typed, field: string, errors: FieldErrors): number | null {
  if ('value' in typed) return typed.value;
  errors[field] = `${typed.error[0]!.toUpperCase()}${typed.error.slice(1)}.`;
  return UNREADABLE;
}

/** A whole number as typed ("1 200"). */
export const optionalInt = (text: string, field: string, errors: FieldErrors): number | null => read(typedCount(text), field, errors);

/**
 * An amount in euros as people type it (« 12 000 € », « 12 000,50 »), read as the /suites page reads it. One too
 * large for GraphQL's Int would stop the whole request before the API checks the other fields: it goes as
 * UNREADABLE, with the API's own range.
 */
export function optionalEuros(text: string, field: string, errors: FieldErrors): number | null {
  const typed = typedEuros(text);
  if ('value' in typed && typed.value !== null && typed.value > MAX_EUROS) {
    errors[field] = `« ${field} » : ${rangeFr(QUANTITIES.euros)}.`;
    return UNREADABLE;
  }
  return read(typed, field, errors);
}

export function optionalFloat(text: string, field: string, errors: FieldErrors): number | null {
  const t = text.trim().replace(',', '.');
  if (!t) return null;
  const n = Number(t);
  if (!Number.isFinite(n)) {
    errors[field] = 'Saisissez un nombre (par exemple 49,4431).';
    return null;
  }
  return n;
}

/**
 * The fields of a form opened on a record that the person changed: only those are sent, so what someone else
 * changed meanwhile in the other fields (the firm in its space, an officer in the console) is kept.
 */
export function changedFields<T extends Record<string, unknown>>(opened: T, now: T): Partial<T> {
  return Object.fromEntries(Object.entries(now).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(opened[key]))) as Partial<T>;
}

/** "RGE, ISO 9001" → ["RGE", "ISO 9001"]. */
export const splitList = (text: string): string[] =>
  text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
