// The campaign's pages in a real Chromium (axe as everywhere): the console's « fiches à compléter »
// list and its invitations, the campaign view with an address found by phone, the structure's page
// reached from its invitation's link with its completeness, and thin cards on the public home.
import { screenshot, reflowProblems, seriousViolations, waitForTextOn, type Watched } from './helpers/browser';
import { startStage, type Stage } from './helpers/stage';
import { openProjectStore } from './helpers/project-engine';
import { TEST_PASSWORD, tempDataDir, type TestServer } from './helpers/server';
import { addresses, type TestSmtp } from './helpers/smtp';
import { importProfiles, thinProfile } from './helpers/thin-profiles';
import { waitFor } from './helpers/wait';

jest.setTimeout(180_000);

let stage: Stage<TestSmtp>;
let t: TestServer;
let smtp: TestSmtp;
let w: Watched;
let origin: string;

beforeAll(async () => {
  const dir = tempDataDir();
  await importProfiles(dir, [
    thinProfile('Atelier Alpha', 'alpha@structures.example'),
    thinProfile('Delta sans adresse', ''),
    {
      ...thinProfile('Jardins complets', 'jardins@structures.example'),
      services: 'Tonte',
      nafCodes: '81.30Z',
      interventionRadiusKm: '30',
      maxContractValue: '60000',
      labels: 'ecocert',
    },
  ]);
  // As SIRENE brings them: no description at all.
  const store = await openProjectStore(dir);
  const delta = (await store.suppliers.all()).find((s) => s.name === 'Delta sans adresse')!;
  await store.suppliers.update(delta.id, { description: '' });
  await store.close();
  stage = await startStage({ smtp: true, env: { FOLLOW_UP_AFTER: '1h' }, dataDir: dir });
  ({ t, smtp, w, origin } = stage);
});

afterAll(() => stage?.close());

async function checkPage(name: string): Promise<void> {
  const { page } = w;
  await page.waitForFunction('!document.querySelector(".loading")');
  expect(await page.$eval('html', (e) => e.getAttribute('lang'))).toBe('fr');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await reflowProblems(page)).toEqual([]);
  expect(w.foreign).toEqual([]);
  expect(w.dialogs).toEqual([]);
  await screenshot(page, name);
}
const waitForText = (text: string): Promise<void> => waitForTextOn(w, text);
const texts = (selector: string): Promise<string[]> => w.page.$$eval(selector, (els) => els.map((e) => (e as unknown as { innerText: string }).innerText.trim()));

test('officers list the profiles to complete, invite them, and record an address found by phone', async () => {
  const officer = await t.userWithToken('OFFICER');
  const { page } = w;
  await page.goto(`${origin}/console/structures`);
  await page.waitForSelector('#champ-email');
  await page.type('#champ-email', officer.email);
  await page.type('#champ-password', TEST_PASSWORD);
  await page.click('form button[type="submit"]');
  await waitForText('3 structures.');
  expect(await texts('th')).toContain('Fiche complète à');

  await page.click('input[name="completenessBelow"]');
  await page.click('form[role="search"] button[type="submit"]');
  await waitForText('2 structures.');
  const rows = await texts('tbody tr');
  expect(rows.some((r) => r.includes('Atelier Alpha') && r.includes('29 %'))).toBe(true);
  expect(rows.some((r) => r.includes('Delta sans adresse') && r.includes('0 %'))).toBe(true);
  await checkPage('campagne-fiches-a-completer');

  await page.click('input[aria-label="Choisir Atelier Alpha"]');
  await page.click('input[aria-label="Choisir Delta sans adresse"]');
  const invite = await page.waitForSelector('xpath/.//button[contains(., "Inviter à compléter (2)")]');
  await invite!.click();
  await waitForText('1 invitation envoyée');
  await waitForText('Sans adresse de contact, à appeler : Delta sans adresse');
  await checkPage('campagne-invitations-envoyees');

  await page.goto(`${origin}/console/structures/campagne`);
  await waitForText('Structures invitées');
  expect((await texts('tbody tr'))[0]).toContain('Atelier Alpha');
  await page.type('#adresse-' + (await page.$eval('form[aria-label="Adresse de Delta sans adresse"] input', (e) => e.id.replace('adresse-', ''))), 'delta@structures.example');
  await checkPage('campagne-vue');
  await page.click('form[aria-label="Adresse de Delta sans adresse"] button');
  await waitForText('Toutes les structures ont une adresse de contact.');
});

test('the structure follows its invitation to its page, which says how complete its profile is', async () => {
  const mail = await waitFor('the invitation to Alpha', () => smtp.messages.find((m) => addresses(m.to).includes('alpha@structures.example')));
  const link = /<a href="([^"]+)">Compléter ma fiche<\/a>/.exec(String(mail.html))![1]!.replace(/&amp;/g, '&');
  await w.page.goto(link);
  // Opening the link signs nobody in (mail scanners open links): the structure presses the button.
  const button = await w.page.waitForSelector('xpath/.//button[contains(., "Me connecter")]');
  await button!.click();
  await waitForText('Votre fiche est complète à 29 % : ajoutez vos prestations, votre métier (code NAF)');
  expect(w.page.url()).toBe(`${origin}/ma-structure`);
  await checkPage('campagne-ma-structure');
});

test('the public home shows thin profiles as being completed, without empty paragraphs', async () => {
  await w.page.goto(`${origin}/`);
  await waitForText('3 structures.');
  const cards = await w.page.$$eval('.directory-card', (els) =>
    els.map((e) => ({
      name: e.querySelector('h3')!.textContent,
      completing: e.querySelector('.completing')?.textContent ?? null,
      descriptions: [...e.querySelectorAll('p.description')].map((p) => p.textContent),
    })),
  );
  expect(cards).toEqual([
    { name: 'Atelier Alpha', completing: 'Fiche en cours de complétion', descriptions: ["Atelier Alpha, structure de l'ESS."] },
    { name: 'Delta sans adresse', completing: 'Fiche en cours de complétion', descriptions: [] },
    { name: 'Jardins complets', completing: null, descriptions: ["Jardins complets, structure de l'ESS."] },
  ]);
  await checkPage('campagne-accueil-public');
});
