// Officers' notifications over HTTP with a real SMTP peer (#24.16). The daily digest: asked for by one
// officer (his own setting, nobody else's to read), sent once at its hour on the server's clock with what
// arrived since (needs that entered the queue, a mail given up on, a declaration to validate, an answer), never to an
// officer who did not ask, not twice a day, not on a day with nothing new. And « pris en charge par »:
// an officer takes a need or lets it go, only an admin hands it to someone else, shown in the queue.
import { DIGEST_HOUR, digestRowId } from '../api/accounts';
import { parisInstant } from '../api/kernel';
import { needInput, supplierInput } from './helpers/fixtures';
import { codeOf, ok, startTestServer, type TestServer } from './helpers/server';
import { addresses, startSmtp, type TestSmtp } from './helpers/smtp';

const REFUSED = 'boite-pleine@refus.example';
const DAY = 86_400_000;
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The first digest hour (Paris) after `after`, and its day. */
function nextDigest(after: number): { at: number; day: string } {
  for (let k = 0; ; k += 1) {
    const day = PARIS_DAY.format(after + k * DAY);
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const at = parisInstant(Date.UTC(y, m - 1, d, DIGEST_HOUR)).getTime();
    if (at > after) return { at, day };
  }
}

let smtp: TestSmtp;
let t: TestServer;

beforeAll(async () => {
  smtp = await startSmtp(0, { refuse: (a) => a === REFUSED });
  // A refused mail is given up on after its second try, a few seconds later on the server's clock.
  t = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_INTERVAL: '50ms', MAIL_GIVE_UP_AFTER: '1s' });
});
afterAll(async () => {
  await t.destroy();
  await smtp.close();
});

const digestsTo = (email: string) => smtp.messages.filter((m) => addresses(m.to).includes(email) && /récapitulatif/.test(m.subject ?? ''));
const SET_DIGEST = `mutation($on: Boolean!) { setDailyDigest(enabled: $on) { id dailyDigest } }`;

