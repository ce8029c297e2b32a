// Our CSV template: one column per SupplierInput field, named as the API names it. Lists
// (services, nafCodes, labels) are joined with "|" ("\|" for a "|" inside a value, "\\" for a
// backslash); an empty cell is an empty value. The export writes what the import reads, so that
// exporting, then importing into an empty directory, then exporting again gives the same file
// (cells protected against spreadsheet formulas on export are read back as they were: api/csv).
import { fold } from '../../../matching/text/fold';
import { readProtectedCell, writeCsv } from '../../csv';
import { INCLUSION_KIND_FR, LEGAL_FORM_FR } from '../../reference/vocabulary';
import type { Store, SupplierRecord } from '../../store/types';
import { PROFILE_FIELDS } from '../suppliers';
import type { ProfileField } from './items';

/** SupplierInput's fields, in the order the API declares them. */
export const TEMPLATE_COLUMNS: readonly ProfileField[] = [
  'name', 'siret', 'legalForm', 'inclusionKind', 'description', 'services', 'nafCodes', 'communeCode',
  'interventionRadiusKm', 'employees', 'maxContractValue', 'labels', 'contactEmail', 'website', 'latitude', 'longitude',
];
if (TEMPLATE_COLUMNS.length !== PROFILE_FIELDS.length || !PROFILE_FIELDS.every((f) => TEMPLATE_COLUMNS.includes(f))) {
  throw new Error('CSV template out of step with the profile fields');
}

const LISTS: ReadonlySet<ProfileField> = new Set(['services', 'nafCodes', 'labels']);
const NUMBERS: ReadonlySet<ProfileField> = new Set(['interventionRadiusKm', 'employees', 'maxContractValue', 'latitude', 'longitude']);

const joinList = (values: readonly string[]): string => values.map((v) => v.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')).join('|');

function splitList(cell: string): string[] {
  // Without an escape, a split (most cells): the loop below builds each value a character at a time.
  if (!cell.includes('\\')) return cell.split('|').map((v) => v.trim()).filter((v) => v !== '');
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i += 1) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) current += cell[++i];
    else if (c === '|') (out.push(current), (current = ''));
    else current += c;
  }
  out.push(current);
  return out.map((v) => v.trim()).filter((v) => v !== '');
}

function readNumber(cell: string): number | string | null {
  const text = cell.trim();
  if (text === '') return null;
  const n = Number(text.replace(',', '.')); // a French spreadsheet's decimal comma
  return Number.isFinite(n) ? n : text; // left as text: the validation names the field
}

const words = (text: string): string => fold(text).replace(/[^a-z0-9]+/g, ' ').trim();

/** The names a value of ours goes by: its code, its French name, and each part of that name (« SCOP », « société coopérative et participative »). */
function namesOf(french: Readonly<Record<string, string>>): Map<string, string> {
  const names = new Map<string, string>();
  for (const [code, label] of Object.entries(french)) {
    const inner = /^(.*?)\s*\((.*)\)$/.exec(label);
    for (const name of [code, label, ...(inner ? [inner[1]!, inner[2]!] : [])]) names.set(words(name), code);
  }
  return names;
}
const ENUM_NAMES: Partial<Record<ProfileField, Map<string, string>>> = {
  legalForm: new Map([...namesOf(LEGAL_FORM_FR), ['esus', 'ESUS_COMPANY']]),
  inclusionKind: namesOf(INCLUSION_KIND_FR),
};

/** Where each field is in a file: the header's name for it (the API's name, in any case). */
export type TemplateColumns = ReadonlyMap<ProfileField, string>;

/**
 * The header's columns as the template's fields, or why the file is not one of ours: a column the
 * template does not know would be dropped without a word (« Site web » for website), so it refuses the file.
 */
export function templateColumns(header: readonly string[]): TemplateColumns | { problem: string } {
  const byName = new Map(TEMPLATE_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const columns = new Map<ProfileField, string>();
  const unknown: string[] = [];
  const named = header.length - [...header].reverse().findIndex((name) => name.trim() !== '');
  for (const [i, name] of header.entries()) {
    if (i >= named) break; // a spreadsheet's empty trailing columns
    if (name.trim() === '') return { problem: `colonne sans nom dans l’en-tête (la ${i === 0 ? '1re' : `${i + 1}e`}) : nommez-la ou retirez-la` };
    const column = byName.get(name.trim().toLowerCase());
    if (!column) unknown.push(`« ${name} »`);
    else if (columns.has(column)) return { problem: `colonne ${column} en double dans l’en-tête` };
    else columns.set(column, name);
  }
  if (unknown.length) {
    return { problem: `${unknown.length > 1 ? 'colonnes inconnues' : 'colonne inconnue'} : ${unknown.join(', ')} ; les colonnes du modèle (npm run export) sont ${TEMPLATE_COLUMNS.join(', ')} : renommez ou retirez les autres` };
  }
  // A column the file lacks is an empty one: public lists seldom hold more than these two.
  const missing = (['name', 'communeCode'] as const).filter((c) => !columns.has(c));
  return missing.length ? { problem: `colonnes obligatoires absentes de l’en-tête : ${missing.join(', ')} (modèle : npm run export)` } : columns;
}

/** A template row as the profile fields it gives (a column the file lacks gives nothing). */
export function templateFields(values: Record<string, string>, columns: TemplateColumns): Partial<Record<ProfileField, unknown>> {
  const fields: Partial<Record<ProfileField, unknown>> = {};
  for (const [column, name] of columns) {
    const written = values[name];
    if (written === undefined) continue; // a torn line's missing cell says nothing
    const cell = readProtectedCell(written);
    if (LISTS.has(column)) fields[column] = splitList(cell);
    else if (NUMBERS.has(column)) fields[column] = readNumber(cell);
    else if (column === 'legalForm' && cell.trim() === '') continue; // not given: it stays as it is, or unknown
    else if (cell.trim() === '') fields[column] = null;
    // « Association », « scop », « Entreprise d'insertion » as a spreadsheet holds them: the API's value
    else fields[column] = ENUM_NAMES[column]?.get(words(cell)) ?? cell;
  }
  return fields;
}

function templateRow(s: SupplierRecord): string[] {
  return TEMPLATE_COLUMNS.map((column) => {
    const value = s[column];
    if (Array.isArray(value)) return joinList(value);
    return value === null || value === undefined ? '' : String(value);
  });
}

/** The whole directory (deleted structures' stubs aside) in the template, by name. */
export async function exportTemplate(store: Store): Promise<string> {
  const suppliers = (await store.suppliers.find({})).filter((s) => !s.retiredAt);
  // Then by the whole row: homonyms without SIRET in one commune come out in one order from any store.
  const rows = suppliers.map((s) => {
    const row = templateRow(s);
    return { key: [s.sortKey, s.communeCode, s.siret ?? '', s.name, ...row], row };
  });
  rows.sort((a, b) => {
    for (let i = 0; i < a.key.length; i += 1) if (a.key[i] !== b.key[i]) return a.key[i]! < b.key[i]! ? -1 : 1;
    return 0;
  });
  // A BOM, so spreadsheet software reads the accents right; the import skips it.
  return `\ufeff${writeCsv([[...TEMPLATE_COLUMNS], ...rows.map((r) => r.row)])}`;
}
