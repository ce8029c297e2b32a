// matchSuppliers through HTTP: ranking, explanations, limits, and an index that follows every write.
import { codeOf, fieldOf, startTestServer, type TestServer } from './helpers/server';
import { needInput, supplierInput } from './helpers/fixtures';

const CREATE = `mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: SupplierUpdateInput!) { updateSupplier(id: $id, input: $input) { id } }`;
const POST = `mutation($input: NeedInput!) { postNeed(input: $input) { id } }`;
const MATCH = `query($needId: ID!, $limit: Int) { matchSuppliers(needId: $needId, limit: $limit) {
  score eligible relevant reasons breakdown { text sector capacity location labels } supplier { id name } } }`;

type MatchRow = { score: number; eligible: boolean; relevant: boolean; reasons: string[]; breakdown: Record<string, number>; supplier: { id: string; name: string } };

const GREEN = { name: 'Jardins du Robec', communeCode: '76540' };
const CLEANING = {
  name: 'Propreté Solidaire Elbeuf',
  inclusionKind: 'ESAT',
  description: 'Entreprise adaptée : nettoyage de bureaux, vitrerie et entretien de locaux professionnels.',
  services: ['Nettoyage de bureaux', 'Vitrerie'],
  nafCodes: ['81.21Z'],
  communeCode: '76231',
  labels: [],
};
// The right trade, based in Caen with a 10 km radius: well outside its range for a job near Rouen.
const FAR = { name: 'Jardins de la Côte de Nacre', communeCode: '14118', interventionRadiusKm: 10 };
// The right trade in Lyon, a commune without a centroid here: only its département's area is known.
const LYON = { name: 'Jardins du Rhône', communeCode: '69123', interventionRadiusKm: 10 };

describe('matchSuppliers through the API', () => {
  let t: TestServer;
  let officer: string;
  const ids: Record<string, string> = {};
  let needId: string;
  const match = async (limit?: number): Promise<MatchRow[]> => {
    const res = await t.gql(MATCH, { needId, limit }, officer);
    expect(res.errors).toBeUndefined();
    return res.data.matchSuppliers;
  };

  beforeAll(async () => {
    t = await startTestServer();
    officer = (await t.userWithToken('OFFICER')).token;
    for (const [key, overrides] of Object.entries({ GREEN, CLEANING, FAR, LYON })) {
      const res = await t.gql(CREATE, { input: supplierInput(overrides) }, officer);
      expect(res.errors).toBeUndefined();
      ids[key] = res.data.createSupplier.id;
    }
    needId = (await t.gql(POST, { input: needInput({ companyName: 'Transports Seine Logistique', contactEmail: 'achats@seine-logistique.example' }) }, officer)).data.postNeed.id;
  });
  afterAll(() => t.destroy());

  it('ranks the right trade nearby first and explains it in French', async () => {
    const rows = await match();
    expect(rows[0]!.supplier.name).toBe(GREEN.name);
    expect(rows).toHaveLength(4);
    // another trade comes last, eligible or not: cleaning is no lead for a landscaping need
    expect(rows[3]!.supplier.name).toBe(CLEANING.name);
    expect(rows[3]!.relevant).toBe(false);
    for (const row of rows) {
      expect(row.score).toBeGreaterThanOrEqual(0);
      expect(row.score).toBeLessThanOrEqual(1);
      for (const v of [row.score, ...Object.values(row.breakdown)]) {
        expect(v >= 0 && v <= 1).toBe(true);
        expect(Number(v.toFixed(4))).toBe(v); // shown with four decimals at most
      }
    }
    const [best] = rows;
    expect(best!.eligible).toBe(true);
    expect(best!.relevant).toBe(true);
    expect(best!.breakdown.text).toBeGreaterThan(rows[3]!.breakdown.text);
    expect(best!.reasons.join(' ')).toMatch(/km/);
    expect(best!.reasons.join(' ')).toMatch(/espaces verts|haies|tonte/i);
  });

  it('puts a structure of the trade out of its range after the eligible ones of the trade, before other trades, saying why first', async () => {
    const rows = await match();
    const far = rows.find((r) => r.supplier.id === ids.FAR)!;
    expect(far.eligible).toBe(false);
    expect(far.reasons[0]).toMatch(/rayon|km/);
    // Known by its département only, a structure hundreds of kilometres away is out of range too.
    const lyon = rows.find((r) => r.supplier.id === ids.LYON)!;
    expect(lyon.eligible).toBe(false);
    expect(lyon.reasons[0]).toMatch(/^Hors zone : basée dans le département 69/);
    expect(rows.slice(1, 3).map((r) => r.supplier.id).sort()).toEqual([ids.FAR, ids.LYON].sort());
    expect(far.relevant && lyon.relevant).toBe(true);
  });

  it('follows writes at once: an updated profile is ranked on its new text', async () => {
    const before = (await match()).find((r) => r.supplier.id === ids.CLEANING)!;
    const res = await t.gql(UPDATE, {
      id: ids.CLEANING,
      input: { description: "Entretien d'espaces verts, tonte, taille des haies et ramassage des feuilles.", nafCodes: ['81.30Z'] },
    }, officer);
    expect(res.errors).toBeUndefined();
    const after = (await match()).find((r) => r.supplier.id === ids.CLEANING)!;
    expect(after.breakdown.text).toBeGreaterThan(before.breakdown.text);
    expect(after.breakdown.sector).toBe(1);
  });

  it('follows deletions at once: a structure staff delete is out of the matches and the directory', async () => {
    const res = await t.gql('mutation($id: ID!) { deleteSupplier(id: $id) }', { id: ids.FAR }, officer);
    expect(res.errors).toBeUndefined();
    expect((await match()).map((r) => r.supplier.id)).not.toContain(ids.FAR);
    expect((await t.gql('{ suppliers { edges { node { id } } } }')).data.suppliers.edges.map((e: any) => e.node.id)).not.toContain(ids.FAR);
    expect(codeOf(await t.gql('mutation($id: ID!) { deleteSupplier(id: $id) }', { id: ids.FAR }, officer))).toBe('NOT_FOUND');
  });

  it('answers limit rules and unknown needs with clear errors', async () => {
    expect(await match(1)).toHaveLength(1);
    for (const limit of [0, 51, -3]) {
      const res = await t.gql(MATCH, { needId, limit }, officer);
      expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', 'limit']);
      expect(res.errors![0]!.message).toContain('entre 1 et 50');
    }
    expect(codeOf(await t.gql(MATCH, { needId: 'inconnu' }, officer))).toBe('NOT_FOUND');
  });
});

describe('matchSuppliers with MATCH_WEIGHTS', () => {
  it('uses the configured weights: text alone makes the score the text component', async () => {
    const t = await startTestServer({ MATCH_WEIGHTS: 'text=1, sector=0, capacity=0, location=0, labels=0' });
    try {
      const officer = (await t.userWithToken('OFFICER')).token;
      for (const overrides of [GREEN, CLEANING, FAR]) await t.gql(CREATE, { input: supplierInput(overrides) }, officer);
      const needId = (await t.gql(POST, { input: needInput({ companyName: 'Transports Seine Logistique', contactEmail: 'achats@seine-logistique.example' }) }, officer)).data.postNeed.id;
      const rows: MatchRow[] = (await t.gql(MATCH, { needId }, officer)).data.matchSuppliers;
      expect(rows).toHaveLength(3);
      for (const row of rows) expect(row.score).toBeCloseTo(row.breakdown.text, 6);
    } finally {
      await t.destroy();
    }
  });
});
