// The sector picker in a real Chromium (#24.8): « conditionnement » lists the packaging service
// (82.92Z) first, the person picks a sector from the list (nothing is taken for them), and the need's
// page shows every saved code with its label.
import { reflowProblems, seriousViolations, signInToConsole, waitForTextOn, type Watched } from './helpers/browser';
import { startStage, type Stage } from './helpers/stage';
import { needInput, supplierInput } from './helpers/fixtures';
import { TEST_PASSWORD, type TestServer } from './helpers/server';

jest.setTimeout(120_000);

let stage: Stage;
let t: TestServer;
let w: Watched;
let origin: string;
let officer: { email: string; token: string };
let needId: string;

beforeAll(async () => {
  stage = await startStage();
  ({ t, w, origin } = stage);
  officer = await t.userWithToken('OFFICER');
  const posted = await t.gql(`mutation($i: NeedInput!) { postNeed(input: $i) { id } }`, { i: needInput({ title: 'Mise sous pli et conditionnement de coffrets', nafCodes: ['81.30Z'], companyName: 'Coffrets du Robec', contactEmail: 'achats@coffrets-robec.example' }) }, officer.token);
  expect(posted.errors).toBeUndefined();
  needId = posted.data.postNeed.id;
  const esat = supplierInput({ name: 'ESAT du Cailly', inclusionKind: 'ESAT', description: 'Conditionnement, mise sous pli, assemblage', services: ['Conditionnement'], nafCodes: ['82.92Z'] });
  expect((await t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`, { i: esat }, officer.token)).errors).toBeUndefined();
});

afterAll(() => stage?.close());

const radios = () => w.page.$$eval('.naf-choices input[type="radio"]', (inputs) => inputs.map((i) => ({ value: (i as unknown as { value: string }).value, label: (i.parentElement as unknown as { textContent: string }).textContent })));

test('an officer types « conditionnement », chooses 82.92Z from the list, and the need page shows it with its label', async () => {
  const { page } = w;
  await signInToConsole(w, origin, officer.email, TEST_PASSWORD);
  await page.goto(`${origin}/console/besoins/${needId}/modifier`);
  await page.waitForSelector('#champ-nafCodes');
  // The saved code already reads with its label.
  await waitForTextOn(w, "81.30Z — Services d'aménagement paysager");
  await page.type('#champ-nafCodes', 'conditionnement');
  await page.waitForSelector('.naf-choices input[value="82.92Z"]');
  const listed = await radios();
  expect(listed.slice(0, 2).map((o) => o.value)).toEqual(['82.92Z', '28.29A']);
  expect(listed[0]!.label).toBe('82.92Z — Activités de conditionnement');

  // Nothing chosen: nothing added, and the page says why.
  await page.click('.naf-field button.secondary');
  await waitForTextOn(w, 'Choisissez un secteur dans la liste avant de l’ajouter.');
  expect(await page.$$eval('.naf-field .chosen li', (lis) => lis.length)).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await reflowProblems(page)).toEqual([]);

  await page.click('.naf-choices input[value="82.92Z"]');
  await page.click('.naf-field button.secondary');
  await waitForTextOn(w, 'Secteur ajouté : 82.92Z — Activités de conditionnement.');
  await page.click('form.form button[type="submit"]');
  await page.waitForSelector('#suite-besoin');
  await waitForTextOn(w, '82.92Z — Activités de conditionnement');
  await waitForTextOn(w, "81.30Z — Services d'aménagement paysager");
  expect((await t.gql(`query($id: ID!) { need(id: $id) { nafCodes } }`, { id: needId }, officer.token)).data.need.nafCodes).toEqual(['81.30Z', '82.92Z']);
  // The sector chosen is the packagers': their match no longer shows « Secteur 0 % ».
  const matches = (await t.gql(`query($id: ID!) { matchSuppliers(needId: $id) { supplier { name } breakdown { sector } } }`, { id: needId }, officer.token)).data.matchSuppliers;
  expect(matches.find((m: any) => m.supplier.name === 'ESAT du Cailly').breakdown.sector).toBeGreaterThan(0);
});
