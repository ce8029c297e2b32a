// Every mistake a client can make in a request is answered in French, with a code, and with the
// field when there is one: graphql-js and Apollo raise these in English (graphql/messages.ts).
import { frenchMessage } from '../graphql/messages';
import { postGraphQL, raw, type RawResponse } from './helpers/http';
import { startTestServer, type TestServer } from './helpers/server';
import { supplierInput } from './helpers/fixtures';

// Words of graphql-js' and Apollo's English messages; none may reach a client.
const ENGLISH =
  /\b(cannot|must|not provided|is not defined|Unknown|Expected|Syntax Error|Did you mean|operation named|batching|supports only|Apollo Server|introspection is not allowed|Cross-Site|represent|does not exist|selection|within itself|can never be|may not be used|is required|not executable|only defined operation|used in position|only one|should be provided|recursively)\b/i;
const CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_SUPPORTED']);

const SUPPLIERS = 'query($f: SupplierFilter, $n: Int) { suppliers(filter: $f, first: $n) { totalCount } }';
const CREATE = 'mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }';
const STATS = 'query($d: DateTime!) { impactStats(from: $d, to: $d) { needsPosted } }';
const PROD = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };

/** [what, request, expected code, expected field (or null), a French fragment of the message] */
type Case = [string, (post: (body: unknown) => Promise<RawResponse>) => Promise<RawResponse>, string, string | null, string];

// An input object's keys are the client's: any string, not only a GraphQL name.
const oddKeys: Case[] = ['text-x', 'contact.email', 'na-me', 'name ', 'né', '$set'].map((key) => [
  `unknown input field ${JSON.stringify(key)}`,
  (post) => post({ query: SUPPLIERS, variables: { f: { [key]: 'a' } } }),
  'BAD_USER_INPUT',
  key,
  `« ${key} » n'existe pas dans SupplierFilter`,
]);

/** A mutation whose input is written in the query text, with one field's literal replaced. */
const literalSupplier = (field: string, literal: string) => {
  const fields: Record<string, string> = { name: '"Atelier"', legalForm: 'SCOP', description: '"Menuiserie"', communeCode: '"76540"', contactEmail: '"a@exemple.fr"', [field]: literal };
  return `mutation { createSupplier(input: { ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join(', ')} }) { id } }`;
};

// graphql-js points at a wrong literal alone ("dix"): the answer names the argument or input field it was written for.
const literals: Case[] = [
  ['literal of the wrong type', (post) => post({ query: '{ suppliers(first: "dix") { totalCount } }' }), 'GRAPHQL_VALIDATION_FAILED', 'first', '« first » doit être un nombre entier'],
  ['unknown enum literal in an input object', (post) => post({ query: literalSupplier('legalForm', 'SCOOP') }), 'GRAPHQL_VALIDATION_FAILED', 'legalForm', '« legalForm » valeur « SCOOP » inconnue (LegalForm) ; valeurs possibles : ASSOCIATION, SCOP, SCIC, COOPERATIVE, MUTUELLE, FONDATION, ESUS_COMPANY, UNSPECIFIED.'],
  ['string literal for an Int in an input object', (post) => post({ query: literalSupplier('employees', '"x"') }), 'GRAPHQL_VALIDATION_FAILED', 'employees', '« employees » doit être un nombre entier'],
  ['unknown enum literal in a list of an input object', (post) => post({ query: '{ suppliers(filter: { legalForms: [SCOP, SCOOP] }) { totalCount } }' }), 'GRAPHQL_VALIDATION_FAILED', 'legalForms', '« legalForms » valeur « SCOOP » inconnue (LegalForm)'],
  ['DateTime literal that is not text, worded as for a variable', (post) => post({ query: '{ impactStats(from: true, to: "2025-12-31") { needsPosted } }' }), 'GRAPHQL_VALIDATION_FAILED', 'from', '« from » doit être une date ISO 8601'],
  ['wrong literal in a variable\'s default object', (post) => post({ query: 'query($f: SupplierFilter = { text: 5 }) { suppliers(filter: $f) { totalCount } }' }), 'GRAPHQL_VALIDATION_FAILED', 'text', '« text » doit être du texte'],
];

