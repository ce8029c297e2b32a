// `npm run import -- --format decp` on a DECP v2 file (test/fixtures/decp/marches-2026.json: every
// kind of social consideration, a co-contracting group with a structure of the directory, a buyer
// outside the territory, a contract published twice, an unreadable amount, a concession), run as
// child processes against a temporary DATA_DIR; then the review's figures (`npm run report`)
// against hand-computed ones, a dry run that writes nothing, and a run killed half-way then run again.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { TEMPLATE_COLUMNS } from '../api/directory/imports';
import { openEmbeddedStore } from '../api/store/embedded';
import { collect, runScript, spawnScript } from './helpers/cli';
import { tempDataDir } from './helpers/server';

jest.setTimeout(180_000);

const FIXTURE = path.join(__dirname, 'fixtures', 'decp', 'marches-2026.json');
const DIRECTORY_SIRET = '73000000000010';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function workDir(): { dir: string; data: string } {
  const dir = tempDataDir();
  dirs.push(dir);
  return { dir, data: path.join(dir, 'data') };
}

const importDecp = (data: string, ...args: string[]) => runScript('import', ['--format', 'decp', ...args], { DATA_DIR: data });

function counts(stdout: string) {
  const n = (label: string) => Number(new RegExp(`${label}\\s+(\\d+)`).exec(stdout)?.[1] ?? 0);
  return { created: n('créé'), updated: n('mis à jour'), unchanged: n('laissé tel'), refused: n('refusé'), ignored: n('ignoré'), duplicates: n('en double') };
}

async function storedContracts(data: string) {
  const store = await openEmbeddedStore(data);
  try {
    return await store.publicContracts.find({});
  } finally {
    await store.close();
  }
}

/** One structure of the directory, the one that shares two contracts (one in a group). */
async function directoryWithOneStructure(dir: string, data: string): Promise<void> {
  const row: Record<string, string> = {
    name: 'Les Jardins du Robec', siret: DIRECTORY_SIRET, legalForm: 'ASSOCIATION', inclusionKind: 'ACI', communeCode: '76540',
    description: 'Chantier d’insertion : entretien des espaces verts et blanchisserie.', contactEmail: 'contact@robec.example',
  };
  const csv = path.join(dir, 'annuaire.csv');
  fs.writeFileSync(csv, stringify([[...TEMPLATE_COLUMNS], TEMPLATE_COLUMNS.map((c) => row[c] ?? '')]));
  const result = await runScript('import', ['--format', 'csv', csv], { DATA_DIR: data });
  expect(result.stdout).toMatch(/créé\s+1/);
}

/** The report's commande publique rows, as indicator|key → value. */
async function reviewRows(data: string): Promise<Map<string, number>> {
  const report = await runScript('report', ['--from', '2026-01-01', '--to', '2026-12-31'], { DATA_DIR: data });
  expect(report.code).toBe(0);
  const rows = parse(report.stdout, { bom: true, columns: true }) as Record<string, string>[];
  return new Map(rows.filter((r) => r.indicateur!.startsWith('commande_publique')).map((r) => [`${r.indicateur}|${r.cle}`, Number(r.valeur)]));
}

