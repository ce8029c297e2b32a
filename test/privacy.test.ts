// Personal data: who reads contact addresses; a structure's or a firm's user exports its data and
// deletes its account; the introductions stay, anonymised, for the yearly statistics.
import { ERASED_NAME } from '../api/accounts';
import { codeOf, fieldOf, ok, startTestServer, TEST_PASSWORD, type TestServer } from './helpers/server';
import { needInput, supplierInput } from './helpers/fixtures';
import { expectStoredNowhere, storedText } from './helpers/stored';
import { ERASED_EMAIL } from '../api/kernel';

const CREATE = 'mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }';
const POST = 'mutation($i: NeedInput!) { postNeed(input: $i) { id } }';
const EXPORT = '{ exportMyData }';
const DELETE = 'mutation($c: Boolean!) { deleteMyAccount(confirm: $c) }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

describe('personal data', () => {
  let t: TestServer;
  let officer: string;
  let admin: string;
  let company: { token: string; email: string; id: string };
  let otherCompany: { token: string };
  let supplier: { token: string; email: string; id: string };
  let otherSupplier: { token: string };
  let supplierId: string;
  let needId: string;
  let shortlistId: string;

  beforeAll(async () => {
    t = await startTestServer();
    officer = (await t.userWithToken('OFFICER')).token;
    admin = (await t.userWithToken('ADMIN')).token;
    company = await t.userWithToken('COMPANY', { organisationName: 'Menuiserie Duval' });
    otherCompany = await t.userWithToken('COMPANY', { organisationName: 'Autre Entreprise' });
    supplier = await t.userWithToken('SUPPLIER', { organisationName: 'ESAT du Cailly' });
    otherSupplier = await t.userWithToken('SUPPLIER', { organisationName: 'Autre Structure' });
    const input = supplierInput({ name: 'ESAT du Cailly', inclusionKind: 'ESAT', communeCode: '76540', contactEmail: 'direction@esat-cailly.example', description: 'Conditionnement et mise sous pli pour les entreprises.' });
    supplierId = (await ok(t.gql(CREATE, { i: input }, supplier.token))).createSupplier.id;
    // A structure's own inclusion kind counts once an officer confirmed it.
    const { requestedAt } = (await ok(t.gql('query($id: ID!) { supplier(id: $id) { pendingChanges { requestedAt } } }', { id: supplierId }, officer))).supplier.pendingChanges;
    await ok(t.gql('mutation($id: ID!, $at: DateTime!) { reviewSupplierChanges(id: $id, approve: true, requestedAt: $at) { id } }', { id: supplierId, at: requestedAt }, officer));
    await ok(t.gql(CREATE, { i: supplierInput({ name: 'Autre Structure', contactEmail: 'contact@autre-structure.example' }) }, otherSupplier.token));
    needId = (await ok(t.gql(POST, { i: needInput({ title: 'Mise sous pli de nos envois' }) }, company.token))).postNeed.id;
    await ok(t.gql(POST, { i: needInput({ title: 'Besoin d’une autre entreprise' }) }, otherCompany.token));
    shortlistId = (await ok(t.gql('mutation($id: ID!) { draftShortlist(needId: $id) { id } }', { id: needId }, officer))).draftShortlist.id;
    await ok(t.gql('mutation($id: ID!, $s: [ID!]!, $n: [ShortlistNoteInput!]) { updateShortlist(id: $id, supplierIds: $s, notes: $n) { id } }', {
      id: shortlistId, s: [supplierId], n: [{ supplierId, note: 'ESAT du Cailly : voir Mme Dupont, 06 12 34 56 78' }],
    }, officer));
    await ok(t.gql('mutation($id: ID!) { approveShortlist(id: $id) { id } }', { id: shortlistId }, officer));
    await ok(t.gql('mutation($sl: ID!, $s: ID!) { recordOutcome(shortlistId: $sl, supplierId: $s, status: WON, amount: 12000) { rank } }', { sl: shortlistId, s: supplierId }, company.token));
  });
  afterAll(() => t.destroy());

  it('a structure’s contact address is visible to staff and to the structure itself only', async () => {
    const get = 'query($id: ID!) { supplier(id: $id) { contactEmail } }';
    const seen = async (token?: string) => (await t.gql(get, { id: supplierId }, token)).data.supplier.contactEmail;
    expect(await seen()).toBeNull();
    expect(await seen(company.token)).toBeNull();
    expect(await seen(otherSupplier.token)).toBeNull();
    expect(await seen(supplier.token)).toBe('direction@esat-cailly.example');
    expect(await seen(officer)).toBe('direction@esat-cailly.example');
    expect(await seen(admin)).toBe('direction@esat-cailly.example');
    // in the directory too: a structure's user reads its own address, not another's
    const list = await t.gql('{ suppliers { edges { node { name contactEmail } } } }', {}, supplier.token);
    const byName = Object.fromEntries(list.data.suppliers.edges.map((e: any) => [e.node.name, e.node.contactEmail]));
    expect(byName).toEqual({ 'ESAT du Cailly': 'direction@esat-cailly.example', 'Autre Structure': null });
  });

  it('a need’s contact address is read by its firm and staff only; the firm reads the address of the structures introduced to it there only', async () => {
    const get = 'query($id: ID!) { need(id: $id) { contactEmail } }';
    expect((await t.gql(get, { id: needId }, company.token)).data.need.contactEmail).toBe(company.email);
    expect((await t.gql(get, { id: needId }, officer)).data.need.contactEmail).toBe(company.email);
    expect(codeOf(await t.gql(get, { id: needId }, otherCompany.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(get, { id: needId }, supplier.token))).toBe('FORBIDDEN');
    const list = await t.gql('query($id: ID!) { shortlist(id: $id) { items { supplier { name contactEmail } } } }', { id: shortlistId }, company.token);
    // its own approved list: the address its mail gave it; through the need's shortlists too
    expect(list.data.shortlist.items).toEqual([{ supplier: { name: 'ESAT du Cailly', contactEmail: 'direction@esat-cailly.example' } }]);
    const viaNeed = await t.gql('query($id: ID!) { need(id: $id) { shortlists { items { supplier { contactEmail } } } } }', { id: needId }, company.token);
    expect(viaNeed.data.need.shortlists[0].items[0].supplier.contactEmail).toBe('direction@esat-cailly.example');
    const outcome = await t.gql('mutation($sl: ID!, $s: ID!) { recordOutcome(shortlistId: $sl, supplierId: $s, status: WON, amount: 12000) { supplier { contactEmail } } }', { sl: shortlistId, s: supplierId }, company.token);
    expect(outcome.data.recordOutcome.supplier.contactEmail).toBe('direction@esat-cailly.example');
    // elsewhere still null for the firm: the structure's own page, the directory
    expect((await t.gql('query($id: ID!) { supplier(id: $id) { contactEmail } }', { id: supplierId }, company.token)).data.supplier.contactEmail).toBeNull();
    const directory = await t.gql('{ suppliers { edges { node { name contactEmail } } } }', {}, company.token);
    expect(directory.data.suppliers.edges.map((e: any) => e.node.contactEmail)).toEqual([null, null]);
    // another firm cannot read the list at all
    expect(codeOf(await t.gql('query($id: ID!) { shortlist(id: $id) { items { supplier { contactEmail } } } }', { id: shortlistId }, otherCompany.token))).toBe('FORBIDDEN');
  });

  it('a firm reads no address on a draft of its need', async () => {
    const draft = (await ok(t.gql('mutation($id: ID!) { draftShortlist(needId: $id) { id } }', { id: needId }, officer))).draftShortlist.id;
    expect(codeOf(await t.gql('query($id: ID!) { shortlist(id: $id) { items { supplier { contactEmail } } } }', { id: draft }, company.token))).toBe('FORBIDDEN');
    const lists = await t.gql('query($id: ID!) { need(id: $id) { shortlists { status } } }', { id: needId }, company.token);
    expect(lists.data.need.shortlists.map((s: any) => s.status)).not.toContain('DRAFT');
  });

  it('a structure exports its account, organisation, profile and introductions as JSON, without secrets', async () => {
    const res = await t.gql(EXPORT, {}, supplier.token);
    expect(res.errors).toBeUndefined();
    const data = JSON.parse(res.data.exportMyData);
    expect(data.account).toMatchObject({ id: supplier.id, email: supplier.email, role: 'SUPPLIER' });
    expect(data.organisation).toMatchObject({ name: 'ESAT du Cailly', kind: 'SUPPLIER' });
    expect(data.supplierProfile).toMatchObject({ id: supplierId, name: 'ESAT du Cailly', contactEmail: 'direction@esat-cailly.example', inclusionKind: 'ESAT' });
    expect(data.introductions).toEqual([
      expect.objectContaining({ shortlistId, need: expect.objectContaining({ title: 'Mise sous pli de nos envois' }), outcome: expect.objectContaining({ status: 'WON', amount: 12000 }) }),
    ]);
    expect(res.data.exportMyData).not.toMatch(/passwordHash|scrypt|searchText/);
    expect(res.data.exportMyData).not.toContain('Autre Structure');
  });

  it('a firm exports its needs and introductions, not another firm’s', async () => {
    const data = JSON.parse((await t.gql(EXPORT, {}, company.token)).data.exportMyData);
    expect(data.account).toMatchObject({ email: company.email, role: 'COMPANY' });
    expect(data.needs.map((n: any) => n.title)).toEqual(['Mise sous pli de nos envois']);
    expect(data.introductions).toEqual([expect.objectContaining({ shortlistId, structures: ['ESAT du Cailly'] })]);
    expect(JSON.stringify(data)).not.toContain('Besoin d’une autre entreprise');
  });

  it('deletion needs confirm: true; without it nothing changes', async () => {
    const res = await t.gql(DELETE, { c: false }, supplier.token);
    expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', 'confirm']);
    expect((await t.gql('{ me { id } }', {}, supplier.token)).data.me.id).toBe(supplier.id);
    expect((await t.gql('query($id: ID!) { supplier(id: $id) { name } }', { id: supplierId })).data.supplier.name).toBe('ESAT du Cailly');
  });

  it('a structure deletes its account and profile; its introduction stays, anonymised, in the statistics', async () => {
    const stats = '{ impactStats(from: "2020-01-01", to: "2035-12-31") { introductions structuresIntroduced amountWon introductionsByInclusionKind { inclusionKind count } introductionsByCommune { commune { code } count } } }';
    const before = (await ok(t.gql(stats, {}, officer))).impactStats;
    const indexed = t.server.services.matching.size;

    expect((await ok(t.gql(DELETE, { c: true }, supplier.token))).deleteMyAccount).toBe(true);

    // the account: its token and its password no longer work
    expect(codeOf(await t.gql('{ me { id } }', {}, supplier.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(LOGIN, { e: supplier.email, p: TEST_PASSWORD }))).toBe('UNAUTHENTICATED');
    // the profile: out of the directory, the API and the matcher
    expect((await t.gql('query($id: ID!) { supplier(id: $id) { id } }', { id: supplierId })).data.supplier).toBeNull();
    expect((await t.gql('{ suppliers { edges { node { name } } } }')).data.suppliers.edges.map((e: any) => e.node.name)).toEqual(['Autre Structure']);
    expect(t.server.services.matching.size).toBe(indexed - 1);
    const matches = (await ok(t.gql('query($id: ID!) { matchSuppliers(needId: $id, limit: 50) { supplier { id } } }', { id: needId }, officer))).matchSuppliers;
    expect(matches.map((m: any) => m.supplier.id)).not.toContain(supplierId);
    expect(codeOf(await t.gql('mutation($id: ID!) { updateSupplier(id: $id, input: { employees: 1 }) { id } }', { id: supplierId }, officer))).toBe('NOT_FOUND');

    // the introduction: kept, naming no one; the outcome and the figures unchanged
    const list = await ok(t.gql('query($id: ID!) { shortlist(id: $id) { items { note reasons supplier { name contactEmail website inclusionKind commune { code } } outcome { status amount } } mails { recipient to } } }', { id: shortlistId }, officer));
    expect(list.shortlist.items).toEqual([
      { note: null, reasons: [], supplier: { name: ERASED_NAME, contactEmail: ERASED_EMAIL, website: null, inclusionKind: 'ESAT', commune: { code: '76540' } }, outcome: { status: 'WON', amount: 12000 } },
    ]);
    expect(list.shortlist.mails.filter((m: any) => m.recipient === 'SUPPLIER').map((m: any) => m.to)).toEqual([ERASED_EMAIL]);
    expect((await ok(t.gql(stats, {}, officer))).impactStats).toEqual(before);

    // nothing that named the structure or its user is left in the data files, once the mails the
    // outbox was writing at that moment have been dealt with too
    await expectStoredNowhere(t, 'direction@esat-cailly.example', supplier.email, 'ESAT du Cailly', 'Conditionnement et mise sous pli', 'Mme Dupont');
  });

  it('a firm’s user deletes its account: its needs stay for the statistics, without its address', async () => {
    const own = await t.userWithToken('COMPANY', { organisationName: 'Garage Lefebvre' });
    const posted = (await ok(t.gql(POST, { i: needInput({ title: 'Entretien des abords du garage' }) }, own.token))).postNeed.id;
    const organisations = await t.server.services.store.organisations.count({});
    expect((await ok(t.gql(DELETE, { c: true }, own.token))).deleteMyAccount).toBe(true);
    expect(codeOf(await t.gql('{ me { id } }', {}, own.token))).toBe('UNAUTHENTICATED');
    const need = (await ok(t.gql('query($id: ID!) { need(id: $id) { title contactEmail companyName } }', { id: posted }, officer))).need;
    expect(need).toEqual({ title: 'Entretien des abords du garage', contactEmail: ERASED_EMAIL, companyName: 'Garage Lefebvre' });
    expect(await t.server.services.store.organisations.count({})).toBe(organisations - 1); // nobody left in it
    expect(await storedText(t)).not.toContain(own.email);
    // the other firm is untouched
    expect((await t.gql('{ me { id } }', {}, otherCompany.token)).data.me).not.toBeNull();
  });

  it('a structure with no introduction leaves no stub behind', async () => {
    const own = await t.userWithToken('SUPPLIER', { organisationName: 'Ressourcerie Seine' });
    const id = (await ok(t.gql(CREATE, { i: supplierInput({ name: 'Ressourcerie Seine', contactEmail: 'bonjour@ressourcerie.example' }) }, own.token))).createSupplier.id;
    expect((await ok(t.gql(DELETE, { c: true }, own.token))).deleteMyAccount).toBe(true);
    expect(await t.server.services.store.suppliers.findById(id)).toBeNull();
    expect(await storedText(t)).not.toContain('bonjour@ressourcerie.example');
  });
});
