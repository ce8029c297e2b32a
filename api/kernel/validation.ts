// Input rules shared by the domain modules, expressed once with zod.
// Every failure becomes BAD_USER_INPUT with `field` set and a French message naming that field.
import { z } from 'zod';
import { badInputs, type FieldError } from '../errors';
import { rangeFr, type Quantity } from '../reference/amounts';
import { findCommune } from '../reference/communes';
import { nafLabel, normalizeNafCode } from '../reference/naf';
import { formatterAtFirstUse } from '../reference/vocabulary';
import { canonicalLabel, closeLabels, knownLabel, knownLabelNames } from '../reference/labels';

z.config(z.locales.fr());

/** Parses `input` or throws one BAD_USER_INPUT naming every field it got wrong (the first problem of each). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'input';
    if (!errors.some((e) => e.field === field)) errors.push({ field, message: `« ${field} » : ${issue.message}` });
  }
  throw badInputs(errors);
}

// Control characters (line breaks and tabs aside) and format characters never belong in what
// people type: bidirectional overrides make a name read differently from what it is, zero-width
// characters and soft hyphens make an empty name look filled or one name look like another.
// Removed before any check, so that an invisible name counts as empty and its length as none.
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\p{Cf}]/gu;
const typed = () => z.string().overwrite((s) => s.replace(INVISIBLE, '')).trim();

/** Text typed to search or filter by: cleaned as any input is, so that it matches what was stored. */
export const searchText = (max: number, message: string) => typed().max(max, message);

/**
 * Text of a search that completes its last word (the directory's): cleaned as searchText, but a space
 * after the last word is kept (one), since it says that word is complete.
 */
export const completingSearchText = (max: number, message: string) =>
  z
    .string()
    .overwrite((s) => s.replace(INVISIBLE, '').trimStart().replace(/\s+$/, ' '))
    .max(max, message);

export const text = (max: number) => typed().min(1, 'ne doit pas être vide').max(max, `ne doit pas dépasser ${max} caractères`);

export const optionalText = (max: number) =>
  typed().max(max, `ne doit pas dépasser ${max} caractères`).nullish().transform((v) => v || null);

export const email = z
  .string()
  .trim()
  .max(254, 'adresse e-mail trop longue')
  .toLowerCase()
  .pipe(z.email('adresse e-mail invalide'));

/** A whole quantity a form takes (see QUANTITIES): refused outside its range with that range, in French. */
export const quantity = (q: Quantity) => {
  const range = { error: () => rangeFr(q) }; // worded when refused (see Quantity's shown)
  return z.number().int(range).min(0, range).max(q.max, range).nullish().transform((v) => v ?? null);
};

