// Places in the directory search over HTTP (#24.9): a commune named in the text, or chosen in the
// filter, means « can work there » (servesCommuneCode); the head office is a separate choice
// (communeCode); the answer says what was understood; a page can be asked for by its number.
import { codeOf, fieldOf, startTestServer, type TestServer } from './helpers/server';
import { supplierInput } from './helpers/fixtures';

const SEARCH = `query($filter: SupplierFilter, $first: Int, $offset: Int) {
  suppliers(filter: $filter, first: $first, offset: $offset) {
    totalCount
    edges { node { name } }
    reading { text servesCommune { code name } servesCommuneFromText servesCommuneTyped headOfficeCommune { code name } }
  }
}`;

let t: TestServer;
const search = async (filter: object, first = 50, offset?: number) => {
  const res = await t.gql(SEARCH, { filter, first, offset });
  expect(res.errors).toBeUndefined();
  const { edges, reading, totalCount } = res.data.suppliers;
  return { names: edges.map((e: any) => e.node.name).sort(), reading, totalCount };
};

beforeAll(async () => {
  t = await startTestServer({ SAMPLE_DATA: 'off' });
  const { token } = await t.userWithToken('OFFICER');
  const green = { description: 'Entretien des espaces verts, tonte et taille de haies', services: ['Espaces verts'], nafCodes: ['81.30Z'] };
  const inputs = [
    supplierInput({ ...green, name: 'Jardins du Robec', communeCode: '76540', interventionRadiusKm: 30 }),
    supplierInput({ ...green, name: 'Coteaux Verts', communeCode: '76231', interventionRadiusKm: 30 }), // Elbeuf, 20 km from Rouen
    supplierInput({ ...green, name: 'Paysages de l’Estuaire', communeCode: '76351', interventionRadiusKm: 10 }), // Le Havre: too far
    supplierInput({ name: 'Propreté Rouennaise', description: 'Nettoyage de bureaux', services: ['Ménage'], nafCodes: ['81.21Z'], communeCode: '76540', interventionRadiusKm: 20 }),
    supplierInput({ name: 'Buffets du Plateau', description: 'Traiteur, plateaux-repas', services: ['Traiteur'], nafCodes: ['56.21Z'], communeCode: '76451', interventionRadiusKm: 5 }), // Mont-Saint-Aignan
  ];
  for (const input of inputs) expect((await t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`, { i: input }, token)).errors).toBeUndefined();
});
afterAll(() => t.destroy());

const ROUEN = { code: '76540', name: 'Rouen' };

test('« Rouen » alone lists the structures that can work in Rouen, and says so', async () => {
  const found = await search({ text: 'Rouen' });
  expect(found.names).toEqual(['Buffets du Plateau', 'Coteaux Verts', 'Jardins du Robec', 'Propreté Rouennaise']);
  expect(found.reading).toEqual({ text: null, servesCommune: ROUEN, servesCommuneFromText: true, servesCommuneTyped: 'Rouen', headOfficeCommune: null });
  // Accents, case and a trailing space aside.
  expect((await search({ text: 'ROUËN ' })).names).toHaveLength(4);
});

test('« espaces verts Rouen » searches the activity among those who can work in Rouen', async () => {
  const found = await search({ text: 'espaces verts Rouen' });
  expect(found.names).toEqual(['Coteaux Verts', 'Jardins du Robec']);
  expect(found.reading).toMatchObject({ text: 'espaces verts', servesCommune: ROUEN, servesCommuneFromText: true });
  expect((await search({ text: 'espaces verts à Rouen' })).names).toEqual(['Coteaux Verts', 'Jardins du Robec']);
});

test('multi-word commune names are recognised however they are written', async () => {
  const msa = await search({ text: 'traiteur mont saint aignan' });
  expect(msa.names).toEqual(['Buffets du Plateau']);
  expect(msa.reading).toMatchObject({ text: 'traiteur', servesCommune: { code: '76451', name: 'Mont-Saint-Aignan' } });
  expect((await search({ text: 'Saint-Étienne-du-Rouvray espaces verts' })).reading).toMatchObject({ text: 'espaces verts', servesCommune: { code: '76575' } });
  expect((await search({ text: 'nettoyage grand quevilly' })).reading).toMatchObject({ text: 'nettoyage', servesCommune: { code: '76322', name: 'Le Grand-Quevilly' } });
});

// Commune names that are also French: read from these texts, the activity searched would become a place.
const ORDINARY_TEXTS = [
  'réfection de la chaussée',
  "association le trait d'union",
  'pâtisserie saint honoré',
  'construction de préaux',
  'les loges',
  'rue saint pierre',
  'trois pierres',
  'vieux manoir',
  'grand camp',
];

test('ordinary words that are also commune names stay words of the search', async () => {
  for (const text of ORDINARY_TEXTS) {
    const { reading } = await search({ text });
    expect([text, reading]).toEqual([text, { text, servesCommune: null, servesCommuneFromText: false, servesCommuneTyped: null, headOfficeCommune: null }]);
  }
  // Nor in capitals throughout, which say nothing of a name.
  expect((await search({ text: 'RÉFECTION DE LA CHAUSSÉE' })).reading).toMatchObject({ servesCommune: null, text: 'RÉFECTION DE LA CHAUSSÉE' });
  // The Métropole's own names keep working lowercase; the others, typed as names (capitals, or hyphens as officially written).
  expect((await search({ text: 'elbeuf' })).reading).toMatchObject({ servesCommune: { code: '76231', name: 'Elbeuf' }, servesCommuneTyped: 'elbeuf' });
  expect((await search({ text: 'darnétal' })).reading).toMatchObject({ servesCommune: { code: '76212', name: 'Darnétal' } });
  expect((await search({ text: 'traiteur Les Loges' })).reading).toMatchObject({ text: 'traiteur', servesCommune: { code: '76390', name: 'Les Loges' }, servesCommuneTyped: 'Les Loges' });
  expect((await search({ text: 'traiteur grand-camp' })).reading).toMatchObject({ text: 'traiteur', servesCommune: { code: '76318', name: 'Grand-Camp' } });
  expect((await search({ text: 'espaces verts Le Trait' })).reading).toMatchObject({ text: 'espaces verts', servesCommune: { code: '76709', name: 'Le Trait' } });
});

test('readPlaces: false searches the text as typed, a commune name included', async () => {
  const asWord = await search({ text: 'espaces verts Rouen', readPlaces: false });
  expect(asWord.reading).toEqual({ text: 'espaces verts Rouen', servesCommune: null, servesCommuneFromText: false, servesCommuneTyped: null, headOfficeCommune: null });
  // Every landscaper, Le Havre's included, that writes the words (none writes « Rouen »): no place restricts it.
  expect((await search({ text: 'espaces verts', readPlaces: false })).names).toEqual(['Coteaux Verts', 'Jardins du Robec', 'Paysages de l’Estuaire']);
  const bad = await t.gql(SEARCH, { filter: { text: 'Rouen', readPlaces: 'non' } });
  expect(codeOf(bad)).toBe('BAD_USER_INPUT');
});

test('the commune filter means « can work there »; the head office is a separate choice', async () => {
  const serves = await search({ text: 'espaces verts', servesCommuneCode: '76540' });
  expect(serves.names).toEqual(['Coteaux Verts', 'Jardins du Robec']);
  expect(serves.reading).toEqual({ text: 'espaces verts', servesCommune: ROUEN, servesCommuneFromText: false, servesCommuneTyped: null, headOfficeCommune: null });
  const headOffice = await search({ text: 'espaces verts', communeCode: '76540' });
  expect(headOffice.names).toEqual(['Jardins du Robec']);
  expect(headOffice.reading).toMatchObject({ servesCommune: null, headOfficeCommune: ROUEN });
  // A commune chosen in the filter wins: the text is then searched as written.
  expect((await search({ text: 'Elbeuf', servesCommuneCode: '76540' })).reading).toMatchObject({ text: 'Elbeuf', servesCommuneFromText: false });
});

test('a page is asked for by its number (offset), and a bad offset is refused naming the field', async () => {
  const all = (await search({}, 50)).names;
  const third = await t.gql(`{ suppliers(first: 2, offset: 2) { edges { node { name } } pageInfo { hasNextPage } } }`);
  expect(third.data.suppliers.edges.map((e: any) => e.node.name)).toEqual(all.slice(2, 4));
  expect(third.data.suppliers.pageInfo.hasNextPage).toBe(true);
  const bad = await t.gql(`{ suppliers(offset: -1) { totalCount } }`);
  expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'offset']);
});
