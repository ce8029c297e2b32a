// Public buyers through the API: staff make an organisation a public buyer (its SIRET); its users
// see their own DECP figures and contracts, never another buyer's; staff see any buyer's, and the
// review's commande publique part. The contracts come from the DECP fixture, read by the importer.
import path from 'node:path';
import { metropoleCommunes } from '../api/reference/communes';
import { ContractImportRun, readDecp } from '../api/public-contracts';
import { needInput, supplierInput } from './helpers/fixtures';
import { codeOf, fieldOf, startTestServer, TEST_PASSWORD, type TestServer } from './helpers/server';

jest.setTimeout(60_000);

const FIXTURE = path.join(__dirname, 'fixtures', 'decp', 'marches-2026.json');
const ROUEN = '21760540100017';
const CHU = '26760017200014';
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };

const ME = `{ me { organisation { id name kind siret } } }`;
const SET_KIND = `mutation($id: ID!, $kind: OrganisationKind!, $siret: String) { setOrganisationKind(organisationId: $id, kind: $kind, siret: $siret) { id kind siret } }`;
const FIGURES = 'contracts amount essContracts essAmount reserved socialClause socialCriterion';
const STATS = `query($from: DateTime!, $to: DateTime!, $buyer: String) { publicContractStats(from: $from, to: $to, buyer: $buyer) {
  ${FIGURES} byMonth { key label ${FIGURES} } byBuyer { key label ${FIGURES} } } }`;
const CONTRACTS = `query($from: DateTime!, $to: DateTime!, $buyer: String) { publicContracts(from: $from, to: $to, buyer: $buyer) {
  contractId buyerSiret amount socialClause socialCriterion reserved awardedToDirectory holders { idType id supplier { name } } } }`;

