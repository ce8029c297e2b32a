// What the Métropole's website uses of us, over real HTTP (issue 25, items 7-9): structure slugs and
// pages, the map layer's links, the embed's framing policy, and GET on /graphql for the public
// documents only (anonymous, Cache-Control and the directory's version as ETag, 304).
import http from 'node:http';
import { PUBLIC_DIRECTORY } from '../graphql/public-operations';
import { buildWeb } from '../scripts/build-web';
import { supplierInput } from './helpers/fixtures';
import { postGraphQL, raw } from './helpers/http';
import { ok, startTestServer, type TestServer } from './helpers/server';

jest.setTimeout(60_000);

const SITE = 'https://www.metropole-rouen-normandie.fr';
let t: TestServer;
let origin: string;
let officer: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  buildWeb();
  t = await startTestServer({ FRAME_ANCESTORS: `${SITE}, https://*.metropole-rouen-normandie.fr` });
  origin = t.url.replace(/\/graphql$/, '');
  officer = (await t.userWithToken('OFFICER')).token;
  const create = 'mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }';
  // Two homonyms, and one whose name has accents and punctuation.
  ids.first = (await ok(t.gql(create, { i: supplierInput({ name: 'Les Jardins d’Élise', contactEmail: 'elise-1@ess.example' }) }, officer))).createSupplier.id;
  ids.second = (await ok(t.gql(create, { i: supplierInput({ name: 'Les Jardins d’Élise', contactEmail: 'elise-2@ess.example', communeCode: '76681' }) }, officer))).createSupplier.id;
  ids.esat = (await ok(t.gql(create, { i: supplierInput({ name: 'ESAT du Cailly', inclusionKind: 'ESAT', contactEmail: 'cailly@ess.example' }) }, officer))).createSupplier.id;
});

afterAll(() => t?.destroy());

const slugOf = async (id: string): Promise<string> => (await ok(t.gql('query($id: ID!) { supplier(id: $id) { slug } }', { id }))).supplier.slug;
const searchOf = (params: Record<string, unknown>) => new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
const get = (params: Record<string, unknown>, headers: Record<string, string> = {}) => raw(`${t.url}?${searchOf(params)}`, { headers });
/** A conditional GET as a CDN sends it (fetch would add Cache-Control: no-cache, which no cache revalidates with). */
function revalidate(params: Record<string, unknown>, etag: string): Promise<{ status: number; etag: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${t.url}?${searchOf(params)}`, { headers: { 'if-none-match': etag } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, etag: res.headers.etag, body }));
      })
      .on('error', reject);
  });
}

describe('structure slugs and pages', () => {
  test('homonyms get different slugs; each finds its structure, and an old slug leads to the new one', async () => {
    const [a, b] = [await slugOf(ids.first!), await slugOf(ids.second!)];
    expect(a).toMatch(/^les-jardins-d-elise-[0-9a-f]{10}$/);
    expect(b).toMatch(/^les-jardins-d-elise-[0-9a-f]{10}$/);
    expect(a).not.toBe(b);
    const bySlug = async (slug: string) => (await ok(t.gql('query($s: String!) { supplierBySlug(slug: $s) { id contactEmail } }', { s: slug }))).supplierBySlug;
    expect(await bySlug(a)).toEqual({ id: ids.first, contactEmail: null });
    expect(await bySlug(b)).toEqual({ id: ids.second, contactEmail: null });
    expect(await bySlug('les-jardins-d-elise-0000000000')).toBeNull();
    expect(await bySlug('nimporte-quoi')).toBeNull();

    const page = await raw(`${origin}/structures/${a}`, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="fr">');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect((await raw(`${origin}/structures/les-jardins-d-elise-0000000000`)).status).toBe(404);

    await ok(t.gql('mutation($id: ID!) { updateSupplier(id: $id, input: { name: "Jardins Élise et Cie" }) { id } }', { id: ids.first }, officer));
    const renamed = await slugOf(ids.first!);
    expect(renamed).toBe(`jardins-elise-et-cie-${a.slice(-10)}`);
    const old = await raw(`${origin}/structures/${a}`, { redirect: 'manual' });
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe(`/structures/${renamed}`);
    expect(await bySlug(a)).toEqual({ id: ids.first, contactEmail: null });
  });

  test('the map is an SVG drawn here, naming the structure and its commune', async () => {
    const slug = await slugOf(ids.second!);
    const map = await raw(`${origin}/structures/${slug}/carte.svg`);
    expect(map.status).toBe(200);
    expect(map.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(map.text).toContain('<title id="titre">Les Jardins d’Élise : basée à Sotteville-lès-Rouen</title>');
    expect(map.text).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    // 71 communes of the Métropole, the structure's point and its radius.
    expect(map.text.match(/<circle /g)!.length).toBe(71 + 2);
  });

  test('the map layer links each feature to its page', async () => {
    const layer = (await raw(`${origin}/directory.geojson`)).json;
    const urls = Object.fromEntries(layer.features.map((f: any) => [f.id, f.properties.url]));
    expect(urls[ids.esat!]).toBe(`${origin}/structures/${await slugOf(ids.esat!)}`);
    expect(urls[ids.second!]).toBe(`${origin}/structures/${await slugOf(ids.second!)}`);
  });
});

describe('the embed may be framed by the site only', () => {
  test('/embed/annuaire names the FRAME_ANCESTORS origins; every other page refuses any frame', async () => {
    const embed = await raw(`${origin}/embed/annuaire?communeCode=76540`);
    expect(embed.status).toBe(200);
    expect(embed.text).toContain('<html lang="fr">');
    const csp = embed.headers.get('content-security-policy')!;
    expect(csp).toContain(`frame-ancestors 'self' ${SITE} https://*.metropole-rouen-normandie.fr`);
    expect(csp).toContain("default-src 'self'");
    expect(embed.headers.get('x-frame-options')).toBeNull();
    for (const p of ['/', '/console', '/connexion']) {
      const other = await raw(`${origin}${p}`);
      expect(other.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(other.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
  });
});

