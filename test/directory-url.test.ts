// Places and the address in the public directory search, in a real Chromium (#24.9): a commune named
// in the text means « can work there » and the page says so, can be searched as a word instead, and
// gives way to the commune chosen in the list; the commune lists stay whole after an empty search;
// the search and its page live in the address (shareable, back button, reload).
import { reflowProblems, seriousViolations, signInToConsole, waitForTextOn, type Watched } from './helpers/browser';
import { startStage, type Stage } from './helpers/stage';
import { supplierInput } from './helpers/fixtures';
import { TEST_PASSWORD, type TestServer } from './helpers/server';

jest.setTimeout(120_000);

let stage: Stage;
let t: TestServer;
let w: Watched;
let origin: string;
let officer: { email: string; token: string };

beforeAll(async () => {
  stage = await startStage({ env: { SAMPLE_DATA: 'off' } });
  ({ t, w, origin } = stage);
  officer = await t.userWithToken('OFFICER');
  const { token } = officer;
  const green = { description: 'Entretien des espaces verts, tonte et taille de haies', services: ['Espaces verts'], nafCodes: ['81.30Z'] };
  const inputs = [
    // Twelve landscapers based in Elbeuf who work in Rouen (two pages), one in Le Havre who does not, a cleaner in Rouen.
    ...Array.from({ length: 12 }, (_, i) => supplierInput({ ...green, name: `Jardins d’Elbeuf n° ${String(i + 1).padStart(2, '0')}`, communeCode: '76231', interventionRadiusKm: 30 })),
    supplierInput({ ...green, name: 'Paysages de l’Estuaire', communeCode: '76351', interventionRadiusKm: 10 }),
    supplierInput({ name: 'Propreté Rouennaise', description: 'Nettoyage de bureaux', services: ['Ménage'], nafCodes: ['81.21Z'], communeCode: '76540', interventionRadiusKm: 20 }),
  ];
  for (const input of inputs) expect((await t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`, { i: input }, token)).errors).toBeUndefined();
});

afterAll(() => stage?.close());

const cards = () => w.page.$$eval('.results h3', (els) => els.map((e) => (e as unknown as { innerText: string }).innerText.trim()));
const query = () => Object.fromEntries(new URL(w.page.url()).searchParams);
const optionCount = (select: string) => w.page.$$eval(`${select} option`, (os) => os.length);

test('« espaces verts Rouen »: the structures that can work in Rouen, said on the page, two pages in the address, back and reload', async () => {
  const { page } = w;
  await page.goto(`${origin}/`);
  await waitForTextOn(w, '14 structures.');
  await page.type('#champ-text', 'espaces verts Rouen');
  await page.click('form[role="search"] button[type="submit"]');
  await waitForTextOn(w, 'Structures pouvant intervenir à Rouen (commune reconnue dans votre recherche), pour « espaces verts ».');
  await waitForTextOn(w, '12 structures.');
  expect(query()).toEqual({ text: 'espaces verts Rouen' });
  expect(await cards()).not.toContain('Paysages de l’Estuaire');
  expect(await seriousViolations(page)).toEqual([]);

  await page.click('.pager button:last-of-type');
  await waitForTextOn(w, 'Page 2');
  await page.waitForFunction('document.querySelectorAll(".results h3").length === 2');
  expect(query()).toEqual({ text: 'espaces verts Rouen', page: '2' });
  expect(await cards()).toEqual(['Jardins d’Elbeuf n° 11', 'Jardins d’Elbeuf n° 12']);
  await page.waitForFunction('document.activeElement && document.activeElement.id === "nombre-structures-annuaire"');

  // The back button returns to the first page, forward to the second; a reload keeps the search and its page.
  await page.goBack();
  await page.waitForFunction('document.querySelectorAll(".results h3").length === 10');
  expect(query()).toEqual({ text: 'espaces verts Rouen' });
  await page.goForward();
  await page.waitForFunction('document.querySelectorAll(".results h3").length === 2');
  await page.reload();
  await page.waitForFunction('document.querySelectorAll(".results h3").length === 2');
  expect(await page.$eval('#champ-text', (i) => (i as unknown as { value: string }).value)).toBe('espaces verts Rouen');
  await waitForTextOn(w, 'Page 2');
  await page.goBack(); // the reload kept the history: back is still the first page
  await page.waitForFunction('document.querySelectorAll(".results h3").length === 10');
});

test('a page past the results (an old or typed address) says so and leads to the last page', async () => {
  const { page } = w;
  await page.goto(`${origin}/?text=${encodeURIComponent('espaces verts Rouen')}&page=9`);
  await waitForTextOn(w, 'La page 9 est au-delà des résultats, qui tiennent en 2 pages.');
  expect(await cards()).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  await page.click('.directory-reading button');
  await page.waitForFunction('document.querySelectorAll(".results h3").length === 2');
  expect(query()).toEqual({ text: 'espaces verts Rouen', page: '2' });
  await waitForTextOn(w, 'Page 2');
});

test('the commune list means « can work there », the head office is a separate choice, and an empty search keeps both lists whole', async () => {
  const { page } = w;
  await page.goto(`${origin}/?text=${encodeURIComponent('espaces verts')}`);
  await waitForTextOn(w, '13 structures.');
  const communes = await optionCount('#champ-servesCommune');
  expect(communes).toBeGreaterThan(70); // « Toutes les communes » and the Métropole's 71
  await page.select('#champ-servesCommune', '76540');
  await waitForTextOn(w, 'Structures pouvant intervenir à Rouen, pour « espaces verts ».');
  await waitForTextOn(w, '12 structures.');
  expect(query()).toEqual({ text: 'espaces verts', servesCommuneCode: '76540' });

  await page.select('#champ-headOfficeCommune', '76540');
  await waitForTextOn(w, 'Structures pouvant intervenir à Rouen, dont le siège est à Rouen, pour « espaces verts ».');
  await waitForTextOn(w, 'Aucune structure ne correspond.');
  expect(await optionCount('#champ-servesCommune')).toBe(communes);
  expect(await optionCount('#champ-headOfficeCommune')).toBe(communes);
  expect(await page.$eval('#champ-headOfficeCommune option:checked', (o) => (o as unknown as { textContent: string }).textContent)).toBe('Rouen');
  await page.select('#champ-headOfficeCommune', '76231');
  await waitForTextOn(w, '12 structures.');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await reflowProblems(page)).toEqual([]);
});

/** Clicks the page's button that says exactly this. */
const clickButton = async (label: string) => {
  const button = `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(label)})`;
  await w.page.waitForFunction(`Boolean(${button})`);
  await w.page.evaluate(`${button}.click()`);
};
const pageSays = (text: string) => w.page.evaluate(`document.body.innerText.includes(${JSON.stringify(text)})`);
const typedText = () => w.page.$eval('#champ-text', (i) => (i as unknown as { value: string }).value);

test('a recognised commune can be searched as a word instead, and gives way to the commune chosen in « Peut intervenir à », said on the page', async () => {
  const { page } = w;
  await page.goto(`${origin}/?text=${encodeURIComponent('espaces verts rouen')}`);
  await waitForTextOn(w, 'Structures pouvant intervenir à Rouen (commune reconnue dans votre recherche), pour « espaces verts ».');
  await waitForTextOn(w, '12 structures.');

  // « rouen » as a word: no place is read, the text stays as typed, in the address too; and back again.
  await clickButton('Chercher « rouen » comme un mot');
  await waitForTextOn(w, 'Votre texte est cherché tel quel, sans y reconnaître de commune.');
  expect(query()).toEqual({ text: 'espaces verts rouen', readPlaces: 'false' });
  // the previous answer's reading goes once the new answer is in (it may still show while the search runs)
  await page.waitForFunction('!document.body.innerText.includes("commune reconnue dans votre recherche")');
  expect(await typedText()).toBe('espaces verts rouen');
  expect(await seriousViolations(page)).toEqual([]);
  await clickButton('Reconnaître les communes dans le texte');
  await waitForTextOn(w, 'Structures pouvant intervenir à Rouen (commune reconnue dans votre recherche), pour « espaces verts ».');
  expect(query()).toEqual({ text: 'espaces verts rouen' });

  // Choosing Elbeuf where the structures must work: « rouen » leaves the text instead of being searched as a word.
  await page.select('#champ-servesCommune', '76231');
  await waitForTextOn(w, '« rouen » a été retiré de votre recherche : la commune choisie dans « Peut intervenir à » (Elbeuf) la remplace.');
  await waitForTextOn(w, 'Structures pouvant intervenir à Elbeuf, pour « espaces verts ».');
  expect(query()).toEqual({ text: 'espaces verts', servesCommuneCode: '76231' });
  expect(await typedText()).toBe('espaces verts');
  await waitForTextOn(w, '12 structures.');
  expect(await seriousViolations(page)).toEqual([]);
});

test('ordinary words that are also commune names are searched as words, with nothing to undo', async () => {
  const { page } = w;
  await page.goto(`${origin}/?text=${encodeURIComponent('réfection de la chaussée')}`);
  await waitForTextOn(w, 'Aucune structure ne correspond.');
  expect(await page.$('.directory-reading')).toBeNull();
  expect(await pageSays('comme un mot')).toBe(false);
});

test('the console’s directory reads places the same way and says so', async () => {
  await signInToConsole(w, origin, officer.email, TEST_PASSWORD);
  await w.page.goto(`${origin}/console/structures`);
  await w.page.waitForSelector('#champ-text');
  await w.page.type('#champ-text', 'Rouen');
  await w.page.click('form[role="search"] button[type="submit"]');
  await waitForTextOn(w, 'Structures pouvant intervenir à Rouen (commune reconnue dans votre recherche).');
  await waitForTextOn(w, '13 structures.');
});
