// Groupements through the API: when no single eligible structure covers a need (its budget or its
// trades), every proposed group covers every trade and the budget, and no better group of the same
// size exists (checked by brute force over the structures created here); none when one suffices.
import { needInput, supplierInput } from './helpers/fixtures';
import { codeOf, startTestServer, type TestServer } from './helpers/server';

const GROUPS = `query($needId: ID!, $limit: Int) { proposeGroupements(needId: $needId, limit: $limit) {
  score reasons members { score eligible supplier { id name nafCodes maxContractValue } } } }`;
const MATCH = `query($needId: ID!) { matchSuppliers(needId: $needId, limit: 50) { score eligible relevant supplier { id nafCodes maxContractValue } } }`;

const CLEANING = { description: 'Nettoyage de bureaux et entretien des locaux professionnels.', services: ['Nettoyage de bureaux'], nafCodes: ['81.21Z'] };
const GREEN = { description: "Entretien d'espaces verts, tonte et taille de haies.", services: ['Espaces verts'], nafCodes: ['81.30Z'] };
const CATERING = { description: 'Traiteur solidaire : repas, buffets et plateaux pour entreprises.', services: ['Traiteur'], nafCodes: ['56.21Z'] };

type Member = { score: number; eligible: boolean; relevant?: boolean; supplier: { id: string; nafCodes: string[]; maxContractValue: number | null } };
// A trade is a NAF group (81.2 cleaning, 81.3 green spaces, 56.2 catering), as the proposer reads it.
const trade = (c: string) => c.slice(0, 4);
const covers = (ms: Member['supplier'][], trades: string[], budget: number) =>
  trades.every((t) => ms.some((m) => m.nafCodes.map(trade).includes(t))) && ms.reduce((s, m) => s + (m.maxContractValue ?? 0), 0) >= budget;
// The proposer's rule: every member is needed (a group that still covers without one is not proposed).
const minimal = (ms: Member['supplier'][], trades: string[], budget: number) => ms.every((_, i) => !covers(ms.filter((__, j) => j !== i), trades, budget));
function* combos<T>(xs: T[], k: number, start = 0, acc: T[] = []): Generator<T[]> {
  if (acc.length === k) return void (yield acc);
  for (let i = start; i < xs.length; i += 1) yield* combos(xs, k, i + 1, [...acc, xs[i]!]);
}

/**
 * For every size proposed: no valid group of that size scores higher than the best proposed, by brute
 * force over the candidates the proposer may use: eligible matches, relevant to the need, of its trades.
 */
function expectBestOfEachSize(groups: { score: number; members: Member[] }[], matches: Member[], trades: string[], budget: number): void {
  const eligible = matches.filter((m) => m.eligible && m.relevant && m.supplier.nafCodes.some((c) => trades.includes(trade(c))));
  const sizes = [...new Set(groups.map((g) => g.members.length))];
  expect(sizes.length).toBeGreaterThan(0);
  for (const size of sizes) {
    const valid = [...combos(eligible, size)].filter((c) => covers(c.map((m) => m.supplier), trades, budget) && minimal(c.map((m) => m.supplier), trades, budget));
    const best = Math.max(...valid.map((c) => c.reduce((s, m) => s + m.score, 0) / size));
    expect(groups.find((g) => g.members.length === size)!.score).toBeCloseTo(best, 3);
  }
}

