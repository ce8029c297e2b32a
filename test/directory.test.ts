import { codeOf, fieldOf, startTestServer, type TestServer } from './helpers/server';
import { supplierInput } from './helpers/fixtures';
import { postGraphQL } from './helpers/http';
import { MAX_COMPILED_SHAPES } from '../graphql/compiled-queries';

const SEARCH = `query($filter: SupplierFilter, $first: Int, $after: String) {
  suppliers(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { name contactEmail } }
  }
}`;

describe('public directory', () => {
  let t: TestServer;
  const names = async (filter: object) => {
    const res = await t.gql(SEARCH, { filter, first: 100 });
    expect(res.errors).toBeUndefined();
    return res.data.suppliers.edges.map((e: any) => e.node.name).sort();
  };

  beforeAll(async () => {
    t = await startTestServer();
    const { token } = await t.userWithToken('OFFICER');
    const inputs = [
      supplierInput({ name: 'Propreté Solidaire', description: 'Nettoyage de bureaux et de locaux', services: ['Ménage'], nafCodes: ['81.21Z'], labels: ['ISO 9001', 'Qualipropre'], inclusionKind: 'EI', legalForm: 'SCOP', communeCode: '76681' }),
      supplierInput({ name: 'Élan Paysage', description: 'Création et entretien de jardins', nafCodes: ['81.30Z'], labels: ['ISO 9001'], inclusionKind: 'ACI', communeCode: '76540' }),
      supplierInput({ name: 'ESAT des Coteaux', description: 'Conditionnement, mise sous pli', nafCodes: ['82.92Z'], labels: [], inclusionKind: 'ESAT', legalForm: 'ASSOCIATION', communeCode: '76540' }),
      supplierInput({ name: 'Mutuelle de la Vallée', description: 'Complémentaire santé pour salariés', nafCodes: ['65.12Z'], labels: [], inclusionKind: null, legalForm: 'MUTUELLE', communeCode: '76231' }),
      ...Array.from({ length: 7 }, (_, i) => supplierInput({ name: `Atelier ${String.fromCharCode(65 + i)}`, description: 'Menuiserie solidaire', nafCodes: ['16.23Z'], labels: [], communeCode: '76498' })),
    ];
    for (const input of inputs) expect((await t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`, { i: input }, token)).errors).toBeUndefined();
  });
  afterAll(() => t.destroy());

  it('needs no login and hides contact emails', async () => {
    const res = await t.gql(SEARCH, { first: 3 });
    expect(res.data.suppliers.totalCount).toBe(11);
    expect(res.data.suppliers.edges.every((e: any) => e.node.contactEmail === null)).toBe(true);
  });

  it('searches text without regard to accents or case', async () => {
    expect(await names({ text: 'PROPRETE' })).toEqual(['Propreté Solidaire']);
    expect(await names({ text: 'élan' })).toEqual(['Élan Paysage']);
    expect(await names({ text: 'menage' })).toEqual(['Propreté Solidaire']);
    expect(await names({ text: 'complementaire sante' })).toEqual(['Mutuelle de la Vallée']);
  });

  it('treats search text literally and answers hostile patterns quickly', async () => {
    expect(await names({ text: '.*' })).toEqual([]);
    expect(await names({ text: '(a+)+$' })).toEqual([]);
    expect(await names({ text: '[' })).toEqual([]);
  });

  it('filters by commune, inclusion kind, legal form, every label and NAF prefix', async () => {
    expect(await names({ communeCode: '76231' })).toEqual(['Mutuelle de la Vallée']);
    expect(await names({ inclusionKinds: ['ESAT', 'EI'] })).toEqual(['ESAT des Coteaux', 'Propreté Solidaire']);
    expect(await names({ legalForms: ['MUTUELLE', 'SCOP'] })).toEqual(['Mutuelle de la Vallée', 'Propreté Solidaire']);
    expect(await names({ labels: ['iso-9001'] })).toEqual(['Propreté Solidaire', 'Élan Paysage']);
    expect(await names({ labels: ['ISO 9001', 'QUALIPROPRE'] })).toEqual(['Propreté Solidaire']);
    expect(await names({ nafPrefix: '81' })).toEqual(['Propreté Solidaire', 'Élan Paysage']);
    expect(await names({ nafPrefix: '81.3' })).toEqual(['Élan Paysage']);
    expect(await names({ nafPrefix: '8130' })).toEqual(['Élan Paysage']); // written without its dot
    expect(await names({ nafPrefix: '81.30Z', communeCode: '76681' })).toEqual([]);
  });

  it('pages through every structure once, in name order, with a stable total', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const res: any = await t.gql(SEARCH, { first: 4, after });
      expect(res.data.suppliers.totalCount).toBe(11);
      seen.push(...res.data.suppliers.edges.map((e: any) => e.node.name));
      if (!res.data.suppliers.pageInfo.hasNextPage) break;
      after = res.data.suppliers.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(11);
    expect(new Set(seen).size).toBe(11);
    expect(seen.slice(0, 3)).toEqual(['Atelier A', 'Atelier B', 'Atelier C']);
    expect(seen[seen.length - 1]).toBe('Propreté Solidaire');
  });

  it('lists the same structures in the same order, with the same facets, after a restart on the same data', async () => {
    const PAGE = `{ suppliers(first: 100) { totalCount edges { node { id name } } facets { inclusionKinds { value count } legalForms { value count } communes { value count } labels { value count } } } }`;
    const before = await t.gql(PAGE);
    expect(before.data.suppliers.totalCount).toBe(11);
    const dataDir = t.dataDir;
    await t.stop();
    t = await startTestServer({}, dataDir);
    expect(await t.gql(PAGE)).toEqual(before);
  });

  it('refuses a bad cursor or page size naming the argument', async () => {
    const bad = await t.gql(SEARCH, { after: 'garbage' });
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'after']);
    const big = await t.gql(SEARCH, { first: 1000 });
    expect([codeOf(big), fieldOf(big)]).toEqual(['BAD_USER_INPUT', 'first']);
    const long = await t.gql(SEARCH, { filter: { text: 'x'.repeat(300) } });
    expect([codeOf(long), fieldOf(long)]).toEqual(['BAD_USER_INPUT', 'text']);
  });

  it('refuses a list of filter values longer than there are values, saying how many', async () => {
    const forms = await t.gql(SEARCH, { filter: { legalForms: Array.from({ length: 9 }, () => 'SCOP') } });
    expect([codeOf(forms), fieldOf(forms)]).toEqual(['BAD_USER_INPUT', 'legalForms']);
    expect(forms.errors![0]!.message).toBe('« legalForms » : 8 valeurs au plus');
    const labels = await t.gql(SEARCH, { filter: { labels: Array.from({ length: 21 }, (_, i) => `L${i}`) } });
    expect([codeOf(labels), fieldOf(labels)]).toEqual(['BAD_USER_INPUT', 'labels']);
    expect(labels.errors![0]!.message).toBe('« labels » : 20 labels au plus');
  });

  it('reads a commune code and a NAF prefix as inputs are read: trimmed, in capitals, blank as no filter', async () => {
    expect(await names({ communeCode: ' 76231 ' })).toEqual(['Mutuelle de la Vallée']);
    expect(await names({ nafPrefix: ' 8130z ' })).toEqual(['Élan Paysage']);
    expect(await names({ communeCode: '', nafPrefix: '  ' })).toHaveLength(11);
  });

  it('refuses an unknown commune code or NAF prefix, as createSupplier does, instead of finding nothing', async () => {
    const { token } = await t.userWithToken('OFFICER');
    const created = await t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`, { i: supplierInput({ communeCode: '99999' }) }, token);
    const commune = await t.gql(SEARCH, { filter: { communeCode: '99999' } });
    expect([codeOf(commune), fieldOf(commune)]).toEqual(['BAD_USER_INPUT', 'communeCode']);
    expect(commune.errors![0]!.message).toBe(created.errors![0]!.message);
    expect(commune.errors![0]!.message).toContain('commune inconnue');
    for (const nafPrefix of ['ZZ', '8', '00', '81.39', '{"$gt":""}']) {
      const naf = await t.gql(SEARCH, { filter: { nafPrefix } });
      expect([codeOf(naf), fieldOf(naf)]).toEqual(['BAD_USER_INPUT', 'nafPrefix']);
      expect(naf.errors![0]!.message).toMatch(/^« nafPrefix » : préfixe NAF (inconnu|trop long)/);
    }
  });

  it('lists the Métropole communes', async () => {
    const res = await t.gql('{ metropoleCommunes { code name } }');
    expect(res.data.metropoleCommunes).toHaveLength(71);
    expect(res.data.metropoleCommunes).toContainEqual({ code: '76540', name: 'Rouen' });
  });
});

describe('public directory searched as one types', () => {
  let t: TestServer;
  const ranked = async (text: string) => {
    const res = await t.gql(SEARCH, { filter: { text }, first: 100 });
    expect(res.errors).toBeUndefined();
    return res.data.suppliers.edges.map((e: any) => e.node.name) as string[];
  };

  beforeAll(async () => {
    t = await startTestServer();
    const { token } = await t.userWithToken('OFFICER');
    const inputs = [
      supplierInput({ name: 'La Recyclerie du Cailly', description: "Collecte, tri et revente d'objets du quotidien.", services: ['Boutique solidaire'], nafCodes: ['47.79Z'] }),
      supplierInput({ name: 'Imprimerie du Robec', description: "Impression de brochures, affiches et rapports d'activité ; papier recyclé sur demande.", services: ['Impression offset', 'Reliure'], nafCodes: ['18.12Z'] }),
      supplierInput({ name: 'Menuiserie Bois Durable', description: 'Agencement et mobilier sur mesure en bois massif.', services: ['Menuiserie', 'Mobilier de bureau'], nafCodes: ['16.23Z'] }),
      // Its text says « boissons » only, and says it often: read alone, it would rank high for « bois ».
      supplierInput({ name: 'Boissons du Terroir', description: 'Boissons locales pour vos événements.', services: ['Boissons chaudes', 'Boissons fraîches'], nafCodes: ['56.21Z'] }),
      supplierInput({ name: 'Propreté Solidaire', description: 'Nettoyage de bureaux et de locaux.', services: ['Nettoyage de vitres'], nafCodes: ['81.21Z'] }),
    ];
    for (const input of inputs) expect((await t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`, { i: input }, token)).errors).toBeUndefined();
  });
  afterAll(() => t.destroy());

  it('finds the recyclerie first for « recyc », then a structure that says « recyclé » in passing', async () => {
    expect(await ranked('recyc')).toEqual(['La Recyclerie du Cailly', 'Imprimerie du Robec']);
    expect(await ranked('RÉCYC')).toEqual(['La Recyclerie du Cailly', 'Imprimerie du Robec']);
    expect((await ranked('  rec')).slice(0, 2)).toEqual(['La Recyclerie du Cailly', 'Imprimerie du Robec']);
  });

  it('completes nothing after a space, a punctuation mark, or a last word of fewer than three letters', async () => {
    expect(await ranked('recyc ')).toEqual([]);
    expect(await ranked('recyc\t')).toEqual([]);
    expect(await ranked('recyc.')).toEqual([]);
    expect(await ranked('re')).toEqual([]);
    expect(await ranked('bo')).toEqual([]);
  });

  it('ranks the structures that use a complete word before those only a longer word reaches', async () => {
    expect(await ranked('bois')).toEqual(['Menuiserie Bois Durable', 'Boissons du Terroir']);
    expect(await ranked('bois ')).toEqual(['Menuiserie Bois Durable']);
    expect(await ranked('boiss')).toEqual(['Boissons du Terroir']);
  });

  it('completes a beginning into a word of the vocabulary table, whose synonyms find the cleaners (« ména »: « ménage »)', async () => {
    for (const text of ['ména', 'mena', 'MÉNA', 'ménag', 'menag']) expect(await ranked(text)).toEqual(['Propreté Solidaire']);
  });
});

describe('public directory outside the Métropole', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    const { token } = await t.userWithToken('OFFICER');
    const res = await t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { commune { code } } }`, { i: supplierInput({ name: 'Atelier Corse', communeCode: '2a004' }) }, token);
    expect(res.data.createSupplier.commune.code).toBe('2A004');
  });
  afterAll(() => t.destroy());

  it('finds a structure by its commune code written in small letters, as it was stored from one', async () => {
    const res = await t.gql(SEARCH, { filter: { communeCode: '2a004' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.suppliers.edges.map((e: any) => e.node.name)).toEqual(['Atelier Corse']);
  });
});

// The website's directory answers are kept between writes (graphql/directory-cache.ts): each write
// must show at once, and an answer kept for a visitor must never reach a signed-in user, nor the reverse.
describe('public directory answers kept between writes', () => {
  let t: TestServer;
  let token: string;
  const page = async (text?: string, viewerToken?: string) => {
    const res = await t.gql(SEARCH, { filter: text ? { text } : null, first: 10 }, viewerToken);
    expect(res.errors).toBeUndefined();
    return res.data.suppliers.edges.map((e: any) => e.node);
  };
  const create = async (name: string) => {
    const res = await t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`, { i: supplierInput({ name, description: 'Nettoyage de bureaux' }) }, token);
    expect(res.errors).toBeUndefined();
    return res.data.createSupplier.id as string;
  };

  beforeAll(async () => {
    t = await startTestServer();
    ({ token } = await t.userWithToken('OFFICER'));
    await create('Brillance Solidaire');
  });
  afterAll(() => t.destroy());

  it('shows every creation, edit and deletion at the next request', async () => {
    expect((await page()).map((s: any) => s.name)).toEqual(['Brillance Solidaire']);
    expect((await page('nettoyage')).map((s: any) => s.name)).toEqual(['Brillance Solidaire']);
    const id = await create('Atelier Éclat');
    expect((await page()).map((s: any) => s.name)).toEqual(['Atelier Éclat', 'Brillance Solidaire']);
    expect((await page('nettoyage')).map((s: any) => s.name).sort()).toEqual(['Atelier Éclat', 'Brillance Solidaire']);
    const renamed = await t.gql(`mutation($id: ID!) { updateSupplier(id: $id, input: { name: "Zénith Propreté" }) { id } }`, { id }, token);
    expect(renamed.errors).toBeUndefined();
    expect((await page()).map((s: any) => s.name)).toEqual(['Brillance Solidaire', 'Zénith Propreté']);
    expect((await t.gql(`mutation($id: ID!) { deleteSupplier(id: $id) }`, { id }, token)).errors).toBeUndefined();
    expect((await page()).map((s: any) => s.name)).toEqual(['Brillance Solidaire']);
    expect((await page('nettoyage')).map((s: any) => s.name)).toEqual(['Brillance Solidaire']);
  });

  it("keeps a visitor's answer and a signed-in officer's apart", async () => {
    expect((await page())[0].contactEmail).toBeNull();
    expect((await page(undefined, token))[0].contactEmail).toMatch(/@/);
    expect((await page())[0].contactEmail).toBeNull();
  });

  it('keeps no refusal: the same query corrected answers', async () => {
    const bad = await t.gql(SEARCH, { first: 0 });
    expect(fieldOf(bad)).toBe('first');
    expect((await t.gql(SEARCH, { first: 1 })).data.suppliers.totalCount).toBe(1);
  });
});

// The kept answers are budgeted in the bytes actually kept, and a query written differently (a
// comment, other spacing) is the same query: one entry, not one per variant evicting the others.
describe('public directory answers kept in their serialised bytes', () => {
  let t: TestServer;
  const send = async (query: string, variables: Record<string, unknown>) => {
    const res = await postGraphQL(t.url, { query, variables });
    expect(res.status).toBe(200);
    expect(res.json.errors).toBeUndefined();
    return res.text;
  };

  beforeAll(async () => {
    t = await startTestServer();
    const { token } = await t.userWithToken('OFFICER');
    // Accents and a typographic apostrophe: characters of JSON are not its bytes.
    for (const name of ['Propreté Solidaire', 'L’Atelier d’Élan', 'Œuvre Commune']) {
      expect((await t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`, { i: supplierInput({ name, description: 'Nettoyage de bureaux’ et de locaux' }) }, token)).errors).toBeUndefined();
    }
  });
  afterAll(() => t.destroy());

  it('queries differing only by comments and layout share one entry, served byte for byte', async () => {
    const first = await send(SEARCH, { first: 2 });
    // Asked once: computed, not kept (search as you type asks most answers once); kept when asked again.
    expect(t.server.directoryAnswers.entries).toBe(0);
    expect(await send(SEARCH, { first: 2 })).toBe(first);
    const entries = t.server.directoryAnswers.entries;
    expect(entries).toBe(1);
    for (let n = 0; n < 40; n += 1) {
      const variant = `# ${n}\n${SEARCH.replace(/\n\s*/g, n % 2 ? '\n   ' : ' ')}\n# fin ${n}`;
      expect(await send(variant, { first: 2 })).toBe(first);
    }
    expect(t.server.directoryAnswers.entries).toBe(entries);
    expect(JSON.parse(first).data.suppliers.edges.map((e: any) => e.node.name)).toHaveLength(2);
  });

  it('counts the real bytes of the answers it keeps, and of their keys', async () => {
    const bodies = new Set<string>();
    const entries = t.server.directoryAnswers.entries;
    for (const variables of [{ first: 1 }, { first: 3 }, { first: 3, filter: { text: 'œuvre' } }]) {
      const body = await send(SEARCH, variables);
      expect(await send(SEARCH, variables)).toBe(body);
      bodies.add(body);
    }
    bodies.add(await send(SEARCH, { first: 2 })); // kept by the test before
    expect(t.server.directoryAnswers.entries).toBe(entries + 3);
    expect(t.server.directoryAnswers.entries).toBe(bodies.size);
    const bytes = [...bodies].reduce((sum, body) => sum + Buffer.byteLength(body, 'utf8'), 0);
    expect(bytes).toBeGreaterThan([...bodies].reduce((sum, body) => sum + body.length, 0));
    // and their keys, two bytes a character: a few dozen characters each (the document's number, the variables)
    const keys = t.server.directoryAnswers.bytes - bytes;
    expect(keys).toBeGreaterThan(0);
    expect(keys).toBeLessThan(bodies.size * 2 * 100);
    // and served again as they were
    expect(await send(SEARCH, { first: 3 })).toBe([...bodies][1]);
  });
});