const audited: Case[] = [
  ...oddKeys,
  ...literals,
  ['unknown input field named ""', (post) => post({ query: SUPPLIERS, variables: { f: { '': 'a' } } }), 'BAD_USER_INPUT', 'filter', "un champ sans nom n'existe pas dans SupplierFilter"],
  ['enum given a number', (post) => post({ query: SUPPLIERS, variables: { f: { inclusionKinds: [1] } } }), 'BAD_USER_INPUT', 'inclusionKinds', "« inclusionKinds » doit être le nom d'une valeur InclusionKind"],
  ['enum given an object', (post) => post({ query: SUPPLIERS, variables: { f: { legalForms: [{}] } } }), 'BAD_USER_INPUT', 'legalForms', "doit être le nom d'une valeur LegalForm"],
  ['DateTime given true', (post) => post({ query: STATS, variables: { d: true } }), 'BAD_USER_INPUT', 'd', '« d » doit être une date ISO 8601'],
  ['DateTime given []', (post) => post({ query: STATS, variables: { d: [] } }), 'BAD_USER_INPUT', 'd', '« d » doit être une date ISO 8601'],
  ['DateTime given an operator', (post) => post({ query: STATS, variables: { d: { $gt: '' } } }), 'BAD_USER_INPUT', 'd', '« d » doit être une date ISO 8601'],
  ['fragment cycle', (post) => post({ query: 'fragment A on Query { ...B } fragment B on Query { ...A } { ...A }' }), 'GRAPHQL_VALIDATION_FAILED', null, "le fragment « A » s'inclut lui-même (par « B »)"],
  ['two anonymous operations', (post) => post({ query: '{ me { id } } { me { id } }' }), 'GRAPHQL_VALIDATION_FAILED', null, 'une opération sans nom doit être la seule'],
  ['variable of the wrong type', (post) => post({ query: 'query($x: String) { suppliers(first: $x) { totalCount } }' }), 'GRAPHQL_VALIDATION_FAILED', 'x', 'la variable « $x » est de type String, là où Int est attendu'],
  ['duplicate variable', (post) => post({ query: 'query($x: Int, $x: Int) { suppliers(first: $x) { totalCount } }' }), 'GRAPHQL_VALIDATION_FAILED', 'x', 'la variable « $x » est déclarée plusieurs fois'],
  ['duplicate fragment', (post) => post({ query: 'fragment A on Query { me { id } } fragment A on Query { me { id } } { ...A }' }), 'GRAPHQL_VALIDATION_FAILED', null, "plusieurs fragments s'appellent « A »"],
  ['impossible inline fragment', (post) => post({ query: '{ me { ... on Supplier { name } } }' }), 'GRAPHQL_VALIDATION_FAILED', null, "« ... on Supplier » ne s'applique pas ici"],
  ['impossible named fragment', (post) => post({ query: 'fragment S on Supplier { name } { me { ...S } }' }), 'GRAPHQL_VALIDATION_FAILED', null, "le fragment « S » ne s'applique pas ici"],
  ['directive argument missing', (post) => post({ query: '{ me @skip { id } }' }), 'GRAPHQL_VALIDATION_FAILED', null, "l'argument « if » (Boolean!) de la directive « @skip » est obligatoire"],
  ['directive misplaced', (post) => post({ query: 'query @include(if: true) { me { id } }' }), 'GRAPHQL_VALIDATION_FAILED', null, 'la directive « @include » ne peut pas être placée sur une opération query'],
  ['type definition in the document', (post) => post({ query: 'type X { a: Int } { me { id } }' }), 'GRAPHQL_VALIDATION_FAILED', null, 'pas de définition de type (« X »)'],
  ['variables as a string', (post) => post({ query: '{ me { id } }', variables: 'x' }), 'BAD_REQUEST', 'variables', '« variables » doit être un objet JSON'],
  ['extensions as a string', (post) => post({ query: '{ me { id } }', extensions: 'x' }), 'BAD_REQUEST', 'extensions', '« extensions » doit être un objet JSON'],
];

async function expectFrench(res: RawResponse, code: string, field: string | null, fragment: string): Promise<void> {
  expect(res.status).toBeLessThan(500);
  const [error] = res.json.errors;
  expect(error.extensions.code).toBe(code);
  expect(CODES.has(error.extensions.code)).toBe(true);
  expect(error.extensions.field ?? null).toBe(field);
  expect(error.message).toContain(fragment);
  expect(error.message).not.toMatch(ENGLISH);
}