/** SIRET: 14 digits whose Luhn sum is a multiple of 10 (La Poste's establishments use a sum of digits multiple of 5). */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith('356000000') && siret !== '35600000000048') {
    return [...siret].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
  }
  let sum = 0;
  for (let i = 0; i < 14; i += 1) {
    let digit = Number(siret[13 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

export const siret = z
  .string()
  .transform((v) => v.replace(/\s/g, ''))
  .refine(isValidSiret, 'numéro SIRET invalide (14 chiffres, clé de contrôle vérifiée)')
  .nullish()
  .transform((v) => v || null);

export const communeCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => findCommune(code) !== null, 'commune inconnue (code INSEE attendu, par exemple 76540 pour Rouen)');

/** A list of `max` items at most, refused beyond with a message that says how many (zod's: "Trop grand : tableau doit avoir <=9 éléments"). */
export const list = <T extends z.ZodType>(item: T, max: number, what = 'valeurs') => z.array(item).max(max, `${max} ${what} au plus`);

export const nafCodes = list(z.string().max(10, 'code NAF trop long'), 10, 'codes NAF')
  .nullish()
  .transform((codes, ctx) => {
    const out: string[] = [];
    for (const raw of codes ?? []) {
      const code = normalizeNafCode(raw);
      if (!code) {
        ctx.addIssue({ code: 'custom', message: `code NAF inconnu : « ${raw.slice(0, 10)} » (format attendu : 81.30Z)` });
        return z.NEVER;
      }
      if (!out.includes(code)) out.push(code);
    }
    return out;
  });

/** A NAF code at any level, to search by: "81", "81.3", "81.30" or "81.30Z" ("8130" is "81.30"). */
export const nafPrefix = z
  .string()
  .trim()
  .toUpperCase()
  .max(6, 'préfixe NAF trop long (ex. 81 ou 81.30)')
  // codes are stored with their dot
  .transform((p) => (/^\d{3}/.test(p) ? `${p.slice(0, 2)}.${p.slice(2)}` : p))
  // a prefix that is no NAF code would quietly find nothing
  .refine((p) => nafLabel(p) !== undefined, 'préfixe NAF inconnu (une division, un groupe, une classe ou une sous-classe, ex. 81, 81.3, 81.30 ou 81.30Z)');

export const labels = list(typed().min(1, 'un label ne peut pas être vide').max(60, 'un label ne doit pas dépasser 60 caractères'), 20, 'labels')
  .nullish()
  .transform((list) => [...new Set((list ?? []).map(canonicalLabel))]);

/** Labels a need requires: only known ones, since an unknown one would make every structure ineligible. */
export const knownLabels = list(typed().min(1, 'un label ne peut pas être vide').max(60, 'un label ne doit pas dépasser 60 caractères'), 20, 'labels')
  .nullish()
  .transform((list, ctx) => {
    const out: string[] = [];
    for (const label of list ?? []) {
      const known = knownLabel(label);
      if (known) {
        if (!out.includes(known)) out.push(known);
        continue;
      }
      const close = closeLabels(label);
      ctx.addIssue({
        code: 'custom',
        message: close.length
          ? `label inconnu : « ${label} ». Vouliez-vous dire ${close.map((c) => `« ${c} »`).join(' ou ')} ?`
          : `label inconnu : « ${label} ». Labels connus : ${knownLabelNames().join(', ')}.`,
      });
      return z.NEVER;
    }
    return out;
  });

export const phrases = list(typed().min(1, 'une prestation ne peut pas être vide').max(120, 'une prestation ne doit pas dépasser 120 caractères'), 30, 'prestations')
  .nullish()
  .transform((list) => [...new Set(list ?? [])]);

export const website = z
  .string()
  .trim()
  .max(300, 'adresse trop longue')
  .refine((v) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), 'adresse web invalide (http:// ou https://)')
  .nullish()
  .transform((v) => v || null);

export const latitude = z.number().min(-90, 'latitude entre -90 et 90').max(90, 'latitude entre -90 et 90').nullish().transform((v) => v ?? null);
export const longitude = z.number().min(-180, 'longitude entre -180 et 180').max(180, 'longitude entre -180 et 180').nullish().transform((v) => v ?? null);

// Dates: ISO 8601 as the API and the report read it, strictly. Date.parse would take "March 3,
// 2027" and roll 30 February over to 2 March; the DateTime scalar passes text on, so this is the
// one place a date is read.
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// Seconds, their fraction and the offset are optional.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_DATE_FORMAT =
  'date invalide (format attendu : 2025-12-31, 2025-12-31T08:30:00 en heure de Paris, ou une date ISO 8601 avec son décalage)';

/** A date or date-time read from ISO 8601 text. */
export interface IsoDate {
  /** Its fields as the UTC instant that shows them ("2025-12-31T08:30" → 2025-12-31T08:30Z). */
  wall: number;
  /** A calendar day alone ("2025-12-31"), with no time. */
  day: boolean;
  /** Minutes east of UTC, when the text gives an offset ("Z", "+01:00", "-0530", "+02"). */
  offset?: number;
}

/** The fields as a UTC instant, or null when they name no real date or time (30 February, 24:00). */
function wallClock(y: number, mo: number, d: number, h = 0, mi = 0, sec = 0, ms = 0): number | null {
  const back = new Date(0);
  back.setUTCFullYear(y, mo - 1, d); // not Date.UTC, which reads years 0-99 as 1900-1999
  back.setUTCHours(h, mi, sec, ms);
  const same = back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
  return same && back.getUTCHours() === h && back.getUTCMinutes() === mi && back.getUTCSeconds() === sec ? back.getTime() : null;
}

/** "+01:00", "-0530", "+02", "Z" in minutes east of UTC; null when out of range. */
function offsetMinutes(offset: string): number | null {
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  if (!m) return 0; // "Z"
  const [h, min] = [Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || min > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
}

/** The date `text` writes in ISO 8601, or why it is none (French). */
export function readIsoDate(text: string): IsoDate | string {
  const day = DAY.exec(text);
  if (day) {
    const wall = wallClock(Number(day[1]), Number(day[2]), Number(day[3]));
    return wall === null ? `la date ${text} n'existe pas` : { wall, day: true };
  }
  const dt = DATE_TIME.exec(text);
  if (!dt) return ISO_DATE_FORMAT;
  const [y, mo, d, h, mi] = dt.slice(1, 6).map(Number) as [number, number, number, number, number];
  const wall = wallClock(y, mo, d, h, mi, Number(dt[6] ?? 0), Number((dt[7] ?? '').slice(0, 3).padEnd(3, '0')));
  const offset = dt[8] === undefined ? undefined : offsetMinutes(dt[8]);
  if (wall === null || offset === null) return `la date ${text} n'existe pas`;
  return offset === undefined ? { wall, day: false } : { wall, day: false, offset };
}

const parisZone = formatterAtFirstUse(() => new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' }));

/** Paris's offset from UTC, in minutes, at an instant (ms since the epoch). */
function parisOffsetMinutes(at: number): number {
  const name = parisZone().formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * The instant Paris's clocks showed a wall time (given as the UTC instant with the same fields).
 * Around a change of time, as Temporal's "compatible": a time shown twice (October) is its first
 * occurrence, a time skipped (March) is read with the offset in force before the change.
 */
export function parisInstant(wall: number): Date {
  const before = parisOffsetMinutes(wall - 86_400_000);
  const after = parisOffsetMinutes(wall + 86_400_000);
  const fits = [before, after].map((o) => wall - o * 60_000).filter((t) => wall - parisOffsetMinutes(t) * 60_000 === t);
  return new Date(fits.length ? Math.min(...fits) : wall - before * 60_000);
}

/** A date-time's instant: at its offset, else in Paris time, the same in any process timezone. */
export const isoInstant = (date: IsoDate): Date => (date.offset === undefined ? parisInstant(date.wall) : new Date(date.wall - date.offset * 60_000));

/** Text read by readIsoDate, then made an instant by `instant` (each use says what a day alone means). */
export const isoDate = (instant: (date: IsoDate) => Date) =>
  z.string().trim().transform((text, ctx) => {
    const date = readIsoDate(text);
    if (typeof date !== 'string') return instant(date);
    ctx.addIssue({ code: 'custom', message: date });
    return z.NEVER;
  });

/** Latitude and longitude come together or not at all. */
export function bothOrNeither(value: { latitude: number | null; longitude: number | null }, ctx: z.RefinementCtx): void {
  if ((value.latitude === null) !== (value.longitude === null)) {
    const field = value.latitude === null ? 'latitude' : 'longitude';
    ctx.addIssue({ code: 'custom', path: [field], message: 'latitude et longitude vont ensemble' });
  }
}

/** Fields of a zod object that were actually given (for partial updates). */
export const given = <T extends object>(input: T): (keyof T)[] =>
  (Object.keys(input) as (keyof T)[]).filter((k) => input[k] !== undefined);
