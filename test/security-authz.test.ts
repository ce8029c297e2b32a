// The authorisation matrix: every Query and Mutation field of the served schema, run by every kind
// of viewer. A = allowed (data, or a business answer such as CONFLICT or BAD_USER_INPUT: the
// viewer got past the guard), F = FORBIDDEN, U = UNAUTHENTICATED. An operation added to the
// schema without a row here fails the first test.
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { loadTypeDefs } from '../graphql/schema';
import { codeOf, ok, startTestServer, TEST_PASSWORD, type GraphQLResponse, type TestServer } from './helpers/server';
import { needInput, supplierInput } from './helpers/fixtures';
import { createUser } from '../api/accounts';
import { supplierSlug } from '../api/directory';

const VIEWERS = ['anonymous', 'company', 'supplier', 'officer', 'admin', 'otherCompany', 'otherSupplier'] as const;
type ViewerName = (typeof VIEWERS)[number];
type Verdict = 'A' | 'F' | 'U';

interface Fixtures {
  needId: string;
  otherNeedId: string;
  supplierId: string;
  draftId: string;
  approvedId: string;
  approvedNeedId: string;
  loginEmail: string;
}

interface Row {
  operation: string;
  /** Verdicts in VIEWERS order: anonymous, company, supplier, officer, admin, otherCompany, otherSupplier. */
  expected: string;
  query: string;
  variables?: (f: Fixtures) => Record<string, unknown>;
  /** Extra checks on an allowed answer (what the viewer may see of it). */
  check?: (res: GraphQLResponse, viewer: ViewerName, f: Fixtures) => void;
}

