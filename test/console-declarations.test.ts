// The console's queue of structures' declarations in a real Chromium: the header counts them, the
// officer refuses one (a reason is required, shown at its field and in the summary) and confirms
// another; the structures are mailed the decisions (real SMTP peer). Axe-checked.
import { reflowProblems, seriousViolations, signInToConsole, type Watched, waitForTextOn } from './helpers/browser';
import { startStage, type Stage } from './helpers/stage';
import { supplierInput } from './helpers/fixtures';
import { TEST_PASSWORD, type TestServer } from './helpers/server';
import type { TestSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

jest.setTimeout(120_000);

const CREATE = `mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`;

let stage: Stage<TestSmtp>;
let t: TestServer;
let smtp: TestSmtp;
let w: Watched;
let origin: string;
let officer: { email: string; token: string };

beforeAll(async () => {
  stage = await startStage({ smtp: true });
  ({ t, smtp, w, origin } = stage);
  officer = await t.userWithToken('OFFICER');
  // Two structures create their own profiles: their kind and labels wait for an officer.
  for (const [name, kind, contactEmail] of [['Atelier du Robec', 'EI', 'contact@robec.example'], ['Les Mains Vertes', 'ESAT', 'contact@mains-vertes.example']] as const) {
    const own = await t.userWithToken('SUPPLIER', { organisationName: name });
    const res = await t.gql(CREATE, { i: supplierInput({ name, inclusionKind: kind, labels: [], contactEmail }) }, own.token);
    expect(res.errors).toBeUndefined();
  }
});

afterAll(() => stage?.close());

test('an officer refuses one declaration with a reason and confirms the other, from the queue', async () => {
  const { page } = w;
  await signInToConsole(w, origin, officer.email, TEST_PASSWORD);
  await page.waitForSelector('nav a[href$="/structures/a-valider"] .count');
  expect(await page.$eval('nav a[href$="/structures/a-valider"]', (a) => a.textContent)).toBe('Modifications à valider (2)');
  await page.click('nav a[href$="/structures/a-valider"]');
  await page.waitForSelector('form.declaration');
  expect(await page.title()).toMatch(/^Modifications à valider/);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await reflowProblems(page)).toEqual([]);

  const robec = 'form[aria-label="Déclaration d’Atelier du Robec"]';
  // Refusing without a reason: the API's message, at the field and in the summary; nothing decided.
  await page.click(`${robec} button[type="submit"]`);
  await page.waitForSelector(`${robec} .error-summary`);
  expect(await page.$eval(`${robec} .error-message`, (p) => p.textContent)).toMatch(/^Erreur : Dites à la structure pourquoi/);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await reflowProblems(page)).toEqual([]);
  await page.type(`${robec} textarea`, 'Aucune convention EI trouvée : envoyez-nous votre convention DREETS.');
  await page.click(`${robec} button[type="submit"]`);
  await waitForTextOn(w, 'Déclaration d’Atelier du Robec refusée');

  await page.click('form[aria-label="Déclaration de Les Mains Vertes"] button[type="button"]');
  await waitForTextOn(w, 'Aucune déclaration n’attend de décision.');
  await page.waitForFunction('!document.querySelector("nav .count")');

  const subjects = await waitFor('both decisions mailed', () => (smtp.messages.length >= 2 ? smtp.messages.map((m) => `${JSON.stringify(m.to)} ${m.subject}`) : null));
  expect(subjects).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/contact@robec\.example.*n'est pas retenue/),
      expect.stringMatching(/contact@mains-vertes\.example.*est confirmée/),
    ]),
  );
  expect(w.errors).toEqual([]);
  expect(w.foreign).toEqual([]);
});
