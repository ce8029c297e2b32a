// The public pages end to end (issue 11): the real server, a real SMTP peer and a real Chromium. The home's
// directory search and need form (an error, then a need awaiting its mailed confirmation), and a structure
// following a real mailed sign-in link to edit its own profile. Every page: axe, no foreign request, no dialog.
import { expectSoundPage, waitForTextOn, type Watched } from './helpers/browser';
import { startStage, type Stage } from './helpers/stage';
import { supplierInput } from './helpers/fixtures';
import { raw } from './helpers/http';
import type { TestServer } from './helpers/server';
import { addresses, type TestSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

jest.setTimeout(120_000);

let stage: Stage<TestSmtp>;
let t: TestServer;
let smtp: TestSmtp;
let w: Watched;
let origin: string;
let officerToken: string;
const XSS_NAME = '<img src=x onerror=alert(1)>';
const CONTACT = 'contact@recyclerie-publique.example';
const FIRM = 'achats@menuiserie-publique.example';

beforeAll(async () => {
  stage = await startStage({ smtp: true });
  ({ t, smtp, w, origin } = stage);
  officerToken = (await t.userWithToken('OFFICER')).token;
  const structures = [
    { name: 'Recyclerie Publique', inclusionKind: 'ACI', legalForm: 'ASSOCIATION', contactEmail: CONTACT, description: 'Collecte, réparation et revente de meubles et d’électroménager ; débarras de bureaux.', services: ['Débarras de bureaux', 'Réparation de meubles'] },
    { name: XSS_NAME, inclusionKind: 'EI', legalForm: 'ASSOCIATION', contactEmail: 'xss@ess.example' },
    { name: 'Traiteur Solidaire du Robec', inclusionKind: null, legalForm: 'SCOP', contactEmail: 'traiteur@ess.example', description: 'Traiteur coopératif : plateaux repas, buffets et cocktails pour les entreprises, produits locaux.', services: ['Plateaux repas', 'Buffets'], nafCodes: ['56.21Z'], labels: [] },
  ];
  for (let i = 0; i < 12; i += 1) structures.push({ name: `Jardins d’insertion n° ${i + 1}`, inclusionKind: 'ACI', legalForm: 'ASSOCIATION', contactEmail: `jardins-${i}@ess.example` } as (typeof structures)[number]);
  for (const s of structures) {
    const res = await t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`, { input: supplierInput(s) }, officerToken);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
  }
});

afterAll(() => stage?.close());

async function checkPage(name: string, title: RegExp): Promise<void> {
  await expectSoundPage(w, { title, name });
  expect(await w.page.$eval('html', (e) => e.getAttribute('lang'))).toBe('fr');
  expect(await w.page.$('img[src="x"]')).toBeNull();
}

const waitForText = (text: string): Promise<void> => waitForTextOn(w, text);

/** Replaces a field's value by typing, as a person would. */
async function fill(selector: string, value: string): Promise<void> {
  await w.page.click(selector, { count: 3 });
  await w.page.keyboard.press('Backspace');
  if (value) await w.page.type(selector, value);
}

const texts = (selector: string): Promise<string[]> => w.page.$$eval(selector, (els) => els.map((e) => (e as unknown as { innerText: string }).innerText.trim()));

describe('serving the public pages', () => {
  test('/ and /acces: French, strict CSP, no referrer; other paths keep their answers', async () => {
    for (const p of ['/', '/acces?jeton=abc', '/connexion', '/ma-structure']) {
      const res = await raw(`${origin}${p}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<html lang="fr">');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    const unknown = await raw(`${origin}/nulle-part`);
    expect(unknown.status).toBe(404);
    expect(unknown.json.errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await raw(`${origin}/healthz`)).json.status).toBe('ok');
    expect((await raw(`${origin}/console`)).text).toContain('Console des agents');
    expect((await raw(`${origin}/directory.geojson`)).status).toBe(200);
  });
});

