// Every mistake a client can make in a request is answered in French, with a code, and with the
// field when there is one: graphql-js and Apollo raise these in English (graphql/messages.ts).
import { postGraphQL, raw, type RawResponse } from './helpers/http';
import { startTestServer, type TestServer } from './helpers/server';
import { supplierInput } from './helpers/fixtures';

// Words of graphql-js' and Apollo's English messages; none may reach a client.
const ENGLISH = /\b(cannot|must|not provided|is not defined|Unknown|Expected|Syntax Error|Did you mean|operation named|batching|supports only|Apollo Server|introspection is not allowed|Cross-Site|represent|does not exist|selection)\b/i;
const CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_SUPPORTED']);

const SUPPLIERS = 'query($f: SupplierFilter, $n: Int) { suppliers(filter: $f, first: $n) { totalCount } }';
const CREATE = 'mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }';

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
    ['literal of the wrong type', () => post({ query: '{ suppliers(first: "dix") { totalCount } }' }), 'GRAPHQL_VALIDATION_FAILED', null, 'doit être un nombre entier'],
    ['subscription', () => post({ query: 'subscription { me { id } }' }), 'GRAPHQL_VALIDATION_FAILED', null, 'abonnements (subscription)'],
    ['syntax error', () => post({ query: '{ me { id }' }), 'GRAPHQL_PARSE_FAILED', null, 'erreur de syntaxe ligne 1, colonne 12'],
    ['integer too large', () => post({ query: CREATE, variables: { i: supplierInput({ maxContractValue: 3_000_000_000 }) } }), 'BAD_USER_INPUT', 'maxContractValue', '« maxContractValue » doit être un entier'],
    ['not an integer', () => post({ query: SUPPLIERS, variables: { n: 1.5 } }), 'BAD_USER_INPUT', 'n', 'doit être un nombre entier'],
    ['text expected', () => post({ query: SUPPLIERS, variables: { f: { text: 5 } } }), 'BAD_USER_INPUT', 'text', '« text » doit être du texte'],
    ['unknown enum value', () => post({ query: SUPPLIERS, variables: { f: { legalForms: ['SCOOP'] } } }), 'BAD_USER_INPUT', 'legalForms', 'valeur « SCOOP » inconnue (LegalForm)'],
    ['unknown input field', () => post({ query: SUPPLIERS, variables: { f: { colour: 'vert' } } }), 'BAD_USER_INPUT', 'colour', "« colour » n'existe pas dans SupplierFilter"],
    ['required input field missing', () => post({ query: CREATE, variables: { i: { name: 'Sans le reste' } } }), 'BAD_USER_INPUT', 'legalForm', '« legalForm » est obligatoire'],
    ['required variable missing', () => post({ query: 'query($id: ID!) { supplier(id: $id) { id } }' }), 'BAD_USER_INPUT', 'id', 'la variable « $id » (ID!) est obligatoire'],
    ['boolean expected', () => post({ query: 'mutation($c: Boolean!) { deleteMyAccount(confirm: $c) }', variables: { c: 'oui' } }), 'BAD_USER_INPUT', 'c', 'doit valoir true ou false'],
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
    const res = await send();
    expect(res.status).toBeLessThan(500);
    const [error] = res.json.errors;
    expect(error.extensions.code).toBe(code);
    expect(CODES.has(error.extensions.code)).toBe(true);
    expect(error.extensions.field ?? null).toBe(field);
    expect(error.message).toContain(fragment);
    expect(error.message).not.toMatch(ENGLISH);
  });
});
