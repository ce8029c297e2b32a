// The officers' console end to end: the real server, a real SMTP peer and a real Chromium walk the
// officer's whole loop; every page is checked with axe-core, for foreign requests and for dialogs.
import fs from 'node:fs';
import nodePath from 'node:path';
import { screenshot, reflowProblems, seriousViolations, waitForTextOn, type Watched } from './helpers/browser';
import { raw } from './helpers/http';
import { buildScene, type Scene } from './helpers/introductions';
import { TEST_PASSWORD, type TestServer } from './helpers/server';
import { supplierInput } from './helpers/fixtures';
import type { TestSmtp } from './helpers/smtp';
import { startStage, type Stage } from './helpers/stage';
import { waitFor } from './helpers/wait';

jest.setTimeout(120_000);

let stage: Stage<TestSmtp>;
let t: TestServer;
let smtp: TestSmtp;
let w: Watched;
let origin: string;
let scene: Scene;
const XSS_NAME = '<img src=x onerror=alert(1)>';
const FIRM_EMAIL = 'achats@boulangerie-normande.example';
let firmMailboxClosed = true;

beforeAll(async () => {
  // The firm's mailbox refuses mail until the test lets it in: its email fails, then is sent again by hand.
  stage = await startStage({ smtp: { refuse: (address) => firmMailboxClosed && address === FIRM_EMAIL }, env: { MAIL_GIVE_UP_AFTER: '1h' } });
  ({ t, smtp, w, origin } = stage);
  scene = await buildScene(t);
  // More insertion structures of green spaces than a draft holds (5), one named as an attack.
  for (const [name, inclusionKind] of [[XSS_NAME, 'EI'], ['Chantier Vert de la Seine', 'ACI'], ['Brigade Verte Insertion', 'EI'], ['Atelier Paysage Solidaire', 'ACI']]) {
    const input = supplierInput({ name, inclusionKind, legalForm: 'ASSOCIATION', communeCode: '76681', contactEmail: `${name.length}-${inclusionKind}@ess.example`, labels: [] });
    const res = await t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`, { input }, scene.officer.token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
  }
});

afterAll(() => stage?.close());

/** Every page: axe clean, a title that says where we are, no foreign request, no dialog, the hostile name as text. */
async function checkPage(name: string, title: RegExp): Promise<void> {
  const { page } = w;
  await page.waitForFunction('!document.querySelector(".loading")');
  expect(await page.title()).toMatch(title);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await reflowProblems(page)).toEqual([]);
  expect(w.foreign).toEqual([]);
  expect(w.dialogs).toEqual([]);
  expect(await page.$('img[src="x"]')).toBeNull();
  await screenshot(page, name);
}

const waitForText = (text: string): Promise<void> => waitForTextOn(w, text);

const path = (p: string) => `${origin}/console${p}`;

describe('serving /console', () => {
  test('index.html: French, no cache, strict CSP; assets: hashed, long cache, compressed; SPA fallback', async () => {
    const index = await raw(path(''), { headers: { 'accept-encoding': 'gzip' } });
    expect(index.status).toBe(200);
    expect(index.text).toContain('<html lang="fr">');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const asset = /src="(\/console\/assets\/index-[\w-]+\.js)"/.exec(index.text)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(`${origin}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect(js.headers.get('content-encoding')).toBe('gzip');
    const deep = await raw(path('/besoins/quelque-chose'));
    expect(deep.status).toBe(200);
    expect(deep.text).toBe(index.text);
    expect((await raw(`${origin}/console/assets/absent.js`)).status).toBe(404);
    expect((await raw(`${origin}/healthz`)).json.status).toBe('ok');
  });
});


/** The visible text of the elements matching `selector`. */
const texts = (selector: string): Promise<string[]> => w.page.$$eval(selector, (els) => els.map((e) => (e as unknown as { innerText: string }).innerText.trim()));

async function click(selector: string): Promise<void> {
  await w.page.waitForSelector(selector, { visible: true });
  await w.page.click(selector);
}