describe('the home', () => {
  test('searches the directory: text, a facet, cards with public fields only, pages', async () => {
    await w.page.goto(`${origin}/`);
    await waitForText('15 structures.');
    await checkPage('public-accueil', /Passerelle ESS/);
    // The hostile name is text, never markup; no contact address is ever shown.
    expect(await texts('.results h3')).toContain(XSS_NAME);
    expect(await w.page.evaluate('document.body.innerText.includes("@")')).toBe(false);
    expect((await texts('.results li > article')).length).toBe(10);
    await w.page.click('.pager button:last-of-type');
    await waitForText('Page 2');
    // The pager may say "Page 2" while the first page's cards are still shown: wait for the new ones.
    await w.page.waitForFunction('document.querySelectorAll(".results li > article").length !== 10').catch(() => {});
    expect((await texts('.results li > article')).length).toBe(5);

    await fill('#champ-text', 'plateaux repas');
    await w.page.click('form[role="search"] button[type="submit"]');
    await waitForText('1 structure.');
    expect(await texts('.results h3')).toEqual(['Traiteur Solidaire du Robec']);

    await fill('#champ-text', '');
    await w.page.click('form[role="search"] button[type="submit"]');
    await waitForText('15 structures.');
    await w.page.select('#champ-inclusionKinds', 'EI');
    await waitForText('1 structure.');
    expect(await texts('.results h3')).toEqual([XSS_NAME]);
    const kinds = await w.page.$$eval('#champ-inclusionKinds option', (os) => os.map((o) => (o as unknown as { textContent: string }).textContent));
    expect(kinds.some((k) => /\(\d+\)$/.test(k))).toBe(true);
  });

  test('posts a need: an error next to its field with the input kept, then the confirmation message and mail', async () => {
    await w.page.goto(`${origin}/`);
    await w.page.waitForSelector('#champ-companyName');
    // The robots' trap is hidden from assistive technology too: no screen reader reads it out.
    expect(JSON.stringify(await w.page.accessibility.snapshot({ interestingOnly: false }))).not.toContain('Laissez ce champ vide');
    await w.page.type('#champ-companyName', 'Menuiserie Publique');
    await w.page.type('#champ-contactEmail', 'pas-une-adresse');
    await w.page.type('#champ-title', 'Débarras de nos anciens bureaux');
    await w.page.type('#champ-description', 'Une quarantaine de bureaux et de chaises à débarrasser, réemploi souhaité.');
    // A commune typed as people type it, without its accents and hyphens, is kept.
    await w.page.type('#champ-communeCode', 'saint etienne du rouvray');
    await waitForText('Commune retenue : Saint-Étienne-du-Rouvray (76575)');
    // Submitted as the button would, without aiming at it: the commune's suggestions may still cover it.
    await w.page.$eval('form[aria-label="Déposer un besoin"]', (form) => (form as unknown as { requestSubmit(): void }).requestSubmit());
    await w.page.waitForSelector('.error-summary');
    const error = await texts('#champ-contactEmail-erreur');
    expect(error[0]).toMatch(/adresse/i);
    expect(error[0]).not.toContain('« contactEmail »'); // named by its label, never by the API's name
    expect(await w.page.$eval('#champ-title', (e) => (e as unknown as { value: string }).value)).toBe('Débarras de nos anciens bureaux');
    await checkPage('public-besoin-erreur', /Passerelle ESS/);

    await fill('#champ-contactEmail', FIRM);
    await w.page.click('form[aria-label="Déposer un besoin"] button[type="submit"]');
    await waitForText('Consultez votre messagerie');
    await waitForText(FIRM);
    await checkPage('public-besoin-envoye', /Passerelle ESS/);
    await waitFor('confirmation mail', () => smtp.messages.some((m) => addresses(m.to).includes(FIRM)));
    // Not yet before the officers: it waits for its confirmation.
    const awaiting = await t.gql(`query { needsAwaitingShortlist(first: 100) { edges { node { title } } } }`, {}, officerToken);
    expect(awaiting.data.needsAwaitingShortlist.edges).toEqual([]);
  });
});

describe('a structure keeps its profile from a mailed link', () => {
  test('asks for a link, opens it (the GET spends nothing), signs in, edits its profile with a live preview', async () => {
    await w.page.goto(`${origin}/`);
    await w.page.click('a[href="/connexion"]');
    await w.page.waitForSelector('#champ-email');
    await w.page.type('#champ-email', CONTACT);
    await w.page.click('main form button[type="submit"]');
    await waitForText('Si l’adresse');
    await checkPage('public-lien-demande', /Recevoir un lien de connexion/);
    const mail = await waitFor('access link mail', () => smtp.messages.find((m) => addresses(m.to).includes(CONTACT)));
    const token = /\/acces\?jeton=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
    expect(token).toBeDefined();

    // Opening the link twice (a mail scanner, then the person) spends nothing.
    await w.page.goto(`${origin}/acces?jeton=${token}`);
    await w.page.goto(`${origin}/acces?jeton=${token}`);
    await w.page.waitForSelector('main form button[type="submit"]');
    await checkPage('public-acces', /Vous connecter/);
    await w.page.click('main form button[type="submit"]');
    await w.page.waitForSelector('#champ-description');
    expect(new URL(w.page.url()).pathname).toBe('/ma-structure');
    expect(w.page.url()).not.toContain('jeton');
    await waitForText('Ma structure : Recyclerie Publique');

    // A bad SIRET is refused next to its field; the typed description stays.
    await fill('#champ-siret', '123');
    await fill('#champ-description', 'Recyclerie : débarras, réparation et revente de mobilier de bureau.');
    expect(await texts('.preview .description')).toEqual(['Recyclerie : débarras, réparation et revente de mobilier de bureau.']);
    await w.page.click('form[aria-label="Fiche de la structure"] button[type="submit"]');
    await w.page.waitForSelector('#champ-siret-erreur');
    expect((await texts('#champ-siret-erreur'))[0]).toMatch(/SIRET/i);
    expect(await w.page.$eval('#champ-description', (e) => (e as unknown as { value: string }).value)).toContain('mobilier de bureau');
    await checkPage('public-fiche-erreur', /Ma structure/);

    await fill('#champ-siret', '');
    await w.page.click('form[aria-label="Fiche de la structure"] button[type="submit"]');
    await waitForText('Votre fiche est enregistrée');
    await checkPage('public-fiche-enregistree', /Ma structure/);
    const directory = await t.gql(`query { suppliers(filter: { text: "mobilier de bureau" }) { edges { node { name description } } } }`);
    expect(directory.data.suppliers.edges.map((e: { node: { name: string } }) => e.node.name)).toContain('Recyclerie Publique');

    // The link was spent by the button: a second use is refused with a French message.
    await w.page.goto(`${origin}/acces?jeton=${token}`);
    await w.page.waitForSelector('main form button[type="submit"]');
    await w.page.click('main form button[type="submit"]');
    await waitForText('n\'est plus valable');
    await checkPage('public-acces-refuse', /Vous connecter/);
  });
});
