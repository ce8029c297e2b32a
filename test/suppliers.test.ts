import { codeOf, fieldOf, startTestServer, type TestServer } from './helpers/server';
import { supplierInput } from './helpers/fixtures';

const FIELDS = 'id name siret legalForm inclusionKind description services nafCodes commune { code name } interventionRadiusKm employees maxContractValue labels contactEmail website';
const CREATE = `mutation($input: SupplierInput!) { createSupplier(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: SupplierUpdateInput!) { updateSupplier(id: $id, input: $input) { ${FIELDS} } }`;
const GET = `query($id: ID!) { supplier(id: $id) { id name contactEmail commune { name } } }`;

describe('suppliers', () => {
  let t: TestServer;
  let officer: string;
  beforeAll(async () => {
    t = await startTestServer();
    officer = (await t.userWithToken('OFFICER')).token;
  });
  afterAll(() => t.destroy());

  const count = () => t.server.services.store.suppliers.count({});

  it('an officer creates a structure; values are normalised', async () => {
    const res = await t.gql(CREATE, { input: supplierInput({ name: '  Les Jardins de la Seine  ', nafCodes: ['8130z'], contactEmail: 'Contact@Jardins-Seine.example' }) }, officer);
    expect(res.errors).toBeUndefined();
    expect(res.data.createSupplier).toMatchObject({
      name: 'Les Jardins de la Seine',
      nafCodes: ['81.30Z'],
      labels: ['ECOCERT'],
      contactEmail: 'contact@jardins-seine.example',
      commune: { code: '76540', name: 'Rouen' },
    });
  });

  it('anonymous is UNAUTHENTICATED, a company is FORBIDDEN', async () => {
    expect(codeOf(await t.gql(CREATE, { input: supplierInput() }))).toBe('UNAUTHENTICATED');
    const company = await t.userWithToken('COMPANY');
    expect(codeOf(await t.gql(CREATE, { input: supplierInput() }, company.token))).toBe('FORBIDDEN');
  });

  it('a SUPPLIER user creates the one profile of its organisation and edits only that one', async () => {
    const own = await t.userWithToken('SUPPLIER', { organisationName: 'Recyclerie du Robec' });
    const created = await t.gql(CREATE, { input: supplierInput({ name: 'Recyclerie du Robec' }) }, own.token);
    expect(created.errors).toBeUndefined();
    const id = created.data.createSupplier.id;
    expect(codeOf(await t.gql(CREATE, { input: supplierInput({ name: 'Second profil' }) }, own.token))).toBe('CONFLICT');

    const edited = await t.gql(UPDATE, { id, input: { employees: 12, website: null } }, own.token);
    expect(edited.data.updateSupplier).toMatchObject({ employees: 12, website: null, name: 'Recyclerie du Robec' });

    const other = await t.userWithToken('SUPPLIER', { organisationName: 'Autre structure' });
    expect(codeOf(await t.gql(UPDATE, { id, input: { employees: 1 } }, other.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(UPDATE, { id, input: { name: null } }, officer))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(UPDATE, { id: 'nope', input: { employees: 1 } }, officer))).toBe('NOT_FOUND');
  });

  it('two structures whose users share an email domain stay two organisations', async () => {
    const alice = await t.userWithToken('SUPPLIER');
    const bob = await t.userWithToken('SUPPLIER'); // same domain as alice, no organisation named
    const created = await t.gql(CREATE, { input: supplierInput({ name: 'Structure d’Alice' }) }, alice.token);
    expect(created.errors).toBeUndefined();
    const id = created.data.createSupplier.id;
    expect(codeOf(await t.gql(UPDATE, { id, input: { name: 'Prise par Bob' } }, bob.token))).toBe('FORBIDDEN');
    expect((await t.gql(CREATE, { input: supplierInput({ name: 'Structure de Bob' }) }, bob.token)).errors).toBeUndefined();
  });

  it('contactEmail is visible only to staff and the structure itself', async () => {
    const own = await t.userWithToken('SUPPLIER', { organisationName: 'Atelier Vélo Solidaire' });
    const { data } = await t.gql(CREATE, { input: supplierInput({ name: 'Atelier Vélo Solidaire', contactEmail: 'Contact@Atelier-Velo.example' }) }, own.token);
    const id = data.createSupplier.id;
    const company = await t.userWithToken('COMPANY');
    const other = await t.userWithToken('SUPPLIER', { organisationName: 'Quelqu’un d’autre' });
    expect((await t.gql(GET, { id })).data.supplier).toMatchObject({ name: 'Atelier Vélo Solidaire', contactEmail: null });
    expect((await t.gql(GET, { id }, company.token)).data.supplier.contactEmail).toBeNull();
    expect((await t.gql(GET, { id }, other.token)).data.supplier.contactEmail).toBeNull();
    expect((await t.gql(GET, { id }, own.token)).data.supplier.contactEmail).toBe('contact@atelier-velo.example');
    expect((await t.gql(GET, { id }, officer)).data.supplier.contactEmail).toBe('contact@atelier-velo.example');
    expect((await t.gql(GET, { id: 'inconnu' })).data.supplier).toBeNull();
  });

  it.each([
    ['siret', { siret: '12345678901234' }, 'SIRET invalide'],
    ['siret', { siret: '1234' }, 'SIRET invalide'],
    ['communeCode', { communeCode: '99999' }, 'commune inconnue'],
    ['nafCodes', { nafCodes: ['99.99Z'] }, 'code NAF inconnu'],
    ['contactEmail', { contactEmail: 'pas-une-adresse' }, 'adresse e-mail invalide'],
    ['name', { name: '   ' }, 'ne doit pas être vide'],
    ['name', { name: '\u200b\u200b' }, 'ne doit pas être vide'],
    ['name', { name: '\u200c\u200d \u2060\ufeff\u00ad' }, 'ne doit pas être vide'],
    ['description', { description: '\u200b' }, 'ne doit pas être vide'],
    ['labels', { labels: ['\u200b'] }, 'ne peut pas être vide'],
    ['services', { services: ['\u00ad\u2060'] }, 'ne peut pas être vide'],
    ['name', { name: 'x'.repeat(201) }, '200 caractères'],
    ['description', { description: 'x'.repeat(5001) }, '5000 caractères'],
    ['description', { description: 'x'.repeat(200_000) }, '5000 caractères'],
    ['services', { services: Array.from({ length: 31 }, (_, i) => `prestation ${i}`) }, '« services » : 30 prestations au plus'],
    ['labels', { labels: ['x'.repeat(61)] }, '60 caractères'],
    ['employees', { employees: -1 }, 'entre 0 et 1\u00a0000\u00a0000\u00a0salariés'],
    ['maxContractValue', { maxContractValue: -5 }, 'entre 0 et 1\u00a0000\u00a0000\u00a0000\u00a0€'],
    ['website', { website: 'javascript:alert(1)' }, 'adresse web invalide'],
    ['longitude', { latitude: 49.4 }, 'vont ensemble'],
    ['latitude', { latitude: 95, longitude: 1 }, 'latitude entre -90 et 90'],
  ])('refuses a bad %s with a French message naming it, and writes nothing', async (field, overrides, message) => {
    const before = await count();
    const res = await t.gql(CREATE, { input: supplierInput(overrides) }, officer);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe(field);
    expect(res.errors![0]!.message).toContain(message);
    expect(res.errors![0]!.message).toContain(`« ${field} »`);
    expect(await count()).toBe(before);
  });

  it('a missing required field is BAD_USER_INPUT naming it', async () => {
    const { name: _name, ...input } = supplierInput();
    const res = await t.gql(CREATE, { input }, officer);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe('name');
  });

  it('a duplicate SIRET is a CONFLICT and leaves nothing behind', async () => {
    const input = supplierInput({ name: 'Première' });
    expect((await t.gql(CREATE, { input }, officer)).errors).toBeUndefined();
    const suppliers = await count();
    const organisations = await t.server.services.store.organisations.count({});
    const res = await t.gql(CREATE, { input: { ...input, name: 'Doublon' } }, officer);
    expect(codeOf(res)).toBe('CONFLICT');
    expect(fieldOf(res)).toBe('siret');
    expect(await count()).toBe(suppliers);
    expect(await t.server.services.store.organisations.count({})).toBe(organisations);
  });

  it('removes invisible characters from what people type', async () => {
    const res = await t.gql(CREATE, { input: supplierInput({ name: 'Atelier\u0000 du \u202ERobec', description: 'Ligne 1\nLigne\u0007 2' }) }, officer);
    expect(res.errors).toBeUndefined();
    expect(res.data.createSupplier).toMatchObject({ name: 'Atelier du Robec', description: 'Ligne 1\nLigne 2' });
    // zero-width characters and soft hyphens too, before the length is counted
    const zeroWidth = await t.gql(CREATE, { input: supplierInput({ name: `Ate\u200blier\u00ad du\u2060 Ro\ufeffbec${'\u200b'.repeat(300)}` }) }, officer);
    expect(zeroWidth.errors).toBeUndefined();
    expect(zeroWidth.data.createSupplier.name).toBe('Atelier du Robec');
  });

  it('an update says which required field cannot be emptied, and a move forgets the old coordinates', async () => {
    const { id } = (await t.gql(CREATE, { input: supplierInput({ latitude: 49.44, longitude: 1.09 }) }, officer)).data.createSupplier;
    const emptied = await t.gql(UPDATE, { id, input: { name: null } }, officer);
    expect([codeOf(emptied), fieldOf(emptied)]).toEqual(['BAD_USER_INPUT', 'name']);
    expect(emptied.errors![0]!.message).toBe('« name » : ce champ est obligatoire.');
    expect((await t.gql(UPDATE, { id, input: { communeCode: '76231' } }, officer)).errors).toBeUndefined();
    expect(await t.server.services.store.suppliers.findById(id)).toMatchObject({ communeCode: '76231', latitude: null, longitude: null });
    expect((await t.gql(UPDATE, { id, input: { communeCode: '76540', latitude: 49.45, longitude: 1.1 } }, officer)).errors).toBeUndefined();
    expect(await t.server.services.store.suppliers.findById(id)).toMatchObject({ communeCode: '76540', latitude: 49.45, longitude: 1.1 });
  });

  it('accepts given coordinates and a SIRET written with spaces', async () => {
    const res = await t.gql(CREATE, { input: supplierInput({ latitude: 49.44, longitude: 1.09, siret: '732 829 320 00074' }) }, officer);
    expect(res.errors).toBeUndefined();
    expect(res.data.createSupplier.siret).toBe('73282932000074');
  });
});
