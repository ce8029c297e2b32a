// Hostile or broken input gets a clear answer and changes nothing: oversized bodies and strings,
// regular-expression tricks in the search, $-operators where a value is expected.
import * as filters from '../api/store/filters';
import { isFilterBuilder, UnsafeFilterError } from '../api/store/operators';
import { encodeCursor } from '../api/kernel';
import mongoose from 'mongoose';
import { availableEngines, availableServerEngines } from './helpers/engines';
import { postGraphQL } from './helpers/http';
import { codeOf, fieldOf, startTestServer, TEST_PASSWORD, type TestServer } from './helpers/server';
import { needInput, supplierInput } from './helpers/fixtures';

const CREATE = `mutation($input: SupplierInput!) { createSupplier(input: $input) { id name description } }`;
const POST_NEED = `mutation($input: NeedInput!) { postNeed(input: $input) { id } }`;
const SEARCH = `query($filter: SupplierFilter, $after: String) { suppliers(filter: $filter, first: 100, after: $after) { totalCount edges { node { name } } } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;

describe('hostile input through the API', () => {
  let t: TestServer;
  let officer: string;
  let company: { token: string; email: string };
  const counts = async () => {
    const { store } = t.server.services;
    return Promise.all([store.suppliers.count({}), store.organisations.count({}), store.needs.count({}), store.users.count({})]);
  };

  beforeAll(async () => {
    t = await startTestServer();
    officer = (await t.userWithToken('OFFICER')).token;
    company = await t.userWithToken('COMPANY', { organisationName: 'Fonderie Normande' });
    const seeds = [
      supplierInput({ name: 'Atelier C++ [Informatique]', description: 'Développement (a+b) et maintenance ^informatique$.' }),
      supplierInput({ name: 'Longue Description', description: `${'a'.repeat(4900)}!` }),
      supplierInput({ name: 'Jardins du Robec' }),
    ];
    for (const input of seeds) expect((await t.gql(CREATE, { input }, officer)).errors).toBeUndefined();
  });
  afterAll(() => t.destroy());

  it('a body over 1 MB is 413 with a short French JSON error, and nothing is written', async () => {
    const before = await counts();
    const input = supplierInput({ description: 'x'.repeat(2 * 1024 * 1024) });
    const res = await postGraphQL(t.url, { query: CREATE, variables: { input } }, { authorization: `Bearer ${officer}` });
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ errors: [{ message: 'Requête trop volumineuse (1 Mo au plus).', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    expect(await counts()).toEqual(before);
  });

  it('a 200 kB description is BAD_USER_INPUT naming the field, for a structure and for a need, and nothing is written', async () => {
    const before = await counts();
    const supplier = await t.gql(CREATE, { input: supplierInput({ description: 'é'.repeat(200_000) }) }, officer);
    expect([supplier.status, codeOf(supplier), fieldOf(supplier)]).toEqual([200, 'BAD_USER_INPUT', 'description']);
    expect(supplier.errors![0]!.message).toBe('« description » : ne doit pas dépasser 5000 caractères');
    const need = await t.gql(POST_NEED, { input: needInput({ description: 'x'.repeat(200_000) }) }, company.token);
    expect([codeOf(need), fieldOf(need)]).toEqual(['BAD_USER_INPUT', 'description']);
    const title = await t.gql(POST_NEED, { input: needInput({ title: '   ' }) }, company.token);
    expect([codeOf(title), fieldOf(title)]).toEqual(['BAD_USER_INPUT', 'title']);
    expect(await counts()).toEqual(before);
  });

  it('strings are trimmed before they are bounded and stored', async () => {
    const res = await t.gql(CREATE, { input: supplierInput({ name: `  ${'N'.repeat(200)}  `, description: '\n\t Une description. \n' }) }, officer);
    expect(res.errors).toBeUndefined();
    expect(res.data.createSupplier).toMatchObject({ name: 'N'.repeat(200), description: 'Une description.' });
  });

  // none of these appears in the seeded structures, taken literally (each one would match as a pattern)
  it.each(['(a+)+$', '.*', '^^', '$$', '[[', '\\', '(?=a)', 'a{1,99999}', `${'a'.repeat(199)}?`, '.*.*.*.*.*.*=x'])(
    'searches %j literally and at once',
    async (text) => {
      const res = await t.gql(SEARCH, { filter: { text } });
      expect(res.errors).toBeUndefined();
      expect(res.data.suppliers.totalCount).toBe(0);
    },
    3000,
  );

  it('reads the words out of text with regular-expression characters, never a pattern', async () => {
    const names = async (text: string) => (await t.gql(SEARCH, { filter: { text } })).data.suppliers.edges.map((e: any) => e.node.name);
    expect(await names('^informatique$')).toEqual(['Atelier C++ [Informatique]']);
    expect(await names('[maintenance] (développement)')).toEqual(['Atelier C++ [Informatique]']);
    // No word of two letters or more: nothing to search for (see docs/matching.md, "Directory search").
    expect(await names('c++')).toEqual([]);
    // A word followed by a space is matched whole, never as a piece of a longer one; a last word
    // still being typed stands for the words it begins (search as you type), never for a piece from their middle.
    expect(await names(`${'a'.repeat(150)} `)).toEqual([]);
    expect(await names('a'.repeat(150))).toEqual(['Longue Description']);
    expect(await names('formatique')).toEqual([]);
  });

  it('refuses a JSON object where GraphQL expects a string, before any resolver runs', async () => {
    const injections = [
      { query: 'query($id: ID!) { supplier(id: $id) { id } }', variables: { id: { $ne: null } } },
      { query: LOGIN, variables: { e: { $ne: null }, p: { $ne: null } } },
      { query: SEARCH, variables: { filter: { text: { $regex: '.*' } } } },
      { query: SEARCH, variables: { filter: { communeCode: { $gt: '' } } } },
    ];
    for (const body of injections) {
      const res = await postGraphQL(t.url, body);
      expect(res.status).toBe(400);
      expect(res.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.json.data).toBeUndefined();
    }
  });

  it('a $-operator written as a string is only a string: it matches nothing', async () => {
    const operator = '{"$ne":null}';
    expect((await t.gql('query($id: ID!) { supplier(id: $id) { id } }', { id: operator })).data.supplier).toBeNull();
    expect(codeOf(await t.gql('query($id: ID!) { need(id: $id) { id } }', { id: operator }, officer))).toBeUndefined();
    expect((await t.gql('query($id: ID!) { need(id: $id) { id } }', { id: operator }, officer)).data.need).toBeNull();
    const login = await t.gql(LOGIN, { e: operator, p: TEST_PASSWORD });
    expect(codeOf(login)).toBe('UNAUTHENTICATED');
    const gt = await t.gql(LOGIN, { e: '{"$gt":""}', p: '{"$gt":""}' });
    expect(codeOf(gt)).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql('mutation($id: ID!) { updateSupplier(id: $id, input: { employees: 1 }) { id } }', { id: operator }, officer))).toBe('NOT_FOUND');
    for (const filter of [{ communeCode: operator }, { labels: [operator] }, { nafPrefix: '{"$gt":""}' }]) {
      const res = await t.gql(SEARCH, { filter });
      expect(res.data?.suppliers.totalCount ?? 0).toBe(0);
    }
  });

  it('a forged pagination cursor carrying an operator or a wrong type is BAD_USER_INPUT', async () => {
    for (const after of [encodeCursor([{ $gt: '' } as never, 'x']), encodeCursor(['x', { $ne: null } as never]), 'e30']) {
      const res = await t.gql(SEARCH, { after });
      expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', 'after']);
    }
    // a directory cursor (a name, not a date) given to the needs list
    const needs = await t.gql('query($after: String) { needs(after: $after) { totalCount } }', { after: encodeCursor(['jardins', 'x']) }, officer);
    expect([codeOf(needs), fieldOf(needs)]).toEqual(['BAD_USER_INPUT', 'after']);
  });
});

describe.each(availableEngines().map((e) => [e.name, e] as const))('the %s engine accepts only operators built by filters.ts', (_name, engine) => {
  afterAll(() => engine.cleanup());

  it('refuses a hand-written or smuggled $-operator, and still runs built filters', async () => {
    const store = await engine.open();
    const smuggled = { $ne: null } as unknown as string;
    await expect(store.users.findOne({ email: { $ne: null } })).rejects.toThrow(UnsafeFilterError);
    await expect(store.users.find({ $where: 'true' })).rejects.toThrow(UnsafeFilterError);
    await expect(store.users.count({ $or: [{ email: 'a' }] })).rejects.toThrow(UnsafeFilterError);
    await expect(store.users.findById(smuggled)).rejects.toThrow(UnsafeFilterError);
    await expect(store.users.remove(smuggled)).rejects.toThrow(UnsafeFilterError);
    await expect(store.users.update(smuggled, { role: 'ADMIN' })).rejects.toThrow(UnsafeFilterError);
    await expect(store.users.ids({ $where: 'true' })).rejects.toThrow(UnsafeFilterError);
    await expect(store.users.removeOne({ $where: 'true' })).rejects.toThrow(UnsafeFilterError);
    await expect(store.users.insert(null as never)).rejects.toBeDefined();
    await expect(store.users.findOneAndUpdate({ email: { $gt: '' } }, { role: 'ADMIN' })).rejects.toThrow(UnsafeFilterError);
    // a builder refuses an argument carrying an operator, however deep
    expect(() => filters.byEmail(smuggled)).toThrow(UnsafeFilterError);
    expect(() => filters.supplierDirectoryFilter({ communeCode: smuggled })).toThrow(UnsafeFilterError);
    expect(() => filters.byIds(['a', smuggled])).toThrow(UnsafeFilterError);
    // and what the builders produce runs
    expect(await store.users.find(filters.byIds(['a', 'b']))).toEqual([]);
    expect(await store.suppliers.count(filters.supplierDirectoryFilter({ text: '(a+)+$', inclusionKinds: ['ESAT'] }))).toBe(0);
  });
});

describe.each(availableServerEngines().map((e) => [e.name, e] as const))('control characters in a search on the %s engine', (_name, engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(await engine.env());
    const { token } = await t.userWithToken('OFFICER');
    expect((await t.gql(CREATE, { input: supplierInput({ name: 'Recyclerie du Port', description: 'Réemploi de mobilier.' }) }, token)).errors).toBeUndefined();
  });
  afterAll(async () => {
    await t.destroy();
    await engine.cleanup();
  });

  it('answers a NUL or an invisible character in the text and labels as if it were not there', async () => {
    for (const text of ['recy\u0000clerie', '\u0000', 'recyclerie\u200b\u0001', 'port\u202e']) {
      const res = await t.gql(SEARCH, { filter: { text } });
      expect(res.errors).toBeUndefined();
      expect(res.data.suppliers.edges.map((e: any) => e.node.name)).toEqual(['Recyclerie du Port']);
    }
    const labels = await t.gql(SEARCH, { filter: { labels: ['\u0000'] } });
    expect(labels.errors).toBeUndefined();
  });
});

it("builds search filters MongoDB's BSON can carry (no NUL byte in a pattern)", () => {
  const filter = filters.supplierDirectoryFilter({ text: 'a\u0000b \u0000', nafPrefix: '81\u0000' });
  expect(() => mongoose.mongo.BSON.serialize(filter)).not.toThrow();
  expect(JSON.stringify(filter, (_k, v) => (v instanceof RegExp ? v.source : v))).not.toMatch(/\\u0000/);
});

it('every function exported by api/store/filters.ts is a checked builder', () => {
  const unchecked = Object.entries(filters)
    .filter(([, value]) => typeof value === 'function' && !isFilterBuilder(value))
    .map(([name]) => name);
  expect(unchecked).toEqual([]); // wrap it in filterBuilder(...) (api/store/operators.ts)
});
