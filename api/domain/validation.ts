// Input rules shared by the domain modules, expressed once with zod.
// Every failure becomes BAD_USER_INPUT with `field` set and a French message naming that field.
import { z } from 'zod';
import { badInput } from '../errors';
import { findCommune } from '../reference/communes';
import { normalizeNafCode } from '../reference/naf';
import { canonicalLabel } from '../reference/labels';

z.config(z.locales.fr());

/** Parses `input` or throws BAD_USER_INPUT for its first problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length > 0 ? String(issue.path[0]) : 'input';
  throw badInput(field, `« ${field} » : ${issue.message}`);
}

// Control characters (line breaks and tabs aside) and format characters never belong in what
// people type: bidirectional overrides make a name read differently from what it is, zero-width
// characters and soft hyphens make an empty name look filled or one name look like another.
// Removed before any check, so that an invisible name counts as empty and its length as none.
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\p{Cf}]/gu;
const typed = () => z.string().overwrite((s) => s.replace(INVISIBLE, '')).trim();

export const text = (max: number) => typed().min(1, 'ne doit pas être vide').max(max, `ne doit pas dépasser ${max} caractères`);

export const optionalText = (max: number) =>
  typed().max(max, `ne doit pas dépasser ${max} caractères`).nullish().transform((v) => v || null);

export const email = z
  .string()
  .trim()
  .max(254, 'adresse e-mail trop longue')
  .toLowerCase()
  .pipe(z.email('adresse e-mail invalide'));

export const count = (max: number) =>
  z.number().int('doit être un entier').min(0, 'ne doit pas être négatif').max(max, `ne doit pas dépasser ${max}`).nullish().transform((v) => v ?? null);

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

export const nafCodes = z
  .array(z.string().max(10, 'code NAF trop long'))
  .max(10, 'au plus 10 codes NAF')
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

export const labels = z
  .array(typed().min(1, 'un label ne peut pas être vide').max(60, 'un label ne doit pas dépasser 60 caractères'))
  .max(20, 'au plus 20 labels')
  .nullish()
  .transform((list) => [...new Set((list ?? []).map(canonicalLabel))]);

export const phrases = z
  .array(typed().min(1, 'une prestation ne peut pas être vide').max(120, 'une prestation ne doit pas dépasser 120 caractères'))
  .max(30, 'au plus 30 prestations')
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
