// The console's need page in a real Chromium: a need no structure carries alone shows the groupements
// the matcher proposes, and one click drafts a list presented as that groupement (axe-checked).
import { reflowProblems, seriousViolations, signInToConsole, type Watched, waitForTextOn } from './helpers/browser';
import { startStage, type Stage } from './helpers/stage';
import { needInput, supplierInput } from './helpers/fixtures';
import { TEST_PASSWORD, type TestServer } from './helpers/server';

jest.setTimeout(120_000);

const GREEN = { description: "Entretien d'espaces verts, tonte et taille de haies.", services: ['Espaces verts'], nafCodes: ['81.30Z'], communeCode: '76540', interventionRadiusKm: 40 };

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
  for (const [name, maxContractValue] of [['Jardins du Robec', 60000], ['Vert Seine Insertion', 120000], ['Les Brigades Vertes', 30000]] as const) {
    const res = await t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`, { input: supplierInput({ name, maxContractValue, ...GREEN }) }, officer.token);
    expect(res.errors).toBeUndefined();
  }
  // As a firm posts it: no NAF code, a budget none of them carries alone.
  const need = await t.gql(`mutation($input: NeedInput!) { postNeed(input: $input) { id } }`, {
    input: needInput({ title: 'Entretien des espaces verts de trois sites', description: 'Tonte et taille de haies sur nos trois sites près de Rouen.', nafCodes: [], preferredInclusionKinds: [], communeCode: '76540', budgetMin: 150000, budgetMax: 180000, companyName: 'Firme SA', contactEmail: 'achats@firme.example' }),
  }, officer.token);
  expect(need.errors).toBeUndefined();
  needId = need.data.postNeed.id;
});

afterAll(() => stage?.close());

test('an officer drafts a list from a proposed groupement in one click', async () => {
  const { page } = w;
  await signInToConsole(w, origin, officer.email, TEST_PASSWORD);
  await page.goto(`${origin}/console/besoins/${needId}`);
  await page.waitForSelector('#groupements');
  expect(await page.$eval('#groupements', (h) => h.textContent)).toMatch(/Groupements proposés \(\d\)/);
  await waitForTextOn(w, 'un groupement de structures le peut');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await reflowProblems(page)).toEqual([]);
  await page.click('section[aria-labelledby="groupements"] button');
  await page.waitForFunction('location.pathname.includes("/listes/")');
  const lists = await t.gql(`query($id: ID!) { need(id: $id) { shortlists { status groupement items { supplier { name } } } } }`, { id: needId }, officer.token);
  const [list] = lists.data.need.shortlists;
  expect(list).toMatchObject({ status: 'DRAFT', groupement: true });
  expect(list.items.length).toBeGreaterThanOrEqual(2);
  expect(w.errors).toEqual([]);
  expect(w.foreign).toEqual([]);
});