// prettier-ignore
const ROWS: Row[] = [
  // operation                 anon,co,su,of,ad,co',su'
  { operation: 'me', expected: 'AAAAAAA', query: '{ me { id } }' },
  { operation: 'metropoleCommunes', expected: 'AAAAAAA', query: '{ metropoleCommunes { code } }' },
  { operation: 'communes', expected: 'AAAAAAA', query: '{ communes(search: "rouen") { code } }' },
  { operation: 'nafCodes', expected: 'AAAAAAA', query: '{ nafCodes(search: "paysager") { code } }' },
  { operation: 'nafCodesByCode', expected: 'AAAAAAA', query: '{ nafCodesByCode(codes: ["81.30Z"]) { code label } }' },
  { operation: 'supplier', expected: 'AAAAAAA', query: 'query($id: ID!) { supplier(id: $id) { id } }', variables: (f) => ({ id: f.supplierId }) },
  { operation: 'suppliers', expected: 'AAAAAAA', query: '{ suppliers { totalCount } }' },
  {
    operation: 'supplierBySlug', expected: 'AAAAAAA', query: 'query($s: String!) { supplierBySlug(slug: $s) { id } }',
    variables: (f) => ({ s: supplierSlug({ id: f.supplierId, name: 'Structure A' }) }),
    check: (res, _viewer, f) => expect(res.data.supplierBySlug).toEqual({ id: f.supplierId }),
  },
  { operation: 'suppliersWithPendingChanges', expected: 'UFFAAFF', query: '{ suppliersWithPendingChanges { id } }' },
  // an unknown structure: staff get NOT_FOUND, past the guard
  { operation: 'reviewSupplierChanges', expected: 'UFFAAFF', query: 'mutation { reviewSupplierChanges(id: "inconnu", approve: true, requestedAt: "2026-01-01T00:00:00Z") { id } }' },
  { operation: 'need', expected: 'UAFAAFF', query: 'query($id: ID!) { need(id: $id) { id } }', variables: (f) => ({ id: f.needId }) },
  {
    operation: 'needs', expected: 'UAFAAAF', query: '{ needs(first: 100) { edges { node { id } } } }',
    check: (res, viewer, f) => {
      const ids = res.data.needs.edges.map((e: any) => e.node.id);
      // a firm sees only its own needs
      expect(ids.includes(f.needId)).toBe(viewer !== 'otherCompany');
      expect(ids.includes(f.otherNeedId)).toBe(viewer !== 'company');
    },
  },
  { operation: 'matchSuppliers', expected: 'UFFAAFF', query: 'query($id: ID!) { matchSuppliers(needId: $id) { score } }', variables: (f) => ({ id: f.needId }) },
  { operation: 'shortlist', expected: 'UAFAAFF', query: 'query($id: ID!) { shortlist(id: $id) { id } }', variables: (f) => ({ id: f.approvedId }) },
  // a draft is the Métropole's work in progress: not even its firm reads it
  { operation: 'shortlist', expected: 'UFFAAFF', query: 'query($id: ID!) { shortlist(id: $id) { id } }', variables: (f) => ({ id: f.draftId }) },
  { operation: 'needsAwaitingShortlist', expected: 'UFFAAFF', query: '{ needsAwaitingShortlist { totalCount } }' },
  { operation: 'introductions', expected: 'UFFAAFF', query: '{ introductions { totalCount } }' },
  { operation: 'failedMails', expected: 'UFFAAFF', query: '{ failedMails { id } }' },
  { operation: 'impactStats', expected: 'UFFAAFF', query: '{ impactStats(from: "2020-01-01", to: "2030-12-31") { needsPosted } }' },
  { operation: 'exportMyData', expected: 'UAAAAAA', query: '{ exportMyData }' },

  { operation: 'login', expected: 'AAAAAAA', query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', variables: (f) => ({ e: f.loginEmail, p: TEST_PASSWORD }) },
  // the SUPPLIER users already have their one profile: CONFLICT, past the guard
  { operation: 'createSupplier', expected: 'UFAAAFA', query: 'mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }', variables: () => ({ i: supplierInput() }) },
  // a structure edits only its own profile
  { operation: 'updateSupplier', expected: 'UFAAAFF', query: 'mutation($id: ID!) { updateSupplier(id: $id, input: { employees: 7 }) { id } }', variables: (f) => ({ id: f.supplierId }) },
  // an unknown id: staff get NOT_FOUND, past the guard, and the fixtures stay
  { operation: 'deleteSupplier', expected: 'UFFAAFF', query: 'mutation { deleteSupplier(id: "inconnu") }' },
  { operation: 'detachUser', expected: 'UFFAAFF', query: 'mutation { detachUser(userId: "inconnu") }' },
  { operation: 'postNeed', expected: 'AAFAAAF', query: 'mutation($i: NeedInput!) { postNeed(input: $i) { id } }', variables: () => ({ i: needInput({ companyName: 'Pour le compte de', contactEmail: 'achats@pour-le-compte.example' }) }) },
  // the need already has its introductions: its firm and staff get CONFLICT, past the guard, and the fixtures stay
  { operation: 'updateNeed', expected: 'UAFAAFF', query: 'mutation($id: ID!) { updateNeed(id: $id, input: { title: "Modifié" }) { id } }', variables: (f) => ({ id: f.approvedNeedId }) },
  { operation: 'confirmMyNeed', expected: 'UAFFFFF', query: 'mutation($id: ID!) { confirmMyNeed(id: $id) { id } }', variables: (f) => ({ id: f.needId }) },
  { operation: 'withdrawNeed', expected: 'UAFAAFF', query: 'mutation($id: ID!) { withdrawNeed(id: $id, reason: "Essai") { id } }', variables: (f) => ({ id: f.approvedNeedId }) },
  // an unknown need: staff get NOT_FOUND, past the guard
  { operation: 'closeNeed', expected: 'UFFAAFF', query: 'mutation { closeNeed(id: "inconnu") { id } }' },
  { operation: 'draftShortlist', expected: 'UFFAAFF', query: 'mutation($id: ID!) { draftShortlist(needId: $id) { id } }', variables: (f) => ({ id: f.needId }) },
  { operation: 'updateShortlist', expected: 'UFFAAFF', query: 'mutation($id: ID!, $s: [ID!]!) { updateShortlist(id: $id, supplierIds: $s) { id } }', variables: (f) => ({ id: f.draftId, s: [f.supplierId] }) },
  // approving the already approved list again: idempotent, sends nothing new
  { operation: 'approveShortlist', expected: 'UFFAAFF', query: 'mutation($id: ID!) { approveShortlist(id: $id) { id } }', variables: (f) => ({ id: f.approvedId }) },
  {
    operation: 'recordOutcome', expected: 'UAFAAFF', query: 'mutation($sl: ID!, $s: ID!) { recordOutcome(shortlistId: $sl, supplierId: $s, status: CONTACTED) { rank } }',
    variables: (f) => ({ sl: f.approvedId, s: f.supplierId }),
  },
  { operation: 'inclusionKindPresets', expected: 'AAAAAAA', query: '{ inclusionKindPresets { label } }' },
  { operation: 'proposeGroupements', expected: 'UFFAAFF', query: 'query($id: ID!) { proposeGroupements(needId: $id) { score } }', variables: (f) => ({ id: f.needId }) },
  { operation: 'previewIntroduction', expected: 'UFFAAFF', query: 'query($id: ID!) { previewIntroduction(shortlistId: $id) { to } }', variables: (f) => ({ id: f.draftId }) },
  // an unknown mail: staff get NOT_FOUND, past the guard
  { operation: 'retryMail', expected: 'UFFAAFF', query: 'mutation { retryMail(id: "inconnu") { id } }' },
  // always true, whoever asks and whatever the address (no account enumeration)
  { operation: 'requestAccessLink', expected: 'AAAAAAA', query: 'mutation { requestAccessLink(email: "personne@exemple.fr") }' },
  // no guard on who asks: an unusable link is refused alike for everyone, signed in or not
  { operation: 'signInWithLink', expected: 'UUUUUUU', query: 'mutation { signInWithLink(token: "inutilisable") { token } }' },
  { operation: 'recordSupplierAnswer', expected: 'UFFAAFF', query: 'mutation($sl: ID!, $s: ID!) { recordSupplierAnswer(shortlistId: $sl, supplierId: $s, answer: INTERESTED) { rank } }', variables: (f) => ({ sl: f.approvedId, s: f.supplierId }) },
  // confirm: false: the guard answers first (staff: FORBIDDEN), then BAD_USER_INPUT; nobody is deleted
  { operation: 'deleteMyAccount', expected: 'UAAFFAA', query: 'mutation { deleteMyAccount(confirm: false) }' },

  // Stage 4. Anyone: a purchase's potential (no personal data).
  { operation: 'inclusivePotential', expected: 'AAAAAAA', query: '{ inclusivePotential(input: { text: "Nettoyage de bureaux", communeCode: "76540" }) { total } }' },
  // The invitation campaign and the console's imports: officers only (unknown ids: NOT_FOUND, past the guard).
  { operation: 'invitationCampaign', expected: 'UFFAAFF', query: '{ invitationCampaign { __typename } }' },
  { operation: 'inviteSuppliers', expected: 'UFFAAFF', query: 'mutation { inviteSuppliers(supplierIds: []) { invited } }' },
  { operation: 'importJob', expected: 'UFFAAFF', query: '{ importJob(id: "inconnu") { id } }' },
  { operation: 'importJobs', expected: 'UFFAAFF', query: '{ importJobs { id } }' },
  { operation: 'uploadImportChunk', expected: 'UFFAAFF', query: 'mutation { uploadImportChunk(fileName: "a.csv", chunk: "name,communeCode") { id } }' },
  { operation: 'runImport', expected: 'UFFAAFF', query: 'mutation { runImport(uploadId: "inconnu", format: CSV, dryRun: true) { id } }' },
  { operation: 'cancelImport', expected: 'UFFAAFF', query: 'mutation { cancelImport(id: "inconnu") { id } }' },
  // Public contracts: a buyer's own figures (a firm that is no public buyer gets none of anyone's), staff any.
  { operation: 'publicContractStats', expected: 'UFFAAFF', query: '{ publicContractStats(from: "2026-01-01", to: "2027-01-01") { contracts } }' },
  { operation: 'publicContracts', expected: 'UFFAAFF', query: '{ publicContracts(from: "2026-01-01", to: "2027-01-01") { id } }' },
  { operation: 'organisations', expected: 'UFFAAFF', query: '{ organisations { id } }' },
  { operation: 'setOrganisationKind', expected: 'UFFAAFF', query: 'mutation { setOrganisationKind(organisationId: "inconnu", kind: PUBLIC_BUYER, siret: "21760540100017") { id } }' },
  // A buyer's spend: its own organisation's (firms), staff for an organisation they name; structures never.
  { operation: 'spendAnalyses', expected: 'UAFAAAF', query: '{ spendAnalyses { id } }' },
  { operation: 'analyseSpend', expected: 'UAFAAAF', query: 'mutation { analyseSpend(csv: "") { id } }' },
  // an unknown analysis: NOT_FOUND to every signed-in viewer (test/spend-analysis.test.ts: a structure is refused a real one)
  { operation: 'spendAnalysis', expected: 'UAAAAAA', query: '{ spendAnalysis(id: "inconnu") { id } }' },
  { operation: 'deleteSpendAnalysis', expected: 'UAAAAAA', query: 'mutation { deleteSpendAnalysis(id: "inconnu") }' },
  // A structure's space (#24.15): its own introductions only; answering another's is NOT_FOUND, past the guard.
  {
    operation: 'myIntroductions', expected: 'UFAFFFA', query: '{ myIntroductions { shortlistId } }',
    check: (res, viewer, f) => expect(res.data.myIntroductions.map((i: any) => i.shortlistId)).toEqual(viewer === 'supplier' ? [f.approvedId] : []),
  },
  {
    operation: 'answerIntroduction', expected: 'UFAFFFA', query: 'mutation($sl: ID!) { answerIntroduction(shortlistId: $sl, answer: INTERESTED) { shortlistId } }',
    variables: (f) => ({ sl: f.approvedId }),
    check: (res, viewer, f) => expect(viewer === 'supplier' ? res.data?.answerIntroduction.shortlistId : codeOf(res)).toBe(viewer === 'supplier' ? f.approvedId : 'NOT_FOUND'),
  },
  { operation: 'setMyFollowUps', expected: 'UFAFFFA', query: 'mutation { setMyFollowUps(enabled: true) { id } }' },
  // Officers' notifications (#24.16): staff take needs (an unknown one to release: NOT_FOUND, past the guard); admins list officers.
  { operation: 'assignNeed', expected: 'UFFAAFF', query: 'mutation($id: ID!) { assignNeed(needId: $id) { id } }', variables: (f) => ({ id: f.needId }) },
  { operation: 'releaseNeed', expected: 'UFFAAFF', query: 'mutation { releaseNeed(needId: "inconnu") { id } }' },
  { operation: 'officers', expected: 'UFFFAFF', query: '{ officers { email } }' },
  { operation: 'setDailyDigest', expected: 'UFFAAFF', query: 'mutation { setDailyDigest(enabled: false) { dailyDigest } }' },
];

const servedOperations = (): string[] => {
  const schema = buildSchema(loadTypeDefs());
  return (['Query', 'Mutation'] as const).flatMap((root) => Object.keys((schema.getType(root) as GraphQLObjectType).getFields()).map((f) => `${root}.${f}`));
};

const rootOf = (row: Row) => (row.query.trimStart().startsWith('mutation') ? 'Mutation' : 'Query');

function verdict(res: GraphQLResponse): Verdict {
  const code = codeOf(res);
  if (code === 'UNAUTHENTICATED') return 'U';
  if (code === 'FORBIDDEN') return 'F';
  if (res.status >= 500 || code === 'INTERNAL_SERVER_ERROR' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'SERVICE_UNAVAILABLE') {
    throw new Error(`not an answer about rights: ${res.status} ${JSON.stringify(res.errors)}`);
  }
  return 'A';
}

describe('authorisation matrix', () => {
  let t: TestServer;
  let f: Fixtures;
  const tokens = {} as Record<ViewerName, string | undefined>;

  beforeAll(async () => {
    t = await startTestServer();
    const officer = await t.userWithToken('OFFICER');
    const admin = await t.userWithToken('ADMIN');
    const company = await t.userWithToken('COMPANY', { organisationName: 'Entreprise A' });
    const otherCompany = await t.userWithToken('COMPANY', { organisationName: 'Entreprise B' });
    const supplier = await t.userWithToken('SUPPLIER', { organisationName: 'Structure A' });
    const otherSupplier = await t.userWithToken('SUPPLIER', { organisationName: 'Structure B' });
    Object.assign(tokens, { anonymous: undefined, company: company.token, supplier: supplier.token, officer: officer.token, admin: admin.token, otherCompany: otherCompany.token, otherSupplier: otherSupplier.token });

    const create = 'mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }';
    const supplierId = (await ok(t.gql(create, { i: supplierInput({ name: 'Structure A' }) }, supplier.token))).createSupplier.id;
    await ok(t.gql(create, { i: supplierInput({ name: 'Structure B' }) }, otherSupplier.token));
    const post = 'mutation($i: NeedInput!) { postNeed(input: $i) { id } }';
    const needId = (await ok(t.gql(post, { i: needInput({ title: 'Besoin de A' }) }, company.token))).postNeed.id;
    const otherNeedId = (await ok(t.gql(post, { i: needInput({ title: 'Besoin de B' }) }, otherCompany.token))).postNeed.id;
    const approvedNeedId = (await ok(t.gql(post, { i: needInput({ title: 'Besoin de A, liste approuvée' }) }, company.token))).postNeed.id;

    const draft = 'mutation($id: ID!) { draftShortlist(needId: $id) { id } }';
    const update = 'mutation($id: ID!, $s: [ID!]!) { updateShortlist(id: $id, supplierIds: $s) { id } }';
    const approvedId = (await ok(t.gql(draft, { id: approvedNeedId }, officer.token))).draftShortlist.id;
    await ok(t.gql(update, { id: approvedId, s: [supplierId] }, officer.token));
    await ok(t.gql('mutation($id: ID!) { approveShortlist(id: $id) { id } }', { id: approvedId }, officer.token));
    const draftId = (await ok(t.gql(draft, { id: needId }, officer.token))).draftShortlist.id;

    const loginEmail = 'connexion-matrice@exemple.fr';
    await createUser(t.server.services.store, { email: loginEmail, password: TEST_PASSWORD, role: 'COMPANY' });
    f = { needId, otherNeedId, supplierId, draftId, approvedId, approvedNeedId, loginEmail };
  });
  afterAll(() => t.destroy());

  it('has a row for every Query and Mutation field of the served schema', () => {
    const covered = new Set(ROWS.map((r) => `${rootOf(r)}.${r.operation}`));
    // Built once: building the schema per row kept the client idle past the server's keep-alive (ECONNRESET on the next row).
    const served = servedOperations();
    expect(served.filter((op) => !covered.has(op))).toEqual([]);
    // and no row names an operation the schema does not have
    expect([...covered].filter((op) => !served.includes(op))).toEqual([]);
  });

  it.each(ROWS.map((row) => [`${row.operation} ${row.expected}`, row] as const))('%s', async (_title, row) => {
    const actual = {} as Record<ViewerName, Verdict>;
    for (const viewer of VIEWERS) {
      const res = await t.gql(row.query, row.variables?.(f), tokens[viewer]);
      actual[viewer] = verdict(res);
      if (actual[viewer] === 'A') row.check?.(res, viewer, f);
    }
    const expected = Object.fromEntries(VIEWERS.map((v, i) => [v, row.expected[i]]));
    expect(actual).toEqual(expected);
  });

  it('refused operations leave nothing behind', async () => {
    const { store } = t.server.services;
    const before = await Promise.all([store.suppliers.count({}), store.needs.count({}), store.users.count({}), store.shortlists.count({})]);
    for (const viewer of ['anonymous', 'company', 'otherSupplier'] as const) {
      await t.gql('mutation($id: ID!) { updateSupplier(id: $id, input: { name: "Piratée" }) { id } }', { id: f.supplierId }, tokens[viewer]);
      await t.gql('mutation($id: ID!) { draftShortlist(needId: $id) { id } }', { id: f.otherNeedId }, tokens[viewer]);
    }
    await t.gql('mutation($i: NeedInput!) { postNeed(input: $i) { id } }', { i: needInput() }, tokens.supplier);
    expect(await Promise.all([store.suppliers.count({}), store.needs.count({}), store.users.count({}), store.shortlists.count({})])).toEqual(before);
    expect((await store.suppliers.findById(f.supplierId))?.name).toBe('Structure A');
  });
});
