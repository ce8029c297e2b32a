// Hostile or broken import files, generated in a temporary directory and read by `npm run import` as
// an operator runs it: a stray quote costs its own line only (the bad record's starting line is
// reported, the lines after it are imported), and a header of too many columns is refused with a
// French message naming the limit.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { CSV_BOUNDS, TEMPLATE_COLUMNS } from '../api/directory/imports';
import { openEmbeddedStore } from '../api/store/embedded';
import { runScript, scratchDirs } from './helpers/cli';
import { siret } from './helpers/fixtures';

jest.setTimeout(180_000);

const workDir = scratchDirs();

/** A template line without any quote, so that nothing but the stray one opens a quoted field. */
const line = (i: number): string =>
  stringify([TEMPLATE_COLUMNS.map((c) => ({ name: `Structure ${i}`, siret: siret(7_400_000_000_000 + i), legalForm: 'ASSOCIATION', description: `Entretien des espaces verts numéro ${i}.`, services: 'Tonte', communeCode: '76540' })[c as string] ?? '')], { delimiter: ';' });
const HEADER = `${TEMPLATE_COLUMNS.join(';')}\n`;
const dryRun = (file: string, format = 'csv') => runScript('import', ['--format', format, '--dry-run', file], { DATA_DIR: path.join(path.dirname(file), 'data') });
const created = (stdout: string) => Number(/créé\s+(\d+)/.exec(stdout)?.[1]);

/** The names of the structures a store holds (none when the import never created it). */
async function storedNames(dataDir: string): Promise<string[]> {
  if (!fs.existsSync(dataDir)) return [];
  const store = await openEmbeddedStore(dataDir);
  try {
    return (await store.suppliers.find({})).map((s) => s.name);
  } finally {
    await store.close();
  }
}