describe('public directory executed by compiled code', () => {
  let t: TestServer;
  // Every field a directory page may ask, the facets, the reading and both cursors included.
  const PAGE = `totalCount pageInfo { hasNextPage endCursor }
    reading { text servesCommune { code name } servesCommuneFromText servesCommuneTyped headOfficeCommune { code name } }
    facets { inclusionKinds { value label count } legalForms { value label count } communes { value label count } labels { value label count } }
    edges { cursor node { id slug name legalForm inclusionKind description services labels interventionRadiusKm website contactEmail commune { code name } location { latitude longitude } completeness { percent } } }`;

  beforeAll(async () => {
    t = await startTestServer();
    const { token } = await t.userWithToken('OFFICER');
    const inputs = [
      supplierInput({ name: 'Propreté Solidaire', description: 'Nettoyage de bureaux et de locaux', nafCodes: ['81.21Z'], labels: ['ISO 9001'], inclusionKind: 'EI', legalForm: 'SCOP', communeCode: '76681' }),
      supplierInput({ name: 'Élan Paysage', description: 'Création et entretien de jardins', nafCodes: ['81.30Z'], labels: [], inclusionKind: 'ACI', communeCode: '76540' }),
      supplierInput({ name: 'ESAT des Coteaux', description: 'Conditionnement, mise sous pli', nafCodes: ['82.92Z'], inclusionKind: 'ESAT', legalForm: 'ASSOCIATION', communeCode: '76540' }),
    ];
    for (const input of inputs) expect((await t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`, { i: input }, token)).errors).toBeUndefined();
  });
  afterAll(() => t.destroy());

  it('answers what graphql-js answers, for a visitor and for an officer', async () => {
    const { token } = await t.userWithToken('OFFICER');
    const filters = [{}, { text: 'nettoyage rouen' }, { text: 'jardi' }, { inclusionKinds: ['ESAT', 'ACI'] }, { servesCommuneCode: '76540', legalForms: ['ASSOCIATION'] }];
    for (const filter of filters) {
      for (const viewer of [undefined, token]) {
        // The directory alone is run by the compiled code; with another root field, by graphql-js.
        const compiled = await t.gql(`query($f: SupplierFilter) { suppliers(filter: $f, first: 2) { ${PAGE} } }`, { f: filter }, viewer);
        const interpreted = await t.gql(`query($f: SupplierFilter) { suppliers(filter: $f, first: 2) { ${PAGE} } metropoleCommunes { code } }`, { f: filter }, viewer);
        expect(compiled.errors).toBeUndefined();
        expect(interpreted.errors).toBeUndefined();
        expect(compiled.data.suppliers.totalCount).toBeGreaterThan(0);
        expect(JSON.stringify(compiled.data.suppliers)).toBe(JSON.stringify(interpreted.data.suppliers));
      }
    }
  });

  it('runs documents that differ only by the values written in them as one compiled function, answering what graphql-js answers', async () => {
    const before = t.server.directoryAnswers.compiledShapes;
    const written = [
      { filter: '{ text: "nettoyage" }', first: 1 },
      { filter: '{ text: "jardins", inclusionKinds: [ACI] }', first: 2 },
      { filter: '{ legalForms: [ASSOCIATION, SCOP], servesCommuneCode: "76540" }', first: 3 },
    ];
    for (const { filter, first } of written) {
      const compiled = await t.gql(`{ suppliers(filter: ${filter}, first: ${first}) { ${PAGE} } }`);
      const interpreted = await t.gql(`{ suppliers(filter: ${filter}, first: ${first}) { ${PAGE} } metropoleCommunes { code } }`);
      expect(compiled.errors).toBeUndefined();
      expect(compiled.data.suppliers.totalCount).toBeGreaterThan(0);
      expect(JSON.stringify(compiled.data.suppliers)).toBe(JSON.stringify(interpreted.data.suppliers));
    }
    // Three filters written differently: three shapes of filter object, one shape of document.
    expect(t.server.directoryAnswers.compiledShapes).toBe(before + 1);
    // A value written beside a variable, and a directive's written value, keep their meaning.
    const mixed = `suppliers(filter: { text: $t, inclusionKinds: [ACI] }, first: 1) { totalCount edges @include(if: false) { cursor } pageInfo @include(if: true) { hasNextPage } }`;
    const compiled = await t.gql(`query($t: String) { ${mixed} }`, { t: 'jardins' });
    const interpreted = await t.gql(`query($t: String) { ${mixed} metropoleCommunes { code } }`, { t: 'jardins' });
    expect(compiled.errors).toBeUndefined();
    expect(compiled.data.suppliers).toEqual({ totalCount: 1, pageInfo: { hasNextPage: false } });
    expect(compiled.data.suppliers).toEqual(interpreted.data.suppliers);
  });

  it('keeps a bounded number of compiled documents, whatever clients send', async () => {
    for (let n = 0; n <= MAX_COMPILED_SHAPES; n += 1) {
      const res = await t.gql(`{ suppliers(first: 1) { count${n}: totalCount } }`);
      expect(res.data.suppliers[`count${n}`]).toBe(3);
    }
    expect(t.server.directoryAnswers.compiledShapes).toBe(MAX_COMPILED_SHAPES);
  });

  it('leaves an error to graphql-js, whose French message names the field', async () => {
    const res = await t.gql(`query($f: SupplierFilter) { suppliers(filter: $f) { totalCount } }`, { f: { nafPrefix: 'zz' } });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe('nafPrefix');
    const cursor = await t.gql(`{ suppliers(after: "pas un curseur") { totalCount } }`);
    expect(fieldOf(cursor)).toBe('after');
    expect(cursor.errors?.[0]?.message).toContain('curseur de pagination invalide');
  });
});
