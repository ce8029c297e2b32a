// `npm run import -- --format sirene|inclusion` on files generated here in the official formats
// (SIRENE stock files with INSEE's column names, data·inclusion's structures file v1 in JSON and
// CSV), run as child processes against a temporary DATA_DIR.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { openEmbeddedStore } from '../api/store/embedded';
import type { SupplierRecord } from '../api/store/types';
import { runScript } from './helpers/cli';
import { siret } from './helpers/fixtures';
import { startTestServer, tempDataDir } from './helpers/server';

jest.setTimeout(180_000);

const dirs: string[] = [];
const workDir = () => {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

// INSEE's columns, in the stock files' order (StockUniteLegale and StockEtablissement, 2025).
const UNIT_COLUMNS = [
  'siren', 'statutDiffusionUniteLegale', 'unitePurgeeUniteLegale', 'dateCreationUniteLegale', 'sigleUniteLegale', 'sexeUniteLegale',
  'prenom1UniteLegale', 'prenom2UniteLegale', 'prenom3UniteLegale', 'prenom4UniteLegale', 'prenomUsuelUniteLegale', 'pseudonymeUniteLegale',
  'identifiantAssociationUniteLegale', 'trancheEffectifsUniteLegale', 'anneeEffectifsUniteLegale', 'dateDernierTraitementUniteLegale',
  'nombrePeriodesUniteLegale', 'categorieEntreprise', 'anneeCategorieEntreprise', 'dateDebut', 'etatAdministratifUniteLegale', 'nomUniteLegale',
  'nomUsageUniteLegale', 'denominationUniteLegale', 'denominationUsuelle1UniteLegale', 'denominationUsuelle2UniteLegale',
  'denominationUsuelle3UniteLegale', 'categorieJuridiqueUniteLegale', 'activitePrincipaleUniteLegale', 'nomenclatureActivitePrincipaleUniteLegale',
  'nicSiegeUniteLegale', 'economieSocialeSolidaireUniteLegale', 'societeMissionUniteLegale', 'caractereEmployeurUniteLegale',
];
const ESTABLISHMENT_COLUMNS = [
  'siren', 'nic', 'siret', 'statutDiffusionEtablissement', 'dateCreationEtablissement', 'trancheEffectifsEtablissement', 'anneeEffectifsEtablissement',
  'activitePrincipaleRegistreMetiersEtablissement', 'dateDernierTraitementEtablissement', 'etablissementSiege', 'nombrePeriodesEtablissement',
  'complementAdresseEtablissement', 'numeroVoieEtablissement', 'indiceRepetitionEtablissement', 'dernierNumeroVoieEtablissement',
  'indiceRepetitionDernierNumeroVoieEtablissement', 'typeVoieEtablissement', 'libelleVoieEtablissement', 'codePostalEtablissement',
  'libelleCommuneEtablissement', 'libelleCommuneEtrangerEtablissement', 'distributionSpecialeEtablissement', 'codeCommuneEtablissement',
  'codeCedexEtablissement', 'libelleCedexEtablissement', 'codePaysEtrangerEtablissement', 'libellePaysEtrangerEtablissement',
  'identifiantAdresseEtablissement', 'coordonneeLambertAbscisseEtablissement', 'coordonneeLambertOrdonneeEtablissement',
  'complementAdresse2Etablissement', 'numeroVoie2Etablissement', 'indiceRepetition2Etablissement', 'typeVoie2Etablissement',
  'libelleVoie2Etablissement', 'codePostal2Etablissement', 'libelleCommune2Etablissement', 'libelleCommuneEtranger2Etablissement',
  'distributionSpeciale2Etablissement', 'codeCommune2Etablissement', 'codeCedex2Etablissement', 'libelleCedex2Etablissement',
  'codePays2Etablissement', 'libellePays2Etablissement', 'dateDebut', 'etatAdministratifEtablissement', 'enseigne1Etablissement',
  'enseigne2Etablissement', 'enseigne3Etablissement', 'denominationUsuelleEtablissement', 'activitePrincipaleEtablissement',
  'nomenclatureActivitePrincipaleEtablissement', 'caractereEmployeurEtablissement',
];

const CATEGORIES = ['9220', '9300', '5458', '5460', '8210', '5710'];
const FORMS: Record<string, string> = { '9220': 'ASSOCIATION', '9300': 'FONDATION', '5458': 'SCOP', '5460': 'COOPERATIVE', '8210': 'MUTUELLE', '5710': 'ESUS_COMPANY' };
const COMMUNES = ['76540', '76681', '76498', '75056', '14118']; // Rouen, Sotteville, Petit-Quevilly; Paris, Caen
const METROPOLE = new Set(['76540', '76681', '76498']);
const NAF = ['81.30Z', '88.10C', '56.10A', '38.11Z'];

interface Establishment {
  siren: string;
  siret: string;
  commune: string;
  state: 'A' | 'F';
  ess: boolean;
  category: string;
  enseigne: string;
  unitName: string;
  naf: string;
  nomenclature: string;
  tranche: string;
  lambert: [string, string];
}

/** ~1,500 legal units and ~3,000 establishments, with the cases the import must tell apart. */
function sireneFixture(dir: string) {
  const units: Record<string, string>[] = [];
  const establishments: Establishment[] = [];
  for (let u = 0; u < 1500; u += 1) {
    const siren = String(100_000_000 + u * 7).slice(0, 9);
    const ess = u % 3 !== 0;
    const category = CATEGORIES[u % CATEGORIES.length]!;
    const unitName = `ASSOCIATION ESS NUMERO ${u}`;
    units.push({ siren, denominationUniteLegale: unitName, categorieJuridiqueUniteLegale: category, economieSocialeSolidaireUniteLegale: ess ? 'O' : u % 2 ? 'N' : '', etatAdministratifUniteLegale: 'A' });
    for (let n = 1; n <= 2; n += 1) {
      const nic = String(n * 10 + (u % 7)).padStart(5, '0');
      const stem = Number(siren + nic.slice(0, 4));
      const full = siret(stem);
      const i = u * 2 + n;
      establishments.push({
        siren,
        siret: full,
        commune: COMMUNES[i % COMMUNES.length]!,
        state: i % 11 === 0 ? 'F' : 'A',
        ess,
        category,
        enseigne: n === 1 ? '' : `Atelier ${u}`,
        unitName,
        naf: NAF[i % NAF.length]!,
        nomenclature: i % 13 === 0 ? 'NAFRev1' : 'NAFRev2',
        tranche: ['NN', '01', '12', '21', ''][i % 5]!,
        lambert: i % 4 === 0 ? ['[ND]', '[ND]'] : ['562060', '6928460'],
      });
    }
  }
  const unitFile = path.join(dir, 'StockUniteLegale_utf8.csv');
  const estRow = (e: Establishment): Record<string, string> => ({
    siren: e.siren, nic: e.siret.slice(9), siret: e.siret, statutDiffusionEtablissement: 'O', trancheEffectifsEtablissement: e.tranche,
    codeCommuneEtablissement: e.commune, coordonneeLambertAbscisseEtablissement: e.lambert[0], coordonneeLambertOrdonneeEtablissement: e.lambert[1],
    etatAdministratifEtablissement: e.state, enseigne1Etablissement: e.enseigne, activitePrincipaleEtablissement: e.nomenclature === 'NAFRev2' ? e.naf : '85.3K',
    nomenclatureActivitePrincipaleEtablissement: e.nomenclature, libelleVoieEtablissement: 'RUE DE LA REPUBLIQUE', codePostalEtablissement: '76000',
  });
  const lines = establishments.map((e) => stringify([ESTABLISHMENT_COLUMNS.map((c) => estRow(e)[c] ?? '')]));
  // Malformed: a torn line, and two kept establishments the validation refuses.
  const kept = (e: Establishment) => e.ess && e.state === 'A' && METROPOLE.has(e.commune);
  const badSiret = establishments.filter(kept)[0]!;
  const noName = establishments.filter((e) => kept(e) && !e.enseigne && e.siren !== badSiret.siren)[0]!;
  lines[establishments.indexOf(badSiret)] = lines[establishments.indexOf(badSiret)]!.replace(badSiret.siret, `${badSiret.siret.slice(0, 13)}${(Number(badSiret.siret[13]) + 1) % 10}`);
  lines.splice(10, 0, '123456789,00012,12345678900012,O\n');
  const estFile = path.join(dir, 'StockEtablissement_utf8.csv');
  fs.writeFileSync(estFile, stringify([ESTABLISHMENT_COLUMNS]) + lines.join(''));
  // The unit of the nameless one: no denomination, and its establishment has no enseigne.
  const unitsOut = units.map((u) => (u.siren === noName.siren ? { ...u, denominationUniteLegale: '' } : u));
  fs.writeFileSync(unitFile, stringify([UNIT_COLUMNS, ...unitsOut.map((u) => UNIT_COLUMNS.map((c) => u[c] ?? ''))]));
  const nameless = establishments.filter((e) => e.siren === noName.siren && kept(e) && !e.enseigne);
  const expected = establishments.filter((e) => kept(e) && e !== badSiret && !nameless.includes(e));
  return { unitFile, estFile, establishments, expected, refused: 2 + nameless.length, badSiret, torn: 12 };
}

function counts(stdout: string) {
  const n = (label: string) => Number(new RegExp(`${label}\\s+(\\d+)`).exec(stdout)?.[1] ?? NaN);
  return { created: n('créé'), updated: n('mis à jour'), unchanged: n('laissé tel'), refused: n('refusé') };
}

async function stored(dataDir: string): Promise<SupplierRecord[]> {
  const store = await openEmbeddedStore(dataDir);
  try {
    return await store.suppliers.find({});
  } finally {
    await store.close();
  }
}

const importFiles = (dataDir: string, format: string, ...args: string[]) => runScript('import', ['--format', format, ...args], { DATA_DIR: dataDir });

describe('import --format sirene', () => {
  test('keeps the active establishments of ESS units in the Métropole, mapped, and a second run changes nothing', async () => {
    const dir = workDir();
    const data = path.join(dir, 'data');
    const f = sireneFixture(dir);
    const report = path.join(dir, 'refus.csv');
    const first = await importFiles(data, 'sirene', '--report', report, f.estFile, f.unitFile);
    expect(first.code).toBe(0);
    expect(counts(first.stdout)).toEqual({ created: f.expected.length, updated: 0, unchanged: 0, refused: f.refused });
    expect(first.stdout).toMatch(new RegExp(`ligne ${f.torn}\\b.*nombre de colonnes`));
    expect(first.stdout).toMatch(/« siret » : numéro SIRET invalide/);
    expect(first.stdout).toMatch(/« name » : ce champ est obligatoire/);
    expect(fs.readFileSync(report, 'utf8').split('\n').filter(Boolean)).toHaveLength(f.refused + 1);

    const profiles = await stored(data);
    expect(profiles.map((p) => p.siret).sort()).toEqual(f.expected.map((e) => e.siret).sort());
    for (const e of f.expected.slice(0, 200)) {
      const p = profiles.find((x) => x.siret === e.siret)!;
      expect(p.name).toBe(e.enseigne || e.unitName);
      expect(p.legalForm).toBe(FORMS[e.category]);
      expect(p.communeCode).toBe(e.commune);
      expect(p.nafCodes).toEqual(e.nomenclature === 'NAFRev2' ? [e.naf] : []);
      expect(p.employees).toBe({ NN: null, '01': 1, '12': 20, '21': 50, '': null }[e.tranche]);
      expect(p.contactEmail).toBe('');
      expect(p.sources).toEqual([{ source: 'sirene', firstAt: expect.any(Date), lastAt: expect.any(Date) }]);
      if (e.lambert[0] === '[ND]') expect(p.latitude).toBeNull();
      else {
        // Rouen's town hall, converted from Lambert 93.
        expect(p.latitude).toBeCloseTo(49.4406, 3);
        expect(p.longitude).toBeCloseTo(1.0985, 3);
      }
    }
    // The register gives no description: none is made up from its code (the NAF label is read from the code).
    expect(profiles.filter((p) => p.description !== '' || p.provenance?.description)).toEqual([]);

    const again = await importFiles(data, 'sirene', f.unitFile, f.estFile);
    expect(counts(again.stdout)).toEqual({ created: 0, updated: 0, unchanged: f.expected.length, refused: f.refused });

    // Another territory: Paris's establishments only, checked first with a dry run.
    const paris = await importFiles(data, 'sirene', '--dry-run', '--communes', '75056', f.unitFile, f.estFile);
    const inParis = f.establishments.filter((e) => e.ess && e.state === 'A' && e.commune === '75056');
    expect(counts(paris.stdout)).toMatchObject({ created: inParis.length, updated: 0, unchanged: 0 });
    expect((await stored(data)).length).toBe(f.expected.length);
  });

  test('needs both stock files', async () => {
    const dir = workDir();
    const f = sireneFixture(dir);
    const result = await importFiles(path.join(dir, 'data'), 'sirene', f.estFile);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('StockUniteLegale et StockEtablissement');
  });
});

const INCLUSION_COLUMNS = ['id', 'siret', 'rna', 'nom', 'commune', 'code_postal', 'code_insee', 'adresse', 'longitude', 'latitude', 'telephone', 'courriel', 'site_web', 'description', 'source', 'date_maj', 'lien_source', 'reseaux_porteurs'];

/** data·inclusion structures: some also in SIRENE, some new, and the cases refused or left out. */
function inclusionFixture(dir: string, sirene: ReturnType<typeof sireneFixture>) {
  const both = sirene.expected.slice(0, 5);
  const structure = (i: number, extra: Record<string, unknown>) => ({
    id: `source-${i}`, source: 'emplois-de-l-inclusion', date_maj: '2026-11-02', code_postal: '76000', commune: 'Rouen', adresse: '1 rue du Test',
    rna: null, telephone: null, lien_source: null, latitude: 49.4431, longitude: 1.0993, courriel: `accueil${i}@inclusion.example`,
    site_web: `www.structure${i}.example`, description: `Structure d'insertion numéro ${i} : espaces verts, nettoyage, second œuvre.`,
    reseaux_porteurs: ['aci'], code_insee: '76540', ...extra,
  });
  const items: unknown[] = [
    ...both.map((e, i) => structure(i, { siret: e.siret, nom: `Les Ateliers ${i}`, reseaux_porteurs: ['france-travail', i % 2 ? 'ei' : 'aci'] })),
    structure(10, { siret: siret(6_100_000_000_001), nom: 'Esat des Coteaux', reseaux_porteurs: ['esat'], rna: 'W763000001' }),
    structure(11, { siret: siret(6_100_000_000_002), nom: 'GEIQ Propreté Normandie', reseaux_porteurs: ['geiq'], code_insee: '76681' }),
    structure(12, { siret: siret(6_100_000_000_003), nom: 'Entreprise adaptée du Robec', reseaux_porteurs: ['ea'], latitude: null, longitude: null }),
    structure(13, { siret: siret(6_100_000_000_004), nom: 'Chantier parisien', code_insee: '75056' }),
    structure(14, { siret: siret(6_100_000_000_005), nom: 'Adresse fausse', courriel: 'pas-une-adresse' }),
    structure(15, { siret: both[0]!.siret, nom: 'Doublon' }),
    structure(16, { siret: null, nom: 'Régie de quartier sans SIRET' }),
    'pas une structure',
  ];
  const json = path.join(dir, 'structures.json');
  fs.writeFileSync(json, JSON.stringify(items, null, 2));
  const csv = path.join(dir, 'structures.csv');
  const cell = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? JSON.stringify(v) : String(v));
  fs.writeFileSync(
    csv,
    stringify([INCLUSION_COLUMNS, ...items.filter((x) => typeof x === 'object').map((x) => INCLUSION_COLUMNS.map((c) => cell((x as Record<string, unknown>)[c])))]),
  );
  return { json, csv, both };
}

