// The territory as public data holds it: insertion structures known by name, SIRET, kind and
// commune only (no description, no address, no legal form, generic NAF codes on a third), listed
// among public services that are not ESS suppliers. Imported as an operator would (child process,
// temporary DATA_DIR), then searched and matched through the API.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { runScript, scratchDirs } from './helpers/cli';
import { siret } from './helpers/fixtures';
import { startTestServer, type TestServer } from './helpers/server';

jest.setTimeout(180_000);

const workDir = scratchDirs();

const importFiles = (dataDir: string, format: string, ...args: string[]) => runScript('import', ['--format', format, ...args], { DATA_DIR: dataDir });

const KINDS = ['aci', 'ei', 'ai', 'etti', 'geiq'];
const TRADES = ['NETTOYAGE', 'ESPACES VERTS', 'BATIMENT', 'GARAGE', 'RECYCLERIE', 'BLANCHISSERIE'];
const ROUEN_AREA = ['76540', '76681', '76498', '76231'];
const PUBLIC_SERVICES = ['france-travail', 'caf', 'ccas-cias', 'mission-locale'];

interface Row {
  id: string;
  source: string;
  date_maj: string;
  siret: string;
  nom: string;
  code_insee: string;
  commune: string;
  code_postal: string;
  latitude: number | null;
  longitude: number | null;
  reseaux_porteurs: string[];
  // what such exports usually leave empty
  description: null;
  courriel: null;
  site_web: null;
  adresse: null;
  telephone: null;
}

/** 36 insertion structures of the Métropole and one outside it, then 8 public services and one without network. */
function inclusionRows(): { rows: Row[]; ess: number } {
  const rows: Row[] = [];
  const row = (i: number, nom: string, networks: string[], code = ROUEN_AREA[i % ROUEN_AREA.length]!): Row => ({
    id: `emplois-de-linclusion--${i}`,
    source: 'emplois-de-linclusion',
    date_maj: '2026-10-01',
    siret: siret(880_000 + i),
    nom,
    code_insee: code,
    commune: 'ROUEN',
    code_postal: '76000',
    latitude: i % 2 ? 49.44 + i / 10_000 : null,
    longitude: i % 2 ? 1.09 + i / 10_000 : null,
    reseaux_porteurs: networks,
    description: null,
    courriel: null,
    site_web: null,
    adresse: null,
    telephone: null,
  });
  for (let i = 0; i < 36; i += 1) rows.push(row(i, `${TRADES[i % TRADES.length]} SOLIDAIRE ${i}`, [KINDS[i % KINDS.length]!]));
  rows.push(row(36, 'ESAT DES BOUCLES', ['esat']));
  rows.push(row(37, 'RESSOURCERIE DU PLATEAU', ['ressourceries']));
  rows.push(row(38, 'CHANTIER DE CAEN', ['aci'], '14118')); // outside the territory
  for (let i = 0; i < 8; i += 1) rows.push(row(40 + i, `AGENCE PUBLIQUE ${i}`, [PUBLIC_SERVICES[i % PUBLIC_SERVICES.length]!]));
  rows.push(row(50, 'CENTRE SANS RESEAU', []));
  return { rows, ess: 38 }; // in the territory: the 36, the ESAT and the ressourcerie
}

const COLUMNS = ['id', 'source', 'date_maj', 'siret', 'nom', 'description', 'code_insee', 'code_postal', 'commune', 'adresse', 'latitude', 'longitude', 'telephone', 'courriel', 'site_web', 'reseaux_porteurs'];
const asCsv = (rows: Row[]) =>
  stringify([COLUMNS, ...rows.map((r) => COLUMNS.map((c) => {
    const v = r[c as keyof Row];
    return Array.isArray(v) ? v.join(',') : v ?? '';
  }))]);

