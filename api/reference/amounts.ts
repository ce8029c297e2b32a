// Amounts as people type them, and the bounds of the whole quantities our forms take: one place read by
// the API's validation, the web forms and the server-rendered link pages (/suites).
import { formatEuros, formatWhole } from './vocabulary';

/**
 * "1 234,56 €", "12 000 €" (any space, no-break ones too), "1234.56", "1.234,56", "1,234.56" as a
 * number; null when it is not an amount. With both separators the last one is the decimal one; a
 * lone comma is a decimal comma (French forms and files).
 */
export function parseAmount(text: string): number | null {
  let t = text.replace(/[\s\u00a0\u202f€]/g, '').replace(/eur(os?)?$/i, '');
  if (t === '') return null;
  const comma = t.lastIndexOf(',');
  const dot = t.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) t = comma > dot ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  else if (comma >= 0) t = t.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** What a form field holds once read: null when left empty, or why the text cannot be read (French). */
export type Typed = { value: number | null } | { error: string };

/**
 * An amount in whole euros as a person types it in a form ("12 000 €", "12 000,50", "12000"): the
 * euros, cents rounded since the API counts whole euros.
 */
export function typedEuros(text: string): Typed {
  if (!text.trim()) return { value: null };
  const bare = text.replace(/[\s\u00a0\u202f€]/g, '');
  // « 1.000 », « 12.500 », « 1.000.000 »: dots grouping thousands, as many people write euros (never three decimals).
  if (/^[1-9]\d{0,2}(\.\d{3})+$/.test(bare)) return { value: Number(bare.replace(/\./g, '')) };
  // « 1,000 » is a thousand to some and one euro to others: asked again rather than guessed.
  if (/^[1-9]\d{0,2},\d{3}$/.test(bare)) return { error: `« ${text.trim()} » peut se lire de deux façons : écrivez ${bare.replace(',', ' ')} pour ${bare.replace(',', ' ')} euros, ou ${bare.replace(/,(\d\d)\d$/, ',$1')} avec deux décimales` };
  const amount = parseAmount(text);
  return amount === null ? { error: 'saisissez un montant en euros, par exemple 12 000 ou 12 000,50' } : { value: Math.round(amount) };
}

/** A whole number as a person types it ("1 200"). */
export function typedCount(text: string): Typed {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!t) return { value: null };
  return /^-?\d{1,15}$/.test(t) ? { value: Number(t) } : { error: 'saisissez un nombre entier, sans décimales (par exemple 1 200)' };
}

export interface Quantity {
  max: number;
  /** How the maximum is written: "1 000 000 000 €", "1 000 km". */
  shown: string;
}

/**
 * A quantity whose bound is worded at its first reading (a refusal's message): formatting numbers
 * loads ICU's locale data, 30 ms at the start of npm run import, which refuses no valid line.
 */
function quantityOf(max: number, word: (max: number) => string): Quantity {
  let shown: string | null = null;
  return {
    max,
    get shown() {
      return (shown ??= word(max));
    },
  };
}
const counted = (max: number, unit: string): Quantity => quantityOf(max, (n) => `${formatWhole(n)}\u00a0${unit}`);

/** The largest amount any form takes (budgets, contract values, amounts won): a sane ceiling that GraphQL's Int holds. */
export const MAX_EUROS = 1_000_000_000;

export const QUANTITIES = {
  euros: quantityOf(MAX_EUROS, formatEuros),
  insertionHours: counted(10_000_000, 'heures'),
  employees: counted(1_000_000, 'salariés'),
  radiusKm: counted(1000, 'km'),
} as const satisfies Record<string, Quantity>;

/** "doit être un nombre entier entre 0 et 1 000 000 000 €": what a quantity's field says when refused. */
export const rangeFr = (q: Quantity): string => `doit être un nombre entier entre 0 et ${q.shown}`;

/** The input fields that hold a quantity, by name: GraphQL's Int coercion is answered with the same range. */
export const QUANTITY_FIELDS: Readonly<Record<string, Quantity>> = {
  budgetMin: QUANTITIES.euros,
  budgetMax: QUANTITIES.euros,
  amount: QUANTITIES.euros,
  maxContractValue: QUANTITIES.euros,
  insertionHours: QUANTITIES.insertionHours,
  employees: QUANTITIES.employees,
  interventionRadiusKm: QUANTITIES.radiusKm,
};
