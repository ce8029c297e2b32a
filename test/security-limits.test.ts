// What one request may ask for, how the HTTP edge answers what is not GraphQL, and what a
// production server never reveals (schema, suggestions, stacks, database messages).
import { MAX_ERRORS } from '../graphql/errors';
import { LIMITS } from '../graphql/limits';
import { postGraphQL, raw } from './helpers/http';
import { startTestServer, type TestServer } from './helpers/server';
import { supplierInput } from './helpers/fixtures';

const PROD = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };

/** The messages of a refused request, which must name the reason. */
const messages = (res: { json: any }): string => (res.json?.errors ?? []).map((e: any) => e.message).join(' | ');

describe('GraphQL request limits', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.destroy());

  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: metropoleCommunes { code }`).join(' ')} }`;

  it(`accepts ${LIMITS.aliases} aliases and refuses ${LIMITS.aliases + 1}`, async () => {
    const ok = await postGraphQL(t.url, { query: aliases(LIMITS.aliases) });
    expect(ok.status).toBe(200);
    expect(ok.json.errors).toBeUndefined();
    const refused = await postGraphQL(t.url, { query: aliases(LIMITS.aliases + 1) });
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(messages(refused)).toContain('alias au plus');
    expect(refused.json.data).toBeUndefined();
  });

  it('counts __typename aliases like any other; __typename itself still passes', async () => {
    const typenames = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    expect((await postGraphQL(t.url, { query: typenames(LIMITS.aliases) })).json.errors).toBeUndefined();
    for (const n of [LIMITS.aliases + 1, 200]) {
      const refused = await postGraphQL(t.url, { query: typenames(n) });
      expect(refused.status).toBe(400);
      expect(messages(refused)).toContain('alias au plus');
    }
    const usual = await postGraphQL(t.url, { query: '{ __typename me { __typename id } suppliers(first: 2) { __typename edges { node { __typename id } } } }' });
    expect(usual.json.errors).toBeUndefined();
    expect(usual.json.data.__typename).toBe('Query');
  });

  it('a literal `first` beyond the page size gets the range naming `first`, not "too costly"', async () => {
    for (const first of [101, 1_000_000_000, 2_147_483_647]) {
      const res = await postGraphQL(t.url, { query: `{ suppliers(first: ${first}) { totalCount edges { node { id name } } } }` });
      expect(res.json.errors).toEqual([expect.objectContaining({ message: '« first » : doit être un entier entre 1 et 100.', extensions: { code: 'BAD_USER_INPUT', field: 'first' } })]);
      expect(res.json.data).toBeNull();
    }
    // priced as the page of 100 it would at most be: a costly selection is still refused
    const fields = 'id name siret legalForm inclusionKind description services nafCodes labels website commune { code name departement }';
    const costly = await postGraphQL(t.url, { query: `fragment F on Supplier { ${fields} } { suppliers(first: 1000000000) { edges { node { ${'...F '.repeat(400)}} } } }` });
    expect(costly.status).toBe(400);
    expect(messages(costly)).toContain('Requête trop coûteuse');
  });

  it(`answers ${MAX_ERRORS} errors at most, however often a mistake is repeated`, async () => {
    const directives = await postGraphQL(t.url, { query: `{ me ${'@include(if: true) '.repeat(25)}{ id } }` });
    expect(directives.status).toBe(400);
    expect(directives.json.errors).toHaveLength(MAX_ERRORS);
    expect(directives.json.errors[0].message).toContain('directives au plus');
    const keys = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`inconnu${i}`, 1]));
    const variables = await postGraphQL(t.url, { query: 'query($f: SupplierFilter) { suppliers(filter: $f) { totalCount } }', variables: { f: keys } });
    expect(variables.status).toBe(400);
    expect(variables.json.errors).toHaveLength(MAX_ERRORS);
    expect(variables.json.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'inconnu0' });
  });

  it(`refuses a selection deeper than ${LIMITS.depth}`, async () => {
    // Shortlist.need → Need.shortlists is a cycle: nine levels of real fields, refused before any resolver runs.
    const deep = '{ shortlist(id: "x") { need { shortlists { need { shortlists { need { shortlists { need { id } } } } } } } } }';
    const refused = await postGraphQL(t.url, { query: deep });
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toEqual([expect.objectContaining({ message: `Requête trop profonde : ${LIMITS.depth} niveaux au plus.` })]);
    const fine = await postGraphQL(t.url, { query: '{ suppliers { edges { node { commune { code } } } } }' });
    expect(fine.json.errors).toBeUndefined();
  });

  it(`refuses more than ${LIMITS.tokens} tokens`, async () => {
    const refused = await postGraphQL(t.url, { query: `{ ${'__typename '.repeat(LIMITS.tokens + 10)}}` });
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(messages(refused)).toContain('Requête trop longue');
  });

  it('refuses a request too costly (one fragment spread many times), however its page size is given', async () => {
    const fields = 'id name siret legalForm inclusionKind description services nafCodes labels website commune { code name departement }';
    const spread = `edges { node { ${'...F '.repeat(400)}} }`;
    for (const [query, variables] of [
      [`fragment F on Supplier { ${fields} } { suppliers(first: 100) { ${spread} } }`, undefined],
      // A variable is priced as the longest page it may ask for; no `first` as the default page.
      [`fragment F on Supplier { ${fields} } query($n: Int) { suppliers(first: $n) { ${spread} } }`, { n: 100 }],
      [`fragment F on Supplier { ${fields} } { suppliers { ${'...F '.repeat(40).replace(/^/, 'edges { node { ').concat('} }')} } }`, undefined],
    ] as const) {
      const refused = await postGraphQL(t.url, { query, variables });
      expect(refused.status).toBe(400);
      expect(messages(refused)).toContain('Requête trop coûteuse');
    }
  });

  it('accepts the heaviest legitimate queries: a full page of 100 of the directory, of needs, of introductions', async () => {
    const officer = (await t.userWithToken('OFFICER')).token;
    const supplier = 'id name siret legalForm inclusionKind description services nafCodes commune { code name departement } interventionRadiusKm employees maxContractValue labels contactEmail website';
    const need = 'id title description kind companyName commune { code name } budgetMin budgetMax requiredLabels preferredInclusionKinds createdAt contactEmail nafCodes deadline';
    const queries = [
      `{ suppliers(first: 100) { totalCount edges { cursor node { ${supplier} } } pageInfo { hasNextPage endCursor } } }`,
      `{ needs(first: 100) { totalCount edges { node { ${need} shortlists { id status items { rank supplier { id name } } } } } } }`,
      `{ introductions(first: 100) { totalCount edges { node { id status message createdAt approvedAt sentAt need { ${need} }
          items { rank note reasons score proposedByMatcher outcome { status amount } supplier { ${supplier} } }
          mails { id recipient to state attempts lastError } } } } }`,
    ];
    for (const query of queries) {
      const res = await postGraphQL(t.url, { query }, { authorization: `Bearer ${officer}` });
      expect(res.json.errors).toBeUndefined();
    }
  });

  it(`refuses more than ${LIMITS.directives} directives`, async () => {
    const refused = await postGraphQL(t.url, { query: `{ me ${'@include(if: true) '.repeat(LIMITS.directives + 1)}{ id } }` });
    expect(refused.status).toBe(400);
    expect(messages(refused)).toContain('directives au plus');
  });

  it('refuses a batched array of operations', async () => {
    const res = await postGraphQL(t.url, [{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(res.json.data).toBeUndefined();
  });

  it('refuses a text/plain POST and a form POST (CSRF prevention)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await raw(t.url, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify({ query: '{ me { id } }' }) });
      expect(res.status).toBe(400);
      expect(res.json.errors[0].message).toContain('protection CSRF');
    }
  });

  it('refuses a mutation over GET, with or without the preflight header', async () => {
    const url = `${t.url}?query=${encodeURIComponent('mutation { login(email: "a@b.example", password: "x") { token } }')}`;
    const simple = await raw(url);
    expect(simple.status).toBe(400);
    expect(simple.json.errors[0].message).toContain('protection CSRF');
    const preflighted = await raw(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(405);
    expect(preflighted.json.errors[0].message).toContain('doit être envoyée en POST');
    // a query over GET with the header is fine
    const query = await raw(`${t.url}?query=${encodeURIComponent('{ me { id } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(query.json).toEqual({ data: { me: null } });
  });

  it('answers malformed JSON and unknown paths with a short JSON error', async () => {
    const bad = await postGraphQL(t.url, '{"query": ');
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0]).toEqual({ message: 'Corps de requête JSON invalide.', extensions: { code: 'BAD_REQUEST' } });
    const missing = await raw(t.url.replace('/graphql', '/admin'));
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ errors: [{ message: 'Ressource introuvable.', extensions: { code: 'NOT_FOUND' } }] });
  });

  it('serves GraphQL on /graphql exactly: not below it, nor in another case', async () => {
    for (const path of ['/graphql/x', '/graphql/', '/GRAPHQL', '/GraphQL']) {
      const url = t.url.replace('/graphql', path);
      for (const res of [await postGraphQL(url, { query: '{ me { id } }' }), await raw(`${url}?query=${encodeURIComponent('{ me { id } }')}`, { headers: { 'apollo-require-preflight': 'true' } })]) {
        expect(res.status).toBe(404);
        expect(res.json).toEqual({ errors: [{ message: 'Ressource introuvable.', extensions: { code: 'NOT_FOUND' } }] });
      }
    }
    expect((await postGraphQL(`${t.url}?x=1`, { query: '{ me { id } }' })).json).toEqual({ data: { me: null } });
  });

  it('development keeps introspection and suggestions (the production checks below can fail)', async () => {
    const intro = await postGraphQL(t.url, { query: '{ __schema { queryType { name } } }' });
    expect(intro.json.data.__schema.queryType.name).toBe('Query');
    const typo = await postGraphQL(t.url, { query: '{ supplierz { id } }' });
    expect(messages(typo)).toContain('Vouliez-vous dire « supplier » ou « suppliers » ?');
  });
});

describe('a production server reveals nothing', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(PROD);
  });
  afterAll(() => t.destroy());

  it('refuses introspection', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Supplier") { fields { name } } }']) {
      const res = await postGraphQL(t.url, { query });
      expect(res.status).toBe(400);
      expect(res.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.json.errors[0].message).toBe("Requête GraphQL invalide : l'introspection du schéma est désactivée.");
      expect(res.json.data).toBeUndefined();
    }
  });

  it('gives no "did you mean" suggestion for a misspelt field, argument or type', async () => {
    const attempts: [string, Record<string, unknown>?][] = [
      ['{ supplierz { id } }'],
      ['{ suppliers { totalCont } }'],
      ['{ suppliers(fist: 2) { totalCount } }'],
      ['query($f: SuplierFilter) { suppliers(filter: $f) { totalCount } }'],
      ['{ suppliers(filter: { inclusionKinds: [ESA] }) { totalCount } }'],
      ['query($f: SupplierFilter) { suppliers(filter: $f) { totalCount } }', { f: { legalForms: ['SCOOP'] } }],
      // a key that is not a GraphQL name went, English reason and suggestion included, to the client
      ['query($f: SupplierFilter) { suppliers(filter: $f) { totalCount } }', { f: { 'text-x': 'a' } }],
    ];
    for (const [query, variables] of attempts) {
      const res = await postGraphQL(t.url, { query, variables });
      expect(res.status).toBe(400);
      const text = messages(res);
      expect(text).not.toMatch(/did you mean|vouliez-vous|suggestion|\?$/i);
      expect(text).not.toMatch(/["«] ?(supplier|suppliers|SupplierFilter|ESAT|SCOP|text) ?[»"]/);
    }
  });

  it('answers the landing page route with no sandbox', async () => {
    const res = await raw(t.url, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type')).not.toContain('text/html');
  });

  it('an unexpected failure (a stored document the schema cannot represent) shows no stack, exception or database detail', async () => {
    const { store } = t.server.services;
    const good = supplierInput();
    const now = new Date();
    // Written behind the domain's back, as a bad migration or a hand edit would: an unknown enum value.
    await store.suppliers.insert({
      ...good, id: 'doc-abime', organisationId: null, legalForm: 'SOCIETE_ANONYME' as never, inclusionKind: null, siret: null,
      services: [], nafCodes: [], labels: [], labelKeys: [], latitude: null, longitude: null, interventionRadiusKm: null,
      employees: null, maxContractValue: null, website: null, searchText: 'abime', sortKey: 'abime', pendingChanges: null, declarationReview: null, sources: [],
      retiredAt: null, firstSignInAt: null, completedAt: null, linkVersion: 0, createdAt: now, updatedAt: now,
    });
    const res = await postGraphQL(t.url, { query: '{ supplier(id: "doc-abime") { id name legalForm } }' });
    expect(res.status).toBe(200);
    const [error] = res.json.errors;
    expect(error.message).toBe('Erreur interne du serveur.');
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(res.text).not.toMatch(/stack|exception|SOCIETE_ANONYME|Enum|nedb|mongo|\.ts:|at \w+ \(/i);
  });
});

describe('HTTP headers and origins', () => {
  const METROPOLE = 'https://www.metropole-rouen-normandie.fr';

  it('development: helmet headers, no CSP so that the sandbox page loads', async () => {
    const t = await startTestServer();
    try {
      const res = await raw(t.url, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBeNull();
      expect(res.headers.get('x-powered-by')).toBeNull();
    } finally {
      await t.destroy();
    }
  });

  it('production: HSTS, CSP, nosniff, frame and referrer policies', async () => {
    const t = await startTestServer(PROD);
    try {
      const res = await postGraphQL(t.url, { query: '{ me { id } }' });
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
    } finally {
      await t.destroy();
    }
  });

  it('CORS: the listed origin is allowed, any other is not', async () => {
    const t = await startTestServer({ CORS_ORIGINS: `${METROPOLE}, https://partenaire.example` });
    try {
      const preflight = (origin: string) =>
        raw(t.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
      const allowed = await preflight(METROPOLE);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(METROPOLE);
      expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
      expect((await preflight('https://partenaire.example')).headers.get('access-control-allow-origin')).toBe('https://partenaire.example');
      const other = await preflight('https://malveillant.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const simple = await postGraphQL(t.url, { query: '{ me { id } }' }, { origin: 'https://malveillant.example' });
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      expect((await postGraphQL(t.url, { query: '{ me { id } }' }, { origin: METROPOLE })).headers.get('access-control-allow-origin')).toBe(METROPOLE);
    } finally {
      await t.destroy();
    }
  });

  it('CORS: with no CORS_ORIGINS, no origin is allowed', async () => {
    const t = await startTestServer();
    try {
      const res = await postGraphQL(t.url, { query: '{ me { id } }' }, { origin: METROPOLE });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await t.destroy();
    }
  });
});
