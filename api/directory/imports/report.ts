// The refused lines of an import as CSV (with a BOM, for spreadsheets): `--report` and the console's download.
import { writeCsv } from '../../csv';
import type { Refusal } from './items';

export function refusalsCsv(refusals: readonly Refusal[]): string {
  return `\ufeff${writeCsv([['fichier', 'ligne', 'siret', 'nom', 'motif'], ...refusals.map((r) => [r.file, r.line, r.siret, r.name, r.reason])])}`;
}
