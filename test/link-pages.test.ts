// The pages behind the links of the mails (issue 11), in a real Chromium: a need's confirmation, a
// structure's answer, the firm's outcomes and the follow-ups' opt-out. The real server and SMTP peer;
// each page read as the mail gives it (GET changes nothing), then its button. Every page: axe, no
// foreign request, no dialog, and a hostile structure name shown as text.
import { screenshot, reflowProblems, seriousViolations, type Watched } from './helpers/browser';
import { needInput } from './helpers/fixtures';
import { APPROVE, buildScene, DRAFT, GET_MAILS, HOSTILE_NAME, UPDATE, type Scene } from './helpers/introductions';
import type { TestServer } from './helpers/server';
import { addresses, type TestSmtp } from './helpers/smtp';
import { startStage, type Stage } from './helpers/stage';
import { waitFor } from './helpers/wait';

jest.setTimeout(120_000);

let stage: Stage<TestSmtp>;
let t: TestServer;
let smtp: TestSmtp;
let w: Watched;
let s: Scene;
let listId: string;

/** The href of the link with this text in the HTML mail to `to` whose Message-ID starts with `prefix`. */
function linkIn(to: string, label: string, prefix = ''): string {
  const mail = [...smtp.messages].reverse().find((m) => addresses(m.to).includes(to) && (m.messageId ?? '').startsWith(prefix) && String(m.html).includes(`>${label}</a>`));
  if (!mail) throw new Error(`no mail to ${to} with « ${label} »`);
  return /<a href="([^"]+)">[^<]*<\/a>/.exec(String(mail.html).slice(String(mail.html).lastIndexOf('<a href=', String(mail.html).indexOf(`>${label}</a>`))))![1]!.replace(/&amp;/g, '&');
}

async function open(url: string, name: string, title: RegExp): Promise<void> {
  const { page } = w;
  const res = await page.goto(url, { waitUntil: 'load' });
  expect(res?.status()).toBe(200);
  expect(await page.title()).toMatch(title);
  expect(await page.$eval('html', (e) => e.getAttribute('lang'))).toBe('fr');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await reflowProblems(page)).toEqual([]);
  expect(w.foreign).toEqual([]);
  expect(w.dialogs).toEqual([]);
  await screenshot(page, name);
}

const bodyText = (): Promise<string> => w.page.evaluate('document.body.innerText') as Promise<string>;

beforeAll(async () => {
  stage = await startStage({ smtp: true, env: { FOLLOW_UP_AFTER: '1h' } });
  ({ t, smtp, w } = stage);
  s = await buildScene(t);
  listId = (await t.gql(DRAFT, { needId: s.needId }, s.officer.token)).data.draftShortlist.id;
  await t.gql(UPDATE, { id: listId, supplierIds: [s.suppliers.jardins.id, s.suppliers.hostile.id] }, s.officer.token);
  expect((await t.gql(APPROVE, { id: listId }, s.officer.token)).errors).toBeUndefined();
  await waitFor('SENT', async () => (await t.gql(GET_MAILS, { id: listId }, s.officer.token)).data.shortlist.status === 'SENT');
});

afterAll(() => stage?.close());

const RESPONSES = `query($id: ID!) { shortlist(id: $id) { items { supplier { id } response { answer } outcome { status } } } }`;
const itemOf = async (supplierId: string) =>
  (await t.gql(RESPONSES, { id: listId }, s.officer.token)).data.shortlist.items.find((i: any) => i.supplier.id === supplierId);

test('a follow-up’s opt-out: the page asks, its button stops the reminders', async () => {
  const to = s.suppliers.hostile.contactEmail;
  t.clock.advance(3600_000); // FOLLOW_UP_AFTER: the follow-ups are due, the reminders an hour later
  await t.runDue();
  expect(smtp.messages.some((m) => addresses(m.to).includes(to) && String(m.html).includes('>Ne plus recevoir de relance</a>'))).toBe(true);
  await open(linkIn(to, 'Ne plus recevoir de relance'), 'liens-relances', /relance/i);
  await Promise.all([w.page.waitForNavigation(), w.page.click('form button[type="submit"]')]);
  expect(await bodyText()).toContain('vous ne recevrez plus de relance');
  expect(await seriousViolations(w.page)).toEqual([]);
  expect(await reflowProblems(w.page)).toEqual([]);
});

test('a structure answers from its mail: the page changes nothing, its button records the answer', async () => {
  await open(linkIn(s.suppliers.jardins.contactEmail, 'Nous sommes intéressés', `<${listId}.`), 'liens-reponse', /réponse|Réponse/);
  expect(await itemOf(s.suppliers.jardins.id)).toMatchObject({ response: null });
  await w.page.type('#commentaire', 'Disponibles dès mars.');
  await Promise.all([w.page.waitForNavigation(), w.page.click('form button[type="submit"]')]);
  expect(await bodyText()).toMatch(/merci|enregistr/i);
  expect(await seriousViolations(w.page)).toEqual([]);
  expect(await reflowProblems(w.page)).toEqual([]);
  expect(await itemOf(s.suppliers.jardins.id)).toMatchObject({ response: { answer: 'INTERESTED' } });
});

test('the firm records an outcome from its mail, and reads a hostile name as text', async () => {
  await open(linkIn(s.company.email, 'Indiquer les suites', `<${listId}.`), 'liens-suites', /suite|Suite/);
  expect(await bodyText()).toContain(HOSTILE_NAME);
  expect(await itemOf(s.suppliers.jardins.id)).toMatchObject({ outcome: null });
  const form = (await w.page.$$('form'))[0]!;
  await (await form.$('input[name="suite"][value="CONTACTED"]'))!.click();
  await Promise.all([w.page.waitForNavigation(), (await form.$('button[type="submit"]'))!.click()]);
  expect(await seriousViolations(w.page)).toEqual([]);
  expect(await reflowProblems(w.page)).toEqual([]);
  expect(w.dialogs).toEqual([]);
  expect((await itemOf(s.suppliers.jardins.id)).outcome).toEqual({ status: 'CONTACTED' });
});

test('a need posted without an account: the confirmation page, then its button', async () => {
  const email = 'achats@sans-compte.example';
  const posted = await t.gql('mutation($i: NeedInput!) { postNeed(input: $i) { id confirmedAt } }', { i: needInput({ title: 'Repas du séminaire', companyName: 'Sans Compte SARL', contactEmail: email }) });
  expect(posted.data.postNeed.confirmedAt).toBeNull();
  await waitFor('the confirmation mail', () => smtp.messages.some((m) => addresses(m.to).includes(email)));
  await open(linkIn(email, 'Confirmer mon besoin'), 'liens-confirmation', /onfirm/);
  const confirmed = async () => (await t.gql('query($id: ID!) { need(id: $id) { confirmedAt } }', { id: posted.data.postNeed.id }, s.officer.token)).data.need.confirmedAt;
  expect(await confirmed()).toBeNull();
  await Promise.all([w.page.waitForNavigation(), w.page.click('form button[type="submit"]')]);
  expect(await seriousViolations(w.page)).toEqual([]);
  expect(await reflowProblems(w.page)).toEqual([]);
  expect(await confirmed()).not.toBeNull();
});
