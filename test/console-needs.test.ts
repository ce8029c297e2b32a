// A need corrected, withdrawn and found again from the console, in a real Chromium (#24.13): the
// search covers every status; correcting and withdrawing follow the API's rules (a reason to withdraw).
import { reflowProblems, seriousViolations, signInToConsole, waitForTextOn, type Watched } from './helpers/browser';
import { startStage, type Stage } from './helpers/stage';
import { needInput } from './helpers/fixtures';
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
  const posted = await t.gql(`mutation($i: NeedInput!) { postNeed(input: $i) { id } }`, { i: needInput({ title: 'Vitrerie du siège', companyName: 'Verres Clairs SA', contactEmail: 'achats@verres-clairs.example' }) }, officer.token);
  expect(posted.errors).toBeUndefined();
  needId = posted.data.postNeed.id;
});

afterAll(() => stage?.close());

test('an officer finds a need, corrects it, withdraws it with a reason, and finds it again among the withdrawn', async () => {
  const { page } = w;
  await signInToConsole(w, origin, officer.email, TEST_PASSWORD);
  await page.click('nav a[href$="/besoins/recherche"]');
  await page.waitForSelector('#champ-text');
  await page.type('#champ-text', 'verres-clairs');
  await page.click('form[role="search"] button[type="submit"]');
  await waitForTextOn(w, 'Vitrerie du siège');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await reflowProblems(page)).toEqual([]);
  await page.click('tbody a');
  await page.waitForSelector('#suite-besoin');
  expect(await page.$eval('#suite-besoin', (h) => h.textContent)).toBe('Statut : en attente d’une liste');

  // Corrected: the form opens with the need's values; only the title changes.
  await page.click('a[href$="/modifier"]');
  await page.waitForSelector('#champ-title');
  expect(await page.$eval('#champ-contactEmail', (i) => (i as unknown as { value: string }).value)).toBe('achats@verres-clairs.example');
  await page.$eval('#champ-title', (i) => ((i as unknown as { value: string }).value = ''));
  await page.type('#champ-title', 'Vitrerie du siège et des annexes');
  // Meanwhile the budget is corrected elsewhere (the firm in its space): the officer's save keeps it.
  const elsewhere = await t.gql(`mutation($id: ID!) { updateNeed(id: $id, input: { budgetMax: 45000 }) { id } }`, { id: needId }, officer.token);
  expect(elsewhere.errors).toBeUndefined();
  await page.click('form.form button[type="submit"]');
  await page.waitForSelector('#suite-besoin');
  await waitForTextOn(w, 'Vitrerie du siège et des annexes');
  expect((await t.gql(`query($id: ID!) { need(id: $id) { budgetMax } }`, { id: needId }, officer.token)).data.need.budgetMax).toBe(45000);

  // Withdrawn: without a reason the API's message shows at the field; with one, the status follows.
  await page.click('#suite-besoin ~ form button[type="submit"]');
  await page.waitForSelector('#suite-besoin ~ form .error-message');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await reflowProblems(page)).toEqual([]);
  await page.type('#champ-motif-besoin', 'L’entreprise a renoncé.');
  await page.click('#suite-besoin ~ form button[type="submit"]');
  await page.waitForFunction('document.querySelector("#suite-besoin").textContent === "Statut : retiré"');
  const stored = await t.gql(`query($id: ID!) { need(id: $id) { title status withdrawalReason } }`, { id: needId }, officer.token);
  expect(stored.data.need).toEqual({ title: 'Vitrerie du siège et des annexes', status: 'WITHDRAWN', withdrawalReason: 'L’entreprise a renoncé.' });

  await page.click('nav a[href$="/besoins/recherche"]');
  await page.waitForSelector('#champ-text');
  await page.click('input[name="statuses"][value="WITHDRAWN"]');
  await page.click('form[role="search"] button[type="submit"]');
  await waitForTextOn(w, 'Vitrerie du siège et des annexes');
  expect(w.errors).toEqual([]);
  expect(w.foreign).toEqual([]);
});