/** Every file under dir with its bytes (an empty folder says it is one). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = entry.isFile() ? fs.readFileSync(full, 'base64') : '(dossier)';
  }
  return out;
}

describe('data·inclusion v1 as published', () => {
  const { rows, ess } = inclusionRows();

  it.each(['json', 'csv'])('imports every ESS row and no public service, from %s, and a second run changes nothing', async (kind) => {
    const dir = workDir();
    const file = path.join(dir, `structures.${kind}`);
    fs.writeFileSync(file, kind === 'json' ? JSON.stringify(rows) : asCsv(rows));
    const dataDir = path.join(dir, 'data');

    const dry = await importFiles(dataDir, 'inclusion', '--dry-run', file);
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toMatch(new RegExp(`créé\\s+${ess}\\b`)); 
    expect(fs.existsSync(dataDir)).toBe(false); // a dry run writes nothing, not even the folder

    const first = await importFiles(dataDir, 'inclusion', file);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`créé\\s+${ess}\\b`));
    expect(first.stdout).toMatch(/refusé\s+0\b/);
    expect(first.stdout).toMatch(/réseau porteur hors ESS : france-travail/);
    expect(first.stdout).toMatch(/2\s+réseau porteur hors ESS : caf/);
    expect(first.stdout).toMatch(/1\s+aucun réseau porteur/);
    expect(first.stdout).toMatch(/1\s+hors du territoire/);

    const second = await importFiles(dataDir, 'inclusion', file);
    expect(second.stdout).toMatch(new RegExp(`laissé tel ${ess} `));
    expect(second.stdout).toMatch(/créé\s+0\b/);
    expect(second.stdout).toMatch(/mis à jour 0\b/);

    // An older version of a line changes nothing; a newer one does.
    const older = rows.map((r, i) => (i === 0 ? { ...r, nom: 'ANCIEN NOM', date_maj: '2025-01-01' } : r));
    fs.writeFileSync(file, kind === 'json' ? JSON.stringify(older) : asCsv(older));
    expect((await importFiles(dataDir, 'inclusion', file)).stdout).toMatch(/mis à jour 0\b/);
    const newer = rows.map((r, i) => (i === 0 ? { ...r, nom: 'NOUVEAU NOM', date_maj: '2026-11-15' } : r));
    fs.writeFileSync(file, kind === 'json' ? JSON.stringify(newer) : asCsv(newer));
    expect((await importFiles(dataDir, 'inclusion', file)).stdout).toMatch(/mis à jour 1\b/);
    // A date past today (a mistyped year) is no version: the line is read, and later ones are not held back by it.
    for (const [nom, date_maj] of [['NOM DATÉ DE 2099', '2099-01-01'], ['NOM SUIVANT', '2026-11-20']]) {
      const dated = rows.map((r, i) => (i === 0 ? { ...r, nom, date_maj } : r));
      fs.writeFileSync(file, kind === 'json' ? JSON.stringify(dated) : asCsv(dated));
      expect((await importFiles(dataDir, 'inclusion', file)).stdout).toMatch(/mis à jour 1\b/);
    }

    const t = await startTestServer({}, dataDir);
    try {
      const officer = (await t.userWithToken('OFFICER')).token;
      const res = await t.gql('{ suppliers(first: 100) { totalCount edges { node { name legalForm inclusionKind description contactEmail } } } }', {}, officer);
      expect(res.errors).toBeUndefined();
      const nodes = res.data.suppliers.edges.map((e: { node: Record<string, unknown> }) => e.node);
      expect(res.data.suppliers.totalCount).toBe(ess);
      expect(nodes.map((n: { name: string }) => n.name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/AGENCE PUBLIQUE|SANS RESEAU|CAEN/)]));
      // Nothing invented: no legal form given, none stated; no description, no address.
      for (const n of nodes) expect(n).toMatchObject({ legalForm: 'UNSPECIFIED', description: '', contactEmail: null });
      expect(nodes.find((n: { name: string }) => n.name === 'ESAT DES BOUCLES').inclusionKind).toBe('ESAT');
      expect(nodes.find((n: { name: string }) => n.name === 'RESSOURCERIE DU PLATEAU').inclusionKind).toBeNull();
      expect(nodes.find((n: { name: string }) => n.name === 'NOM SUIVANT')).toBeDefined();
    } finally {
      await t.stop();
    }
  });

  it('widens the networks on purpose with --networks', async () => {
    const dir = workDir();
    const file = path.join(dir, 'structures.json');
    fs.writeFileSync(file, JSON.stringify(rows));
    const res = await importFiles(path.join(dir, 'data'), 'inclusion', '--dry-run', '--networks', 'france-travail,caf', file);
    expect(res.stdout).toMatch(new RegExp(`créé\\s+${ess + 4}\\b`)); // two France Travail and two CAF rows
  });

  it('lines of one SIRET from several sources make one profile: the newest line, completed by the older ones', async () => {
    const dir = workDir();
    const data = path.join(dir, 'data');
    const file = path.join(dir, 'structures.json');
    const base = rows[0]!;
    fs.writeFileSync(file, JSON.stringify([
      // an older line's invalid address is not lent (nor does it refuse the establishment)
      { ...base, source: 'dora', date_maj: '2023-01-10', nom: 'ANCIEN NOM', site_web: 'ancien.example', courriel: 'accueil chez structure.example' },
      rows[1],
      { ...base, source: 'emplois-de-linclusion', date_maj: '2026-11-02', nom: 'NOM RÉCENT', courriel: 'accueil@structure.example', description: 'Entretien des espaces verts.' },
      // coordinates of another commune are not lent to this one
      { ...base, source: 'soliguide', date_maj: '2025-05-01', nom: 'NOM MOYEN', site_web: 'moyen.example', code_insee: '76681', latitude: 49.42, longitude: 1.09 },
      // a year typed wrong is no date: this line is the least recent
      { ...base, source: 'autre', date_maj: '2099-01-10', nom: 'NOM DATÉ DE 2099' },
    ]));
    const res = await importFiles(data, 'inclusion', file);
    expect(res.stdout).toMatch(/créé\s+2\b/);
    expect(res.stdout).toMatch(/refusé\s+0\b/);
    expect(res.stdout).toMatch(/3\s+SIRET d’une autre ligne : réunie à la plus récente/);
    const t = await startTestServer({}, data);
    try {
      const officer = (await t.userWithToken('OFFICER')).token;
      const found = await t.gql('{ suppliers(first: 10) { edges { node { name siret contactEmail description website commune { code } location { latitude } } } } }', {}, officer);
      expect(found.data.suppliers.edges.map((e: { node: { siret: string } }) => e.node).filter((n: { siret: string }) => n.siret === base.siret)).toEqual([
        { name: 'NOM RÉCENT', siret: base.siret, contactEmail: 'accueil@structure.example', description: 'Entretien des espaces verts.', website: 'https://moyen.example', commune: { code: base.code_insee }, location: expect.not.objectContaining({ latitude: 49.42 }) },
      ]);
    } finally {
      await t.stop();
    }
  });

  it('refuses a line without code_insee with its line and reason, and imports the rest', async () => {
    const dir = workDir();
    const file = path.join(dir, 'structures.json');
    fs.writeFileSync(file, JSON.stringify([{ ...rows[0], code_insee: null }, rows[1]]));
    const res = await importFiles(path.join(dir, 'data'), 'inclusion', file);
    expect(res.stdout).toContain(`ligne 1, SIRET ${rows[0]!.siret} (${rows[0]!.nom}) : « code_insee » : absent`);
    expect(res.stdout).toMatch(/créé\s+1\b/);
  });
});

describe('our template, as thin as public lists are', () => {
  // No description, no legal form, no contact column: a missing column is an empty one.
  const HEADER = ['name', 'siret', 'inclusionKind', 'nafCodes', 'communeCode'];
  const THIN = [
    ['ACTIF GARAGE', siret(990_001), 'EI', '45.20A', '76540'],
    ['NETTOYAGE SOLIDAIRE DE LA SEINE', siret(990_002), 'ACI', '88.99B', '76540'],
    ['ENTRAIDE ET AVENIR', siret(990_003), 'AI', '88.99B', '76540'],
    ['JARDINS DU ROBEC INSERTION', siret(990_004), 'ACI', '81.30Z', '76540'],
    ['GEIQ INDUSTRIE NORMANDIE', siret(990_005), 'GEIQ', '94.99Z', '76681'],
  ];
  let t: TestServer;
  let officer: string;
  let dataDir: string;

  beforeAll(async () => {
    const dir = workDir();
    const file = path.join(dir, 'liste.csv');
    fs.writeFileSync(file, stringify([HEADER, ...THIN]));
    dataDir = path.join(dir, 'data');
    const res = await importFiles(dataDir, 'csv', file);
    expect(res.stdout).toMatch(/créé\s+5\b/);
    expect(res.stdout).toMatch(/refusé\s+0\b/);
    t = await startTestServer({}, dataDir);
    officer = (await t.userWithToken('OFFICER')).token;
  });
  afterAll(() => t.stop());

  it('a dry run on a full DATA_DIR leaves every file as it was', async () => {
    await t.stop();
    const before = snapshot(dataDir);
    const file = path.join(path.dirname(dataDir), 'liste.csv');
    const res = await importFiles(dataDir, 'csv', '--dry-run', file);
    expect(res.stdout).toMatch(/laissé tel 5 /);
    expect(snapshot(dataDir)).toEqual(before);
    t = await startTestServer({}, dataDir);
    officer = (await t.userWithToken('OFFICER')).token;
  });

  const search = async (text: string): Promise<string[]> => {
    const res = await t.gql('query($f: SupplierFilter) { suppliers(filter: $f, first: 5) { edges { node { name } } } }', { f: { text } });
    expect(res.errors).toBeUndefined();
    return res.data.suppliers.edges.map((e: { node: { name: string } }) => e.node.name);
  };

  it('finds a thin profile by the trade its name or its NAF label says', async () => {
    expect((await search('nettoyage'))[0]).toBe('NETTOYAGE SOLIDAIRE DE LA SEINE');
    expect((await search('réparation de véhicules'))[0]).toBe('ACTIF GARAGE'); // 45.20A's label
    expect((await search('aménagement paysager'))[0]).toBe('JARDINS DU ROBEC INSERTION'); // 81.30Z's label
    // 88.99B says « autre action sociale sans hébergement »: no trade, and its words find nothing
    expect(await search('action sociale')).toEqual([]);
  });

  it('never matches a need on a generic NAF code alone', async () => {
    const post = async (input: Record<string, unknown>) =>
      (await t.gql('mutation($input: NeedInput!) { postNeed(input: $input) { id } }', { input }, officer)).data.postNeed.id as string;
    const base = { kind: 'PURCHASE', communeCode: '76540', budgetMin: 1000, budgetMax: 5000, requiredLabels: [], companyName: 'Entreprise Test', contactEmail: 'achats@entreprise-test.example' };
    const generic = await post({ ...base, title: 'Prestation pour notre site', description: 'Une prestation à définir ensemble.', nafCodes: ['88.99B'] });
    const match = async (needId: string) =>
      (await t.gql('query($id: ID!) { matchSuppliers(needId: $id, limit: 10) { relevant breakdown { sector } supplier { name } } }', { id: needId }, officer)).data.matchSuppliers as {
        relevant: boolean;
        breakdown: { sector: number };
        supplier: { name: string };
      }[];
    for (const row of await match(generic)) {
      expect(row.relevant).toBe(false);
      expect(row.breakdown.sector).toBe(0.5); // no sector information either way
    }
    const cleaning = await post({ ...base, title: 'Nettoyage de nos bureaux', description: 'Nettoyage hebdomadaire de 300 m² de bureaux.', nafCodes: [] });
    const rows = await match(cleaning);
    expect(rows[0]!.supplier.name).toBe('NETTOYAGE SOLIDAIRE DE LA SEINE');
    expect(rows.find((r) => r.supplier.name === 'ENTRAIDE ET AVENIR')?.relevant ?? false).toBe(false);
  });
});
