// A buyer's spend with the ESS, through HTTP: its suppliers' file matched to the directory by SIRET
// then SIREN, shares against figures computed by hand, unreadable and duplicate lines reported,
// categories without ESS with structures to propose, the OETH deduction, privacy and deletion.
import fs from 'node:fs';
import path from 'node:path';
import { supplierInput } from './helpers/fixtures';
import { codeOf, fieldOf, ok, startTestServer, type TestServer } from './helpers/server';
import { CLEANING_STRUCTURE, COOP, FILE, GARDENS, ORDINARY, SPEND_STRUCTURES } from './helpers/spend';

const CREATE = 'mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }';
const FIELDS = 'id createdAt lines totalAmount essAmount siaeAmount protectedAmount essShare siaeShare protectedShare publicBuyer refusals { line reason } gaps { category amount suggestions { id name } }';
const ANALYSE = `mutation($csv: String!, $o: ID) { analyseSpend(csv: $csv, organisationId: $o) { ${FIELDS} } }`;
const LIST = 'query($o: ID) { spendAnalyses(organisationId: $o) { id totalAmount } }';
const ONE = 'query($id: ID!) { spendAnalysis(id: $id) { id csv csvFr: csv(excelFr: true) } }';
const OETH = 'query($id: ID!, $s: Float!, $c: Float!, $r: Float!) { spendAnalysis(id: $id) { oethDeduction(labourCostShare: $s, contribution: $c, disabledWorkforceRate: $r) { labourCost beforeCap capRate cap deduction capped rule } } }';
const DELETE = 'mutation($id: ID!) { deleteSpendAnalysis(id: $id) }';

