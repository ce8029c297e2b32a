// What a structure declares about itself (inclusion kind, labels) waits for an officer: the matcher
// and the directory use the confirmed values; labels come from the known list. Through HTTP.
import { needInput, supplierInput } from './helpers/fixtures';
import { codeOf, fieldOf, startTestServer, type TestServer } from './helpers/server';

const PROFILE = 'id inclusionKind labels pendingChanges { inclusionKind labels requestedAt }';
const CREATE = `mutation($i: SupplierInput!) { createSupplier(input: $i) { ${PROFILE} } }`;
const UPDATE = `mutation($id: ID!, $i: SupplierUpdateInput!) { updateSupplier(id: $id, input: $i) { ${PROFILE} } }`;
const REVIEW = `mutation($id: ID!, $ok: Boolean!) { reviewSupplierChanges(id: $id, approve: $ok) { ${PROFILE} } }`;
const PENDING = `{ suppliersWithPendingChanges { ${PROFILE} } }`;
const GET = `query($id: ID!) { supplier(id: $id) { ${PROFILE} } }`;
const DIRECTORY = `query($kinds: [InclusionKind!], $labels: [String!]) { suppliers(filter: { inclusionKinds: $kinds, labels: $labels }, first: 100) { edges { node { id } } } }`;

describe('self-declared inclusion kind and labels', () => {
  let t: TestServer;
  let officer: string;
  let structure: string;
  let id: string;
  beforeAll(async () => {
    t = await startTestServer();
    officer = (await t.userWithToken('OFFICER')).token;
    structure = (await t.userWithToken('SUPPLIER', { organisationName: 'Les Ateliers du Cailly' })).token;
  });
  afterAll(() => t.destroy());

  const inDirectory = async (filter: { kinds?: string[]; labels?: string[] }) =>
    (await t.gql(DIRECTORY, { kinds: filter.kinds ?? null, labels: filter.labels ?? null })).data.suppliers.edges.some((e: any) => e.node.id === id);

  it('a structure’s own profile starts with its inclusion kind and labels pending; an officer confirms them', async () => {
    const created = await t.gql(CREATE, { i: supplierInput({ name: 'Les Ateliers du Cailly', inclusionKind: 'EA', labels: ['iso 9001'] }) }, structure);
    expect(created.errors).toBeUndefined();
    id = created.data.createSupplier.id;
    expect(created.data.createSupplier).toMatchObject({ inclusionKind: null, labels: [], pendingChanges: { inclusionKind: 'EA', labels: ['ISO 9001'] } });
    expect(await inDirectory({ kinds: ['EA'] })).toBe(false);

    const listed = (await t.gql(PENDING, {}, officer)).data.suppliersWithPendingChanges;
    expect(listed.map((s: any) => s.id)).toContain(id);
    const confirmed = await t.gql(REVIEW, { id, ok: true }, officer);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data.reviewSupplierChanges).toMatchObject({ inclusionKind: 'EA', labels: ['ISO 9001'], pendingChanges: null });
    expect(await inDirectory({ kinds: ['EA'], labels: ['ISO 9001'] })).toBe(true);
    expect((await t.gql(PENDING, {}, officer)).data.suppliersWithPendingChanges.map((s: any) => s.id)).not.toContain(id);
  });

  it('labels come from the known list: an unknown one is refused, named, with the close names; nothing is written', async () => {
    const bogus = await t.gql(UPDATE, { id, i: { inclusionKind: 'ESAT', labels: ['Label bidon inventé'] } }, structure);
    expect(codeOf(bogus)).toBe('BAD_USER_INPUT');
    expect(fieldOf(bogus)).toBe('labels');
    expect(bogus.errors![0]!.message).toMatch(/^« labels » : label inconnu : « Label bidon inventé »\. Labels connus : RGE, /);
    const typo = await t.gql(UPDATE, { id, i: { labels: ['Qualiopy'] } }, structure);
    expect(typo.errors![0]!.message).toBe('« labels » : label inconnu : « Qualiopy ». Vouliez-vous dire « QUALIOPI » ?');
    // An officer is held to the same list.
    expect(fieldOf(await t.gql(UPDATE, { id, i: { labels: ['Label bidon inventé'] } }, officer))).toBe('labels');
    expect((await t.gql(GET, { id }, officer)).data.supplier).toMatchObject({ inclusionKind: 'EA', labels: ['ISO 9001'], pendingChanges: null });
  });

  it('a change of kind or labels by the structure stays pending: the directory and the matcher keep the confirmed values', async () => {
    const changed = await t.gql(UPDATE, { id, i: { inclusionKind: 'ESAT', labels: ['ISO 9001', 'QUALIOPI'], employees: 40 } }, structure);
    expect(changed.errors).toBeUndefined();
    // Other fields apply at once; the declaration waits.
    expect(changed.data.updateSupplier).toMatchObject({ inclusionKind: 'EA', labels: ['ISO 9001'], pendingChanges: { inclusionKind: 'ESAT', labels: ['ISO 9001', 'QUALIOPI'] } });
    expect(await inDirectory({ kinds: ['ESAT'] })).toBe(false);
    expect(await inDirectory({ kinds: ['EA'] })).toBe(true);

    const need = await t.gql('mutation($i: NeedInput!) { postNeed(input: $i) { id } }', {
      i: needInput({ title: 'Conditionnement réservé ESAT', companyName: 'Cosmétiques de Seine', contactEmail: 'achats@cosmetiques.example', requiredInclusionKinds: ['ESAT'] }),
    }, officer);
    const match = async () =>
      ((await t.gql('query($n: ID!) { matchSuppliers(needId: $n, limit: 50) { eligible supplier { id } } }', { n: need.data.postNeed.id }, officer)).data.matchSuppliers as any[]).find((m) => m.supplier.id === id);
    expect((await match())?.eligible ?? false).toBe(false);

    // What is pending is the Métropole's and the structure's business only.
    const company = await t.userWithToken('COMPANY');
    expect((await t.gql(GET, { id }, company.token)).data.supplier.pendingChanges).toBeNull();
    expect((await t.gql(GET, { id })).data.supplier.pendingChanges).toBeNull();
    expect((await t.gql(GET, { id }, structure)).data.supplier.pendingChanges).toMatchObject({ inclusionKind: 'ESAT' });
    expect(codeOf(await t.gql(PENDING, {}, company.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(REVIEW, { id, ok: true }, structure))).toBe('FORBIDDEN');

    const confirmed = await t.gql(REVIEW, { id, ok: true }, officer);
    expect(confirmed.data.reviewSupplierChanges).toMatchObject({ inclusionKind: 'ESAT', labels: ['ISO 9001', 'QUALIOPI'], pendingChanges: null });
    expect(await inDirectory({ kinds: ['ESAT'], labels: ['QUALIOPI'] })).toBe(true);
    expect((await match())?.eligible).toBe(true);
  });

  it('an officer may refuse a declaration: the confirmed values stay; staff edits apply at once', async () => {
    await t.gql(UPDATE, { id, i: { inclusionKind: 'EI' } }, structure);
    const refused = await t.gql(REVIEW, { id, ok: false }, officer);
    expect(refused.data.reviewSupplierChanges).toMatchObject({ inclusionKind: 'ESAT', pendingChanges: null });
    expect(codeOf(await t.gql(REVIEW, { id, ok: true }, officer))).toBe('CONFLICT');
    const byOfficer = await t.gql(UPDATE, { id, i: { labels: ['RGE'] } }, officer);
    expect(byOfficer.data.updateSupplier).toMatchObject({ labels: ['RGE'], pendingChanges: null });
  });
});
