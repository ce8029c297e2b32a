// The directory's French relevance search, judged through GraphQL over HTTP on the bundled sample
// (40 structures) plus a removal company: the words firms type must bring the right structures
// into the first five, pages must follow the ranking, and facets must count the ranked result.
import sampleSuppliers from '../api/sample/suppliers.json';
import { supplierInput } from './helpers/fixtures';
import { startTestServer, type TestServer } from './helpers/server';

const SEARCH = `query($filter: SupplierFilter, $first: Int, $after: String) {
  suppliers(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id name legalForm inclusionKind labels commune { code } } }
    facets {
      inclusionKinds { value count }
      legalForms { value count }
      communes { value count }
      labels { value count }
    }
  }
}`;

const REMOVALS = 'Déménagements Solidaires';

// Query → structures expected among the first five (in any order), judged by reading the sample.
const JUDGED: Array<[string, string, string[]]> = [
  ['everyday words', 'Propreté de nos bureaux', ['Propreté Seine Avenir', 'Clair & Net Insertion', 'Brillance Coop', "Net'Éthique"]],
  ['everyday words', 'Repas pour nos réunions et séminaires', ['Marmite Partagée', 'Plateaux & Papilles', "ESAT Table d'Aubette"]],
  ['everyday words', 'Isolation de nos bâtiments', ["Isol'Action", "Bâti'Rebond"]],
  ['everyday words', 'Quelqu’un pour tondre la pelouse et tailler les haies', ["Chantier Vert'Horizon", 'Terre & Talus']],
  ['everyday words', 'Une mutuelle pour nos salariés', ["Mutuelle Fil d'Entraide", 'Mutuelle Solidaire des Boucles de Seine']],
  ['a synonym', 'ménage', ['Propreté Seine Avenir', 'Clair & Net Insertion', 'Brillance Coop', "Net'Éthique"]],
  ['a synonym', 'paysagiste', ["Chantier Vert'Horizon", 'ESAT Les Prés Fleuris', 'Terre & Talus']],
  ['plural', 'vélos', ["Rayons d'Insertion", 'Vélocité Partagée']],
  ['singular', 'ordinateur', ['Second Souffle Numérique', "Ordi'Relais Seine"]],
  ['verb for a noun', 'imprimer des affiches', ['Imprimerie Encre Solidaire', 'ESAT Les Presses du Val']],
  ['verb for a noun', 'nettoyer nos locaux', ['Propreté Seine Avenir', 'Clair & Net Insertion']],
  ['noun for a verb', 'livraison de colis', ['Coursiers Pédale Douce']],
  ['a misspelt letter', 'netoyage de bureaux', ['Propreté Seine Avenir', 'Clair & Net Insertion', "Net'Éthique"]],
  ['a misspelt letter', 'blanchiserie', ['Lavandière & Co', 'ESAT Blanchisserie du Linge Clair']],
  ['capitals, no accents', 'MENUISERIE', ['Menuiseries du Lien']],
  ['one word shared in a sentence', 'Nous voulons faire relier nos rapports annuels : reliure', ['ESAT Les Presses du Val']],
  ['its own name', 'Octet Solidaire', ['Octet Solidaire']],
];

type Node = { id: string; name: string; legalForm: string; inclusionKind: string | null; labels: string[]; commune: { code: string } };