describe('spend analysis', () => {
  let t: TestServer;
  let officer: string;
  let metropole: string;
  let firm: { token: string; id: string };
  let firmOrg: string;
  let otherFirm: string;
  let structure: string;
  let cleaningId: string;

  beforeAll(async () => {
    t = await startTestServer();
    const staff = await t.userWithToken('OFFICER');
    officer = staff.token;
    metropole = (await t.server.services.store.users.findById(staff.id))!.organisationId!;
    firm = await t.userWithToken('COMPANY', { organisationName: 'Transports Lemoine' });
    firmOrg = (await t.server.services.store.users.findById(firm.id))!.organisationId!;
    otherFirm = (await t.userWithToken('COMPANY', { organisationName: 'Autre Entreprise' })).token;
    structure = (await t.userWithToken('SUPPLIER', { organisationName: 'Une Structure' })).token;
    const create = async (input: Record<string, unknown>) => (await ok(t.gql(CREATE, { i: supplierInput(input) }, officer))).createSupplier.id as string;
    for (const input of SPEND_STRUCTURES) await create(input);
    cleaningId = await create(CLEANING_STRUCTURE);
  });
  afterAll(() => t.destroy());

  let analysisId: string;

  it('counts the spend with the ESS, the SIAE and the secteur protégé, by SIRET then SIREN, against figures computed by hand', async () => {
    const a = (await ok(t.gql(ANALYSE, { csv: FILE }, firm.token))).analyseSpend;
    analysisId = a.id;
    // 12 000 + 8 000,50 + 4 000 + 20 000 + 5 999,50 (the repeated line once, the unreadable ones not at all).
    expect(a).toMatchObject({ lines: 5, totalAmount: 50000, essAmount: 24000.5, siaeAmount: 8000.5, protectedAmount: 4000, publicBuyer: false });
    expect(a.essShare).toBeCloseTo(24000.5 / 50000, 10);
    expect(a.siaeShare).toBeCloseTo(8000.5 / 50000, 10);
    expect(a.protectedShare).toBeCloseTo(0.08, 10);
    expect(a.refusals).toEqual([
      { line: 7, reason: 'ligne en double de la ligne 5 (même fournisseur, même montant) : comptée une seule fois' },
      { line: 8, reason: '« 123 » n’est ni un SIRET (14 chiffres) ni un SIREN (9 chiffres)' },
      { line: 9, reason: 'montant manquant' },
      { line: 10, reason: 'nombre de colonnes différent de celui de l’en-tête' },
    ]);
  });

  it('lists the categories without ESS, largest first, with the structures of the directory able to serve them', async () => {
    const { gaps } = (await ok(t.gql(`query($id: ID!) { spendAnalysis(id: $id) { ${FIELDS} } }`, { id: analysisId }, firm.token))).spendAnalysis;
    expect(gaps.map((g: { category: string; amount: number }) => [g.category, g.amount])).toEqual([['Nettoyage de locaux', 20000], ['Papeterie', 5999.5]]);
    expect(gaps[0].suggestions.map((s: { id: string }) => s.id)).toEqual([cleaningId]);
    expect(gaps[1].suggestions).toEqual([]); // no stationer in the directory (nor any trade of the word): nothing proposed rather than another trade
    // Point 1's potential for each gap, for its amount around Rouen: the cleaner could take it; nobody the paper.
    const potentials = (await ok(t.gql(`query($id: ID!) { spendAnalysis(id: $id) { gaps { potential { total recommendation } } } }`, { id: analysisId }, firm.token))).spendAnalysis.gaps;
    expect(potentials[0].potential.total).toBeGreaterThanOrEqual(1);
    expect(potentials[1].potential.total).toBe(0);
    expect(potentials[1].potential.recommendation).toMatch(/clause sociale|allotissement|groupement/i);
  });

  it('reads English headers, commas, amounts with a decimal point and NAF codes as categories', async () => {
    // A broken first line does not set the norm: the header does.
    const csv = ['Siren,Name,Amount,NAF code', 'broken,line', `${ORDINARY.slice(0, 9)},"Clean & Co","1,234.50",8121Z`, `${COOP},Coop,"765.50",62.01Z`].join('\n');
    const a = (await ok(t.gql(ANALYSE, { csv }, firm.token))).analyseSpend;
    expect(a).toMatchObject({ lines: 2, totalAmount: 2000, essAmount: 765.5, refusals: [{ line: 2, reason: 'nombre de colonnes différent de celui de l’en-tête' }] });
    expect(a.gaps).toEqual([{ category: '81.21Z Nettoyage courant des bâtiments', amount: 1234.5, suggestions: [{ id: cleaningId, name: 'Net Insertion' }] }]);
    expect(await ok(t.gql(DELETE, { id: a.id }, firm.token))).toEqual({ deleteSpendAnalysis: true });
  });

  it('says from which line a quote never closed left the file unread, rather than guessing its end', async () => {
    const csv = ['siret;montant', `${COOP};100`, `"${COOP};200`, `${COOP};300`].join('\n');
    const a = (await ok(t.gql(ANALYSE, { csv }, firm.token))).analyseSpend;
    expect(a).toMatchObject({ lines: 1, totalAmount: 100, refusals: [{ line: 3, reason: 'guillemets ouverts et jamais fermés : le fichier n’a pas pu être lu à partir de la ligne 3' }] });
    await ok(t.gql(DELETE, { id: a.id }, firm.token));
  });

  it('refuses a file it cannot use with a French error naming csv, and writes nothing', async () => {
    const before = (await ok(t.gql(LIST, {}, firm.token))).spendAnalyses.length;
    const noHeader = await t.gql(ANALYSE, { csv: `${COOP};12 000` }, firm.token);
    expect([codeOf(noHeader), fieldOf(noHeader)]).toEqual(['BAD_USER_INPUT', 'csv']);
    expect(noHeader.errors![0]!.message).toMatch(/« siret » .*« montant »/);
    const unreadable = await t.gql(ANALYSE, { csv: 'siret;montant\nabc;12' }, firm.token);
    expect(unreadable.errors![0]!.message).toBe('« csv » : aucune ligne de dépense n’a pu être lue (ligne 2 : « abc » n’est ni un SIRET (14 chiffres) ni un SIREN (9 chiffres)).');
    // Under the API's body limit (1 MB), over the file's.
    const huge = await t.gql(ANALYSE, { csv: `siret;montant\n${`${COOP};1\n`.repeat(55_000)}` }, firm.token);
    expect([codeOf(huge), fieldOf(huge)]).toEqual(['BAD_USER_INPUT', 'csv']);
    expect(huge.errors![0]!.message).toMatch(/^« csv » : fichier trop volumineux/);
    const long = await t.gql(ANALYSE, { csv: `siret;montant\n${`${COOP.slice(0, 9)};1\n`.repeat(10_001)}` }, firm.token);
    expect(long.errors![0]!.message).toMatch(/^« csv » : trop de lignes \(10\s000 au plus/);
    expect((await ok(t.gql(LIST, {}, firm.token))).spendAnalyses).toHaveLength(before);
  });

  it('gives the analysis as CSV, plain and for a French spreadsheet', async () => {
    const { csv, csvFr } = (await ok(t.gql(ONE, { id: analysisId }, firm.token))).spendAnalysis;
    const plain = csv.split('\n');
    expect(plain[0]).toBe('type,ligne,siret_siren,fournisseur,categorie,montant,famille,detail');
    expect(plain).toContain('total,,,Dépenses avec l’ESS,,24000.5,,48 %');
    expect(plain).toContain(`fournisseur,3,${GARDENS.slice(0, 9)},Jardins de la Seine,Espaces verts,8000.5,SIAE,dans l’annuaire`);
    expect(plain).toContain('categorie_sans_ess,,,,Nettoyage de locaux,20000,,Net Insertion');
    expect(plain).toContain('ligne_refusee,9,,,,,,montant manquant');
    expect(csvFr.split('\n')).toContain(`fournisseur;3;${GARDENS.slice(0, 9)};Jardins de la Seine;Espaces verts;8000,5;SIAE;dans l’annuaire`);
  });

  it('tells a firm what its purchases from the secteur protégé deduct from its OETH contribution, from figures it gives', async () => {
    // 4 000 € × 50 % of labour = 2 000 €; 30 % of it = 600 €, capped at 50 % of a 1 000 € contribution.
    const capped = (await ok(t.gql(OETH, { id: analysisId, s: 0.5, c: 1000, r: 0.02 }, firm.token))).spendAnalysis.oethDeduction;
    expect(capped).toMatchObject({ labourCost: 2000, beforeCap: 600, capRate: 0.5, cap: 500, deduction: 500, capped: true });
    expect(capped.rule).toContain('30 %');
    // At 3.5 % of disabled workers and more, the cap is 75 %: 750 €, so the whole 600 € is deducted.
    const full = (await ok(t.gql(OETH, { id: analysisId, s: 0.5, c: 1000, r: 0.035 }, firm.token))).spendAnalysis.oethDeduction;
    expect(full).toMatchObject({ capRate: 0.75, cap: 750, deduction: 600, capped: false });
    const bad = await t.gql(OETH, { id: analysisId, s: 1.5, c: 1000, r: 0.02 }, firm.token);
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'labourCostShare']);
  });

  it('for a public buyer, counts the secteur protégé and computes no OETH deduction', async () => {
    const a = (await ok(t.gql(ANALYSE, { csv: FILE, o: metropole }, officer))).analyseSpend;
    expect(a).toMatchObject({ publicBuyer: true, protectedAmount: 4000 });
    expect((await ok(t.gql(OETH, { id: a.id, s: 0.5, c: 1000, r: 0.02 }, officer))).spendAnalysis.oethDeduction).toBeNull();
    await ok(t.gql(DELETE, { id: a.id }, officer));
  });

  it('keeps the analyses to their organisation and staff: another firm, a structure, anonymous get nothing', async () => {
    expect((await ok(t.gql(LIST, {}, firm.token))).spendAnalyses.map((a: { id: string }) => a.id)).toEqual([analysisId]);
    expect((await ok(t.gql(LIST, { o: firmOrg }, officer))).spendAnalyses.map((a: { id: string }) => a.id)).toEqual([analysisId]);
    expect(fieldOf(await t.gql(LIST, {}, officer))).toBe('organisationId');

    expect((await ok(t.gql(LIST, {}, otherFirm))).spendAnalyses).toEqual([]);
    expect(codeOf(await t.gql(LIST, { o: firmOrg }, otherFirm))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(ONE, { id: analysisId }, otherFirm))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(DELETE, { id: analysisId }, otherFirm))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(LIST, { o: firmOrg }, structure))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(ANALYSE, { csv: FILE }, structure))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(ONE, { id: analysisId }, structure))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(LIST, { o: firmOrg }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(ONE, { id: analysisId }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(ANALYSE, { csv: FILE }))).toBe('UNAUTHENTICATED');
  });

  it('hands the analyses over in exportMyData, deletes one at once and with the last account of its organisation', async () => {
    const exported = JSON.parse((await ok(t.gql('{ exportMyData }', {}, firm.token))).exportMyData);
    expect(exported.spendAnalyses.map((a: { id: string }) => a.id)).toEqual([analysisId]);
    expect(exported.spendAnalyses[0].entries).toContainEqual(expect.objectContaining({ line: 5, identifier: ORDINARY, name: 'Propre & Net', amount: 20000, supplierId: null }));

    expect(await ok(t.gql(DELETE, { id: analysisId }, firm.token))).toEqual({ deleteSpendAnalysis: true });
    expect((await ok(t.gql(LIST, {}, firm.token))).spendAnalyses).toEqual([]);
    expect(await storedText(t)).not.toContain('Propre & Net');

    const kept = (await ok(t.gql(ANALYSE, { csv: FILE }, firm.token))).analyseSpend.id;
    expect(await ok(t.gql('mutation { deleteMyAccount(confirm: true) }', {}, firm.token))).toEqual({ deleteMyAccount: true });
    expect(await t.server.services.store.spendAnalyses.findById(kept)).toBeNull();
    expect(await storedText(t)).not.toContain('Bureau Plus');
  });
});

/** What the store keeps of spend analyses: their datafile on the embedded engine (so compaction is checked too), their documents on MongoDB. */
async function storedText(t: TestServer): Promise<string> {
  if (t.storeEnv.MONGODB_URI) return JSON.stringify(await t.server.services.store.spendAnalyses.find({}));
  return fs.readFileSync(path.join(t.dataDir, 'db', 'spendAnalyses.db'), 'utf8');
}
