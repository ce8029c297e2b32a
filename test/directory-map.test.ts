// GET /directory.geojson kept per version of the directory (issue 21, point 6): ETag and 304, a new
// ETag after a write, gzip when asked, a bbox, and a per-client limit. The real server over HTTP.
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { MAP_REQUESTS_PER_MINUTE } from '../api/map-layer';
import { supplierInput } from './helpers/fixtures';
import { startTestServer, type TestServer } from './helpers/server';

const CREATE = 'mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }';

/**
 * A GET with exactly these headers: fetch adds Accept-Encoding and inflates bodies by itself, and
 * sends Cache-Control: no-cache (an end-to-end reload, never answered 304) with an If-None-Match.
 */
function getRaw(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

describe('GET /directory.geojson kept per version of the directory', () => {
  let t: TestServer;
  let token: string;
  const map = (params = '', headers: Record<string, string> = {}) => fetch(`${t.server.url}/directory.geojson${params}`, { headers });
  const revalidate = (etag: string, params = '', headers: Record<string, string> = {}) =>
    getRaw(`${t.server.url}/directory.geojson${params}`, { 'if-none-match': etag, ...headers });
  const names = (body: any): string[] => body.features.map((f: any) => f.properties.name).sort();

  beforeAll(async () => {
    t = await startTestServer();
    ({ token } = await t.userWithToken('OFFICER'));
    const places = [
      { name: 'Jardins de Rouen', communeCode: '76540' },
      { name: 'Atelier de Sotteville', communeCode: '76681' },
      { name: 'Propreté du Havre', communeCode: '76351' },
      { name: 'Menuiserie d’Évreux', communeCode: '27229' },
    ];
    for (const p of places) expect((await t.gql(CREATE, { i: supplierInput(p) }, token)).errors).toBeUndefined();
  });
  afterAll(() => t.destroy());

  it('answers with the directory version as ETag and a public Cache-Control, and 304 to If-None-Match', async () => {
    const first = await map();
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[\w-]+-\d+"$/);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    expect(first.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(names(await first.json())).toHaveLength(4);
    const again = await revalidate(etag);
    expect(again.status).toBe(304);
    expect(again.headers.etag).toBe(etag);
    expect(again.body.byteLength).toBe(0);
    expect((await revalidate(etag, '?inclusionKinds=ACI')).status).toBe(304);
    // a reload asked end to end is answered in full
    expect((await revalidate(etag, '', { 'cache-control': 'no-cache' })).status).toBe(200);
  });

  it('moves its ETag at a write, and the next answer shows the write', async () => {
    const before = (await map()).headers.get('etag')!;
    expect((await t.gql(CREATE, { i: supplierInput({ name: 'Recyclerie de Darnétal', communeCode: '76212' }) }, token)).errors).toBeUndefined();
    const after = await revalidate(before);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before);
    expect(names(JSON.parse(after.body.toString('utf8')))).toContain('Recyclerie de Darnétal');
    expect((await revalidate(String(after.headers.etag))).status).toBe(304);
  });

  it('is gzipped when the client accepts it, the same collection', async () => {
    const url = `${t.server.url}/directory.geojson`;
    const plain = await getRaw(url, { 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await getRaw(url, { 'accept-encoding': 'gzip, deflate' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(zipped.body.byteLength).toBeLessThan(plain.body.byteLength);
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(plain.body.toString('utf8'));
    expect(names(JSON.parse(plain.body.toString('utf8')))).toContain('Menuiserie d’Évreux');
  });

  it('keeps only the structures in the bbox (west,south,east,north), with the other filters', async () => {
    const all = (await (await map()).json()) as any;
    const at = (name: string) => all.features.find((f: any) => f.properties.name === name).geometry.coordinates as [number, number];
    const [lon, lat] = at('Jardins de Rouen');
    const box = `${lon - 0.01},${lat - 0.01},${lon + 0.01},${lat + 0.01}`;
    const inBox = all.features.filter((f: any) => Math.abs(f.geometry.coordinates[0] - lon) <= 0.01 && Math.abs(f.geometry.coordinates[1] - lat) <= 0.01);
    expect(inBox.length).toBeLessThan(all.features.length);
    const boxed = await map(`?bbox=${box}`);
    expect(boxed.status).toBe(200);
    expect(names(await boxed.json())).toEqual(names({ features: inBox }));
    // the whole Seine valley from Évreux to Le Havre, with a text filter
    const [westLon] = at('Propreté du Havre');
    const [, southLat] = at('Menuiserie d’Évreux');
    const valley = await map(`?bbox=${westLon},${southLat},1.3,49.6&text=menuiserie`);
    expect(names(await valley.json())).toEqual(['Menuiserie d’Évreux']);
    expect(names(await (await map('?bbox=-180,-90,180,90')).json())).toEqual(names(all));
  });

  it('takes readPlaces as the public search writes it in its links, and refuses another value by name', async () => {
    // « rouen » names the commune (every structure working there), or is a word of a name when readPlaces=false.
    const answers: string[][] = [];
    for (const readPlaces of [true, false]) {
      const res = await map(`?text=rouen&readPlaces=${readPlaces}`);
      expect(res.status).toBe(200);
      const api = await t.gql('query($f: SupplierFilter) { suppliers(filter: $f, first: 100) { edges { node { name } } } }', { f: { text: 'rouen', readPlaces } });
      answers.push(names(await res.json()));
      expect(answers.at(-1)).toEqual(api.data.suppliers.edges.map((e: any) => e.node.name).sort());
    }
    expect(answers[1]).toEqual(['Jardins de Rouen']);
    expect(answers[0]).not.toEqual(answers[1]);
    const bad = await map('?text=atelier&readPlaces=non');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0]).toMatchObject({ message: '« readPlaces » : attendu true ou false.', extensions: { field: 'readPlaces' } });
  });

  it.each([
    ['1,49,2', 'quatre nombres'],
    ['a,b,c,d', 'lettres'],
    ['1,49.5,2,49.4', 'sud au nord du nord'],
    ['2,49,1,50', "ouest à l'est de l'est"],
    ['1,49,2,95', 'latitude hors bornes'],
    ['1,49,2,50&bbox=1,49,2,50', 'répété'],
  ])('refuses bbox=%s (%s): 400, a French message naming « bbox »', async (value) => {
    const res = await map(`?bbox=${value}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'bbox' });
    expect(body.errors[0].message).toMatch(/^« bbox » : .*(attendu|comprise|inférieure)/);
  });

  it('answers 429 with Retry-After and a French message to a client that asks too often', async () => {
    const client = { 'x-forwarded-for': '203.0.113.77' };
    const etag = (await map('', client)).headers.get('etag')!;
    for (let i = 1; i < MAP_REQUESTS_PER_MINUTE; i += 1) expect((await revalidate(etag, '', client)).status).toBe(304);
    const refused = await map('', client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as any;
    expect(body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(body.errors[0].message).toMatch(/^Trop de demandes .* Réessayez dans \d+ seconde/);
    // another client is not concerned
    expect((await map('', { 'x-forwarded-for': '203.0.113.78' })).status).toBe(200);
  });
});