/** Clicks the button or link whose text is exactly `label` (first of them). */
async function clickText(label: string, tag = 'button'): Promise<void> {
  const handle = await w.page.waitForSelector(`::-p-xpath(//${tag}[normalize-space(.)=${JSON.stringify(label)}])`, { visible: true });
  await handle!.click();
}

async function fill(selector: string, value: string): Promise<void> {
  await w.page.waitForSelector(selector, { visible: true });
  await w.page.$eval(selector, (el) => ((el as unknown as { value: string }).value = ''));
  await w.page.type(selector, value);
}

/** Sets an input's value as the browser would after a pick (date inputs), so React sees it. */
async function setValue(selector: string, value: string): Promise<void> {
  await w.page.waitForSelector(selector);
  await w.page.evaluate(`(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, ${JSON.stringify(value)});
    el.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
}

describe('the officer’s loop', () => {
  test('sign in, then the needs waiting for a shortlist', async () => {
    const { page } = w;
    await page.goto(path('/'));
    await page.waitForSelector('#champ-email');
    await checkPage('01-connexion', /Connexion/);
    await page.type('#champ-email', scene.officer.email);
    await page.type('#champ-password', 'mauvais mot de passe');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    await page.$eval('#champ-password', (el) => ((el as unknown as { value: string }).value = ''));
    await page.type('#champ-password', TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForSelector('table');
    await waitForText(scene.needTitle);
    await checkPage('02-besoins-en-attente', /Besoins en attente/);
    expect(await page.evaluate('sessionStorage.length')).toBe(1);
    expect(await page.evaluate('localStorage.length')).toBe(0);
    expect(page.url()).not.toContain(scene.officer.token.slice(0, 12));
  });

  test('record a need heard by phone: a refusal shows next to its field and keeps what was typed', async () => {
    const { page } = w;
    await clickText('Enregistrer un besoin', 'a');
    await page.waitForSelector('#champ-title');
    await fill('#champ-companyName', 'Boulangerie Normande');
    await fill('#champ-contactEmail', FIRM_EMAIL);
    await fill('#champ-title', 'Entretien des espaces verts de la boulangerie');
    await fill('#champ-description', 'Tonte, taille des haies et débroussaillage autour de l’atelier, de mars à octobre.');
    await page.select('#champ-kind', 'PURCHASE');
    await fill('#champ-communeCode', 'Sotteville-lès-Rouen');
    await waitForText('Commune retenue : Sotteville-lès-Rouen (76681)');
    await fill('#champ-nafCodes', '81.30Z');
    await clickText('Ajouter le secteur');
    await waitForText('81.30Z');
    await fill('#champ-budgetMin', '50000');
    await fill('#champ-budgetMax', '1000');
    await setValue('#champ-deadline', '2030-12-31'); // a date input's typing order depends on the locale
    await clickText("Marché réservé aux structures d'insertion (SIAE)");
    expect(await page.$eval('input[name="requiredInclusionKinds"][value="EI"]', (el) => (el as unknown as { checked: boolean }).checked)).toBe(true);
    expect(await page.$eval('input[name="requiredInclusionKinds"][value="ESAT"]', (el) => (el as unknown as { checked: boolean }).checked)).toBe(false);
    await click('input[name="requiredLabels"][value="ECOCERT"]');
    await click('input[name="requiredLabels"][value="ECOCERT"]'); // checked, then unchecked again
    await clickText('Enregistrer le besoin');
    await page.waitForSelector('#champ-budgetMax-erreur');
    expect(await texts('#champ-budgetMax-erreur')).toEqual([expect.stringContaining('budget maximum')]);
    expect(await page.$eval('#champ-title', (el) => (el as unknown as { value: string }).value)).toBe('Entretien des espaces verts de la boulangerie');
    await checkPage('03-besoin-nouveau-erreur', /Enregistrer un besoin/);
    await fill('#champ-budgetMax', '60000');
    await clickText('Enregistrer le besoin');
    await page.waitForSelector('#eligibles');
  });

  test('the need’s matches: scores, five bars, French reasons, ineligible ones apart; a structure’s profile', async () => {
    const { page } = w;
    await page.waitForSelector('#eligibles ~ .cards .card');
    await waitForText(XSS_NAME);
    expect(await page.$$eval('section[aria-labelledby="eligibles"] .card', (els) => els.length)).toBe(6);
    expect(await page.$$eval('section[aria-labelledby="eligibles"] .card:first-child meter', (els) => els.length)).toBe(5);
    const ineligible = await texts('section[aria-labelledby="ineligibles"] .card');
    expect(ineligible.some((c) => c.includes(scene.suppliers.esat.name) && c.includes('Non éligible'))).toBe(true);
    await checkPage('04-besoin-structures-proposees', /Besoin : Entretien des espaces verts de la boulangerie/);
    await clickText(XSS_NAME, 'a');
    await page.waitForSelector('dl.profile');
    await waitForText('Présentation');
    await checkPage('05-structure-fiche', /Structure : <img src=x onerror=alert\(1\)>/);
    await page.goBack();
    await page.waitForSelector('#eligibles');
  });

  test('curate: draft, remove one, add one by search, reorder with the keyboard and by drag and drop, note, preview, approve', async () => {
    const { page } = w;
    await clickText('Préparer une liste (brouillon des 5 meilleures)');
    await page.waitForSelector('#liste');
    const names = async () => (await texts('section[aria-labelledby="liste"] .card h3 a'));
    const drafted = await names();
    expect(drafted).toHaveLength(5);
    await checkPage('06-liste-brouillon', /Préparer la liste/);

    // Remove the last one, then add the eligible structure the draft left out, found by search.
    const removed = drafted[4]!;
    await page.click(`::-p-aria(Retirer ${removed})`);
    await waitFor('removal', async () => (await names()).length === 4);
    // The keyboard goes to the structure now in the removed one's place (here the last), not to the page's body.
    await waitFor('focus on the neighbour', async () => (await page.evaluate('document.activeElement.textContent')) === `4. ${drafted[3]}`);
    const eligible = ['Chantier Vert de la Seine', 'Brigade Verte Insertion', 'Atelier Paysage Solidaire', XSS_NAME, scene.suppliers.jardins.name, scene.suppliers.hostile.name];
    const left = eligible.find((n) => !drafted.includes(n))!;
    await fill('#champ-recherche-ajout', left);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.results li');
    await page.click(`::-p-aria(Ajouter ${left} à la liste)`);
    await waitFor('addition', async () => (await names()).join('|') === [...drafted.slice(0, 4), left].join('|'));
    await waitFor('focus on the added structure', async () => (await page.evaluate('document.activeElement.textContent')) === `5. ${left}`);

    // Keyboard only: focus "Monter" of the added structure and press Enter twice.
    await page.focus(`::-p-aria(Monter ${left})`);
    await page.keyboard.press('Enter');
    await waitFor('moved up once', async () => (await names())[3] === left);
    expect(await page.evaluate('document.activeElement.id')).toMatch(/^monter-/);
    await page.keyboard.press('Enter');
    await waitFor('moved up twice', async () => (await names())[2] === left);
    // With the mouse: drag the first structure onto the second place.
    const [firstName, secondName] = (await names()).slice(0, 2);
    const cards = await page.$$('section[aria-labelledby="liste"] ol > li');
    await page.setDragInterception(true);
    await cards[0]!.dragAndDrop(cards[1]!);
    await page.setDragInterception(false);
    await waitFor('dragged', async () => (await names()).slice(0, 2).join('|') === [secondName, firstName].join('|'));
    const order = await names();

    const firstNote = await page.$eval('section[aria-labelledby="liste"] .card textarea', (el) => el.id);
    await fill(`#${firstNote}`, 'Très bonnes références auprès de la Métropole.');
    await fill('#champ-message', 'Voici cinq structures de l’ESS pour vos espaces verts.'); // the preview shows it
    await clickText('Prévisualiser les courriels');
    await page.waitForSelector('.mail-preview');
    const previews = await texts('.mail-preview');
    expect(previews).toHaveLength(6); // the firm, then each of the five structures
    expect(previews.some((p) => p.includes('achats@boulangerie-normande.example') && p.includes('Très bonnes références auprès de la Métropole.'))).toBe(true);
    await checkPage('07-liste-apercu', /Préparer la liste/);

    expect(previews.some((p) => p.includes('Voici cinq structures de l’ESS pour vos espaces verts.'))).toBe(true);
    await clickText('Approuver et envoyer les courriels');
    await page.waitForSelector('#courriels');
    // The structures' five mails are delivered; the firm's is given up on, with the server's answer,
    // MAIL_GIVE_UP_AFTER after its first attempt on the server's clock (moved ahead).
    const rows = () => texts('#courriels ~ .table-wrap tbody tr');
    await waitFor('the firm’s mail tried', async () => (await t.server.services.store.outbox.find({ to: FIRM_EMAIL, kind: 'INTRODUCTION' })).some((r) => r.attempts > 0));
    t.clock.advance(3600_000);
    await t.runDue();
    await waitFor('the firm’s mail failed, the others delivered', async () => {
      const now = await rows();
      return now.length === 6 && now.filter((r) => r.includes('Remis')).length === 5 && now.some((r) => r.includes('Échec') && r.includes(FIRM_EMAIL));
    }, 30_000);
    expect((await rows()).find((r) => r.includes('Échec'))).toMatch(/550/);
    await checkPage('08-mise-en-relation-echec', /Mise en relation/);
    firmMailboxClosed = false;
    await page.click(`::-p-aria(Renvoyer le courriel à ${FIRM_EMAIL})`);
    await waitFor('every mail delivered', async () => (await rows()).every((r) => r.includes('Remis')), 30_000);
    // once the list is sent, its follow-ups are planned, FOLLOW_UP_AFTER later
    await waitFor('follow-ups planned', async () => (await texts('#relances ~ .table-wrap tbody tr')).some((r) => r.includes('Prévue le')), 30_000);
    // the introduction mails (the firm's need was acknowledged apart when it was recorded)
    expect(smtp.messages.filter((m) => !(m.messageId ?? '').startsWith('<need.')).map((m) => m.subject ?? '')).toHaveLength(6);
    const firmMail = smtp.messages.find((m) => (m.text ?? '').includes('Voici cinq structures'));
    expect(firmMail?.text).toContain(order[0]);
    expect(await texts('section[aria-labelledby="suites"] .card h3 a')).toEqual(order);
    await checkPage('09-mise-en-relation', /Mise en relation/);
  });

  test('introductions: mail states; record an outcome per structure', async () => {
    const { page } = w;
    // Nothing is chosen for the officer: the choice starts empty, and an empty one is refused at its field.
    expect(await page.$eval('select[id^="champ-status-"]', (s) => (s as unknown as { value: string }).value)).toBe('');
    expect(await page.$eval('select[id^="champ-answer-reponse-"]', (s) => (s as unknown as { value: string }).value)).toBe('');
    await page.click('.cards .card:first-child form[aria-label^="Suite pour"] button[type="submit"]');
    await page.waitForSelector('.cards .card:first-child .error-message');
    expect(await texts('.cards .card:first-child .error-message')).toEqual([expect.stringContaining('Choisissez la suite donnée')]);
    await page.select('select[id^="champ-status-"]', 'WON');
    const amount = await page.waitForSelector('input[id^="champ-amount-"]');
    await amount!.type('12 000 €'); // as people type it
    await page.click('.cards .card:first-child form[aria-label^="Suite pour"] button[type="submit"]');
    await waitForText('Suite enregistrée');
    await waitForText('Marché remporté (12\u00a0000\u00a0€)');
    // an answer heard by phone, recorded for the second structure
    await page.select('.cards .card:nth-child(2) select[id^="champ-answer-reponse-"]', 'NOT_AVAILABLE');
    await page.type('.cards .card:nth-child(2) input[id^="champ-comment-reponse-"]', 'Équipe complète jusqu’en juin');
    await page.click('.cards .card:nth-child(2) form[aria-label^="Réponse d"] button[type="submit"]');
    await waitForText('Pas disponible');
    await waitForText('Équipe complète jusqu’en juin');
    await clickText('Mises en relation', 'a');
    await page.waitForSelector('table');
    await waitForText('Entretien des espaces verts de la boulangerie');
    await checkPage('10-mises-en-relation', /Mises en relation/);
  });

  test('yearly review: the won amount in the figures, the charts, and the CSV downloads (French Excel by default)', async () => {
    const { page } = w;
    await clickText('Bilan annuel', 'a');
    await page.waitForSelector('canvas');
    await page.waitForSelector('#telecharger-csv');
    expect(await page.$$eval('canvas', (els) => els.length)).toBe(4);
    expect((await texts('.figures li')).map((f) => f.replace(/\n/g, ' '))).toContain('12\u00a0000\u00a0€ remportés par l’ESS');
    // The table of every figure: French numbers, each breakdown named by its group.
    const cells = await page.$$eval('details table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as unknown as { textContent: string }).textContent)));
    expect(cells).toEqual(expect.arrayContaining([
      ['Montant remporté par les structures de l’ESS (euros)', '12\u00a0000\u00a0€'],
      ['Suites : Marché remporté', '1'],
      [expect.stringMatching(/^Taux de transformation/), expect.stringMatching(/^\d+ %$/)],
      ['Début de la période (incluse)', expect.stringMatching(/^1er janvier \d{4}$/)],
    ]));
    await checkPage('11-bilan', /Bilan annuel/);
    const dir = fs.mkdtempSync(nodePath.join(t.dataDir, 'telechargements-'));
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
    await click('#telecharger-csv');
    const excel = await waitFor('CSV downloaded', () => fs.readdirSync(dir).find((f) => f.endsWith('-excel.csv')));
    const forExcel = fs.readFileSync(nodePath.join(dir, excel), 'utf8');
    expect(forExcel.startsWith('\ufeffindicateur;cle;libelle;valeur\n')).toBe(true);
    expect(forExcel).toContain('montant_remporte_euros;;Montant remporté par les structures de l’ESS (euros);12000');
    await click('#telecharger-csv-standard');
    const file = await waitFor('plain CSV downloaded', () => fs.readdirSync(dir).find((f) => f.endsWith('.csv') && !f.endsWith('-excel.csv')));
    const csv = fs.readFileSync(nodePath.join(dir, file), 'utf8');
    expect(csv.startsWith('\ufeffindicateur,cle,libelle,valeur\n')).toBe(true);
    expect(csv).toContain('montant_remporte_euros,,Montant remporté par les structures de l’ESS (euros),12000');
    expect(csv).toContain('suites,WON,Suites : Marché remporté,1');
    // The same figures, a decimal comma for the French Excel.
    const rate = /^taux_de_transformation,,[^,]*,(.*)$/m.exec(csv)![1]!;
    expect(forExcel).toMatch(new RegExp(`^taux_de_transformation;;[^;]*;${rate.replace('.', ',')}$`, 'm'));
  });

  test('structures: search, open, edit, create and take out of the directory', async () => {
    const { page } = w;
    await clickText('Structures', 'a');
    await page.waitForSelector('table');
    await fill('#champ-text', 'onerror');
    await clickText('Rechercher');
    await waitFor('search result', async () => (await texts('tbody tr')).length === 1);
    await waitForText(XSS_NAME);
    await checkPage('12-structures', /Structures de l’annuaire/);

    await clickText('Créer une structure', 'a');
    await page.waitForSelector('#champ-name');
    await fill('#champ-name', 'Recyclerie du Robec');
    await page.select('#champ-legalForm', 'SCIC');
    await fill('#champ-description', 'Collecte, réemploi et vente de meubles et d’objets.');
    await fill('#champ-communeCode', '76108');
    await waitForText('Commune retenue');
    await fill('#champ-contactEmail', 'pas-une-adresse');
    await clickText('Créer la structure');
    await page.waitForSelector('#champ-contactEmail-erreur');
    expect(await page.$eval('#champ-name', (el) => (el as unknown as { value: string }).value)).toBe('Recyclerie du Robec');
    await checkPage('13-structure-creation-erreur', /Créer une structure/);
    await fill('#champ-contactEmail', 'contact@recyclerie-robec.example');
    await clickText('Créer la structure');
    await page.waitForSelector('dl.profile');
    await waitForText('Bois-Guillaume (76108)');

    // Its contact acts for it; the officer takes that access back, after confirming.
    const robec = (await t.server.services.store.suppliers.findById(page.url().split('/').pop()!))!;
    const contact = await t.userWithToken('SUPPLIER', { organisationId: robec.organisationId! });
    // A second establishment was given the same contact address: the officer is told, with a link to it.
    const annex = supplierInput({ name: 'Atelier Réemploi de Darnétal', communeCode: '76212', contactEmail: 'contact@recyclerie-robec.example' });
    const created = await t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`, { input: annex }, scene.officer.token);
    await page.reload();
    await waitForText('Personnes qui agissent pour cette structure');
    await waitForText(contact.email);
    await waitForText('Son adresse de contact est aussi celle d’une autre structure : Atelier Réemploi de Darnétal (Darnétal).');
    expect(await page.$eval('.structure-users-shared a', (a) => a.getAttribute('href'))).toBe(`/console/structures/${created.data.createSupplier.id}`);
    await checkPage('13b-structure-acces', /Structure : Recyclerie du Robec/);
    await clickText('Retirer l’accès');
    await clickText('Confirmer le retrait de l’accès');
    await waitForText('Personne : le contact de la structure devient son compte');
    expect((await t.gql('{ me { email } }', {}, contact.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await clickText('Modifier la fiche', 'a');
    await page.waitForSelector('#champ-employees');
    await fill('#champ-employees', '12');
    // A new contact address asks whether the previous contact loses its access: yes unless unticked.
    expect(await page.$('input[name="detachPreviousContact"]')).toBeNull();
    await fill('#champ-contactEmail', 'accueil@recyclerie-robec.example');
    expect(await page.$eval('input[name="detachPreviousContact"]', (el) => (el as unknown as { checked: boolean }).checked)).toBe(true);
    await checkPage('14-structure-modification', /Modifier la fiche : Recyclerie du Robec/);
    await clickText('Enregistrer les modifications');
    await page.waitForSelector('dl.profile');
    await waitFor('employees shown', async () => (await texts('dl.profile dd')).includes('12'));
    expect(await page.$('.structure-users-shared')).toBeNull();

    await clickText('Retirer de l’annuaire');
    await clickText('Confirmer le retrait');
    await page.waitForSelector('#champ-text');
    const gone = await t.gql(`{ suppliers(filter: { text: "Recyclerie du Robec" }) { edges { node { name } } } }`);
    expect(gone.data.suppliers.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Atelier Réemploi de Darnétal']);
  });

  test('a token the API refuses signs the officer out with a French message', async () => {
    const { page } = w;
    await page.evaluate(`sessionStorage.setItem('passerelle.session', JSON.stringify({ token: 'abime', email: 'x@exemple.fr', role: 'OFFICER' }))`);
    await page.goto(path('/besoins'));
    await page.waitForSelector('#champ-email');
    await waitForText('Votre session a expiré ou n’est plus valide : reconnectez-vous.');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    expect(w.foreign).toEqual([]);
    expect(w.dialogs).toEqual([]);
  });
});