describe('errors in French', () => {
  let t: TestServer;
  let officer: string;
  beforeAll(async () => {
    t = await startTestServer();
    officer = (await t.userWithToken('OFFICER')).token;
  });
  afterAll(() => t.destroy());

  const post = (body: unknown) => postGraphQL(t.url, body, { authorization: `Bearer ${officer}` });

  // [what, request, expected code, expected field (or null), a French fragment of the message]
  const cases: [string, () => Promise<RawResponse>, string, string | null, string][] = [
    ['unknown field', () => post({ query: '{ supplierz { id } }' }), 'GRAPHQL_VALIDATION_FAILED', null, "le champ « supplierz » n'existe pas"],
    ['object without selection', () => post({ query: '{ suppliers }' }), 'GRAPHQL_VALIDATION_FAILED', 'suppliers', 'sélection de sous-champs'],
    ['missing argument', () => post({ query: '{ supplier { id } }' }), 'GRAPHQL_VALIDATION_FAILED', 'supplier', "l'argument « id » (ID!) du champ « supplier » est obligatoire"],
    ['unknown argument', () => post({ query: '{ suppliers(fist: 2) { totalCount } }' }), 'GRAPHQL_VALIDATION_FAILED', null, "l'argument « fist » n'existe pas"],
    ['undeclared variable', () => post({ query: '{ supplier(id: $id) { id } }' }), 'GRAPHQL_VALIDATION_FAILED', null, 'la variable « $id » n\'est pas déclarée'],
    ['subscription', () => post({ query: 'subscription { me { id } }' }), 'GRAPHQL_VALIDATION_FAILED', null, 'abonnements (subscription)'],
    ['syntax error', () => post({ query: '{ me { id }' }), 'GRAPHQL_PARSE_FAILED', null, 'erreur de syntaxe ligne 1, colonne 12'],
    ['integer too large', () => post({ query: CREATE, variables: { i: supplierInput({ maxContractValue: 3_000_000_000 }) } }), 'BAD_USER_INPUT', 'maxContractValue', '« maxContractValue » doit être un nombre entier entre 0 et 1\u00a0000\u00a0000\u00a0000\u00a0€'],
    // A variable given to one argument or input field is named by it, with that field's range.
    ['not an integer', () => post({ query: SUPPLIERS, variables: { n: 1.5 } }), 'BAD_USER_INPUT', 'first', '« first » doit être un nombre entier'],
    ['integer too large for Int, in a variable', () => post({ query: SUPPLIERS, variables: { n: 3_000_000_000 } }), 'BAD_USER_INPUT', 'first', '« first » doit être un entier'],
    ['text for an amount, in a variable inside an input written in the query', () => post({ query: 'mutation($b: Int) { postNeed(input: { title: "T", description: "D", kind: PURCHASE, communeCode: "76540", companyName: "C", contactEmail: "c@c.example", budgetMax: $b }) { id } }', variables: { b: '12' } }), 'BAD_USER_INPUT', 'budgetMax', '« budgetMax » doit être un nombre entier entre 0 et 1\u00a0000\u00a0000\u00a0000\u00a0€'],
    ['text expected', () => post({ query: SUPPLIERS, variables: { f: { text: 5 } } }), 'BAD_USER_INPUT', 'text', '« text » doit être du texte'],
    ['unknown enum value', () => post({ query: SUPPLIERS, variables: { f: { legalForms: ['SCOOP'] } } }), 'BAD_USER_INPUT', 'legalForms', 'valeur « SCOOP » inconnue (LegalForm) ; valeurs possibles : ASSOCIATION, SCOP, SCIC, COOPERATIVE, MUTUELLE, FONDATION, ESUS_COMPANY'],
    ['unknown enum value in a need', () => post({ query: 'mutation($i: NeedInput!) { postNeed(input: $i) { id } }', variables: { i: { title: 'T', description: 'D', kind: 'ACHAT', communeCode: '76540' } } }), 'BAD_USER_INPUT', 'kind', 'valeur « ACHAT » inconnue (NeedKind) ; valeurs possibles : PURCHASE, SUBCONTRACTING, RSE_PARTNERSHIP, INSERTION_CLAUSE, SPONSORSHIP'],
    ['enum given as a string in the query text', () => post({ query: '{ suppliers(filter: { inclusionKinds: ["ESAT"] }) { totalCount } }' }), 'GRAPHQL_VALIDATION_FAILED', 'inclusionKinds', 'valeur inconnue (InclusionKind) ; valeurs possibles : ESAT, EA, EATT, ACI, AI, EI, ETTI, EITI, GEIQ'],
    ['unknown input field', () => post({ query: SUPPLIERS, variables: { f: { colour: 'vert' } } }), 'BAD_USER_INPUT', 'colour', "« colour » n'existe pas dans SupplierFilter"],
    ['required input field missing', () => post({ query: CREATE, variables: { i: { name: 'Sans le reste' } } }), 'BAD_USER_INPUT', 'legalForm', '« legalForm » est obligatoire'],
    ['required variable missing', () => post({ query: 'query($id: ID!) { supplier(id: $id) { id } }' }), 'BAD_USER_INPUT', 'id', 'la variable « $id » (ID!) est obligatoire'],
    ['boolean expected', () => post({ query: 'mutation($c: Boolean!) { deleteMyAccount(confirm: $c) }', variables: { c: 'oui' } }), 'BAD_USER_INPUT', 'confirm', '« confirm » doit valoir true ou false'],
    ['no query', () => post({ variables: {} }), 'BAD_REQUEST', null, '« query » doit contenir une opération'],
    ['variables not an object', () => post({ query: '{ me { id } }', variables: 5 }), 'BAD_REQUEST', 'variables', '« variables » doit être un objet JSON'],
    ['unknown operation name', () => post({ query: 'query A { me { id } }', operationName: 'B' }), 'OPERATION_RESOLUTION_FAILURE', null, 'aucune opération « B »'],
    ['several operations, no name', () => post({ query: 'query A { me { id } } query B { me { id } }' }), 'OPERATION_RESOLUTION_FAILURE', null, 'précisez operationName'],
    ['batched array', () => post([{ query: '{ me { id } }' }]), 'BAD_REQUEST', null, 'une seule opération par requête'],
    ['persisted query', () => post({ query: '{ me { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }), 'PERSISTED_QUERY_NOT_SUPPORTED', null, 'requêtes persistées'],
    ['text/plain POST', () => raw(t.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ me { id } }"}' }), 'BAD_REQUEST', null, 'protection CSRF'],
    ['PUT', () => raw(t.url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { id } }"}' }), 'BAD_REQUEST', null, 'GET et POST'],
  ];

  it.each(cases)('%s', async (_what, send, code, field, fragment) => {
    await expectFrench(await send(), code, field, fragment);
  });

  it.each(audited)('%s', async (_what, send, code, field, fragment) => {
    await expectFrench(await send(post), code, field, fragment);
  });
});

describe('errors in French on a production server, with no suggestion', () => {
  let t: TestServer;
  let officer: string;
  beforeAll(async () => {
    t = await startTestServer(PROD);
    officer = (await t.userWithToken('OFFICER')).token;
  });
  afterAll(() => t.destroy());

  const post = (body: unknown) => postGraphQL(t.url, body, { authorization: `Bearer ${officer}` });

  it.each(audited)('%s', async (_what, send, code, field, fragment) => {
    const res = await send(post);
    await expectFrench(res, code, field, fragment);
    expect(res.text).not.toMatch(/Vouliez-vous|Did you mean/i);
  });
});

describe('a variable refused for a reason no rule knows', () => {
  // graphql-js may word a refusal in a way graphql/messages.ts does not know yet (a new version, a
  // new scalar): the answer stays French, names the field, and never pastes the English reason.
  it.each([
    ['Variable "$f" got invalid value { x: 1 } at "f.legalForms[0]"; Some new reason. Did you mean "SCOP"?', 'legalForms'],
    ['Variable "$f" got invalid value "a; b" at "f.text"; Another reason; with a semicolon.', 'text'],
    ['Variable "$d" got invalid value true; Expected something else entirely.', 'd'],
  ])('%s', (english, field) => {
    const french = frenchMessage('BAD_USER_INPUT', english);
    expect(french.message).toBe(`Valeur invalide : « ${field} » n'a pas une valeur du type attendu.`);
    expect(french.field).toBe(field);
  });
});
