// How /graphql writes its answers (api/graphql-endpoint.ts), over real HTTP: a POST's answer is the
// JSON as Apollo made it, with its length in bytes and no ETag (no client revalidates a POST); a GET
// keeps express's ETag and its 304; errors keep Apollo's status.
import http from 'node:http';
import { supplierInput } from './helpers/fixtures';
import { postGraphQL, raw } from './helpers/http';
import { ok, startTestServer, type TestServer } from './helpers/server';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
  const officer = (await t.userWithToken('OFFICER')).token;
  await ok(t.gql('mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }', { i: supplierInput({ name: 'Les Jardins d’Élise à Rouen', contactEmail: 'elise@ess.example' }) }, officer));
});

afterAll(() => t?.destroy());

const QUERY = '{ suppliers(filter: { text: "jardins" }) { totalCount edges { node { name commune { name } } } } }';

/** A GET as a CDN sends it (fetch would add Cache-Control: no-cache). */
function conditionalGet(url: string, etag: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'if-none-match': etag, 'apollo-require-preflight': 'true' } }, (res) => (res.resume(), resolve(res.statusCode!))).on('error', reject);
  });
}

describe('/graphql answers', () => {
  it('sends a POST its answer whole, its length in bytes (accents included), without an ETag', async () => {
    const res = await postGraphQL(t.url, { query: QUERY });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.json.data.suppliers.edges[0].node.name).toBe('Les Jardins d’Élise à Rouen');
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(res.text));
    expect(Buffer.byteLength(res.text)).toBeGreaterThan(res.text.length);
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff'); // helmet's headers still set
  });

  it('gives a GET the same answer, with an ETag it revalidates (304)', async () => {
    const url = `${t.url}?query=${encodeURIComponent(QUERY)}`;
    const res = await raw(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual((await postGraphQL(t.url, { query: QUERY })).json);
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    expect(await conditionalGet(url, etag!)).toBe(304);
  });

  it("keeps Apollo's status and French message for a request it refuses", async () => {
    const syntax = await postGraphQL(t.url, { query: '{ suppliers(' });
    expect(syntax.status).toBe(400);
    expect(syntax.json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(syntax.json.errors[0].message).toMatch(/^Requête GraphQL mal formée/);
    expect(syntax.headers.get('etag')).toBeNull();
    const empty = await postGraphQL(t.url, {});
    expect(empty.status).toBe(400);
    expect(empty.json.errors).toHaveLength(1);
    expect(empty.json.errors[0].message).toMatch(/requête/i);
  });
});