describe('import --format inclusion', () => {
  test('a JSON file it cannot parse stops the run with where, in French, and writes nothing', async () => {
    const dir = workDir();
    const data = path.join(dir, 'data');
    const truncated = path.join(dir, 'structures.json');
    fs.writeFileSync(truncated, '[\n  {"nom": "Régie de quartier", "courriel": "accueil@regie.example"},\n  {"nom": "Esat des Coteaux, "courriel": "x@y.example"}\n]\n');
    const broken = await importFiles(data, 'inclusion', truncated);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`Fichier illisible : ${truncated} (JSON invalide : erreur de syntaxe ligne 3, colonne`);
    const cut = path.join(dir, 'coupe.json');
    fs.writeFileSync(cut, '[{"nom": "Régie de quartier"');
    expect((await importFiles(data, 'inclusion', cut)).stderr).toContain('JSON invalide : le fichier s’arrête avant la fin du document (fichier tronqué ?)');
    expect(await stored(data)).toEqual([]);
  });

  test('merges with SIRENE into one profile, keeps the register’s legal form, and reads JSON and CSV alike', async () => {
    const dir = workDir();
    const data = path.join(dir, 'data');
    const s = sireneFixture(dir);
    const f = inclusionFixture(dir, s);
    expect((await importFiles(data, 'sirene', s.unitFile, s.estFile)).code).toBe(0);

    const first = await importFiles(data, 'inclusion', f.json);
    expect(first.code).toBe(0);
    expect(counts(first.stdout)).toEqual({ created: 4, updated: 5, unchanged: 0, refused: 2 });
    expect(first.stdout).toMatch(/ligne 10\b.*« courriel » : adresse e-mail invalide/); // named as the file names it
    expect(first.stdout).toMatch(/ligne 13\b.*pas une structure/);
    // Line 11 gives line 1's SIRET, as dated: one profile, the later line's name (« Doublon »).
    expect(first.stdout).toMatch(/ignoré\s+2/);
    expect(first.stdout).toMatch(/1\s+SIRET d’une autre ligne : réunie à la plus récente/);

    const profiles = await stored(data);
    expect(profiles).toHaveLength(s.expected.length + 4);
    const merged = profiles.find((p) => p.siret === f.both[1]!.siret)!;
    expect(merged).toMatchObject({
      name: 'Les Ateliers 1',
      legalForm: FORMS[f.both[1]!.category], // the register's, not the file's guess
      inclusionKind: 'EI',
      contactEmail: 'accueil1@inclusion.example',
      website: 'https://www.structure1.example',
      latitude: 49.4431,
      nafCodes: f.both[1]!.nomenclature === 'NAFRev2' ? [f.both[1]!.naf] : [],
    });
    expect(merged.description).toContain("Structure d'insertion numéro 1");
    expect(merged.sources!.map((x) => x.source)).toEqual(['sirene', 'inclusion']);
    expect(merged.provenance).toMatchObject({ name: { origin: 'inclusion' }, legalForm: { origin: 'sirene' }, communeCode: { origin: 'inclusion' } });
    expect(profiles.find((p) => p.siret === f.both[0]!.siret)?.name).toBe('Doublon');
    expect(profiles.find((p) => p.name === 'Esat des Coteaux')).toMatchObject({ legalForm: 'ASSOCIATION', inclusionKind: 'ESAT' });
    expect(profiles.find((p) => p.name === 'Régie de quartier sans SIRET')).toMatchObject({ siret: null, legalForm: 'UNSPECIFIED' }); // v1 gives no legal form: none is stated

    // Both sources again: nothing changes, whichever runs first.
    expect(counts((await importFiles(data, 'inclusion', f.json)).stdout)).toEqual({ created: 0, updated: 0, unchanged: 9, refused: 2 });
    expect(counts((await importFiles(data, 'sirene', s.unitFile, s.estFile)).stdout)).toMatchObject({ created: 0, updated: 0, unchanged: s.expected.length });

    // The same structures as CSV give the same profiles.
    const other = path.join(dir, 'other');
    await importFiles(other, 'sirene', s.unitFile, s.estFile);
    const viaCsv = await importFiles(other, 'inclusion', f.csv);
    expect(counts(viaCsv.stdout)).toEqual({ created: 4, updated: 5, unchanged: 0, refused: 1 });
    const shape = (list: SupplierRecord[]) =>
      new Map(list.map(({ id, createdAt, updatedAt, provenance, sources, ...rest }) => [rest.siret ?? rest.name, rest]));
    expect(shape(await stored(other))).toEqual(shape(profiles));
  });

  test('a profile without a contact address is listed but never proposed, and its approval is refused', async () => {
    const dir = workDir();
    const s = sireneFixture(dir);
    const f = inclusionFixture(dir, s);
    await importFiles(dir, 'sirene', s.unitFile, s.estFile);
    await importFiles(dir, 'inclusion', f.json);
    const silentId = (await stored(dir)).find((p) => p.contactEmail === '')!.id;
    const server = await startTestServer({}, dir);
    try {
      const { token } = await server.userWithToken('OFFICER');
      const listed = await server.gql(`{ suppliers(filter: { communeCode: "76540" }, first: 5) { totalCount } }`);
      expect(listed.data.suppliers.totalCount).toBeGreaterThan(100);
      const need = await server.gql(
        `mutation { postNeed(input: { title: "Entretien des espaces verts", description: "Tonte et taille de haies autour de nos entrepôts, aménagement paysager.",
          kind: PURCHASE, companyName: "Logistique Seine", contactEmail: "achats@logistique.example", communeCode: "76540" }) { id } }`,
        {},
        token,
      );
      expect(need.errors).toBeUndefined();
      const draft = await server.gql(`mutation($n: ID!) { draftShortlist(needId: $n, size: 10) { id items { supplier { id siret } } } }`, { n: need.data.postNeed.id }, token);
      expect(draft.errors).toBeUndefined();
      const ids: string[] = draft.data.draftShortlist.items.map((i: any) => i.supplier.id);
      const proposedSirets: string[] = draft.data.draftShortlist.items.map((i: any) => i.supplier.siret);
      const withContact = new Set([...f.both.map((e) => e.siret), siret(6_100_000_000_001), siret(6_100_000_000_002), siret(6_100_000_000_003), null]);
      for (const x of proposedSirets) expect(withContact.has(x)).toBe(true);

      const list = draft.data.draftShortlist.id;
      expect((await server.gql(`mutation($l: ID!, $ids: [ID!]!) { updateShortlist(id: $l, supplierIds: $ids) { id } }`, { l: list, ids: [...ids, silentId] }, token)).errors).toBeUndefined();
      const approve = await server.gql(`mutation($l: ID!) { approveShortlist(id: $l) { status } }`, { l: list }, token);
      expect(approve.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(approve.errors?.[0]?.message).toContain("n'a pas encore d'adresse de contact");
    } finally {
      await server.stop();
    }
  });
});
