// A text search's pages, however they are cut: the directory puts in order only the ranks asked for
// (the first ones at once, deeper ones when a page or a cursor reaches them), and every way of
// paging must read the same single order: relevance first, ties in name order.
import { startTestServer, type TestServer } from './helpers/server';
import { supplierInput } from './helpers/fixtures';

const SEARCH = `query($filter: SupplierFilter, $first: Int, $after: String) {
  suppliers(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } }
  }
}`;

// More structures than the ranks put in order at once, many of them tied (the same text).
const STRUCTURES = 150;
const WORDINGS = [
  'Nettoyage de bureaux',
  'Nettoyage de bureaux, nettoyage de vitres et nettoyage de parkings',
  'Entretien des locaux et nettoyage industriel',
  'Menuiserie, et un peu de nettoyage de chantier',
  'Blanchisserie et repassage',
];

describe('directory search pages', () => {
  let t: TestServer;
  let token: string;

  /** Every structure of the search, page after page of `first`. */
  async function pages(text: string, first: number) {
    const seen: { id: string; name: string; cursor: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await t.gql(SEARCH, { filter: { text }, first, after });
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.suppliers.edges.map((e: any) => ({ ...e.node, cursor: e.cursor })));
      if (!res.data.suppliers.pageInfo.hasNextPage) return { seen, total: res.data.suppliers.totalCount as number };
      after = res.data.suppliers.pageInfo.endCursor;
    }
  }

  const relevance = (cursor: string): number => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))[0];

  beforeAll(async () => {
    t = await startTestServer();
    ({ token } = await t.userWithToken('OFFICER'));
    for (let i = 0; i < STRUCTURES; i += 1) {
      // Names in an order unrelated to creation: ties are read in name order, not as created.
      const name = `Structure ${String((i * 37) % STRUCTURES).padStart(3, '0')}`;
      const input = supplierInput({ name, description: WORDINGS[i % WORDINGS.length], services: [], labels: [] });
      expect((await t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`, { i: input }, token)).errors).toBeUndefined();
    }
  });
  afterAll(() => t.destroy());

  it('reads one order, relevance first and ties by name, whatever the size of the pages', async () => {
    const byHundred = await pages('nettoyage', 100);
    expect(byHundred.total).toBeGreaterThan(100);
    expect(byHundred.seen).toHaveLength(byHundred.total);
    expect(new Set(byHundred.seen.map((s) => s.id)).size).toBe(byHundred.total);
    for (let i = 1; i < byHundred.seen.length; i += 1) {
      const [a, b] = [byHundred.seen[i - 1]!, byHundred.seen[i]!];
      expect(relevance(a.cursor) > relevance(b.cursor) || (relevance(a.cursor) === relevance(b.cursor) && a.name < b.name)).toBe(true);
    }
    // Several levels of relevance, each shared by many structures.
    expect(new Set(byHundred.seen.map((s) => relevance(s.cursor))).size).toBeGreaterThan(1);
    for (const first of [7, 30, 64, 65]) expect((await pages('nettoyage', first)).seen).toEqual(byHundred.seen);
  });

  it('resumes after the relevance of a cursor whose structure has left the result', async () => {
    const { seen } = await pages('nettoyage', 100);
    const gone = seen[80]!;
    const res = await t.gql(`mutation($id: ID!) { deleteSupplier(id: $id) }`, { id: gone.id }, (await t.userWithToken('ADMIN')).token);
    expect(res.errors).toBeUndefined();
    const next: any = await t.gql(SEARCH, { filter: { text: 'nettoyage' }, first: 100, after: gone.cursor });
    const expected = seen.slice(81).filter((s) => relevance(s.cursor) < relevance(gone.cursor));
    expect(next.data.suppliers.edges.map((e: any) => e.node.id)).toEqual(expected.map((s) => s.id));
  });
});
