// Thin profiles as the territory's imported ones are (a name, registry codes, a line, an address at
// most), written by `npm run import` into a data directory before a server opens it.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { TEMPLATE_COLUMNS } from '../../api/directory/imports';
import { runScript } from './cli';
import { siret } from './fixtures';

export type ImportRow = Partial<Record<(typeof TEMPLATE_COLUMNS)[number], string>>;

let stem = 0;
export const thinProfile = (name: string, contactEmail: string): ImportRow => ({
  name,
  siret: siret(7_300_000_000_000 + process.pid * 100 + (stem += 1)),
  legalForm: 'ASSOCIATION',
  description: `${name}, structure de l'ESS.`,
  communeCode: '76540',
  contactEmail,
});

export async function importProfiles(dir: string, rows: ImportRow[]): Promise<void> {
  const file = path.join(dir, 'structures.csv');
  fs.writeFileSync(file, stringify([[...TEMPLATE_COLUMNS], ...rows.map((r) => TEMPLATE_COLUMNS.map((c) => r[c] ?? ''))]));
  const result = await runScript('import', ['--format', 'csv', file], { DATA_DIR: dir });
  if (result.code !== 0 || !/refusé\s+0/.test(result.stdout)) throw new Error(`import failed: ${result.stdout}${result.stderr}`);
}
