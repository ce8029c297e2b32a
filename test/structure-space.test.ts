// A structure's space over HTTP with a real SMTP peer (#24.15): the introductions it received, its answer
// given and changed there by the rules of its mail's link (the link's page then shows it), another
// structure's introduction refused as unknown, and every follow-up switched off then on again, on the
// server's clock moved ahead (FOLLOW_UP_AFTER=1h).
import type { ParsedMail } from 'mailparser';
import { needInput, supplierInput } from './helpers/fixtures';
import { startMailedServer } from './helpers/mailed-server';
import { codeOf, fieldOf, ok, type TestServer } from './helpers/server';
import { addresses, type TestSmtp } from './helpers/smtp';

const AFTER = 3600_000;
const RECEIVED = `{ myIntroductions { shortlistId needTitle needDescription firmName place budget deadline introducedAt response { answer comment answeredAt } } }`;
const ANSWER = `mutation($sl: ID!, $a: SupplierAnswer!, $c: String) { answerIntroduction(shortlistId: $sl, answer: $a, comment: $c) { shortlistId response { answer comment } } }`;
const FOLLOW_UPS = `mutation($on: Boolean!) { setMyFollowUps(enabled: $on) { id followUpsOff } }`;
const ITEMS = `query($id: ID!) { shortlist(id: $id) { items { supplier { id } response { answer comment } } mails(kinds: [FOLLOW_UP, REMINDER]) { kind state lastError supplier { id } } } }`;

let smtp: TestSmtp;
let t: TestServer;
let officer: { token: string };
let company: { token: string; email: string };
let scenes = 0;

beforeAll(async () => {
  ({ t, smtp } = await startMailedServer({ FOLLOW_UP_AFTER: '1h' }));
  officer = await t.userWithToken('OFFICER');
  company = await t.userWithToken('COMPANY', { organisationName: 'Menuiserie Normande' });
});
afterAll(async () => {
  await t.destroy();
  await smtp.close();
});