describe('import --format decp', () => {
  const { dir, data } = workDir();

  test('a dry run reports what it would do and writes nothing', async () => {
    await directoryWithOneStructure(dir, data);
    const dry = await importDecp(data, '--dry-run', FIXTURE);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('rien n’a été écrit');
    expect(counts(dry.stdout)).toEqual({ created: 5, updated: 0, unchanged: 0, refused: 1, ignored: 2, duplicates: 1 });
    expect(await storedContracts(data)).toEqual([]);
    const fresh = workDir();
    expect((await importDecp(fresh.data, '--dry-run', FIXTURE)).code).toBe(0);
    expect(fs.existsSync(fresh.data)).toBe(false); // no folder either
  });

  test('keeps the territory’s contracts once each, refuses what it cannot read, and is idempotent', async () => {
    const report = path.join(dir, 'refus.csv');
    const first = await importDecp(data, '--report', report, FIXTURE);
    expect(first.code).toBe(0);
    // Five in the territory (commune codes, a postcode), one published twice, one amount unreadable,
    // the Paris buyer's and a département-wide one left out; the concession is not a contract.
    expect(counts(first.stdout)).toEqual({ created: 5, updated: 0, unchanged: 0, refused: 1, ignored: 2, duplicates: 1 });
    expect(first.stdout).toMatch(/ligne 8 : « montant » : montant en euros attendu/);
    expect(fs.readFileSync(report, 'utf8')).toContain('« montant »');
    const stored = await storedContracts(data);
    expect(stored.map((c) => c.contractId).sort()).toEqual(['2025-099', '2026-001', '2026-002', 'B-17', 'B-18']);
    const group = stored.find((c) => c.contractId === 'B-17')!;
    expect(group).toMatchObject({ buyerSiret: '26760017200014', buyerSiren: '267600172', reserved: true, socialClause: false, socialCriterion: false, amount: 30000 });
    expect(group.holders).toEqual([{ idType: 'SIRET', id: '73000000000036' }, { idType: 'SIRET', id: DIRECTORY_SIRET }]);

    const again = await importDecp(data, FIXTURE);
    expect(counts(again.stdout)).toEqual({ created: 0, updated: 0, unchanged: 5, refused: 1, ignored: 2, duplicates: 1 });
    expect(await storedContracts(data)).toHaveLength(5);
  });

  test('the review counts the period’s contracts as computed by hand, in total, by month and by buyer', async () => {
    const rows = await reviewRows(data);
    // 2026: 2026-001 (100 000, clause, directory), 2026-002 (50 000.50, criterion), B-17 (30 000,
    // reserved, directory in a group), B-18 (20 000, none); 2025-099 is before the period.
    expect(Object.fromEntries([...rows].filter(([k]) => k.endsWith('|')))).toEqual({
      'commande_publique_marches|': 4,
      'commande_publique_montant_euros|': 200000.5,
      'commande_publique_marches_ess|': 2,
      'commande_publique_montant_ess_euros|': 130000,
      'commande_publique_marches_reserves|': 1,
      'commande_publique_clause_sociale|': 1,
      'commande_publique_critere_social|': 1,
    });
    expect(rows.get('commande_publique_par_mois_marches|2026-01')).toBe(2);
    expect(rows.get('commande_publique_par_mois_montant_euros|2026-01')).toBe(150000.5);
    expect(rows.get('commande_publique_par_mois_marches_ess|2026-03')).toBe(1);
    expect(rows.get('commande_publique_par_mois_marches_reserves|2026-03')).toBe(1);
    expect(rows.has('commande_publique_par_mois_marches|2026-02')).toBe(false);
    expect(rows.get('commande_publique_par_acheteur_marches|21760540100017')).toBe(2);
    expect(rows.get('commande_publique_par_acheteur_montant_ess_euros|21760540100017')).toBe(100000);
    expect(rows.get('commande_publique_par_acheteur_montant_ess_euros|26760017200014')).toBe(30000);
    expect(rows.get('commande_publique_par_acheteur_critere_social|26760017200014')).toBe(0);
  });

  test('--buyers keeps the listed buyers’ contracts wherever they are executed (SIRET or SIREN)', async () => {
    const bad = await importDecp(data, '--buyers', '2176054', FIXTURE);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--buyers : SIRET (14 chiffres) ou SIREN (9 chiffres)');
    const listed = await importDecp(data, '--buyers', '217605401,21750001600019', FIXTURE);
    expect(counts(listed.stdout)).toEqual({ created: 2, updated: 0, unchanged: 5, refused: 1, ignored: 0, duplicates: 1 });
    const rows = await reviewRows(data);
    expect(rows.get('commande_publique_marches|')).toBe(6);
    expect(rows.get('commande_publique_montant_euros|')).toBe(1209999.5);
    expect(rows.get('commande_publique_marches_ess|')).toBe(3);
    expect(rows.get('commande_publique_clause_sociale|')).toBe(2);
    expect(rows.get('commande_publique_critere_social|')).toBe(2);
  });

  test('a consolidated file of earlier years (v1) leaves out the concessions it lists among contracts', async () => {
    const other = workDir();
    fs.mkdirSync(other.dir, { recursive: true });
    const template = (JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { marches: { marche: Record<string, unknown>[] } }).marches.marche[0]!;
    const v1 = path.join(other.dir, 'decp-2019.json');
    const concession = { _type: 'Contrat de concession', id: 'CONC-1', autoriteConcedante: { id: '21760540100017' }, valeurGlobale: 1_000_000, dateSignature: '2019-05-02' };
    fs.writeFileSync(v1, JSON.stringify({ marches: [{ ...template, _type: 'Marché' }, concession] }));
    const result = await importDecp(other.data, v1);
    expect(result.code).toBe(0);
    expect(counts(result.stdout)).toMatchObject({ created: 1, refused: 0, ignored: 1 });
    expect(result.stdout).toMatch(/1\s+contrat de concession \(pas un marché public\)/);
  });

  test('a file that is not DECP stops the run before anything is written', async () => {
    const other = workDir();
    fs.mkdirSync(other.dir, { recursive: true });
    const wrong = path.join(other.dir, 'structures.json');
    fs.writeFileSync(wrong, JSON.stringify([{ siret: DIRECTORY_SIRET }]));
    const result = await importDecp(other.data, FIXTURE, wrong);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('{"marches": {"marche": [...]}} (DECP v2) est attendu');
    expect(await storedContracts(other.data)).toEqual([]);
  });

  test('a run killed half-way leaves whole contracts only, and running it again finishes the work', async () => {
    const big = workDir();
    const total = 3000;
    const template = (JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { marches: { marche: Record<string, unknown>[] } }).marches.marche[0]!;
    const file = path.join(big.dir, 'gros.json');
    fs.writeFileSync(file, JSON.stringify({ marches: { marche: Array.from({ length: total }, (_, i) => ({ ...template, id: `K-${i}`, montant: 1000 + i })) } }));
    const child = spawnScript('import', ['--format', 'decp', file], { DATA_DIR: big.data });
    const done = collect(child);
    const db = path.join(big.data, 'db', 'publicContracts.db');
    const lines = () => (fs.existsSync(db) ? fs.readFileSync(db, 'utf8').split('\n').length : 0);
    while (lines() < 300 && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const partial = await storedContracts(big.data);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(total);
    for (const c of partial) expect(c.amount).toBe(1000 + Number(c.contractId.slice(2)));

    const rerun = await importDecp(big.data, file);
    expect(rerun.code).toBe(0);
    const c = counts(rerun.stdout);
    expect(c).toMatchObject({ refused: 0, unchanged: partial.length, created: total - partial.length });
    const stored = await storedContracts(big.data);
    expect(new Set(stored.map((s) => s.contractId)).size).toBe(total);
  });
});

describe('create-user --public-buyer', () => {
  test('makes the user’s organisation a public buyer, and a colleague joins it; a wrong SIRET creates nobody', async () => {
    const { data } = workDir();
    const create = (email: string, siret: string) =>
      runScript('create-user', ['--email', email, '--password', 'Achats-Publics-2026!', '--role', 'COMPANY', '--organisation', 'Ville de Rouen', '--public-buyer', siret], { DATA_DIR: data });
    const wrong = await create('erreur@rouen.example', '21760540100018');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--public-buyer : le SIRET de l’acheteur public');
    expect((await create('achats@rouen.example', '21760540100017')).code).toBe(0);
    expect((await create('marches@rouen.example', '21760540100017')).code).toBe(0);
    const store = await openEmbeddedStore(data);
    try {
      const organisations = await store.organisations.find({});
      expect(organisations.map((o) => [o.name, o.kind, o.siret])).toEqual([['Ville de Rouen', 'PUBLIC_BUYER', '21760540100017']]);
      const users = await store.users.find({});
      expect(users.map((u) => u.email).sort()).toEqual(['achats@rouen.example', 'marches@rouen.example']);
      expect(new Set(users.map((u) => u.organisationId))).toEqual(new Set([organisations[0]!.id]));
    } finally {
      await store.close();
    }
  });
});
