// A need no structure of its trade can serve at its place says so, and its trade ranks before others.
// Through GraphQL over HTTP.
import { needInput } from './helpers/fixtures';
import { CATERER, LANDSCAPERS, CLEANERS, RECYCLERIE } from './helpers/trades';
import { startTestServer, type TestServer } from './helpers/server';

const CREATE = `mutation($input: SupplierInput!) { createSupplier(input: $input) { id name } }`;
const POST = `mutation($input: NeedInput!) { postNeed(input: $input) { id requiredLabels } }`;
const MATCH = `query($needId: ID!) { matchSuppliers(needId: $needId, limit: 10) { eligible relevant supplier { name } } need(id: $needId) { matchNotice } }`;


describe('needs no structure of their trade can serve', () => {
  let t: TestServer;
  let officer: string;

  beforeAll(async () => {
    t = await startTestServer();
    officer = (await t.userWithToken('OFFICER')).token;
    for (const input of [CATERER, ...LANDSCAPERS, ...CLEANERS, RECYCLERIE]) {
      const res = await t.gql(CREATE, { input }, officer);
      expect(res.errors).toBeUndefined();
    }
  });
  afterAll(() => t.destroy());

  const post = async (overrides: Record<string, unknown>) => {
    const res = await t.gql(POST, { input: needInput({ companyName: 'Transports Seine Logistique', contactEmail: 'achats@seine-logistique.example', nafCodes: [], preferredInclusionKinds: [], ...overrides }) }, officer);
    expect(res.errors).toBeUndefined();
    return res.data.postNeed.id as string;
  };

  it('says in the API that no structure of the trade can work at the need’s place, and ranks the trade before other trades', async () => {
    const needId = await post({ title: 'Nettoyage des bureaux', description: 'Ménage quotidien de nos bureaux, 800 m².', communeCode: '76351' });
    const ranked = (await t.gql(MATCH, { needId }, officer)).data;
    // the trade's structures first (out of range, ineligible), then the other trade eligible at the place
    expect(ranked.matchSuppliers.slice(0, 2).map((m: any) => [m.eligible, m.relevant])).toEqual([[false, true], [false, true]]);
    expect(ranked.matchSuppliers.slice(0, 2).map((m: any) => m.supplier.name).sort()).toEqual(['Brillance Coop', 'Propreté Seine Avenir']);
    const recyclerie = ranked.matchSuppliers.find((m: any) => m.supplier.name === 'Trésors du Port');
    expect(recyclerie).toMatchObject({ eligible: true, relevant: false });
    expect(ranked.need.matchNotice).toBe(
      "Aucune structure éligible de ce métier ne peut intervenir à Le Havre : les 2 structures de ce métier sont marquées non éligibles (hors de leur zone d'intervention, ou sans un label ou un type exigé : voir leurs raisons). Les structures classées après elles sont d'autres métiers.",
    );
  });

  it('gives matchNotice to staff only', async () => {
    const company = await t.userWithToken('COMPANY', { organisationName: 'Docks du Havre' });
    const res = await t.gql(POST, { input: needInput({ title: 'Nettoyage des bureaux', description: 'Ménage des bureaux.', communeCode: '76351', nafCodes: [] }) }, company.token);
    const needId = res.data.postNeed.id;
    expect((await t.gql('query($id: ID!) { need(id: $id) { matchNotice } }', { id: needId }, company.token)).data.need.matchNotice).toBeNull();
    expect((await t.gql('query($id: ID!) { need(id: $id) { matchNotice } }', { id: needId }, officer)).data.need.matchNotice).toMatch(/Le Havre/);
  });
});