describe('a hostile import file', () => {
  test('a stray quote costs its own line: reported where its record starts, and the lines after it are imported', async () => {
    const dir = workDir();
    const file = path.join(dir, 'guillemet.csv');
    const valid = 20_000;
    const body = Array.from({ length: valid }, (_, i) => line(i + 1));
    // Line 2: a field opening a quote it never closes. The 20,000 lines after it outweigh a record's bound.
    const stray = `"Structure cassée;${siret(7_499_999_999_999)};ASSOCIATION;;Description;Tonte;;76540;;;;;;;;\n`;
    // And another near the end, with only a few lines after it (the file ends before the bound).
    const late = '"Autre structure cassée;;ASSOCIATION;;Description;;;76540;;;;;;;;\n';
    const lines = [HEADER, stray, ...body.slice(0, valid - 3), '\n', late, ...body.slice(valid - 3)];
    fs.writeFileSync(file, lines.join(''));
    expect(fs.statSync(file).size).toBeGreaterThan(CSV_BOUNDS.recordBytes);
    const lateLine = lines.indexOf(late) + 1;

    const result = await dryRun(file);
    expect(result.code).toBe(0);
    expect(created(result.stdout)).toBe(valid);
    expect(result.stdout).toContain(`guillemet.csv, ligne 2 : guillemet ouvert et jamais refermé`);
    expect(result.stdout).toContain(`guillemet.csv, ligne ${lateLine} : guillemet ouvert et jamais refermé`);
    expect(result.stdout).toMatch(/refusé\s+2\n/);
  });

  test('in a SIRENE stock file too (read by its own fast reader)', async () => {
    const dir = workDir();
    const units = path.join(dir, 'StockUniteLegale_utf8.csv');
    const establishments = path.join(dir, 'StockEtablissement_utf8.csv');
    const ess = Array.from({ length: 50 }, (_, i) => siret(7_500_000_000_000 + i * 100_000));
    fs.writeFileSync(units, `siren,denominationUniteLegale,categorieJuridiqueUniteLegale,economieSocialeSolidaireUniteLegale\n${ess.map((s, i) => `${s.slice(0, 9)},ASSOCIATION ${i},9220,O\n`).join('')}`);
    const row = (s: string) => `${s.slice(0, 9)},${s},A,76540,88.10A,NAFRev2\n`;
    const outside = Array.from({ length: 30_000 }, (_, i) => row(siret(7_600_000_000_000 + i)));
    const lines = ['siren,siret,etatAdministratifEtablissement,codeCommuneEtablissement,activitePrincipaleEtablissement,nomenclatureActivitePrincipaleEtablissement\n', `"${row(ess[0]!)}`, ...outside, ...ess.slice(1).map(row)];
    fs.writeFileSync(establishments, lines.join(''));
    expect(fs.statSync(establishments).size).toBeGreaterThan(CSV_BOUNDS.recordBytes);
    const result = await runScript('import', ['--format', 'sirene', '--dry-run', units, establishments], { DATA_DIR: path.join(dir, 'data') });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('StockEtablissement_utf8.csv, ligne 2 : guillemet ouvert et jamais refermé');
    expect(created(result.stdout)).toBe(49);
    expect(result.stdout).toMatch(/refusé\s+1\n/);
  });

  test('a record spanning lines is reported on the line where it starts', async () => {
    const dir = workDir();
    const file = path.join(dir, 'colonnes.csv');
    // Lines 3 to 5: one record (a quoted description over three lines) with a column too many.
    fs.writeFileSync(file, [HEADER, line(1), `Structure 2;;ASSOCIATION;;"Sur\ntrois\nlignes";Tonte;;76540;;;;;;;;;de trop\n`, line(3)].join(''));
    const result = await dryRun(file);
    expect(result.stdout).toContain('colonnes.csv, ligne 3 : nombre de colonnes différent de celui de l’en-tête');
    expect(created(result.stdout)).toBe(2);
  });

  test('line numbers hold past line breaks written \\r\\n or \\r inside a quoted field (a file from Windows or an old Mac)', async () => {
    const dir = workDir();
    const file = path.join(dir, 'windows.csv');
    const lines = ['name;communeCode;description', 'Atelier Un;76540;"Menuiserie,', 'ébénisterie,', 'réemploi"', 'Atelier Deux;76540;"Couture\rretouches"', 'Atelier Trois;99999;Mauvaise commune'];
    fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    const result = await dryRun(file);
    expect(result.stdout).toContain('windows.csv, ligne 6 (Atelier Trois) : « communeCode »');
    expect(created(result.stdout)).toBe(2);
  });

  test('a line of separators beyond any record is refused with its line number', async () => {
    const dir = workDir();
    const file = path.join(dir, 'separateurs.csv');
    fs.writeFileSync(file, [HEADER, line(1), `${';'.repeat(CSV_BOUNDS.lineBytes + 1)}\n`, line(3)].join(''));
    const result = await dryRun(file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`separateurs.csv (ligne 3 de plus de ${CSV_BOUNDS.lineBytes} octets : ce n’est pas une ligne de fichier CSV)`);
  });

  test('a line too long past lines that read well stops the import before anything is written', async () => {
    const dir = workDir();
    const file = path.join(dir, 'long.csv');
    const data = path.join(dir, 'data');
    fs.writeFileSync(file, [HEADER, ...Array.from({ length: 600 }, (_, i) => line(i + 1)), `${';'.repeat(CSV_BOUNDS.lineBytes + 1)}\n`].join(''));
    const result = await runScript('import', ['--format', 'csv', file], { DATA_DIR: data });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`long.csv (ligne 602 de plus de ${CSV_BOUNDS.lineBytes} octets`);
    expect(await storedNames(data)).toEqual([]);
  });

  test.each(['csv', 'inclusion'])('a file that is not UTF-8 (Excel’s Windows-1252) is refused before anything is written, saying what to do (--format %s)', async (format) => {
    const dir = workDir();
    const data = path.join(dir, 'data');
    const good = path.join(dir, 'bon.csv');
    const header = format === 'csv' ? 'name;communeCode;description' : 'id;source;date_maj;siret;nom;code_insee;reseaux_porteurs';
    const row = (name: string) => (format === 'csv' ? `${name};76540;Commerce solidaire` : `x-${name.length};s;2026-10-01;;${name};76540;ei`);
    fs.writeFileSync(good, `${header}\r\n${row('Jardin de Saint-Étienne')}\r\n`);
    const latin = path.join(dir, 'excel.csv');
    fs.writeFileSync(latin, Buffer.from(`${header}\r\n${row('Atelier Solidaire')}\r\n${row('Épicerie de Déville')}\r\n`, 'latin1'));
    const result = await runScript('import', ['--format', format, good, latin], { DATA_DIR: data });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('excel.csv (ligne 3 : texte qui n’est pas en UTF-8 (sans doute Windows-1252');
    expect(result.stderr).toContain('enregistrez-le au format « CSV UTF-8 », ou convertissez-le (iconv -f WINDOWS-1252 -t UTF-8), puis relancez');
    expect(await storedNames(data)).toEqual([]);

    const utf16 = path.join(dir, 'utf16.csv');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\r\n${row('Atelier')}\r\n`, 'utf16le')]));
    expect((await runScript('import', ['--format', format, '--dry-run', utf16], { DATA_DIR: data })).stderr).toContain('utf16.csv (ligne 1 : texte en UTF-16 : enregistrez-le');
  });

  test('UTF-8 characters cut in two by the check’s reads are read whole', async () => {
    const dir = workDir();
    const file = path.join(dir, 'accents.csv');
    // One long line of « é » (two bytes each) across the check's first read (1 MiB), started so that one « é » straddles it.
    const head = `name;communeCode;description\nÉpicerie;76540;`;
    const pad = 'x'.repeat((1_048_576 - Buffer.byteLength(head) - 1) % 2);
    fs.writeFileSync(file, `${head}${pad}${'é'.repeat(600_000)}\nAtelier;76540;Menuiserie\n`);
    const result = await dryRun(file);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/refusé\s+1\n/); // the description is over 5,000 characters: refused as a profile, read as text
    expect(created(result.stdout)).toBe(1);
  });

  test('data·inclusion: a JSON file cut short, after one that reads well, stops the import before anything is written', async () => {
    const dir = workDir();
    const data = path.join(dir, 'data');
    const whole = path.join(dir, 'structures.json');
    fs.writeFileSync(whole, JSON.stringify([{ id: 'a', source: 's', date_maj: '2026-10-01', nom: 'CHANTIER VERT', code_insee: '76540', reseaux_porteurs: ['aci'] }]));
    const cut = path.join(dir, 'coupe.json');
    fs.writeFileSync(cut, '[{"id": "b", "nom": "Régie');
    const result = await runScript('import', ['--format', 'inclusion', whole, cut], { DATA_DIR: data });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('coupe.json (JSON invalide : le fichier s’arrête avant la fin du document');
    expect(await storedNames(data)).toEqual([]);
  });

  test.each(['csv', 'inclusion'])('a header of too many columns is refused, naming the limit (--format %s)', async (format) => {
    const dir = workDir();
    const wide = path.join(dir, 'large.csv');
    fs.writeFileSync(wide, `${Array.from({ length: 600 }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(599)}1\n`);
    const refused = await dryRun(wide, format);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`large.csv (en-tête de 600 colonnes : au plus ${CSV_BOUNDS.columns} colonnes acceptées)`);

    // A million columns: longer than the header's bound, refused on its first bytes.
    const huge = path.join(dir, 'immense.csv');
    fs.writeFileSync(huge, `${'c,'.repeat(1_000_000)}c\n`);
    const hugeRefused = await dryRun(huge, format);
    expect(hugeRefused.code).toBe(1);
    expect(hugeRefused.stderr).toMatch(new RegExp(`immense\\.csv \\(en-tête de plus de \\d+ colonnes : au plus ${CSV_BOUNDS.columns} colonnes acceptées\\)`));
  });
});
