// Issue 24, defect 5: a form's every mistake in one answer, each naming its field, with French bounds
// (never GraphQL's 32-bit integer), and amounts read as people type them on the firm's /suites page.
// The real server over HTTP, a real SMTP peer for the mailed /suites link, the real store.
import { needInput, supplierInput } from './helpers/fixtures';
import { APPROVE, buildScene, DRAFT, GET_MAILS, UPDATE, type Scene } from './helpers/introductions';
import { postGraphQL } from './helpers/http';
import { startMailedServer } from './helpers/mailed-server';
import type { TestServer } from './helpers/server';
import { addresses, type TestSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

const POST = `mutation($input: NeedInput!) { postNeed(input: $input) { id } }`;
const UPDATE_SUPPLIER = `mutation($id: ID!, $input: SupplierUpdateInput!) { updateSupplier(id: $id, input: $input) { id } }`;
const RECORD = `mutation($l: ID!, $s: ID!, $st: OutcomeStatus!, $amount: Int, $insertionHours: Int) {
  recordOutcome(shortlistId: $l, supplierId: $s, status: $st, amount: $amount, insertionHours: $insertionHours) { outcome { status amount } } }`;
const OUTCOMES = `query($id: ID!) { shortlist(id: $id) { items { supplier { id } outcome { status amount } } } }`;
const RANGE = 'doit être un nombre entier entre 0 et 1\u00a0000\u00a0000\u00a0000\u00a0€';

interface FieldError {
  field: string;
  message: string;
}
const fieldsOf = (error: { extensions?: { fields?: FieldError[] } }) => (error.extensions?.fields ?? []).map((f) => f.field);

describe('every error at once, in French, with sane bounds', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  let s: Scene;
  let listId: string;
  let clients = 0;

  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer());
    s = await buildScene(t);
    listId = (await t.gql(DRAFT, { needId: s.needId }, s.officer.token)).data.draftShortlist.id;
    await t.gql(UPDATE, { id: listId, supplierIds: [s.suppliers.jardins.id, s.suppliers.esat.id] }, s.officer.token);
    expect((await t.gql(APPROVE, { id: listId }, s.officer.token)).errors).toBeUndefined();
    await waitFor('list sent', async () => (await t.gql(GET_MAILS, { id: listId }, s.officer.token)).data.shortlist.status === 'SENT');
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  const anonymous = async (input: Record<string, unknown>) =>
    (await postGraphQL(t.url, { query: POST, variables: { input } }, { 'x-forwarded-for': `198.51.100.${(clients += 1)}` })).json as { data?: unknown; errors: any[] };

  it('the public need form with five wrong fields gets five errors in one answer, and nothing is written', async () => {
    const before = await t.server.services.store.needs.count({});
    const res = await anonymous(
      needInput({ companyName: 'Menuiserie du Robec', contactEmail: 'pas-une-adresse', description: 'x'.repeat(25_000), communeCode: '99999', budgetMin: null, budgetMax: -5, deadline: '2020-06-30' }),
    );
    expect(res.errors).toHaveLength(1);
    const [error] = res.errors;
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(error).sort()).toEqual(['budgetMax', 'communeCode', 'contactEmail', 'deadline', 'description']);
    // The first stays where clients read it so far.
    expect(error.extensions.field).toBe(error.extensions.fields[0].field);
    expect(error.message).toBe(error.extensions.fields[0].message);
    const said = Object.fromEntries((error.extensions.fields as FieldError[]).map((f) => [f.field, f.message]));
    expect(said.budgetMax).toBe(`« budgetMax » : ${RANGE}`);
    expect(said.deadline).toMatch(/^« deadline » : .*passée/);
    expect(said.description).toMatch(/^« description » : ne doit pas dépasser 5000 caractères/);
    expect(await t.server.services.store.needs.count({})).toBe(before);
  });

  it('a missing firm name is said with the other mistakes, not after them', async () => {
    const res = await anonymous(needInput({ companyName: null, contactEmail: 'achats@robec.example', budgetMax: -1 }));
    expect(fieldsOf(res.errors[0]).sort()).toEqual(['budgetMax', 'companyName']);
    const officer = await t.gql(POST, { input: needInput({ contactEmail: null, communeCode: 'x' }) }, s.officer.token);
    expect(fieldsOf(officer.errors![0] as never).sort()).toEqual(['communeCode', 'companyName', 'contactEmail']);
  });

  it('correcting a need answers every wrong field at once, and changes nothing', async () => {
    const id = (await t.gql(POST, { input: needInput({ title: 'Impression des rapports annuels' }) }, s.company.token)).data.postNeed.id;
    const res = await t.gql(`mutation($id: ID!, $input: NeedUpdateInput!) { updateNeed(id: $id, input: $input) { id } }`, { id, input: { title: '', budgetMax: -5, deadline: '2021-01-01' } }, s.company.token);
    expect(fieldsOf(res.errors![0] as never).sort()).toEqual(['budgetMax', 'deadline', 'title']);
    expect((await t.server.services.store.needs.findById(id))!.title).toBe('Impression des rapports annuels');
  });

  it('a budget of 10¹² is answered with the budget’s range in French, naming the field, never GraphQL’s 32-bit integer', async () => {
    const res = await anonymous(needInput({ companyName: 'Menuiserie du Robec', contactEmail: 'achats@robec.example', budgetMax: 1e12 }));
    expect(res.errors).toHaveLength(1);
    expect(res.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'budgetMax' });
    expect(res.errors[0].message).toContain(`« budgetMax » ${RANGE}`);
    expect(res.errors[0].message).not.toMatch(/2147483647|32/);
    // Written in the query text, the same words.
    const literal = await t.gql(`mutation { recordOutcome(shortlistId: "${listId}", supplierId: "${s.suppliers.jardins.id}", status: WON, amount: 5000000000000) { rank } }`, {}, s.officer.token);
    expect(literal.errors![0].message).toContain(`« amount » ${RANGE}`);
  });

  it('the structure’s profile and the console’s outcome answer every wrong field at once', async () => {
    const profile = await t.gql(UPDATE_SUPPLIER, { id: s.suppliers.print.id, input: { employees: -3, maxContractValue: -10, website: 'pas un site', contactEmail: 'non' } }, s.officer.token);
    expect(fieldsOf(profile.errors![0] as never).sort()).toEqual(['contactEmail', 'employees', 'maxContractValue', 'website']);
    const outcome = await t.gql(RECORD, { l: listId, s: s.suppliers.jardins.id, st: 'CONTACTED', amount: -4, insertionHours: 12 }, s.officer.token);
    expect(fieldsOf(outcome.errors![0] as never).sort()).toEqual(['amount', 'insertionHours']);
    const created = await t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`, { input: supplierInput({ name: '', employees: -1 }) }, s.officer.token);
    expect(fieldsOf(created.errors![0] as never).sort()).toEqual(['employees', 'name']);
  });

  it('/suites reads « 12 000 € » and « 12 000,40 » as people type them, and says every wrong field at once', async () => {
    const mail = smtp.messages.find((m) => addresses(m.to).includes(s.company.email) && (m.messageId ?? '').startsWith(`<${listId}.`))!;
    const url = /<a href="([^"]+)">Indiquer les suites<\/a>/.exec(String(mail.html))![1]!;
    const post = (form: Record<string, string>) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
    const amountOf = async (id: string) => ((await t.gql(OUTCOMES, { id: listId }, s.officer.token)).data.shortlist.items as any[]).find((i) => i.supplier.id === id).outcome;

    const won = await post({ structure: s.suppliers.jardins.id, suite: 'WON', montant: '12\u202f000 €' });
    expect(won.status).toBe(200);
    expect(await amountOf(s.suppliers.jardins.id)).toEqual({ status: 'WON', amount: 12000 });
    expect((await post({ structure: s.suppliers.jardins.id, suite: 'WON', montant: '12 000,40' })).status).toBe(200);
    expect(await amountOf(s.suppliers.jardins.id)).toEqual({ status: 'WON', amount: 12000 });
    // Dots grouping thousands are read so; a lone comma before three digits is asked again, never read as 1 €.
    expect((await post({ structure: s.suppliers.jardins.id, suite: 'WON', montant: '15.000' })).status).toBe(200);
    expect(await amountOf(s.suppliers.jardins.id)).toEqual({ status: 'WON', amount: 15000 });
    const ambiguous = await post({ structure: s.suppliers.jardins.id, suite: 'WON', montant: '1,000' });
    expect(ambiguous.status).toBe(400);
    expect(await ambiguous.text()).toContain('« 1,000 » peut se lire de deux façons : écrivez 1 000 pour 1 000 euros, ou 1,00 avec deux décimales');
    expect(await amountOf(s.suppliers.jardins.id)).toEqual({ status: 'WON', amount: 15000 });

    // No outcome chosen and an amount that is none: both said, in a summary linking to each field.
    const wrong = await post({ structure: s.suppliers.esat.id, montant: 'douze mille' });
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    expect(html).toContain('Il y a un problème');
    // Without a script: the summary takes the focus as the page opens, and the form's address brings the page to it.
    expect(html).toMatch(/<div class="error-summary" id="erreurs" role="alert" tabindex="-1" autofocus/);
    expect(html).toMatch(/<form method="post" action="[^"]+#erreurs"/);
    const summary = html.slice(html.indexOf('Il y a un problème'), html.indexOf('</ul>', html.indexOf('Il y a un problème')));
    expect(summary).toMatch(/<a href="#suite-2-\w+">Suite : choisissez/);
    expect(summary).toMatch(/<a href="#montant-2">Montant : saisissez un montant en euros/);
    expect(html).toMatch(/<input id="montant-2"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="montant-2-erreur"/);
    expect(await amountOf(s.suppliers.esat.id)).toBeNull();
  });
});
