// Completion for the web forms over the API: communes by name or code (the Métropole's first), NAF codes by label.
import { codeOf, fieldOf, startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.destroy());

const COMMUNES = `query($s: String!, $n: Int) { communes(search: $s, first: $n) { code name departement } }`;
const NAF = `query($s: String!, $n: Int) { nafCodes(search: $s, first: $n) { code label } }`;

describe('communes', () => {
  it('finds by name without accents or hyphens, the Métropole first, and by INSEE code', async () => {
    const saint = (await t.gql(COMMUNES, { s: 'saint etienne du', n: 5 })).data.communes;
    expect(saint[0]).toEqual({ code: '76575', name: 'Saint-Étienne-du-Rouvray', departement: '76' });
    const rouen = (await t.gql(COMMUNES, { s: 'Rouen' })).data.communes;
    expect(rouen[0].code).toBe('76540');
    expect(rouen.length).toBeLessThanOrEqual(10);
    // From any word of the name: "Sotteville" finds Sotteville-lès-Rouen; anywhere in France.
    expect((await t.gql(COMMUNES, { s: 'lès-rouen' })).data.communes.map((c: any) => c.code)).toContain('76681');
    expect((await t.gql(COMMUNES, { s: 'Ajaccio' })).data.communes[0].code).toBe('2A004');
    expect((await t.gql(COMMUNES, { s: '75056' })).data.communes[0].name).toBe('Paris');
    expect((await t.gql(COMMUNES, { s: '  ' })).data.communes).toEqual([]);
  });

  it('refuses a page too large or a search too long, naming the field', async () => {
    const big = await t.gql(COMMUNES, { s: 'a', n: 51 });
    expect([codeOf(big), fieldOf(big)]).toEqual(['BAD_USER_INPUT', 'first']);
    expect(big.errors![0]!.message).toBe('« first » : 50 au plus');
    const none = await t.gql(NAF, { s: 'paysager', n: -1 });
    expect(none.errors![0]!.message).toBe('« first » : au moins 1');
    const long = await t.gql(COMMUNES, { s: 'a'.repeat(101) });
    expect([codeOf(long), fieldOf(long)]).toEqual(['BAD_USER_INPUT', 'search']);
    expect(long.errors![0]!.message).toBe('« search » : 100 caractères au plus');
  });
});

describe('nafCodes', () => {
  it('finds sub-classes by code (with or without the dot) and by the words of their label', async () => {
    expect((await t.gql(NAF, { s: '8130' })).data.nafCodes[0]).toEqual({ code: '81.30Z', label: expect.stringMatching(/paysager/i) });
    expect((await t.gql(NAF, { s: '81.30' })).data.nafCodes[0].code).toBe('81.30Z');
    const green = (await t.gql(NAF, { s: 'aménagement paysager' })).data.nafCodes.map((n: any) => n.code);
    expect(green).toContain('81.30Z');
    const print = (await t.gql(NAF, { s: 'imprimerie', n: 50 })).data.nafCodes;
    expect(print.every((n: any) => /^\d{2}\.\d{2}[A-Z]$/.test(n.code))).toBe(true);
  });

  it('ranks labels by how the word is meant: its own words first, shorter first, then a shared stem or a synonym', async () => {
    // « conditionnement » is the packaging service (82.92Z) before the machines that do it (28.29A),
    // and both before « air conditionné », which shares only the stem.
    const codes = (await t.gql(NAF, { s: 'conditionnement', n: 10 })).data.nafCodes.map((n: any) => n.code);
    expect(codes.slice(0, 3)).toEqual(['82.92Z', '28.29A', '35.30Z']);
    // A synonym from the matcher's vocabulary table: « emballage » labels come after.
    expect(codes).toContain('16.24Z');
    expect(codes.indexOf('16.24Z')).toBeGreaterThan(2);
    // The vocabulary table's pointer: « espaces verts » is landscaping.
    expect((await t.gql(NAF, { s: 'espaces verts' })).data.nafCodes[0].code).toBe('81.30Z');
  });

  it('gives the label of every saved code, in the order given, leaving unknown codes out', async () => {
    const byCode = `query($c: [String!]!) { nafCodesByCode(codes: $c) { code label } }`;
    expect((await t.gql(byCode, { c: ['82.92Z', '8130z', '99.99Q'] })).data.nafCodesByCode).toEqual([
      { code: '82.92Z', label: 'Activités de conditionnement' },
      { code: '81.30Z', label: "Services d'aménagement paysager" },
    ]);
    const many = await t.gql(byCode, { c: Array.from({ length: 51 }, () => '81.30Z') });
    expect([codeOf(many), fieldOf(many)]).toEqual(['BAD_USER_INPUT', 'codes']);
  });
});