it('sends the daily digest to the officer who asked for it: once, at its hour, with what is new; nothing on an empty day', async () => {
  const reader = await t.userWithToken('OFFICER');
  const other = await t.userWithToken('OFFICER');
  const admin = await t.userWithToken('ADMIN');
  const company = await t.userWithToken('COMPANY', { organisationName: 'Imprimerie Martin' });

  // Posted without an account before the officer asked for the digest, confirmed after: it enters the queue then.
  const anonymous = { companyName: 'Traiteur du Port', contactEmail: 'achats@traiteur-du-port.example' };
  await ok(t.gql(`mutation($i: NeedInput!) { postNeed(input: $i) { id } }`, { i: needInput({ title: 'Repas du séminaire', ...anonymous }) }));
  await t.runDue();
  const confirmation = smtp.messages.find((m) => addresses(m.to).includes(anonymous.contactEmail))!;
  const confirmUrl = /<a href="([^"]+)">Confirmer mon besoin<\/a>/.exec(String(confirmation.html))![1]!;

  // Off by default; each officer sets his own, and nobody else reads it.
  expect((await ok(t.gql(`{ me { dailyDigest } }`, {}, reader.token))).me.dailyDigest).toBe(false);
  expect((await ok(t.gql(SET_DIGEST, { on: true }, reader.token))).setDailyDigest).toEqual({ id: reader.id, dailyDigest: true });
  expect((await ok(t.gql(`{ me { dailyDigest } }`, {}, other.token))).me.dailyDigest).toBe(false);
  const listed = (await ok(t.gql(`{ officers { email dailyDigest } }`, {}, admin.token))).officers;
  expect(listed.find((o: any) => o.email === reader.email)).toEqual({ email: reader.email, dailyDigest: null });

  // What happens next: a need waits, a structure declares its kind (pending), another need's list is
  // sent to it (it answers) and to a structure whose mailbox refuses it (given up on).
  const post = `mutation($i: NeedInput!) { postNeed(input: $i) { id } }`;
  await ok(t.gql(post, { i: needInput({ title: 'Nettoyage des vitres du siège' }) }, company.token));
  expect((await fetch(confirmUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' })).status).toBe(200);
  const introducedNeed = (await ok(t.gql(post, { i: needInput({ title: 'Entretien des pelouses' }) }, company.token))).postNeed.id;
  const declaring = await t.userWithToken('SUPPLIER', { organisationName: 'Jardins Partagés' });
  const create = `mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`;
  const declared = (await ok(t.gql(create, { i: supplierInput({ name: 'Jardins Partagés', inclusionKind: 'ACI' }) }, declaring.token))).createSupplier.id;
  const refused = (await ok(t.gql(create, { i: supplierInput({ name: 'Paysages Fermés', contactEmail: REFUSED }) }, reader.token))).createSupplier.id;
  const listId = (await ok(t.gql(`mutation($n: ID!, $s: [ID!]) { draftShortlist(needId: $n, supplierIds: $s) { id } }`, { n: introducedNeed, s: [declared, refused] }, reader.token))).draftShortlist.id;
  await ok(t.gql(`mutation($id: ID!) { approveShortlist(id: $id) { id } }`, { id: listId }, reader.token));
  await t.runDue();
  t.clock.advance(3_000);
  await t.runDue();
  expect((await ok(t.gql(`{ failedMails { to } }`, {}, reader.token))).failedMails).toEqual([{ to: REFUSED }]);
  await ok(t.gql(`mutation($sl: ID!) { answerIntroduction(shortlistId: $sl, answer: INTERESTED, comment: "Dès lundi") { shortlistId } }`, { sl: listId }, declaring.token));
  expect(digestsTo(reader.email)).toEqual([]);

  // At the digest's hour, the officer who asked gets it; the other officer gets nothing.
  const first = nextDigest(Date.now());
  t.clock.advanceTo(first.at + 60_000);
  await t.runDue();
  const [digest, ...more] = digestsTo(reader.email);
  expect(more).toEqual([]);
  expect(digest!.subject).toMatch(/^Passerelle ESS : votre récapitulatif du /);
  const text = digest!.text ?? '';
  expect(text).toMatch(/Nouveaux besoins en attente d’une liste \(2\)\n- « Nettoyage des vitres du siège » — Imprimerie Martin\n- « Repas du séminaire » — Traiteur du Port\n/);
  expect(text).toMatch(new RegExp(`Courriels en échec \\(1\\)\\n- À ${REFUSED} : `));
  expect(text).toMatch(/Modifications à valider \(1\)\n- Jardins Partagés/);
  expect(text).toMatch(/Réponses des structures \(1\)\n- Jardins Partagés : intéressée pour « Entretien des pelouses » \(« Dès lundi »\)/);
  expect(text).toContain(`${t.server.url}/console/besoins`);
  expect(digestsTo(other.email)).toEqual([]);
  expect(digestsTo(admin.email)).toEqual([]);

  // The same day, however often the outbox runs: one digest.
  t.clock.advance(2 * 3600_000);
  await t.runDue();
  expect(digestsTo(reader.email)).toHaveLength(1);

  // The next day nothing is new: no mail, its row dropped with the reason.
  const second = nextDigest(first.at);
  t.clock.advanceTo(second.at + 60_000);
  await t.runDue();
  expect(digestsTo(reader.email)).toHaveLength(1);
  expect(await t.server.services.store.outbox.findById(digestRowId(reader.id, second.day))).toMatchObject({ state: 'DROPPED', lastError: expect.stringContaining('Rien de nouveau') });

  // Switched off: something new, and still no digest.
  expect((await ok(t.gql(SET_DIGEST, { on: false }, reader.token))).setDailyDigest.dailyDigest).toBe(false);
  await ok(t.gql(post, { i: needInput({ title: 'Traiteur pour les vœux' }) }, company.token));
  t.clock.advanceTo(nextDigest(second.at).at + 60_000);
  await t.runDue();
  expect(digestsTo(reader.email)).toHaveLength(1);
});

it('an officer takes a need or lets it go; only an admin hands it to another; the queue shows who and since when', async () => {
  const [first, second, admin] = [await t.userWithToken('OFFICER'), await t.userWithToken('OFFICER'), await t.userWithToken('ADMIN')];
  const company = await t.userWithToken('COMPANY');
  const needId = (await ok(t.gql(`mutation($i: NeedInput!) { postNeed(input: $i) { id } }`, { i: needInput({ title: 'Collecte des déchets de bureau' }) }, company.token))).postNeed.id;
  const ASSIGN = `mutation($n: ID!, $o: ID) { assignNeed(needId: $n, officerId: $o) { id assignment { at officer { email } } } }`;
  const RELEASE = `mutation($n: ID!) { releaseNeed(needId: $n) { id assignment { at } } }`;
  const queued = async (token: string) =>
    (await ok(t.gql(`{ needsAwaitingShortlist(first: 100) { edges { node { id assignment { at officer { email } } } } } }`, {}, token))).needsAwaitingShortlist.edges.find((e: any) => e.node.id === needId).node.assignment;

  expect(await queued(first.token)).toBeNull();
  const before = Date.now() - 1000; // DateTime keeps whole seconds
  const taken = (await ok(t.gql(ASSIGN, { n: needId }, first.token))).assignNeed.assignment;
  expect(taken).toEqual({ at: expect.any(String), officer: { email: first.email } });
  expect(Date.parse(taken.at)).toBeGreaterThanOrEqual(before);
  expect(Date.parse(taken.at)).toBeLessThanOrEqual(Date.now());
  expect(await queued(second.token)).toEqual(taken);
  // Its firm does not see who deals with it.
  expect((await ok(t.gql(`query($id: ID!) { need(id: $id) { assignment { at } } }`, { id: needId }, company.token))).need.assignment).toBeNull();

  // Another officer can neither take it nor release it, nor hand it to someone; an admin can.
  const refused = await t.gql(ASSIGN, { n: needId }, second.token);
  expect(codeOf(refused)).toBe('CONFLICT');
  expect(refused.errors![0]!.message).toContain(first.email);
  expect(codeOf(await t.gql(RELEASE, { n: needId }, second.token))).toBe('FORBIDDEN');
  expect(codeOf(await t.gql(ASSIGN, { n: needId, o: second.id }, first.token))).toBe('FORBIDDEN');
  expect(codeOf(await t.gql(ASSIGN, { n: needId, o: company.id }, admin.token))).toBe('BAD_USER_INPUT');
  expect((await ok(t.gql(ASSIGN, { n: needId, o: second.id }, admin.token))).assignNeed.assignment.officer).toEqual({ email: second.email });
  expect(codeOf(await t.gql(RELEASE, { n: needId }, first.token))).toBe('FORBIDDEN');

  // Its holder lets it go: nobody deals with it any more, and the first officer may take it again.
  expect((await ok(t.gql(RELEASE, { n: needId }, second.token))).releaseNeed.assignment).toBeNull();
  expect(await queued(first.token)).toBeNull();
  await ok(t.gql(ASSIGN, { n: needId }, first.token));

  // A closed need is nobody's to take.
  await ok(t.gql(`mutation($id: ID!) { closeNeed(id: $id, note: "Traité par téléphone") { id } }`, { id: needId }, admin.token));
  expect(codeOf(await t.gql(ASSIGN, { n: needId }, admin.token))).toBe('CONFLICT');
});