describe('GET /graphql for the public documents', () => {
  const variables = { filter: { inclusionKinds: ['ESAT'] }, first: 10 };

  test('by operation name: anonymous, public for a minute, revalidated by the directory version', async () => {
    const first = await get({ operationName: 'PublicDirectory', variables });
    expect(first.status).toBe(200);
    expect(first.json.data.suppliers.edges.map((e: any) => e.node.id)).toEqual([ids.esat]);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);

    const again = await revalidate({ operationName: 'PublicDirectory', variables }, etag);
    expect(again).toEqual({ status: 304, etag, body: '' });

    // A token (even one that is not valid) is not read: the answer is everyone's.
    const withToken = await get({ operationName: 'PublicDirectory', variables }, { authorization: 'Bearer pas-un-jeton' });
    expect(withToken.status).toBe(200);
    expect(withToken.json.data.suppliers.totalCount).toBe(1);
    expect((await postGraphQL(t.url, { query: PUBLIC_DIRECTORY, variables }, { authorization: 'Bearer pas-un-jeton' })).status).toBe(401);

    // A write moves the version: the old ETag no longer matches.
    await ok(t.gql('mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }', { i: supplierInput({ name: 'ESAT des Hauts', inclusionKind: 'ESAT', contactEmail: 'hauts@ess.example' }) }, officer));
    const moved = await revalidate({ operationName: 'PublicDirectory', variables }, etag);
    expect(moved.status).toBe(200);
    expect(JSON.parse(moved.body).data.suppliers.totalCount).toBe(2);
    expect(moved.etag).not.toBe(etag);
  });

  test('with the document, however laid out, __typename fields included', async () => {
    const laidOut = `# the website's copy\n${PUBLIC_DIRECTORY.replace('totalCount', '__typename totalCount').replace('node {', 'node { __typename')}`;
    const res = await get({ query: laidOut, operationName: 'PublicDirectory', variables });
    expect(res.status).toBe(200);
    expect(res.json.data.suppliers.__typename).toBe('SupplierConnection');
    expect(res.headers.get('etag')).toMatch(/^W\/"/);
    const slug = await slugOf(ids.esat!);
    const structure = await get({ operationName: 'PublicStructure', variables: { slug } });
    expect(structure.json.data.supplierBySlug.name).toBe('ESAT du Cailly');
    expect(structure.headers.get('cache-control')).toBe('public, max-age=60');
  });

  test('any other query by GET keeps the CSRF guard, and is not marked cacheable', async () => {
    const others = [
      { query: '{ me { id email } }' },
      { query: '{ suppliers { totalCount } }', operationName: 'PublicDirectory' },
      // the allowed name on another document (a contact address asked)
      { query: PUBLIC_DIRECTORY.replace('website', 'website contactEmail'), operationName: 'PublicDirectory', variables },
      { query: `${PUBLIC_DIRECTORY} query Other { me { id } }`, operationName: 'PublicDirectory', variables },
      { query: 'mutation PublicDirectory { requestAccessLink(email: "a@b.example") }', operationName: 'PublicDirectory' },
      { operationName: 'Inconnue' },
    ];
    for (const params of others) {
      const res = await get(params);
      expect({ params, status: res.status, csrf: res.json.errors[0].message.includes('protection CSRF') }).toEqual({ params, status: 400, csrf: true });
      expect(res.headers.get('cache-control')).toBeNull();
    }
    // With the preflight header a browser cannot send from another site, a query is Apollo's as before: private.
    const preflighted = await get({ query: PUBLIC_DIRECTORY.replace('website', 'website contactEmail'), operationName: 'PublicDirectory', variables }, { 'apollo-require-preflight': 'true', authorization: `Bearer ${officer}` });
    expect(preflighted.status).toBe(200);
    expect(preflighted.json.data.suppliers.edges.map((e: any) => e.node.contactEmail).sort()).toEqual(['cailly@ess.example', 'hauts@ess.example']);
    expect(preflighted.headers.get('cache-control')).toBeNull();
  });
});