test('an officer writes the internal note of a withdrawn need, and a colleague’s note saved meanwhile is shown, not overwritten', async () => {
  const { page } = w;
  const noteOf = async () => (await t.gql(`query($id: ID!) { need(id: $id) { internalNote } }`, { id: needId }, officer.token)).data.need.internalNote;
  await page.goto(`${origin}/console/besoins/${needId}`);
  await page.waitForSelector('#suite-besoin');
  await page.click('.internal-note button');
  await page.waitForSelector('#champ-internalNote');
  await page.type('#champ-internalNote', 'M. Verrier rappellera en septembre.');
  await page.click('form.internal-note button[type="submit"]');
  await waitForTextOn(w, 'Note interne (jamais envoyée) : M. Verrier rappellera en septembre.');
  expect(await noteOf()).toBe('M. Verrier rappellera en septembre.');

  // The officer opens it again; a colleague saves another note meanwhile.
  await page.click('.internal-note button');
  await page.waitForSelector('#champ-internalNote');
  const colleague = await t.userWithToken('OFFICER');
  const saved = await t.gql(`mutation($id: ID!) { updateNeed(id: $id, input: { internalNote: "Budget revu à la baisse.", internalNoteWas: "M. Verrier rappellera en septembre." }) { id } }`, { id: needId }, colleague.token);
  expect(saved.errors).toBeUndefined();
  await page.type('#champ-internalNote', ' Devis demandé.');
  await page.click('form.internal-note button[type="submit"]');
  await page.waitForSelector('form.internal-note .error-summary');
  expect(await page.$eval('form.internal-note .error-summary', (e) => e.textContent)).toContain('Elle est maintenant : « Budget revu à la baisse. »');
  expect(await noteOf()).toBe('Budget revu à la baisse.');
  expect(await seriousViolations(page)).toEqual([]);
  // The officer merges both and saves over the note as it is now.
  await page.$eval('#champ-internalNote', (i) => ((i as unknown as { value: string }).value = ''));
  await page.type('#champ-internalNote', 'Budget revu à la baisse. M. Verrier rappellera en septembre ; devis demandé.');
  await page.click('form.internal-note button[type="submit"]');
  await waitForTextOn(w, 'Note interne (jamais envoyée) : Budget revu à la baisse. M. Verrier rappellera en septembre ; devis demandé.');
  expect(await noteOf()).toBe('Budget revu à la baisse. M. Verrier rappellera en septembre ; devis demandé.');
  expect(w.errors).toEqual([]);
});

test('« Page suivante » takes the keyboard to the next page’s count, not the bottom of the page', async () => {
  const { page } = w;
  for (let i = 1; i <= 20; i++) {
    const posted = await t.gql(`mutation($i: NeedInput!) { postNeed(input: $i) { id } }`, { i: needInput({ title: `Besoin de page ${i}`, companyName: 'Pages SA', contactEmail: 'achats@pages.example' }) }, officer.token);
    expect(posted.errors).toBeUndefined();
  }
  await page.goto(`${origin}/console/besoins/recherche`);
  await page.waitForSelector('#nombre-resultats');
  expect(await page.$eval('#nombre-resultats', (p) => p.textContent)).toBe('21 besoins.');
  await page.focus('::-p-aria(Page suivante)');
  await page.keyboard.press('Enter');
  await waitForTextOn(w, 'Page 2');
  await page.waitForFunction('document.activeElement && document.activeElement.id === "nombre-resultats"');
  expect(await page.$$eval('tbody tr', (rows) => rows.length)).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await reflowProblems(page)).toEqual([]);
});

test('the correction form says a colleague’s note saved meanwhile at the note, and saves over it once merged', async () => {
  const { page } = w;
  const posted = await t.gql(`mutation($i: NeedInput!) { postNeed(input: $i) { id } }`, { i: needInput({ title: 'Nettoyage de la cantine', companyName: 'Cantines SA', contactEmail: 'achats@cantines.example', internalNote: 'Appel de Mme Roux.' }) }, officer.token);
  const id = posted.data.postNeed.id as string;
  const noteOf = async () => (await t.gql(`query($id: ID!) { need(id: $id) { internalNote } }`, { id }, officer.token)).data.need.internalNote;
  await page.goto(`${origin}/console/besoins/${id}/modifier`);
  await page.waitForSelector('#champ-internalNote');
  await page.type('#champ-internalNote', ' Rappeler lundi.');
  const colleague = await t.userWithToken('OFFICER');
  expect((await t.gql(`mutation($id: ID!) { updateNeed(id: $id, input: { internalNote: "Appel de Mme Roux. Devis envoyé.", internalNoteWas: "Appel de Mme Roux." }) { id } }`, { id }, colleague.token)).errors).toBeUndefined();
  await page.click('form.form button[type="submit"]');
  await page.waitForSelector('form.form .error-summary');
  expect(await page.$eval('form.form .error-summary', (e) => e.textContent)).toContain('Elle est maintenant : « Appel de Mme Roux. Devis envoyé. »');
  expect(await noteOf()).toBe('Appel de Mme Roux. Devis envoyé.');
  await page.$eval('#champ-internalNote', (i) => ((i as unknown as { value: string }).value = ''));
  await page.type('#champ-internalNote', 'Appel de Mme Roux. Devis envoyé. Rappeler lundi.');
  await page.click('form.form button[type="submit"]');
  await page.waitForSelector('#suite-besoin');
  expect(await noteOf()).toBe('Appel de Mme Roux. Devis envoyé. Rappeler lundi.');
  expect(w.errors).toEqual([]);
});
