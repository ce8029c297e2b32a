// Reading a buyer's spend file: CSV with French or English headers, semicolons or commas (tabs too),
// amounts as a spreadsheet writes them ("1 234,56 €"). A line that cannot be read is reported with
// its number and why, never guessed; an exact repeat of a line is reported and counted once.
import { parse, type CsvError } from 'csv-parse/sync';
import { fold } from '../../matching/text/fold';
import { badInput } from '../errors';
import { parseAmount } from '../reference/amounts';
import { normalizeNafCode } from '../reference/naf';

/** Under the API's 1 MB body limit, with room for JSON escaping. */
export const MAX_CSV_CHARS = 900_000;
export const MAX_SPEND_LINES = 10_000;

export interface SpendLine {
  line: number;
  /** 14 digits (SIRET) or 9 (SIREN only). */
  identifier: string;
  name: string;
  amount: number;
  /** The file's own category; null when it gives none. */
  category: string | null;
  nafCode: string | null;
}

export interface SpendRefusal {
  line: number;
  reason: string;
}

type Column = 'identifier' | 'name' | 'amount' | 'category' | 'naf';

// Folded header names, French and English, as buyers' exports spell them.
const HEADERS: Record<Column, readonly string[]> = {
  identifier: ['siret', 'siren', 'siret/siren', 'siret ou siren', 'n° siret', 'numero siret', 'no siret', 'identifiant', 'siret fournisseur', 'supplier siret', 'company id'],
  name: ['nom', 'name', 'fournisseur', 'supplier', 'raison sociale', 'denomination', 'nom du fournisseur', 'supplier name', 'nom fournisseur'],
  amount: ['montant', 'amount', 'montant ht', 'montant (eur)', 'montant (€)', 'montant ht (€)', 'depense', 'depenses', 'spend', 'total', 'amount (eur)', 'montant total'],
  category: ['categorie', 'category', 'famille', "famille d'achat", 'famille achat', 'categorie d\'achat', 'purchase category', 'segment'],
  naf: ['naf', 'code naf', 'ape', 'code ape', 'naf/ape', 'code naf/ape', 'naf code', 'activity code', 'naf_code', 'code_naf'],
};

const columnOf = (header: string): Column | null => {
  const key = fold(header).replace(/_/g, ' ');
  for (const [column, names] of Object.entries(HEADERS) as [Column, readonly string[]][]) {
    if (names.includes(key) || names.includes(fold(header))) return column;
  }
  return null;
};

/** The header's separator: the one of ; , or tab found most in the first line. */
function delimiterOf(firstLine: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function brokenReason(err: CsvError): string {
  if (err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || err.code === 'CSV_RECORD_INCONSISTENT_COLUMNS') return 'nombre de colonnes différent de celui de l’en-tête';
  if (err.code === 'CSV_INVALID_CLOSING_QUOTE') return 'guillemets mal fermés';
  return 'ligne illisible';
}

export interface ReadSpend {
  lines: SpendLine[];
  refusals: SpendRefusal[];
}

/** The file's lines, or a French error naming `csv` when the file as a whole cannot be used. */
export function readSpendCsv(csv: string): ReadSpend {
  if (csv.length > MAX_CSV_CHARS) throw badInput('csv', `« csv » : fichier trop volumineux (${MAX_CSV_CHARS.toLocaleString('fr-FR')} caractères au plus ; découpez-le par période).`);
  const text = csv.replace(/^\ufeff/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const headers = parseHeader(firstLine);
  const refusals: SpendRefusal[] = [];
  let unclosed = false;
  const records = parse(text, {
    delimiter: delimiterOf(firstLine),
    from_line: 2,
    info: true,
    relax_quotes: true,
    // Counted against the header below: csv-parse alone would take the first line's count as the norm.
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (err?.code === 'CSV_QUOTE_NOT_CLOSED') unclosed = true;
      else if (err) refusals.push({ line: (err as CsvError & { lines?: number }).lines ?? 0, reason: brokenReason(err) });
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  if (unclosed) {
    // The parser reads to the end looking for the closing quote: said from the line after the last one read.
    const from = Math.max(1, records.at(-1)?.info.lines ?? 1, ...refusals.map((r) => r.line)) + 1;
    refusals.push({ line: from, reason: `guillemets ouverts et jamais fermés : le fichier n’a pas pu être lu à partir de la ligne ${from}` });
  }
  if (records.length + refusals.length > MAX_SPEND_LINES) {
    throw badInput('csv', `« csv » : trop de lignes (${MAX_SPEND_LINES.toLocaleString('fr-FR')} au plus ; regroupez les dépenses par fournisseur).`);
  }
  const lines: SpendLine[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    // info.lines counts from the header skipped by from_line; the header is line 1.
    const line = info.lines;
    if (record.length !== headers.length) {
      refusals.push({ line, reason: 'nombre de colonnes différent de celui de l’en-tête' });
      continue;
    }
    const cell = (c: Column) => {
      const i = headers.indexOf(c);
      return i >= 0 ? (record[i] ?? '').trim() : '';
    };
    const read = readLine(line, cell);
    if ('reason' in read) {
      refusals.push(read);
      continue;
    }
    const key = JSON.stringify([read.identifier, fold(read.name), read.amount, read.category, read.nafCode]);
    const first = seen.get(key);
    if (first !== undefined) {
      refusals.push({ line, reason: `ligne en double de la ligne ${first} (même fournisseur, même montant) : comptée une seule fois` });
      continue;
    }
    seen.set(key, line);
    lines.push(read);
  }
  refusals.sort((a, b) => a.line - b.line);
  return { lines, refusals };
}

function parseHeader(firstLine: string): (Column | null)[] {
  const headers = firstLine.split(delimiterOf(firstLine)).map((h) => columnOf(h.trim().replace(/^"(.*)"$/, '$1')));
  const missing = (['identifier', 'amount'] as const).filter((c) => !headers.includes(c));
  if (missing.length > 0) {
    throw badInput('csv', '« csv » : la première ligne doit nommer les colonnes, dont « siret » (ou « siren ») et « montant » (ou « amount ») ; « nom », « categorie » et « naf » sont facultatives.');
  }
  return headers;
}

function readLine(line: number, cell: (c: Column) => string): SpendLine | SpendRefusal {
  const rawId = cell('identifier').replace(/[\s\u00a0.]/g, '');
  if (!rawId) return { line, reason: 'SIRET ou SIREN manquant' };
  if (!/^(\d{9}|\d{14})$/.test(rawId)) return { line, reason: `« ${rawId.slice(0, 30)} » n’est ni un SIRET (14 chiffres) ni un SIREN (9 chiffres)` };
  const rawAmount = cell('amount');
  if (!rawAmount) return { line, reason: 'montant manquant' };
  const amount = parseAmount(rawAmount);
  if (amount === null) return { line, reason: `montant illisible : « ${rawAmount.slice(0, 30)} »` };
  if (amount < 0) return { line, reason: 'montant négatif (avoir) : non pris en compte' };
  const rawNaf = cell('naf');
  const nafCode = rawNaf ? normalizeNafCode(rawNaf) : null;
  if (rawNaf && !nafCode) return { line, reason: `code NAF inconnu : « ${rawNaf.slice(0, 30)} »` };
  const category = cell('category') || null;
  return { line, identifier: rawId, name: cell('name').slice(0, 200), amount: Math.round(amount * 100) / 100, category: category?.slice(0, 200) ?? null, nafCode };
}
