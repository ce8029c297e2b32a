// `npm run import -- --format csv` and `npm run export`, run as child processes against a temporary
// DATA_DIR: refused lines reported, dry runs that write nothing, idempotence, edits kept, a run
// killed half-way then run again, and export → import → export giving the same file.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { openEmbeddedStore } from '../api/store/embedded';
import { TEMPLATE_COLUMNS } from '../api/directory/imports';
import { runScript, spawnScript, collect } from './helpers/cli';
import { siret } from './helpers/fixtures';
import { startTestServer, tempDataDir } from './helpers/server';

jest.setTimeout(120_000);

const dirs: string[] = [];
const workDir = () => {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

type Row = Partial<Record<(typeof TEMPLATE_COLUMNS)[number], string>>;

function row(i: number, overrides: Row = {}): Row {
  return {
    name: `Structure ${i}`,
    siret: siret(7_100_000_000_000 + i),
    legalForm: 'ASSOCIATION',
    inclusionKind: i % 2 ? 'ACI' : '',
    description: `Entretien des espaces verts et petits travaux, structure numéro ${i}.`,
    services: 'Tonte|Taille de haies',
    nafCodes: '81.30Z',
    communeCode: '76540',
    interventionRadiusKm: '30',
    employees: String(i % 50),
    maxContractValue: '',
    labels: '',
    contactEmail: `contact${i}@structure.example`,
    website: '',
    latitude: '',
    longitude: '',
    ...overrides,
  };
}

function writeCsv(file: string, rows: Row[], delimiter = ','): string {
  fs.writeFileSync(file, stringify([[...TEMPLATE_COLUMNS], ...rows.map((r) => TEMPLATE_COLUMNS.map((c) => r[c] ?? ''))], { delimiter }));
  return file;
}

const importCsv = (dataDir: string, ...args: string[]) => runScript('import', ['--format', 'csv', ...args], { DATA_DIR: dataDir });
const exportCsv = async (dataDir: string) => {
  const result = await runScript('export', [], { DATA_DIR: dataDir });
  expect(result.code).toBe(0);
  return result.stdout;
};
const exportedRows = async (dataDir: string) => parse(await exportCsv(dataDir), { bom: true, columns: true }) as Record<string, string>[];

/** The counts the summary prints. */
function counts(stdout: string) {
  const n = (label: string) => Number(new RegExp(`${label}\\s+(\\d+)`).exec(stdout)?.[1] ?? NaN);
  return { created: n('créé'), updated: n('mis à jour'), unchanged: n('laissé tel'), refused: n('refusé') };
}

async function storedSuppliers(dataDir: string) {
  const store = await openEmbeddedStore(dataDir);
  try {
    return await store.suppliers.find({});
  } finally {
    await store.close();
  }
}

describe('import --format csv', () => {
  test('refuses bad lines with their number and a French reason, writes nothing on a dry run, then imports once', async () => {
    const dir = workDir();
    const data = path.join(dir, 'data');
    // Legal forms and inclusion kinds as a spreadsheet holds them: any case, or their French names.
    const written: Record<string, string>[] = [{}, { legalForm: 'association' }, { legalForm: 'Société coopérative et participative', inclusionKind: 'Entreprise d’insertion' }, { legalForm: 'SCIC', inclusionKind: 'esat' }, { legalForm: 'Entreprise agréée ESUS' }];
    const good = [1, 2, 3, 4, 5].map((i) => row(i, written[i - 1]));
    const file = path.join(dir, 'structures.csv');
    const content = stringify([
      [...TEMPLATE_COLUMNS],
      ...[
        ...good.slice(0, 2),
        row(6, { legalForm: 'SARL' }), // line 4
        row(7, { siret: '12345678901234' }), // line 5
        row(8, { name: '' }), // line 6
        good[2]!,
        row(9, { siret: good[0]!.siret }), // line 8: duplicate of line 2
        row(10, { employees: 'beaucoup' }), // line 9
        ...good.slice(3),
      ].map((r) => TEMPLATE_COLUMNS.map((c) => r[c] ?? '')),
    ], { delimiter: ';' });
    // A semicolon file from a French spreadsheet, with a BOM, and a torn line (too few columns) at line 12.
    fs.writeFileSync(file, `\ufeff${content}Ligne cassée;123\n`);
    const report = path.join(dir, 'refus.csv');

    // A report the run could not write is refused before the import writes anything.
    const nowhere = await importCsv(data, '--report', path.join(dir, 'absent', 'refus.csv'), file);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain(`--report : le dossier ${path.join(dir, 'absent')} n’existe pas.`);
    expect((await importCsv(data, '--report', dir, file)).stderr).toContain(`--report : ${dir} est un dossier`);
    expect(await exportedRows(data)).toEqual([]);

    const dry = await importCsv(data, '--dry-run', '--report', report, file);
    expect(dry.code).toBe(0);
    expect(counts(dry.stdout)).toEqual({ created: 5, updated: 0, unchanged: 0, refused: 6 });
    expect(dry.stdout).toContain('rien n’a été écrit');
    expect(dry.stdout).toMatch(/ligne 4.*« legalForm » : forme juridique inconnue/);
    expect(dry.stdout).toMatch(/ligne 5.*« siret » : numéro SIRET invalide/);
    expect(dry.stdout).toMatch(/ligne 6.*« name » : ce champ est obligatoire/);
    expect(dry.stdout).toMatch(new RegExp(`ligne 8.*SIRET ${good[0]!.siret} en double : déjà lu ligne 2`));
    expect(dry.stdout).toMatch(/ligne 9.*« employees »/);
    expect(dry.stdout).toMatch(/ligne 12.*nombre de colonnes/);
    const refused = parse(fs.readFileSync(report), { bom: true, columns: true }) as Record<string, string>[];
    expect(refused.map((r) => Number(r.ligne))).toEqual([4, 5, 6, 8, 9, 12]);
    expect(refused[0]).toMatchObject({ siret: row(6).siret, nom: 'Structure 6', motif: '« legalForm » : forme juridique inconnue ; valeurs possibles : ASSOCIATION, SCOP, SCIC, COOPERATIVE, MUTUELLE, FONDATION, ESUS_COMPANY, ou leur nom en français (Association, Coopérative…)' });
    expect(await exportedRows(data)).toEqual([]);

    const first = await importCsv(data, file);
    expect(first.code).toBe(0);
    expect(counts(first.stdout)).toEqual({ created: 5, updated: 0, unchanged: 0, refused: 6 });
    const again = await importCsv(data, file);
    expect(counts(again.stdout)).toEqual({ created: 0, updated: 0, unchanged: 5, refused: 6 });

    const stored = await storedSuppliers(data);
    expect(stored).toHaveLength(5);
    expect(good.map((g) => stored.find((s) => s.siret === g.siret)).map((s) => [s?.legalForm, s?.inclusionKind])).toEqual([
      ['ASSOCIATION', 'ACI'], ['ASSOCIATION', null], ['SCOP', 'EI'], ['SCIC', 'ESAT'], ['ESUS_COMPANY', 'ACI'],
    ]);
    const one = stored.find((s) => s.siret === good[0]!.siret)!;
    expect(one).toMatchObject({ name: 'Structure 1', services: ['Tonte', 'Taille de haies'], nafCodes: ['81.30Z'], employees: 1, contactEmail: 'contact1@structure.example' });
    expect(one.sources).toEqual([{ source: 'csv', firstAt: expect.any(Date), lastAt: expect.any(Date) }]);
    expect(one.provenance?.name).toEqual({ origin: 'csv', at: one.sources![0]!.firstAt });

    // An updated file updates what changed, and only that.
    writeCsv(file, [row(1, { description: 'Nouvelle description : tonte et taille.' }), ...good.slice(1)]);
    const updated = await importCsv(data, file);
    expect(counts(updated.stdout)).toEqual({ created: 0, updated: 1, unchanged: 4, refused: 0 });
    const after = (await storedSuppliers(data)).find((s) => s.siret === good[0]!.siret)!;
    expect(after.description).toBe('Nouvelle description : tonte et taille.');
    expect(after.sources![0]!.lastAt.getTime()).toBeGreaterThan(after.sources![0]!.firstAt.getTime());
  });

  test('a file it cannot read stops with a non-zero exit and writes nothing', async () => {
    const dir = workDir();
    const data = path.join(dir, 'data');
    const missing = await importCsv(data, path.join(dir, 'absent.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Fichier illisible');
    expect(missing.stderr).toContain('introuvable');
    const other = path.join(dir, 'autre.csv');
    fs.writeFileSync(other, 'a,b,c\n1,2,3\n');
    const wrong = await importCsv(data, writeCsv(path.join(dir, 'ok.csv'), [row(1)]), other);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('autre.csv (colonnes inconnues : « a », « b », « c » ; les colonnes du modèle (npm run export) sont name, siret,');
    const partial = path.join(dir, 'partiel.csv');
    fs.writeFileSync(partial, 'siret,description\n,Menuiserie\n');
    expect((await importCsv(data, partial)).stderr).toContain('partiel.csv (colonnes obligatoires absentes de l’en-tête : name, communeCode');

    // Columns renamed by hand: the API's names in another case are read; a name the template does not know refuses the file, named.
    const renamed = path.join(dir, 'renomme.csv');
    const body = 'Atelier du Cèdre;76540;Menuiserie solidaire;contact@cedre.example';
    fs.writeFileSync(renamed, `Name;CommuneCode;Description;contactemail;Site web\n${body};cedre.example\n`);
    const unknown = await importCsv(data, renamed);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('renomme.csv (colonne inconnue : « Site web » ;');
    expect(await exportedRows(data)).toEqual([]);
    fs.writeFileSync(renamed, `Name;CommuneCode;Description;contactemail;\n${body};\n`);
    expect((await importCsv(data, renamed)).code).toBe(0);
    expect(await storedSuppliers(data)).toEqual([expect.objectContaining({ name: 'Atelier du Cèdre', description: 'Menuiserie solidaire', contactEmail: 'contact@cedre.example' })]);
    // A quoted name with a space inside its quotes is the same column, and the same values change nothing.
    fs.writeFileSync(renamed, `name;communeCode;"description ";"contactEmail"\n${body}\n`);
    expect(counts((await importCsv(data, renamed)).stdout)).toMatchObject({ unchanged: 1 });
    expect(await storedSuppliers(data)).toEqual([expect.objectContaining({ description: 'Menuiserie solidaire', contactEmail: 'contact@cedre.example' })]);
    // A column without a name between named ones would be dropped: refused, with its position.
    fs.writeFileSync(renamed, `name;;communeCode\nAtelier;x;76540\n`);
    expect((await importCsv(data, renamed)).stderr).toContain('renomme.csv (colonne sans nom dans l’en-tête (la 2e) : nommez-la ou retirez-la)');
  });

  test('the embedded store refuses an import while the server holds it', async () => {
    const server = await startTestServer({}, workDir());
    try {
      const result = await importCsv(server.dataDir, writeCsv(path.join(workDir(), 'a.csv'), [row(1)]));
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('est déjà utilisé par le processus');
    } finally {
      await server.stop();
    }
  });

  test('a field a person edited through the API is never overwritten by an import', async () => {
    const dir = workDir();
    const file = writeCsv(path.join(dir, 'a.csv'), [row(1), row(2)]);
    expect((await importCsv(dir, file)).code).toBe(0);

    const server = await startTestServer({}, dir);
    try {
      const { token } = await server.userWithToken('OFFICER');
      const list = await server.gql(`{ suppliers(first: 10) { edges { node { id siret } } } }`);
      const id = list.data.suppliers.edges.find((e: any) => e.node.siret === row(1).siret).node.id;
      const edit = await server.gql(
        `mutation($id: ID!) { updateSupplier(id: $id, input: { description: "Écrit par l'agent.", employees: 7 }) { id } }`,
        { id },
        token,
      );
      expect(edit.errors).toBeUndefined();
    } finally {
      await server.stop();
    }

    writeCsv(file, [row(1, { description: 'Venue du fichier.', employees: '40', website: 'https://structure1.example' }), row(2)]);
    const result = await importCsv(dir, file);
    expect(counts(result.stdout)).toEqual({ created: 0, updated: 1, unchanged: 1, refused: 0 });
    const s = (await storedSuppliers(dir)).find((x) => x.siret === row(1).siret)!;
    expect(s).toMatchObject({ description: "Écrit par l'agent.", employees: 7, website: 'https://structure1.example' });
    expect(s.provenance).toMatchObject({ description: { origin: 'edit' }, employees: { origin: 'edit' }, website: { origin: 'csv' } });
    expect(counts((await importCsv(dir, file)).stdout)).toEqual({ created: 0, updated: 0, unchanged: 2, refused: 0 });
  });

  test('export, then import into an empty directory, then export again gives the same file', async () => {
    const dir = workDir();
    // The sample structures, as the server loads them, plus values the template must carry whole.
    const server = await startTestServer({ SAMPLE_DATA: 'on' }, path.join(dir, 'one'));
    await server.stop();
    const awkward = [
      row(1, { services: 'Tonte \\| débroussaillage|Taille, élagage|Chemin C:\\\\jardins', description: 'Deux lignes ;\n« guillemets » "doubles", virgules.', labels: 'RGE|ISO 9001' }),
      row(2, { siret: '', latitude: '49.443232', longitude: '1.099971', maxContractValue: '120000', website: 'https://deux.example/a?b=c', contactEmail: '' }),
      // Two antennas of one association in one commune, without SIRET: two establishments, both kept.
      row(3, { siret: '', name: 'Épicerie Solidaire', description: 'Antenne du centre.', contactEmail: 'centre@epicerie.example' }),
      row(4, { siret: '', name: 'Épicerie Solidaire', description: 'Antenne rive gauche.', contactEmail: 'rive-gauche@epicerie.example' }),
      // Two thin public lines of one name in one commune, told apart by their places only.
      row(5, { siret: '', name: 'ESAT du Plateau', description: '', contactEmail: '', latitude: '49.4501', longitude: '1.1201' }),
      row(6, { siret: '', name: 'ESAT du Plateau', description: '', contactEmail: '', latitude: '49.4602', longitude: '1.1302' }),
    ];
    expect((await importCsv(path.join(dir, 'one'), writeCsv(path.join(dir, 'awkward.csv'), awkward))).code).toBe(0);

    const first = path.join(dir, 'export-1.csv');
    const out = await runScript('export', ['--out', first], { DATA_DIR: path.join(dir, 'one') });
    expect(out.code).toBe(0);
    const rows = parse(fs.readFileSync(first), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThanOrEqual(42);
    expect(rows.find((r) => r.name === 'Structure 1')).toMatchObject({ services: 'Tonte \\| débroussaillage|Taille, élagage|Chemin C:\\\\jardins', labels: 'RGE|ISO 9001' });

    const back = await importCsv(path.join(dir, 'two'), first);
    expect(counts(back.stdout)).toEqual({ created: rows.length, updated: 0, unchanged: 0, refused: 0 });
    expect(await exportCsv(path.join(dir, 'two'))).toBe(fs.readFileSync(first, 'utf8'));
    const [one, two] = [await storedSuppliers(path.join(dir, 'one')), await storedSuppliers(path.join(dir, 'two'))];
    const profile = ({ id, organisationId, createdAt, updatedAt, provenance, sources, ...rest }: (typeof one)[number]) => rest;
    const bySiretOrName = (list: typeof one) => new Map(list.map((s) => [s.siret ?? `${s.name} ${s.description} ${s.latitude}`, profile(s)]));
    expect(bySiretOrName(two)).toEqual(bySiretOrName(one));
    // Importing its own export changes nothing.
    expect(counts((await importCsv(path.join(dir, 'one'), first)).stdout)).toEqual({ created: 0, updated: 0, unchanged: rows.length, refused: 0 });

    // Each antenna keeps its own profile, whatever the order of the lines and whatever one of them changed.
    const store = path.join(dir, 'one');
    const antennas = ['Antenne du centre.', 'Antenne rive gauche.'].map((d) => rows.find((r) => r.name === 'Épicerie Solidaire' && r.description === d)!);
    const profiles = async () => new Map((await storedSuppliers(store)).filter((x) => x.name === 'Épicerie Solidaire').map((x) => [x.id, [x.description, x.contactEmail]]));
    const ids = [...(await profiles()).keys()];
    const importRows = async (name: string, list: Record<string, string>[]) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, stringify([[...TEMPLATE_COLUMNS], ...list.map((r) => TEMPLATE_COLUMNS.map((c) => r[c] ?? ''))]));
      return importCsv(store, file);
    };
    // The second antenna moved and wrote itself anew (address and description), listed first: it keeps its profile.
    const moved = { ...antennas[1]!, description: 'Antenne rive gauche, quai Cavelier.', contactEmail: 'quai@epicerie.example' };
    expect(counts((await importRows('demenagement.csv', [moved, antennas[0]!])).stdout)).toEqual({ created: 0, updated: 1, unchanged: 1, refused: 0 });
    const after = await profiles();
    expect([...after.keys()]).toEqual(ids);
    expect([...after.values()]).toEqual(expect.arrayContaining([['Antenne du centre.', 'centre@epicerie.example'], ['Antenne rive gauche, quai Cavelier.', 'quai@epicerie.example']]));
    // A new antenna listed before the others' unchanged lines is a new profile; each other keeps its own.
    const east = { ...antennas[0]!, description: 'Antenne est.', contactEmail: 'est@epicerie.example' };
    expect(counts((await importRows('nouvelle.csv', [east, antennas[0]!, moved])).stdout)).toEqual({ created: 1, updated: 0, unchanged: 2, refused: 0 });
    expect((await profiles()).get(ids.find((id) => after.get(id)![0] === 'Antenne du centre.')!)).toEqual(['Antenne du centre.', 'centre@epicerie.example']);
    // A line said twice is refused as the copy it is.
    const twice = await importRows('deux-fois.csv', [antennas[0]!, antennas[0]!]);
    expect(counts(twice.stdout)).toEqual({ created: 0, updated: 0, unchanged: 1, refused: 1 });
    expect(twice.stdout).toMatch(/ligne 3.*ligne identique à la ligne 2 \(même structure, sans SIRET\)/);
  });

  test('a run killed half-way leaves whole profiles only, and running it again finishes the work', async () => {
    const dir = workDir();
    const data = path.join(dir, 'data');
    const total = 12_000; // a few seconds of work: the kill lands before the end even on a loaded machine
    const file = writeCsv(path.join(dir, 'big.csv'), Array.from({ length: total }, (_, i) => row(1000 + i)));
    const child = spawnScript('import', ['--format', 'csv', file], { DATA_DIR: data });
    const done = collect(child);
    const db = path.join(data, 'db', 'suppliers.db');
    const lines = () => (fs.existsSync(db) ? fs.readFileSync(db, 'utf8').split('\n').length : 0);
    while (lines() < 300 && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    const partial = await storedSuppliers(data);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(total);

    const rerun = await importCsv(data, file);
    expect(rerun.code).toBe(0);
    const c = counts(rerun.stdout);
    expect(c.refused).toBe(0);
    expect(c.created + c.unchanged).toBe(total);
    expect(c.created).toBeGreaterThan(0);
    const rows = await exportedRows(data);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.siret)).size).toBe(total);
    const expected = new Map(Array.from({ length: total }, (_, i) => row(1000 + i)).map((r) => [r.siret, r]));
    for (const r of rows) expect(r).toEqual(expected.get(r.siret));
  });
});
