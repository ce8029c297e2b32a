// The structure's space and the officers' notifications in a real Chromium (#24.15, #24.16): a structure
// signed in by its mailed link reads the introduction it received, answers and changes its answer,
// switches its follow-ups off then on, prepares its data and deletes its account after confirming;
// an officer takes a need from the queue (« Je m'en occupe »), an admin takes it back from a colleague after confirming, and the
// daily digest is asked for; focus follows each confirmation step. Every page: axe, 320 px.
import { expectSoundPage, signInToConsole, waitForTextOn, type Watched } from './helpers/browser';
import { startStage, type Stage } from './helpers/stage';
import { needInput, supplierInput } from './helpers/fixtures';
import { ok, TEST_PASSWORD, type TestServer } from './helpers/server';
import { addresses, type TestSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

jest.setTimeout(180_000);

const CONTACT = 'contact@menuiserie-insertion.example';
let stage: Stage<TestSmtp>;
let t: TestServer;
let smtp: TestSmtp;
let w: Watched;
let origin: string;
let officer: { email: string; token: string };
let supplierId: string;
let listId: string;

beforeAll(async () => {
  stage = await startStage({ smtp: true });
  ({ t, smtp, w, origin } = stage);
  officer = await t.userWithToken('OFFICER');
  const company = await t.userWithToken('COMPANY', { organisationName: 'Hôtel de la Seine' });
  supplierId = (await ok(t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`, { i: supplierInput({ name: 'Menuiserie d’Insertion', contactEmail: CONTACT }) }, officer.token))).createSupplier.id;
  const post = `mutation($i: NeedInput!) { postNeed(input: $i) { id } }`;
  const needId = (await ok(t.gql(post, { i: needInput({ title: 'Tables de la salle de petit-déjeuner' }) }, company.token))).postNeed.id;
  await ok(t.gql(post, { i: needInput({ title: 'Signalétique du hall' }) }, company.token));
  listId = (await ok(t.gql(`mutation($n: ID!, $s: [ID!]) { draftShortlist(needId: $n, supplierIds: $s) { id } }`, { n: needId, s: [supplierId] }, officer.token))).draftShortlist.id;
  await ok(t.gql(`mutation($id: ID!) { approveShortlist(id: $id) { id } }`, { id: listId }, officer.token));
  await t.runDue();
});

afterAll(() => stage?.close());

const checkPage = (title: RegExp, name: string): Promise<void> => expectSoundPage(w, { title, name });

const text = (selector: string): Promise<string> => w.page.$eval(selector, (e) => (e as unknown as { innerText: string }).innerText.trim());
const answerOf = async () => (await ok(t.gql(`query($id: ID!) { shortlist(id: $id) { items { response { answer comment } } } }`, { id: listId }, officer.token))).shortlist.items[0].response;

test('a structure answers an introduction from its space, changes its answer, switches follow-ups off and on, then leaves', async () => {
  const { page } = w;
  await ok(t.gql(`mutation { requestAccessLink(email: "${CONTACT}") }`));
  const mail = await waitFor('access link', () => smtp.messages.find((m) => addresses(m.to).includes(CONTACT) && /jeton=/.test(m.text ?? '')));
  const token = /\/acces\?jeton=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
  await page.goto(`${origin}/acces?jeton=${token}`);
  await page.waitForSelector('main form button[type="submit"]');
  await page.click('main form button[type="submit"]');
  await waitForTextOn(w, 'Ma structure : Menuiserie d’Insertion');

  // The space's local navigation leads to the introductions received.
  await page.click('nav[aria-label="Espace de la structure"] a[href="/ma-structure/mises-en-relation"]');
  await waitForTextOn(w, 'Tables de la salle de petit-déjeuner');
  expect(await page.$eval('nav[aria-label="Espace de la structure"] a[aria-current="page"]', (a) => a.getAttribute('href'))).toBe('/ma-structure/mises-en-relation');
  const article = await text('article.received');
  expect(article).toContain('Hôtel de la Seine');
  expect(article).toContain(needInput().description);
  expect(await text('.current-answer')).toBe('Vous n’avez pas encore répondu.');
  await checkPage(/Mises en relation reçues/, 'espace-structure-mises-en-relation');

  await page.click(`input[name="reponse-${listId}"][value="INTERESTED"]`);
  await page.type(`#champ-commentaire-${listId}`, 'Nous pouvons livrer en avril.');
  await page.click('article.received button[type="submit"]');
  await page.waitForFunction('document.querySelector(".current-answer").innerText.startsWith("Réponse enregistrée : « Nous sommes intéressés »")');
  expect(await answerOf()).toEqual({ answer: 'INTERESTED', comment: 'Nous pouvons livrer en avril.' });

  // Changed: the officers read the new answer.
  await page.click(`input[name="reponse-${listId}"][value="NOT_AVAILABLE"]`);
  await page.click('article.received button[type="submit"]');
  await page.waitForFunction('document.querySelector(".current-answer").innerText.startsWith("Réponse enregistrée : « Pas disponible »")');
  expect((await answerOf()).answer).toBe('NOT_AVAILABLE');
  await checkPage(/Mises en relation reçues/, 'espace-structure-reponse-changee');

  // Follow-ups off, then on again: the page says which, the API agrees.
  const followUpsOff = async () => (await ok(t.gql(`query($id: ID!) { supplier(id: $id) { followUpsOff } }`, { id: supplierId }, officer.token))).supplier.followUpsOff;
  await page.click('nav[aria-label="Espace de la structure"] a[href="/ma-structure/compte"]');
  await page.waitForSelector('.follow-ups-state');
  await checkPage(/Relances, données et compte/, 'espace-structure-compte');
  await page.click('section[aria-labelledby="relances"] button');
  await waitForTextOn(w, 'Vous ne recevez plus aucune relance');
  expect(await followUpsOff()).toBe(true);
  await page.click('section[aria-labelledby="relances"] button');
  await waitForTextOn(w, 'Passerelle ESS vous le rappelle une fois');
  expect(await followUpsOff()).toBe(false);

  // Its data, ready to download.
  await page.click('section[aria-labelledby="donnees"] button');
  await page.waitForSelector('a[download="mes-donnees-passerelle-ess.json"]');
  expect(await page.$eval('a[download]', (a) => a.getAttribute('href'))).toMatch(/^blob:/);

  // Deletion asks first, the keyboard on the question (the button pressed is gone); « Annuler » brings it back to that button.
  const focusedId = () => page.evaluate('document.activeElement && document.activeElement.id');
  const focusedText = () => page.evaluate('document.activeElement && document.activeElement.textContent');
  await page.click('section[aria-labelledby="suppression"] button');
  await waitForTextOn(w, 'Confirmez-vous la suppression ?');
  expect(await focusedId()).toBe('confirmer-suppression');
  await page.click('section[aria-labelledby="suppression"] .actions button.secondary');
  await page.waitForFunction('!document.querySelector("#confirmer-suppression")');
  expect(await focusedText()).toBe('Supprimer mon compte…');
  // Once confirmed, the structure leaves the directory and is signed out.
  await page.click('section[aria-labelledby="suppression"] button');
  await waitForTextOn(w, 'Confirmez-vous la suppression ?');
  await checkPage(/Relances, données et compte/, 'espace-structure-suppression');
  expect(await followUpsOff()).toBe(false); // nothing deleted yet
  await page.click('section[aria-labelledby="suppression"] button.danger');
  await page.waitForFunction('location.pathname === "/"');
  expect((await ok(t.gql(`query($id: ID!) { supplier(id: $id) { id } }`, { id: supplierId }))).supplier).toBeNull();
});

test('an officer takes a need from the queue and asks for the daily digest', async () => {
  const { page } = w;
  await signInToConsole(w, origin, officer.email, TEST_PASSWORD);
  await page.goto(`${origin}/console/besoins`);
  await waitForTextOn(w, 'Signalétique du hall');
  expect(await page.$$eval('thead th', (ths) => ths.map((th) => th.textContent))).toContain('Pris en charge par');
  expect(await text('tbody tr .assigned-to')).toBe('Personne ne s’en occupe');
  expect(await w.page.$eval('tbody tr .need-assignment button', (b) => b.textContent)).toBe('Je m’en occupe : « Signalétique du hall »');
  await page.click('tbody tr .need-assignment button');
  await page.waitForFunction('document.querySelector("tbody tr .assigned-to").innerText.startsWith("Pris en charge par vous depuis le")');
  await checkPage(/Besoins en attente/, 'console-pris-en-charge');
  const queued = await ok(t.gql(`{ needsAwaitingShortlist { edges { node { assignment { officer { email } } } } } }`, {}, officer.token));
  expect(queued.needsAwaitingShortlist.edges[0].node.assignment.officer.email).toBe(officer.email);

  // The need's page says it too.
  await page.click('tbody a');
  await page.waitForSelector('#besoin-detail');
  expect(await text('.need-assignment .assigned-to')).toMatch(/^Pris en charge par vous depuis le/);

  await page.click('nav a[href$="/compte"]');
  await page.waitForSelector('input[type="checkbox"]');
  expect(await page.$eval('input[type="checkbox"]', (i) => (i as unknown as { checked: boolean }).checked)).toBe(false);
  await page.click('input[type="checkbox"]');
  await waitForTextOn(w, 'vous recevrez le récapitulatif');
  await checkPage(/Mon compte/, 'console-mon-compte');
  expect((await ok(t.gql(`{ me { dailyDigest } }`, {}, officer.token))).me.dailyDigest).toBe(true);
});

test('an admin hands a need over to another officer from its page', async () => {
  const { page } = w;
  const admin = await t.userWithToken('ADMIN');
  const colleague = await t.userWithToken('OFFICER');
  await page.click('.account button'); // the officer signs out
  await signInToConsole(w, origin, admin.email, TEST_PASSWORD);
  await page.goto(`${origin}/console/besoins`);
  await waitForTextOn(w, 'Signalétique du hall');
  await page.click('tbody a');
  await page.waitForSelector('#confier-a');
  expect(await text('.need-assignment .assigned-to')).toMatch(new RegExp(`^Pris en charge par ${officer.email}`)); // taken in the test before
  await page.select('#confier-a', colleague.id);
  await page.click('form.hand-over button[type="submit"]');
  await page.waitForFunction(`document.querySelector(".need-assignment .assigned-to").innerText.startsWith(${JSON.stringify(`Pris en charge par ${colleague.email}`)})`);
  await checkPage(/Besoin : Signalétique du hall/, 'console-confier-besoin');

  // Taking it back from the colleague says from whom, and asks first: nothing changes until confirmed.
  const holder = async () => (await ok(t.gql(`{ needsAwaitingShortlist { edges { node { assignment { officer { email } } } } } }`, {}, admin.token))).needsAwaitingShortlist.edges[0].node.assignment.officer.email;
  const focused = () => page.evaluate('document.activeElement && document.activeElement.textContent');
  const ask = '.need-assignment button.secondary';
  expect(await page.$eval(ask, (b) => b.textContent)).toBe(`Reprendre ce besoin à ${colleague.email} : « Signalétique du hall »`);
  await page.click(ask);
  await page.waitForSelector('.need-assignment [role="group"]');
  expect(await focused()).toBe(`Reprendre ce besoin à ${colleague.email} ? Il ne s’en occupera plus.`);
  expect(await holder()).toBe(colleague.email);
  await checkPage(/Besoin : Signalétique du hall/, 'console-reprendre-besoin');
  await page.click('.need-assignment [role="group"] button.secondary'); // « Annuler »
  await page.waitForFunction('!document.querySelector(".need-assignment [role=group]")');
  expect(await focused()).toBe(`Reprendre ce besoin à ${colleague.email} : « Signalétique du hall »`);
  expect(await holder()).toBe(colleague.email);
  await page.click(ask);
  await page.click('.need-assignment [role="group"] button:not(.secondary)');
  await page.waitForFunction('document.querySelector(".need-assignment .assigned-to").innerText.startsWith("Pris en charge par vous")');
  expect(await holder()).toBe(admin.email);
  expect(await page.evaluate('document.activeElement.className')).toBe('assigned-to');
});
