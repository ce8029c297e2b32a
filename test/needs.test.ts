import { codeOf, fieldOf, startTestServer, type TestServer } from './helpers/server';
import { needInput } from './helpers/fixtures';

const POST = `mutation($input: NeedInput!) { postNeed(input: $input) {
  id title kind companyName contactEmail commune { code name } budgetMin budgetMax requiredLabels preferredInclusionKinds nafCodes deadline createdAt } }`;
const GET = `query($id: ID!) { need(id: $id) { id title } }`;
const LIST = `query($first: Int, $after: String) { needs(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } }`;

describe('needs', () => {
  let t: TestServer;
  let officer: string;
  let company: { token: string; email: string };
  beforeAll(async () => {
    t = await startTestServer();
    officer = (await t.userWithToken('OFFICER')).token;
    company = await t.userWithToken('COMPANY', { organisationName: 'Transports Normands' });
  });
  afterAll(() => t.destroy());

  it('a company posts a need for itself, with defaults from its account', async () => {
    const res = await t.gql(POST, { input: needInput({ deadline: '2031-03-31' }) }, company.token);
    expect(res.errors).toBeUndefined();
    expect(res.data.postNeed).toMatchObject({
      companyName: 'Transports Normands',
      contactEmail: company.email,
      commune: { code: '76681', name: 'Sotteville-lès-Rouen' },
      preferredInclusionKinds: ['ACI'],
      deadline: '2031-03-31T00:00:00.000Z',
    });
    expect((await t.gql(GET, { id: res.data.postNeed.id }, company.token)).data.need.title).toBe(needInput().title);
  });

  it('reads a deadline with a time in Paris time unless it has an offset, whatever the process timezone', async () => {
    const deadline = async (text: string) => (await t.gql(POST, { input: needInput({ deadline: text }) }, company.token)).data.postNeed.deadline;
    expect(await deadline('2031-03-31T10:00')).toBe('2031-03-31T08:00:00.000Z'); // summer time in Paris
    expect(await deadline('2031-01-15T10:00:00')).toBe('2031-01-15T09:00:00.000Z');
    expect(await deadline('2031-01-15T10:00:00+05:30')).toBe('2031-01-15T04:30:00.000Z');
    expect(await deadline(' 2032-02-29 ')).toBe('2032-02-29T00:00:00.000Z'); // a leap day is a real one
  });

  it('an officer records a need on behalf of a named firm', async () => {
    const missing = await t.gql(POST, { input: needInput() }, officer);
    expect([codeOf(missing), fieldOf(missing)]).toEqual(['BAD_USER_INPUT', 'companyName']);
    const res = await t.gql(POST, { input: needInput({ companyName: 'Boulangerie Martin', contactEmail: 'achats@martin.example' }) }, officer);
    expect(res.data.postNeed).toMatchObject({ companyName: 'Boulangerie Martin', contactEmail: 'achats@martin.example' });
  });

  it("an officer must give the firm's address: the shortlist must not go to the officer", async () => {
    const res = await t.gql(POST, { input: needInput({ companyName: 'Boulangerie Martin' }) }, officer);
    expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', 'contactEmail']);
    expect(res.errors![0]!.message).toContain("l'adresse de l'entreprise");
  });

  it("a firm posts under its organisation's name only; officers see who recorded each need", async () => {
    const forged = await t.gql(POST, { input: needInput({ companyName: 'Autre SA' }) }, company.token);
    expect([codeOf(forged), fieldOf(forged)]).toEqual(['BAD_USER_INPUT', 'companyName']);
    // Its own name, spelled as its organisation is, is accepted.
    const own = await t.gql(POST, { input: needInput({ companyName: 'Transports Normands' }) }, company.token);
    expect(own.data.postNeed.companyName).toBe('Transports Normands');

    const staff = await t.userWithToken('OFFICER');
    const byPhone = await t.gql(POST, { input: needInput({ companyName: 'Boulangerie Martin', contactEmail: 'achats@martin.example' }) }, staff.token);
    const WHO = `query($id: ID!) { need(id: $id) { recordedBy } }`;
    expect((await t.gql(WHO, { id: byPhone.data.postNeed.id }, officer)).data.need.recordedBy).toBe(staff.email);
    expect((await t.gql(WHO, { id: own.data.postNeed.id }, officer)).data.need.recordedBy).toBe(company.email);
    // The firm does not read it.
    expect((await t.gql(WHO, { id: own.data.postNeed.id }, company.token)).data.need.recordedBy).toBeNull();
  });

  it('only the firm and staff see a need', async () => {
    const { data } = await t.gql(POST, { input: needInput() }, company.token);
    const other = await t.userWithToken('COMPANY', { organisationName: 'Concurrent SA' });
    const supplier = await t.userWithToken('SUPPLIER');
    expect(codeOf(await t.gql(GET, { id: data.postNeed.id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(GET, { id: data.postNeed.id }, other.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(GET, { id: data.postNeed.id }, supplier.token))).toBe('FORBIDDEN');
    expect((await t.gql(GET, { id: data.postNeed.id }, officer)).data.need.id).toBe(data.postNeed.id);
    expect(codeOf(await t.gql(POST, { input: needInput() }, supplier.token))).toBe('FORBIDDEN');
  });

  it('officers list every need newest first; a firm lists its own', async () => {
    const mine = await t.userWithToken('COMPANY', { organisationName: 'Imprimerie Lemoine' });
    for (const title of ['Premier', 'Deuxième', 'Troisième']) {
      expect((await t.gql(POST, { input: needInput({ title }) }, mine.token)).errors).toBeUndefined();
    }
    const own = await t.gql(LIST, { first: 2 }, mine.token);
    expect(own.data.needs.totalCount).toBe(3);
    expect(own.data.needs.edges.map((e: any) => e.node.title)).toEqual(['Troisième', 'Deuxième']);
    const rest = await t.gql(LIST, { first: 2, after: own.data.needs.pageInfo.endCursor }, mine.token);
    expect(rest.data.needs.edges.map((e: any) => e.node.title)).toEqual(['Premier']);
    expect(rest.data.needs.pageInfo.hasNextPage).toBe(false);

    const all = await t.gql(LIST, { first: 100 }, officer);
    expect(all.data.needs.totalCount).toBeGreaterThanOrEqual(6);
  });

  it.each([
    ['budgetMax', { budgetMin: 50000, budgetMax: 1000 }, 'supérieur ou égal au budget minimum'],
    ['budgetMin', { budgetMin: -1 }, 'entre 0 et 1\u00a0000\u00a0000\u00a0000\u00a0€'],
    ['title', { title: '' }, 'ne doit pas être vide'],
    ['description', { description: 'x'.repeat(5001) }, '5000 caractères'],
    ['communeCode', { communeCode: 'ABCDE' }, 'commune inconnue'],
    ['nafCodes', { nafCodes: ['81.30'] }, 'code NAF inconnu'],
    ['contactEmail', { contactEmail: 'achats@' }, 'adresse e-mail invalide'],
    ['deadline', { deadline: 'demain' }, 'date invalide'],
    ['deadline', { deadline: '2001-01-01' }, 'déjà passée'],
    ['deadline', { deadline: '2099-01-01' }, 'dans les dix ans'],
    ['deadline', { deadline: '2031-02-30' }, "la date 2031-02-30 n'existe pas"],
    ['deadline', { deadline: '2031-04-31T10:00:00Z' }, "la date 2031-04-31T10:00:00Z n'existe pas"],
    ['deadline', { deadline: '2031-03-31T24:00' }, "n'existe pas"],
    ['deadline', { deadline: 'March 31, 2031' }, 'date invalide (format attendu : 2025-12-31'],
    ['deadline', { deadline: '2031/03/31' }, 'date invalide'],
    ['deadline', { deadline: '2031-03-31 10:00' }, 'date invalide'],
    ['deadline', { deadline: '+275760-09-13T00:00:00.000Z' }, 'date invalide'],
    ['requiredLabels', { requiredLabels: Array.from({ length: 21 }, (_, i) => `L${i}`) }, '« requiredLabels » : 20 labels au plus'],
    ['preferredInclusionKinds', { preferredInclusionKinds: Array.from({ length: 10 }, () => 'ESAT') }, '« preferredInclusionKinds » : 9 valeurs au plus'],
  ])('refuses a bad %s and writes nothing', async (field, overrides, message) => {
    const before = await t.server.services.store.needs.count({});
    const res = await t.gql(POST, { input: needInput(overrides) }, company.token);
    expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', field]);
    expect(res.errors![0]!.message).toContain(message);
    expect(await t.server.services.store.needs.count({})).toBe(before);
  });

  it('an unknown enum value is BAD_USER_INPUT naming the field', async () => {
    const res = await t.gql(POST, { input: needInput({ kind: 'GIFT' }) }, company.token);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe('kind');
    expect(res.errors![0]!.message).toMatch(/^Valeur invalide/);
  });
});