describe('directory relevance search', () => {
  let t: TestServer;
  let officer: string;

  const search = async (filter: object | null, first = 100, after: string | null = null) => {
    const res = await t.gql(SEARCH, { filter, first, after });
    expect(res.errors).toBeUndefined();
    return res.data.suppliers as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: Node }[]; facets: Record<string, { value: string; count: number }[]> };
  };
  const names = async (text: string, first = 5) => (await search({ text }, first)).edges.map((e) => e.node.name);

  beforeAll(async () => {
    t = await startTestServer();
    officer = (await t.userWithToken('OFFICER')).token;
    const removals = supplierInput({
      name: REMOVALS,
      legalForm: 'ESUS_COMPANY',
      inclusionKind: 'EI',
      description: "Entreprise d'insertion de déménagement : déménagements de bureaux et de particuliers, garde-meubles, monte-meubles.",
      services: ['Déménagement de bureaux', 'Déménagement de particuliers', 'Garde-meubles'],
      nafCodes: ['49.42Z'],
      labels: [],
    });
    for (const input of [...sampleSuppliers, removals]) {
      const res = await t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`, { i: input }, officer);
      expect(res.errors).toBeUndefined();
    }
  });
  afterAll(() => t.destroy());

  it.each(JUDGED)('%s: « %s » brings the right structures into the first five', async (_kind, text, expected) => {
    const top = await names(text);
    for (const name of expected) expect(top).toContain(name);
  });

  it('never brings the removal company first for « ménage », though « déménagement » contains it', async () => {
    const top = await names('ménage');
    expect(top[0]).not.toBe(REMOVALS);
    expect(top).not.toContain(REMOVALS);
    // Asked for by its own trade, it is found.
    expect((await names('déménager nos bureaux'))[0]).toBe(REMOVALS);
  });

  it('counts a synonym phrase of several words only whole: « entretien » alone is not « entretien des locaux »', async () => {
    const all = await names('ménage', 100);
    expect(all).toContain('Les Mains Vertes du Plateau'); // « agents d'entretien », a phrase of the group
    expect(all).not.toContain("Chantier Vert'Horizon"); // « entretien des espaces verts » only
  });

  it('finds a structure sharing one meaningful word, whatever the stop words around it', async () => {
    const found = await search({ text: 'le la les des pour une reliure' });
    expect(found.edges.map((e) => e.node.name)).toEqual(['ESAT Les Presses du Val']);
  });

  it('answers a query of stop words only with nothing (it holds no word to search for)', async () => {
    for (const text of ['les', 'de la', 'pour nos']) {
      const found = await search({ text });
      expect(found.totalCount).toBe(0);
      expect(found.edges).toEqual([]);
      expect(found.facets.legalForms).toEqual([]);
    }
    // A blank text is no filter: the whole directory in name order.
    const all = await search({ text: '   ' }, 3);
    expect(all.totalCount).toBe(sampleSuppliers.length + 1);
    expect(all.edges.map((e) => e.node.name)).toEqual(['Bâti\'Rebond', 'Brillance Coop', 'Chantier Vert\'Horizon']);
  });

  it('pages through a ranked result in its order, each structure once, with a stable total', async () => {
    const filter = { text: 'entretien de bureaux et espaces verts' };
    const whole = await search(filter);
    expect(whole.totalCount).toBeGreaterThan(6);
    expect(whole.edges).toHaveLength(whole.totalCount);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i += 1) {
      const page = await search(filter, 3, after);
      expect(page.totalCount).toBe(whole.totalCount);
      expect(page.facets).toEqual(whole.facets);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole.edges.map((e) => e.node.id));
  });

  it('refuses a name-order cursor for a ranked result, naming the argument', async () => {
    const byName = await search(null, 2);
    const res = await t.gql(SEARCH, { filter: { text: 'nettoyage' }, after: byName.pageInfo.endCursor });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it.each([
    ['text alone', { text: 'entretien nettoyage repas' }],
    ['text and inclusion kinds', { text: 'entretien nettoyage repas', inclusionKinds: ['EI', 'ESAT'] }],
    ['text and legal form', { text: 'entretien nettoyage repas', legalForms: ['ASSOCIATION'] }],
    ['text and NAF prefix', { text: 'entretien nettoyage repas', nafPrefix: '81' }],
  ])('counts facets and total over the ranked result, as brute force does (%s)', async (_name, filter) => {
    const ranked = await search(filter);
    expect(ranked.totalCount).toBeGreaterThan(1);
    expect(ranked.edges).toHaveLength(ranked.totalCount);
    // The other filters keep, among the text's structures, exactly those they select.
    const textOnly = (await search({ text: filter.text })).edges.map((e) => e.node);
    const keep = (n: Node) =>
      (!('inclusionKinds' in filter) || filter.inclusionKinds!.includes(n.inclusionKind ?? '')) &&
      (!('legalForms' in filter) || filter.legalForms!.includes(n.legalForm));
    if (!('nafPrefix' in filter)) expect(ranked.edges.map((e) => e.node.id)).toEqual(textOnly.filter(keep).map((n) => n.id));
    const nodes = ranked.edges.map((e) => e.node);
    const counts = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
    const asCounts = (list: { value: string; count: number }[]) => Object.fromEntries(list.map((f) => [f.value, f.count]));
    expect(asCounts(ranked.facets.inclusionKinds!)).toEqual(counts(nodes.flatMap((n) => (n.inclusionKind ? [n.inclusionKind] : []))));
    expect(asCounts(ranked.facets.legalForms!)).toEqual(counts(nodes.map((n) => n.legalForm)));
    expect(asCounts(ranked.facets.communes!)).toEqual(counts(nodes.map((n) => n.commune.code)));
    expect(asCounts(ranked.facets.labels!)).toEqual(counts(nodes.flatMap((n) => n.labels)));
  });

  it('follows every write: creation, edit and deletion of a structure', async () => {
    const input = supplierInput({ name: 'Atelier Xylographie', description: 'Gravure sur bois et xylographie pour vos cartes de vœux.', services: ['Xylographie'], nafCodes: ['90.03A'] });
    const created = await t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`, { i: input }, officer);
    const id = created.data.createSupplier.id as string;
    expect(await names('xylographie')).toEqual(['Atelier Xylographie']);
    const edited = await t.gql(`mutation($id: ID!, $i: SupplierUpdateInput!) { updateSupplier(id: $id, input: $i) { id } }`, { id, i: { description: 'Sérigraphie artisanale.', services: ['Sérigraphie'] } }, officer);
    expect(edited.errors).toBeUndefined();
    expect(await names('xylographie')).toEqual(['Atelier Xylographie']); // still its name
    expect(await names('gravure')).toEqual([]);
    expect(await names('sérigraphie')).toEqual(['Atelier Xylographie']);
    const deleted = await t.gql(`mutation($id: ID!) { deleteSupplier(id: $id) }`, { id }, officer);
    expect(deleted.errors).toBeUndefined();
    expect(await names('sérigraphie')).toEqual([]);
    expect((await search(null, 1)).totalCount).toBe(sampleSuppliers.length + 1);
  });

  describe('search as you type: the last word, not followed by a space, also stands for the words it begins', () => {
    const CLEANERS = ['Propreté Seine Avenir', 'Clair & Net Insertion', 'Brillance Coop', "Net'Éthique"];

    it('« recyc » finds the recycling structures in the order « recyclerie » ranks them; « recyc » followed by a space finds nothing', async () => {
      const typed = await names('recyc', 3);
      expect(typed).toContain("L'Étagère Vagabonde"); // « Recyclerie et chantier d'insertion »
      expect(typed).toEqual(await names('recyclerie', 3));
      expect((await search({ text: 'recyc ' })).totalCount).toBe(0);
    });

    it.each(['ménag', 'menag', 'MÉNAG', 'ména', 'mena', 'MENA'])('« %s » finds the cleaners (the vocabulary table says « ménage » for « nettoyage »), accents and case folded', async (text) => {
      const top = await names(text);
      for (const name of CLEANERS) expect(top).toContain(name);
      expect(top).not.toContain(REMOVALS); // « déménagement » does not begin with it
    });

    it('reads « ména » and « MENA » the same, and « ména » followed by a space as a word of its own (none)', async () => {
      expect(await names('MENA', 100)).toEqual(await names('ména', 100));
      expect((await search({ text: 'ména ' })).totalCount).toBe(0);
    });

    it('does not complete a last word of two letters', async () => {
      for (const text of ['re', 'ré', 'ne', 'pr']) expect((await search({ text })).totalCount).toBe(0);
      // Three letters do.
      expect((await search({ text: 'rec' })).totalCount).toBeGreaterThan(0);
      expect(await names('nettoyage de bu', 100)).toEqual(await names('nettoyage de', 100));
    });

    it('ranks the matches of a complete word first, as a space after it does, then what only its completions reach', async () => {
      // « net » is a word of two names; « nettoyage », « nettoie » begin with it.
      const asWord = await names('net ', 100);
      expect(asWord.slice(0, 2).sort()).toEqual(['Clair & Net Insertion', "Net'Éthique"]);
      const typed = await names('net', 100);
      expect(typed.slice(0, asWord.length)).toEqual(asWord);
      expect(typed.slice(asWord.length)).toEqual(expect.arrayContaining(['Propreté Seine Avenir', 'Brillance Coop']));
      // The ranked pages follow that order too.
      const firstPage = await search({ text: 'net' }, 2);
      expect(firstPage.edges.map((e) => e.node.name)).toEqual(typed.slice(0, 2));
      const next = await search({ text: 'net' }, 100, firstPage.pageInfo.endCursor);
      expect(next.edges.map((e) => e.node.name)).toEqual(typed.slice(2));
    });

    it('lets the word being typed rank the structures the words before it found', async () => {
      expect((await names('entretien des espaces ver', 3)).sort()).toEqual(["Chantier Vert'Horizon", 'Les Mains Vertes du Plateau', 'Terre & Talus']);
      expect(await names('entretien des espaces', 3)).toContain('Lavandière & Co'); // « entretien du linge », without the last word
    });
  });
});
