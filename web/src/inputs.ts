// Text typed in a form turned into the API's types; a number that cannot be read is said next to its field.
import type { FieldErrors } from './errors';

export function optionalInt(text: string, field: string, errors: FieldErrors): number | null {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!t) return null;
  if (!/^-?\d+$/.test(t)) {
    errors[field] = 'Saisissez un nombre entier, sans décimales (par exemple 25000).';
    return null;
  }
  return Number(t);
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

/** "RGE, ISO 9001" → ["RGE", "ISO 9001"]. */
export const splitList = (text: string): string[] =>
  text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