describe('groupements', () => {
  let t: TestServer;
  let officer: { token: string };
  beforeAll(async () => {
    t = await startTestServer();
    officer = await t.userWithToken('OFFICER');
    const specs = [
      { name: 'Propreté Solidaire', ...CLEANING, maxContractValue: 30000 },
      { name: 'Net Insertion', ...CLEANING, maxContractValue: 20000 },
      { name: 'Jardins de Seine', ...GREEN, maxContractValue: 25000 },
      { name: 'Vert Avenir', ...GREEN, maxContractValue: 15000 },
      { name: 'Repas Partagés', ...CATERING, maxContractValue: 40000 },
    ];
    for (const s of specs) {
      const res = await t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`, { input: supplierInput(s) }, officer.token);
      expect(res.errors).toBeUndefined();
    }
  });
  afterAll(() => t.destroy());

  const post = async (fields: Record<string, unknown>) => {
    const res = await t.gql(`mutation($input: NeedInput!) { postNeed(input: $input) { id } }`,
      { input: needInput({ contactEmail: 'achats@firme.example', companyName: 'Firme SA', ...fields }) }, officer.token);
    expect(res.errors).toBeUndefined();
    return res.data.postNeed.id as string;
  };

  it('a multi-trade need gets groups that cover every trade and the budget, the best of each size first', async () => {
    const trades = ['81.2', '56.2'];
    const budget = 30000;
    const needId = await post({ title: 'Nettoyage des bureaux et traiteur pour le site', description: 'Nettoyage de bureaux et repas traiteur pour nos séminaires.', nafCodes: ['81.21Z', '56.21Z'], budgetMin: 20000, budgetMax: budget });
    const res = await t.gql(GROUPS, { needId, limit: 20 }, officer.token);
    expect(res.errors).toBeUndefined();
    const groups = res.data.proposeGroupements as { score: number; reasons: string[]; members: Member[] }[];
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      expect(covers(g.members.map((m) => m.supplier), trades, budget)).toBe(true);
      expect(g.members.every((m) => m.eligible)).toBe(true);
      expect(g.reasons).toHaveLength(g.members.length);
    }
    const eligible = ((await t.gql(MATCH, { needId }, officer.token)).data.matchSuppliers as Member[]);
    expectBestOfEachSize(groups, eligible, trades, budget);
  });

  it('a budget no structure carries alone gets groups whose capacities add up to it', async () => {
    const needId = await post({ nafCodes: ['81.21Z'], title: 'Nettoyage des bureaux', description: 'Nettoyage de bureaux sur trois sites.', budgetMin: 40000, budgetMax: 45000 });
    const groups = (await t.gql(GROUPS, { needId, limit: 20 }, officer.token)).data.proposeGroupements as { score: number; members: Member[] }[];
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(covers(g.members.map((m) => m.supplier), ['81.2'], 45000)).toBe(true);
    const eligible = ((await t.gql(MATCH, { needId }, officer.token)).data.matchSuppliers as Member[]);
    expectBestOfEachSize(groups, eligible, ['81.2'], 45000);
  });

  it('returns nothing when one structure covers the need, and refuses a firm', async () => {
    const needId = await post({ budgetMin: 5000, budgetMax: 10000 });
    expect((await t.gql(GROUPS, { needId }, officer.token)).data.proposeGroupements).toEqual([]);
    const firm = await t.userWithToken('COMPANY');
    expect(codeOf(await t.gql(GROUPS, { needId }, firm.token))).toBe('FORBIDDEN');
  });
});

// Firms post needs without NAF codes (the public form asks for none): the trades are those the
// matcher reads in the text, and only structures of those trades make up a group.
describe('groupements for needs without NAF codes', () => {
  let t: TestServer;
  let officer: { token: string };
  const ids = new Map<string, string>();
  beforeAll(async () => {
    t = await startTestServer();
    officer = await t.userWithToken('OFFICER');
    const specs = [
      { name: 'Jardins du Robec', ...GREEN, maxContractValue: 60000 },
      { name: 'Vert Seine Insertion', ...GREEN, maxContractValue: 120000 },
      { name: 'Les Brigades Vertes', ...GREEN, maxContractValue: 30000 },
      { name: 'Grande Propreté Normande', ...CLEANING, maxContractValue: 500000 },
      { name: 'Net Insertion Rouen', ...CLEANING, maxContractValue: 25000 },
      { name: 'Repas Solidaires', ...CATERING, maxContractValue: 40000 },
    ];
    for (const s of specs) {
      const res = await t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`, { input: supplierInput({ communeCode: '76540', interventionRadiusKm: 40, ...s }) }, officer.token);
      expect(res.errors).toBeUndefined();
      ids.set(s.name, res.data.createSupplier.id);
    }
  });
  afterAll(() => t.destroy());

  // As the public form posts it: no NAF code.
  const post = async (fields: Record<string, unknown>) => {
    const res = await t.gql(`mutation($input: NeedInput!) { postNeed(input: $input) { id } }`,
      { input: needInput({ contactEmail: 'achats@firme.example', companyName: 'Firme SA', communeCode: '76540', nafCodes: [], preferredInclusionKinds: [], ...fields }) }, officer.token);
    expect(res.errors).toBeUndefined();
    return res.data.postNeed.id as string;
  };
  const groupsOf = async (needId: string) => {
    const res = await t.gql(GROUPS, { needId, limit: 20 }, officer.token);
    expect(res.errors).toBeUndefined();
    return res.data.proposeGroupements as { score: number; reasons: string[]; members: Member[] }[];
  };
  const noticeOf = async (needId: string) =>
    (await t.gql(`query($id: ID!) { need(id: $id) { matchNotice } }`, { id: needId }, officer.token)).data.need.matchNotice as string | null;

  it('a budget only a group of its trade carries gets groups of that trade, never the large structure of another', async () => {
    const needId = await post({
      title: 'Entretien des espaces verts de trois sites',
      description: 'Tonte, taille de haies et entretien des espaces verts de nos trois sites près de Rouen.',
      budgetMin: 150000,
      budgetMax: 180000,
    });
    const groups = await groupsOf(needId);
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      expect(g.members.every((m) => m.supplier.nafCodes.every((c) => trade(c) === '81.3'))).toBe(true);
      expect(g.members.map((m) => m.supplier.id)).not.toContain(ids.get('Grande Propreté Normande'));
      expect(covers(g.members.map((m) => m.supplier), ['81.3'], 180000)).toBe(true);
    }
    const matches = (await t.gql(MATCH, { needId }, officer.token)).data.matchSuppliers as Member[];
    expectBestOfEachSize(groups, matches, ['81.3'], 180000);
    expect(await noticeOf(needId)).toMatch(/groupement/);
  });

  it('a need naming several trades gets groups that hold each of them, and each member says which it takes', async () => {
    const needId = await post({
      title: 'Nettoyage des bureaux, entretien des espaces verts et traiteur',
      description: 'Pour notre site de Rouen : nettoyage des bureaux, entretien des espaces verts et repas traiteur pour nos réunions.',
      budgetMin: 40000,
      budgetMax: 50000,
    });
    const trades = ['81.2', '81.3', '56.2'];
    const groups = await groupsOf(needId);
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      expect(covers(g.members.map((m) => m.supplier), trades, 50000)).toBe(true);
      expect(g.reasons).toHaveLength(g.members.length);
      expect(g.reasons.every((r) => !r.includes('renfort de capacité'))).toBe(true);
    }
  });

  it('a need one structure of its trade covers gets none, and no notice', async () => {
    const needId = await post({ title: 'Entretien des espaces verts', description: 'Tonte et taille de haies sur un site.', budgetMin: 20000, budgetMax: 50000 });
    expect(await groupsOf(needId)).toEqual([]);
    expect(await noticeOf(needId)).toBeNull();
  });
});