/** A structure whose own account keeps its profile. */
async function structure(name: string) {
  scenes += 1;
  const user = await t.userWithToken('SUPPLIER', { organisationName: name });
  const contactEmail = `contact-${scenes}@structure-${scenes}.example`;
  const id = (await ok(t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`, { i: supplierInput({ name, contactEmail }) }, user.token))).createSupplier.id as string;
  return { ...user, id, contactEmail };
}

/** A need of the firm, and a list naming these structures: approved (and its mails sent) unless `draft`. */
async function introduce(title: string, supplierIds: string[], draft = false): Promise<string> {
  const needId = (await ok(t.gql(`mutation($i: NeedInput!) { postNeed(input: $i) { id } }`, { i: needInput({ title, deadline: '2031-03-31' }) }, company.token))).postNeed.id;
  const id = (await ok(t.gql(`mutation($n: ID!, $s: [ID!]) { draftShortlist(needId: $n, supplierIds: $s) { id } }`, { n: needId, s: supplierIds }, officer.token))).draftShortlist.id as string;
  if (!draft) {
    await ok(t.gql(`mutation($id: ID!) { approveShortlist(id: $id) { id } }`, { id }, officer.token));
    await t.runDue();
  }
  return id;
}

const mailTo = (address: string, part: string): ParsedMail | undefined => smtp.messages.find((m) => addresses(m.to).includes(address) && (m.messageId ?? '').includes(part));

it('shows the structure what it received and records its answer, changeable, as its link would', async () => {
  const a = await structure('Atelier Bois Solidaire');
  const b = await structure('Recyclerie du Cailly');
  const listId = await introduce('Fabrication de présentoirs en bois', [a.id]);
  const draftId = await introduce('Mobilier de la nouvelle agence', [a.id], true);

  const mine = (await ok(t.gql(RECEIVED, {}, a.token))).myIntroductions;
  expect(mine).toEqual([
    {
      shortlistId: listId,
      needTitle: 'Fabrication de présentoirs en bois',
      needDescription: needInput().description,
      firmName: 'Menuiserie Normande',
      place: 'Sotteville-lès-Rouen',
      budget: expect.stringMatching(/20\s000.*40\s000/),
      deadline: expect.stringMatching(/^2031-03-3/),
      introducedAt: expect.any(String),
      response: null,
    },
  ]);
  // The draft is the Métropole's work in progress: not shown, not answerable. Another structure sees none of it.
  expect(codeOf(await t.gql(ANSWER, { sl: draftId, a: 'INTERESTED' }, a.token))).toBe('NOT_FOUND');
  expect((await ok(t.gql(RECEIVED, {}, b.token))).myIntroductions).toEqual([]);
  expect(codeOf(await t.gql(ANSWER, { sl: listId, a: 'INTERESTED' }, b.token))).toBe('NOT_FOUND');

  const answered = (await ok(t.gql(ANSWER, { sl: listId, a: 'INTERESTED', c: 'Disponibles dès mars.' }, a.token))).answerIntroduction;
  expect(answered).toEqual({ shortlistId: listId, response: { answer: 'INTERESTED', comment: 'Disponibles dès mars.' } });
  const item = async () => (await ok(t.gql(ITEMS, { id: listId }, officer.token))).shortlist.items.find((i: any) => i.supplier.id === a.id);
  expect((await item()).response).toEqual({ answer: 'INTERESTED', comment: 'Disponibles dès mars.' });

  // A comment too long is refused at its field, and the answer given stays.
  const tooLong = await t.gql(ANSWER, { sl: listId, a: 'NOT_AVAILABLE', c: 'x'.repeat(1001) }, a.token);
  expect([codeOf(tooLong), fieldOf(tooLong)]).toEqual(['BAD_USER_INPUT', 'comment']);
  expect((await item()).response.answer).toBe('INTERESTED');

  // Changed from the space: the officers read the new answer, and the mailed link's page shows it.
  await ok(t.gql(ANSWER, { sl: listId, a: 'NOT_AVAILABLE' }, a.token));
  expect((await item()).response).toEqual({ answer: 'NOT_AVAILABLE', comment: null });
  expect((await ok(t.gql(RECEIVED, {}, a.token))).myIntroductions[0].response).toMatchObject({ answer: 'NOT_AVAILABLE' });
  const mail = mailTo(a.contactEmail, `${listId}.supplier.`)!;
  // The mail says where all of this is kept, and how to get there without an account.
  expect(mail.text).toContain(`sont dans votre espace « Ma structure » : demandez un lien de connexion à cette adresse. ${t.url.replace(/\/graphql$/, '')}/connexion`);
  const link = /<a href="([^"]+)">Pas disponible<\/a>/.exec(String(mail.html))![1]!.replace(/&amp;/g, '&');
  expect(await (await fetch(link)).text()).toContain('Vous avez déjà répondu : « Pas disponible »');
});

it('switches every follow-up off, then on again: none goes out while off, the next one after', async () => {
  const c = await structure('Jardins du Robec');
  const listId = await introduce('Entretien des haies du parking', [c.id]);
  const sentAt = Date.parse((await ok(t.gql(`query($id: ID!) { shortlist(id: $id) { sentAt } }`, { id: listId }, officer.token))).shortlist.sentAt);
  const mine = `{ me { supplier { followUpsOff } } }`;
  expect((await ok(t.gql(mine, {}, c.token))).me.supplier.followUpsOff).toBe(false);

  expect((await ok(t.gql(FOLLOW_UPS, { on: false }, c.token))).setMyFollowUps).toEqual({ id: c.id, followUpsOff: true });
  expect((await ok(t.gql(mine, {}, c.token))).me.supplier.followUpsOff).toBe(true);
  t.clock.advanceTo(sentAt + AFTER);
  await t.runDue();
  expect(mailTo(company.email, `${listId}.followup.`)).toBeDefined(); // the firm's go on
  expect(mailTo(c.contactEmail, `${listId}.followup.`)).toBeUndefined();
  const rows = async () => (await ok(t.gql(ITEMS, { id: listId }, officer.token))).shortlist.mails.filter((m: any) => m.supplier?.id === c.id);
  expect(await rows()).toContainEqual({ kind: 'FOLLOW_UP', state: 'DROPPED', lastError: expect.stringContaining('toutes les relances'), supplier: { id: c.id } });

  expect((await ok(t.gql(FOLLOW_UPS, { on: true }, c.token))).setMyFollowUps.followUpsOff).toBe(false);
  t.clock.advanceTo(sentAt + 2 * AFTER);
  await t.runDue();
  const reminder = mailTo(c.contactEmail, `${listId}.reminder.`);
  expect(reminder?.subject).toMatch(/^Rappel — /);
  expect(await rows()).toContainEqual(expect.objectContaining({ kind: 'REMINDER', state: 'SENT' }));
});