describe('public buyers', () => {
  let t: TestServer;
  let officer: { token: string };
  let rouen: { token: string; email: string };
  let chu: { token: string };
  let firm: { token: string };
  const organisationOf = async (token: string) => (await t.gql(ME, {}, token)).data.me.organisation;

  beforeAll(async () => {
    t = await startTestServer();
    officer = await t.userWithToken('OFFICER');
    rouen = await t.userWithToken('COMPANY', { organisationName: 'Ville de Rouen' });
    chu = await t.userWithToken('COMPANY', { organisationName: 'CHU de Rouen' });
    firm = await t.userWithToken('COMPANY', { organisationName: 'Transports Normands' });
    const created = await t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`, { input: supplierInput({ name: 'Les Jardins du Robec', siret: '73000000000010' }) }, officer.token);
    expect(created.errors).toBeUndefined();
    const run = await ContractImportRun.open(t.server.services.store, { dryRun: false });
    const communes = new Set(metropoleCommunes().map((c) => c.code));
    for (const item of readDecp([FIXTURE], { communes, buyers: new Set() }, { bytes: 0 })) if (item.kind === 'contract') await run.apply(item.contract);
    expect(run.counts.created).toBe(5);
  });
  afterAll(() => t.destroy());

  it('staff make a firm’s organisation a public buyer, with its SIRET', async () => {
    const organisation = await organisationOf(rouen.token);
    expect(organisation).toMatchObject({ name: 'Ville de Rouen', kind: 'COMPANY', siret: null });
    expect(codeOf(await t.gql(SET_KIND, { id: organisation.id, kind: 'PUBLIC_BUYER', siret: ROUEN }, rouen.token))).toBe('FORBIDDEN');
    const noSiret = await t.gql(SET_KIND, { id: organisation.id, kind: 'PUBLIC_BUYER' }, officer.token);
    expect([codeOf(noSiret), fieldOf(noSiret)]).toEqual(['BAD_USER_INPUT', 'siret']);
    expect(noSiret.errors![0]!.message).toContain('SIRET');
    const badSiret = await t.gql(SET_KIND, { id: organisation.id, kind: 'PUBLIC_BUYER', siret: '21760540100018' }, officer.token);
    expect([codeOf(badSiret), fieldOf(badSiret)]).toEqual(['BAD_USER_INPUT', 'siret']);
    const staffOrganisation = await organisationOf(officer.token);
    const metropole = await t.gql(SET_KIND, { id: staffOrganisation.id, kind: 'PUBLIC_BUYER', siret: ROUEN }, officer.token);
    expect([codeOf(metropole), fieldOf(metropole)]).toEqual(['BAD_USER_INPUT', 'kind']);

    const set = await t.gql(SET_KIND, { id: organisation.id, kind: 'PUBLIC_BUYER', siret: ROUEN }, officer.token);
    expect(set.data.setOrganisationKind).toEqual({ id: organisation.id, kind: 'PUBLIC_BUYER', siret: ROUEN });
    expect(await organisationOf(rouen.token)).toMatchObject({ kind: 'PUBLIC_BUYER', siret: ROUEN });
    // The console learns at sign-in that the user acts for a public buyer.
    const login = await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { organisation { kind siret } } } }`, { e: rouen.email, p: TEST_PASSWORD });
    expect(login.data.login.user.organisation).toEqual({ kind: 'PUBLIC_BUYER', siret: ROUEN });
    await t.gql(SET_KIND, { id: (await organisationOf(chu.token)).id, kind: 'PUBLIC_BUYER', siret: CHU }, officer.token);
    const listed = await t.gql(`{ organisations(kind: PUBLIC_BUYER) { name siret } }`, {}, officer.token);
    expect(listed.data.organisations).toEqual([{ name: 'CHU de Rouen', siret: CHU }, { name: 'Ville de Rouen', siret: ROUEN }]);
    expect(codeOf(await t.gql(`{ organisations { id } }`, {}, rouen.token))).toBe('FORBIDDEN');
  });

  it('a public buyer’s user posts a need like a firm, reserved with the first legal preset', async () => {
    const presets = (await t.gql(`{ inclusionKindPresets { label kinds basis } }`)).data.inclusionKindPresets;
    expect(presets[0].basis).toContain('Code de la commande publique');
    const posted = await t.gql(`mutation($input: NeedInput!) { postNeed(input: $input) { companyName requiredInclusionKinds confirmedAt } }`,
      { input: needInput({ title: 'Blanchisserie des écoles', requiredInclusionKinds: presets[0].kinds }) }, rouen.token);
    expect(posted.errors).toBeUndefined();
    expect(posted.data.postNeed).toMatchObject({ companyName: 'Ville de Rouen', requiredInclusionKinds: presets[0].kinds });
    expect(posted.data.postNeed.confirmedAt).not.toBeNull();
  });

  it('a public buyer’s user sees its own figures and contracts, never another buyer’s', async () => {
    const own = await t.gql(STATS, PERIOD, rouen.token);
    expect(own.errors).toBeUndefined();
    expect(own.data.publicContractStats).toMatchObject({
      contracts: 2, amount: 150000.5, essContracts: 1, essAmount: 100000, reserved: 0, socialClause: 1, socialCriterion: 1,
      byMonth: [{ key: '2026-01', label: 'janvier 2026', contracts: 2 }],
      byBuyer: [{ key: ROUEN, label: 'Ville de Rouen', contracts: 2 }],
    });
    const list = await t.gql(CONTRACTS, PERIOD, rouen.token);
    expect(list.data.publicContracts).toEqual([
      { contractId: '2026-001', buyerSiret: ROUEN, amount: 100000, socialClause: true, socialCriterion: false, reserved: false, awardedToDirectory: true, holders: [{ idType: 'SIRET', id: '73000000000010', supplier: { name: 'Les Jardins du Robec' } }] },
      { contractId: '2026-002', buyerSiret: ROUEN, amount: 50000.5, socialClause: false, socialCriterion: true, reserved: false, awardedToDirectory: false, holders: [{ idType: 'SIRET', id: '73000000000028', supplier: null }] },
    ]);
    for (const query of [STATS, CONTRACTS]) {
      expect(codeOf(await t.gql(query, { ...PERIOD, buyer: CHU }, rouen.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(query, PERIOD, firm.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(query, PERIOD))).toBe('UNAUTHENTICATED');
    }
    const chuOwn = await t.gql(STATS, PERIOD, chu.token);
    expect(chuOwn.data.publicContractStats).toMatchObject({ contracts: 2, amount: 50000, essContracts: 1, essAmount: 30000, reserved: 1 });
  });

  it('staff see any buyer’s figures and contracts, and the review’s commande publique part', async () => {
    const chuStats = await t.gql(STATS, { ...PERIOD, buyer: CHU }, officer.token);
    expect(chuStats.data.publicContractStats).toMatchObject({ contracts: 2, amount: 50000, essContracts: 1, reserved: 1, byBuyer: [{ label: 'CHU de Rouen' }] });
    const group = (await t.gql(CONTRACTS, { ...PERIOD, buyer: CHU }, officer.token)).data.publicContracts.find((c: any) => c.contractId === 'B-17');
    expect(group).toMatchObject({ reserved: true, awardedToDirectory: true });
    const badBuyer = await t.gql(STATS, { ...PERIOD, buyer: '2176' }, officer.token);
    expect([codeOf(badBuyer), fieldOf(badBuyer)]).toEqual(['BAD_USER_INPUT', 'buyer']);

    const review = await t.gql(`query($from: DateTime!, $to: DateTime!) { impactStats(from: $from, to: $to) { publicContracts { ${FIGURES} byBuyer { key } } csv } }`, PERIOD, officer.token);
    expect(review.errors).toBeUndefined();
    expect(review.data.impactStats.publicContracts).toMatchObject({
      contracts: 4, amount: 200000.5, essContracts: 2, essAmount: 130000, reserved: 1, socialClause: 1, socialCriterion: 1,
      byBuyer: [{ key: ROUEN }, { key: CHU }],
    });
    expect(review.data.impactStats.csv).toContain('commande_publique_marches_ess,,Marchés attribués à une structure de l’annuaire (tout cotraitant),2');
    expect(review.data.impactStats.csv).toContain(`commande_publique_par_acheteur_marches,${CHU},CHU de Rouen : marchés notifiés,2`);
  });
});
