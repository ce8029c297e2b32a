// Needs phrased by their object (« nos camionnettes », « panneaux solaires », « rafraîchir nos
// couloirs ») typed into the public directory's search, judged through GraphQL over HTTP on a fixed
// set of structures (test/fixtures/objects): the first five must reach a mean nDCG@5 of 0.85, and
// every group of the vocabulary table that names its judged cases names real ones.
import table from '../matching/text/synonyms.json';
import { needs as judgedNeeds } from './fixtures/judged';
import { ndcgAt, needs, structures } from './fixtures/objects';
import { supplierInput } from './helpers/fixtures';
import { startTestServer, type TestServer } from './helpers/server';

const SEARCH = `query($filter: SupplierFilter, $first: Int) { suppliers(filter: $filter, first: $first) { edges { node { name } } } }`;
const THRESHOLD = 0.85;

describe('directory search for needs phrased by their object', () => {
  let t: TestServer;
  const idOfName = new Map(structures.map((s) => [s.name, s.id]));
  const ids = new Set(structures.map((s) => s.id));
  let scores: Array<{ id: string; title: string; ndcg: number; top: string[] }> = [];

  beforeAll(async () => {
    t = await startTestServer();
    const officer = (await t.userWithToken('OFFICER')).token;
    for (const s of structures) {
      const input = supplierInput({ name: s.name, legalForm: s.legalForm, inclusionKind: s.inclusionKind, description: s.description, services: s.services, nafCodes: s.nafCodes, labels: [] });
      const res = await t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`, { i: input }, officer);
      expect(res.errors).toBeUndefined();
    }
    scores = [];
    for (const need of needs) {
      const res = await t.gql(SEARCH, { filter: { text: need.title }, first: 5 });
      expect(res.errors).toBeUndefined();
      const top = (res.data.suppliers.edges as { node: { name: string } }[]).map((e) => idOfName.get(e.node.name)!);
      scores.push({ id: need.id, title: need.title, ndcg: ndcgAt(5, top, need.grades), top });
    }
  });
  afterAll(() => t.destroy());

  it('judges at least 60 needs over a fixed set of structures, each grade naming one of them', () => {
    expect(needs.length).toBeGreaterThanOrEqual(60);
    expect(new Set(needs.map((n) => n.id)).size).toBe(needs.length);
    for (const need of needs) {
      expect(Object.keys(need.grades).length).toBeGreaterThan(0);
      for (const id of Object.keys(need.grades)) expect(ids.has(id) ? id : `${id} (inconnu)`).toBe(id);
    }
  });

  it(`reaches a mean nDCG@5 of at least ${THRESHOLD}`, () => {
    const mean = scores.reduce((sum, s) => sum + s.ndcg, 0) / scores.length;
    const worst = [...scores].sort((a, b) => a.ndcg - b.ndcg).slice(0, 5);
    console.log(`nDCG@5 moyen : ${mean.toFixed(4)} sur ${scores.length} besoins ; plus faibles : ${worst.map((w) => `${w.id} ${w.ndcg.toFixed(3)}`).join(', ')}`);
    expect(mean).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it('finds a vehicle cleaner, not a building cleaner, for « nettoyage de nos véhicules », and cleaners still for offices', () => {
    const of = (id: string) => scores.find((s) => s.id === id)!.top;
    expect(of('O01').slice(0, 3)).toContain('T02');
    expect(of('O01')).toContain('T01');
    expect(of('O71').slice(0, 3).every((id) => ['S07', 'S08', 'S09', 'S45', 'S48'].includes(id))).toBe(true);
    // « rafraîchir nos couloirs » is painting; « rafraîchissements » at a buffet are drinks.
    expect(of('O13').slice(0, 2).sort()).toEqual(['S21', 'T05']);
    expect(of('O72')).not.toContain('T05');
    expect(of('O72')).not.toContain('S21');
  });

  it('names, for every group of the vocabulary table that cites cases, needs of the judged sets', () => {
    const known = new Set([...needs.map((n) => n.id), ...judgedNeeds.map((n) => n.id)]);
    const cited = table.groups.flatMap((g) => ('cases' in g ? (g.cases as string[]) : []));
    expect(cited.length).toBeGreaterThan(0);
    for (const id of cited) expect(known.has(id) ? id : `${id} (inconnu)`).toBe(id);
  });
});
