// The firm's space in a real Chromium: a firm that posted without an account asks for a sign-in link,
// follows it, lands on « Mes besoins », reads where each need is and what happens next (the default
// service commitment), withdraws one, and reads the structures introduced with their answers.
// The real server, a real SMTP peer; axe and 320 px reflow on every state, no foreign request.
import type { Browser } from 'puppeteer-core';
import { confirmByLink, postAnonymously } from './helpers/anonymous-needs';
import { expectSoundPage, watchedPage, waitForTextOn, type Watched } from './helpers/browser';
import { startStage, type Stage } from './helpers/stage';
import { needInput } from './helpers/fixtures';
import { APPROVE, DRAFT, buildScene, type Scene } from './helpers/introductions';
import { TEST_PASSWORD, type TestServer } from './helpers/server';
import { addresses, type TestSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

jest.setTimeout(120_000);

const FIRM = 'achats@ebenisterie-seine.example';
const ANSWER = `mutation($s: ID!, $id: ID!, $a: SupplierAnswer!) { recordSupplierAnswer(shortlistId: $s, supplierId: $id, answer: $a, comment: "Commentaire pour la Métropole seulement") { rank } }`;

let stage: Stage<TestSmtp>;
let t: TestServer;
let smtp: TestSmtp;
let browser: Browser;
let w: Watched;
let origin: string;
let scene: Scene;
const ids: Record<'pending' | 'confirmed' | 'introduced', string> = { pending: '', confirmed: '', introduced: '' };
let introduced: { interested: string; unavailable: string };

beforeAll(async () => {
  stage = await startStage({ smtp: true });
  ({ t, smtp, w, origin, browser } = stage);
  scene = await buildScene(t);
  const firm = { companyName: 'Ébénisterie de la Seine', contactEmail: FIRM };
  ids.pending = await postAnonymously(t, { ...firm, title: 'Rayonnages pour la réserve' });
  ids.confirmed = await postAnonymously(t, { ...firm, title: 'Agencement de notre showroom' });
  ids.introduced = await postAnonymously(t, { ...firm, title: 'Entretien des espaces verts de l’atelier' });
  for (const title of ['Agencement de notre showroom', 'Entretien des espaces verts de l’atelier']) expect((await confirmByLink(t, smtp, FIRM, title)).status).toBe(200);
  const draft = (await t.gql(DRAFT, { needId: ids.introduced, size: 2 }, scene.officer.token)).data.draftShortlist;
  expect((await t.gql(APPROVE, { id: draft.id }, scene.officer.token)).errors).toBeUndefined();
  const [first, second] = draft.items.map((i: { supplier: { id: string; name: string } }) => i.supplier);
  await t.gql(ANSWER, { s: draft.id, id: first.id, a: 'INTERESTED' }, scene.officer.token);
  await t.gql(ANSWER, { s: draft.id, id: second.id, a: 'NOT_AVAILABLE' }, scene.officer.token);
  introduced = { interested: first.name, unavailable: second.name };
});

afterAll(() => stage?.close());

const checkPage = (name: string): Promise<void> => expectSoundPage(w, { title: /Mes besoins/, name });

const sectionText = (id: string): Promise<string> => w.page.$eval(`section[aria-labelledby="besoin-${id}"]`, (e) => (e as unknown as { innerText: string }).innerText);

test('a firm signs in by link, lands on its needs, reads their status and what comes next, withdraws one, and reads the answers', async () => {
  await w.page.goto(`${origin}/connexion`);
  await w.page.waitForSelector('#champ-email');
  await w.page.type('#champ-email', FIRM);
  await w.page.click('main form button[type="submit"]');
  await waitForTextOn(w, 'Si l’adresse');
  const mail = await waitFor('the sign-in link', () => smtp.messages.find((m) => addresses(m.to).includes(FIRM) && /lien de connexion/.test(m.subject ?? '')));
  const token = /\/acces\?jeton=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
  await w.page.goto(`${origin}/acces?jeton=${token}`);
  await w.page.waitForSelector('main form button[type="submit"]');
  await w.page.click('main form button[type="submit"]');

  // Lands on its space, found in the header too.
  await w.page.waitForSelector(`section[aria-labelledby="besoin-${ids.pending}"]`);
  expect(new URL(w.page.url()).pathname).toBe('/mes-besoins');
  expect(await w.page.$('header nav a[href="/mes-besoins"]')).not.toBeNull();
  expect(await sectionText(ids.pending)).toMatch(/Statut : en attente de confirmation/);
  expect(await sectionText(ids.pending)).toContain(`Confirmez-le avec le lien envoyé à ${FIRM}`);
  const confirmed = await sectionText(ids.confirmed);
  expect(confirmed).toMatch(/Statut : confirmé/);
  expect(confirmed).toContain('une liste vous sera proposée sous 5 jours ouvrés');
  expect(confirmed).toMatch(/Déposé le\s+\d{1,2} \S+ \d{4}/);
  expect(confirmed).toMatch(/Confirmé le\s+\d{1,2} \S+ \d{4}/);
  await checkPage('mes-besoins');

  // Introduced: no correction offered any more; the structures and their answers (never their comments).
  const done = await sectionText(ids.introduced);
  expect(done).toMatch(/Statut : structures présentées/);
  expect(done).toMatch(/Structures présentées le\s+\d{1,2} \S+ \d{4}/);
  expect(done).toContain(introduced.interested);
  expect(done).toMatch(/Sa réponse : intéressée/);
  expect(done).toContain(introduced.unavailable);
  expect(done).toMatch(/Sa réponse : pas disponible/);
  expect(done).not.toContain('Commentaire pour la Métropole');
  expect(await w.page.$(`section[aria-labelledby="besoin-${ids.introduced}"] .need-changes`)).toBeNull();

  // Corrects the confirmed one's title while the Métropole corrects its budget: both corrections are kept.
  await w.page.click(`section[aria-labelledby="besoin-${ids.confirmed}"] .need-changes button:nth-of-type(1)`);
  await w.page.waitForSelector(`#champ-title-${ids.confirmed}`);
  await w.page.$eval(`#champ-title-${ids.confirmed}`, (i) => ((i as unknown as { value: string }).value = ''));
  await w.page.type(`#champ-title-${ids.confirmed}`, 'Rayonnages de l’entrepôt nord');
  const meanwhile = await t.gql(`mutation($id: ID!) { updateNeed(id: $id, input: { budgetMax: 45000 }) { id } }`, { id: ids.confirmed }, scene.officer.token);
  expect(meanwhile.errors).toBeUndefined();
  await w.page.click(`section[aria-labelledby="besoin-${ids.confirmed}"] form button[type="submit"]`);
  await waitForTextOn(w, 'Rayonnages de l’entrepôt nord');
  const corrected = await t.gql(`query($id: ID!) { need(id: $id) { title budgetMax } }`, { id: ids.confirmed }, scene.officer.token);
  expect(corrected.data.need).toEqual({ title: 'Rayonnages de l’entrepôt nord', budgetMax: 45000 });

  // Confirms the pending one here (signing in proved the address), then withdraws it, with a reason.
  await w.page.click(`::-p-aria(Confirmer ce besoin « ${await w.page.$eval(`#besoin-${ids.pending}`, (h) => h.textContent)} »)`);
  await w.page.waitForFunction(`document.querySelector('section[aria-labelledby="besoin-${ids.pending}"]').innerText.includes('Statut : confirmé')`);
  expect(await w.page.evaluate('document.activeElement && document.activeElement.id')).toBe(`besoin-${ids.pending}`);
  expect(await sectionText(ids.pending)).not.toContain('Confirmer ce besoin');

  await w.page.click(`section[aria-labelledby="besoin-${ids.pending}"] .need-changes button:nth-of-type(2)`);
  await w.page.waitForSelector(`#champ-reason-${ids.pending}`);
  await checkPage('mes-besoins-retrait');
  await w.page.type(`#champ-reason-${ids.pending}`, 'Rayonnages trouvés d’occasion');
  await w.page.click(`section[aria-labelledby="besoin-${ids.pending}"] form button[type="submit"]`);
  await w.page.waitForFunction(`document.querySelector('section[aria-labelledby="besoin-${ids.pending}"]').innerText.includes('Statut : retiré')`);
  // the form is gone: the keyboard is on the need's heading, not lost at the top of the page
  expect(await w.page.evaluate('document.activeElement && document.activeElement.id')).toBe(`besoin-${ids.pending}`);
  const withdrawn = await sectionText(ids.pending);
  expect(withdrawn).toContain('Motif du retrait : Rayonnages trouvés d’occasion');
  expect(withdrawn).toContain('aucune structure ne vous sera présentée');
  expect(await w.page.$(`section[aria-labelledby="besoin-${ids.pending}"] .need-changes`)).toBeNull();
  await checkPage('mes-besoins-retire');
  const stored = await t.gql(`query($id: ID!) { need(id: $id) { status withdrawalReason } }`, { id: ids.pending }, scene.officer.token);
  expect(stored.data.need).toEqual({ status: 'WITHDRAWN', withdrawalReason: 'Rayonnages trouvés d’occasion' });
});

test('a firm with a password signs in on the same page and lands on its needs', async () => {
  w = await watchedPage(browser, origin);
  await w.page.goto(`${origin}/connexion`);
  await w.page.waitForSelector('#champ-login-email');
  await w.page.type('#champ-login-email', scene.company.email);
  await w.page.type('#champ-login-password', 'pas le bon');
  await w.page.click('form[aria-label="Connexion avec un mot de passe"] button[type="submit"]');
  await waitForTextOn(w, 'Adresse e-mail ou mot de passe incorrect.');
  await w.page.click('#champ-login-password', { count: 3 });
  await w.page.type('#champ-login-password', TEST_PASSWORD);
  await w.page.click('form[aria-label="Connexion avec un mot de passe"] button[type="submit"]');
  await w.page.waitForSelector(`section[aria-labelledby="besoin-${scene.needId}"]`);
  expect(new URL(w.page.url()).pathname).toBe('/mes-besoins');
  expect(await sectionText(scene.needId)).toContain('une liste vous sera proposée sous 5 jours ouvrés');
  // only its own: not the needs of the firm without an account
  expect(await w.page.$(`section[aria-labelledby="besoin-${ids.confirmed}"]`)).toBeNull();
  await checkPage('mes-besoins-mot-de-passe');
});

test('the same structure presented for two needs of the firm: each outcome form’s error link leads to its own field', async () => {
  // Signed in as scene.company by the test before. Its two needs, the same structure in both lists.
  const post = `mutation($i: NeedInput!) { postNeed(input: $i) { id } }`;
  const second = (await t.gql(post, { i: needInput({ title: 'Taille des haies du parking' }) }, scene.company.token)).data.postNeed.id;
  const both = scene.suppliers.jardins;
  const lists: string[] = [];
  for (const needId of [scene.needId, second]) {
    const list = (await t.gql(`mutation($n: ID!, $s: [ID!]) { draftShortlist(needId: $n, supplierIds: $s) { id } }`, { n: needId, s: [both.id] }, scene.officer.token)).data.draftShortlist.id;
    expect((await t.gql(APPROVE, { id: list }, scene.officer.token)).errors).toBeUndefined();
    lists.push(list);
  }
  await w.page.goto(`${origin}/mes-besoins`);
  const formOf = (needId: string) => `section[aria-labelledby="besoin-${needId}"] form[aria-label="Suite pour ${both.name}"]`;
  await w.page.waitForSelector(formOf(scene.needId));
  await w.page.waitForSelector(formOf(second));
  // The form further down the page: the one a lookup by a shared id never reaches.
  const sections = await w.page.$$eval('section[aria-labelledby^="besoin-"]', (ss) => ss.map((s) => s.getAttribute('aria-labelledby')));
  const later = sections.indexOf(`besoin-${second}`) > sections.indexOf(`besoin-${scene.needId}`) ? 1 : 0;
  const form = formOf([scene.needId, second][later]!);
  // Refused (no choice made), in the later form: its summary's link focuses its own choice, not the first form's.
  await w.page.click(`${form} button[type="submit"]`);
  await w.page.waitForSelector(`${form} .error-summary a`);
  await w.page.click(`${form} .error-summary a`);
  const focused = await w.page.evaluate(`(() => { const e = document.activeElement; return { id: e.id, inForm: !!e.closest(${JSON.stringify(form)}) }; })()`);
  expect(focused).toEqual({ id: `champ-status-${lists[later]}-${both.id}`, inForm: true });
  const ids = await w.page.$$eval('[id]', (es) => es.map((e) => e.id));
  expect(ids.filter((id, k) => ids.indexOf(id) !== k)).toEqual([]);
  await checkPage('mes-besoins-deux-listes');
});
