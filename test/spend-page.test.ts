// The spend analysis pages in a real Chromium: a firm sends its file on /mes-achats and reads its
// figures, chart, categories without ESS, refused lines, downloads and OETH deduction, then deletes
// it; an officer reads an organisation's analyses in the console. Every page: axe, no foreign request.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectSoundPage, waitForTextOn, type Watched } from './helpers/browser';
import { startStage, type Stage } from './helpers/stage';
import { supplierInput } from './helpers/fixtures';
import { ok, type TestServer } from './helpers/server';
import { CLEANING_STRUCTURE, FILE, SPEND_STRUCTURES } from './helpers/spend';

jest.setTimeout(120_000);

let stage: Stage;
let t: TestServer;
let w: Watched;
let origin: string;
let officer: { token: string; email: string };
let firm: { token: string; email: string; id: string };
const spendFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'depenses-')), 'depenses.csv');

beforeAll(async () => {
  stage = await startStage();
  ({ t, w, origin } = stage);
  officer = await t.userWithToken('OFFICER');
  firm = await t.userWithToken('COMPANY', { organisationName: 'Transports Lemoine' });
  for (const input of [...SPEND_STRUCTURES, CLEANING_STRUCTURE]) await ok(t.gql('mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }', { i: supplierInput(input) }, officer.token));
  fs.writeFileSync(spendFile, FILE);
});

afterAll(async () => {
  await stage?.close();
  fs.rmSync(path.dirname(spendFile), { recursive: true, force: true });
});

/** Signed in as a mailed link would leave the tab: the session in sessionStorage, then the page. */
async function openAs(who: { token: string; email: string }, role: string, url: string): Promise<void> {
  await w.page.goto(`${origin}/connexion`);
  await w.page.evaluate(`sessionStorage.setItem('passerelle.session', ${JSON.stringify(JSON.stringify({ token: who.token, email: who.email, role }))})`);
  await w.page.goto(url);
}

const checkPage = (name: string): Promise<void> => expectSoundPage(w, { name });

/** Chooses the spend file in the page's file input (the test code has no DOM types: the handle typed by hand). */
async function upload(): Promise<void> {
  const input = (await w.page.$('#champ-csv')) as unknown as { uploadFile(...paths: string[]): Promise<void> };
  await input.uploadFile(spendFile);
}

const texts = (selector: string): Promise<string[]> => w.page.$$eval(selector, (els) => els.map((e) => (e as unknown as { innerText: string }).innerText.trim()));

test('a firm analyses its spend file, reads the results, computes its OETH deduction and deletes it', async () => {
  await openAs(firm, 'COMPANY', `${origin}/mes-achats`);
  await waitForTextOn(w, 'Aucune analyse enregistrée');
  expect(await texts('nav a')).toContain('Mes achats');
  await checkPage('spend-empty');

  // Sending nothing: the message next to the field, and in the summary.
  await w.page.click('form button[type="submit"]');
  await waitForTextOn(w, 'choisissez le fichier de vos dépenses');

  await upload();
  await w.page.click('form button[type="submit"]');
  await waitForTextOn(w, 'Résultats de l’analyse');
  const figures = await texts('.figures li');
  expect(figures[0]).toMatch(/^50\s000\s€\s+de dépenses \(5 lignes\)$/);
  expect(figures[1]).toMatch(/^48 %\s+auprès de l’ESS \(24\s001\s€\)$/);
  expect(figures[3]).toMatch(/^8 %\s+auprès du secteur protégé/);
  expect(await w.page.$$('canvas[role="img"]')).toHaveLength(2);
  const rows = await texts('table tbody tr');
  expect(rows.find((r) => r.startsWith('Nettoyage de locaux'))).toMatch(/Net Insertion · EI \(entreprise d'insertion\) · Rouen/);
  expect(rows).toContainEqual(expect.stringMatching(/^9\s+montant manquant$/));
  const downloads = await w.page.$$eval('a[download]', (els) => els.map((e) => [e.getAttribute('download'), e.getAttribute('href')?.slice(0, 5)]));
  expect(downloads).toEqual([
    // A French Excel's file first (the one most people open), the plain one beside it.
    [expect.stringMatching(/^analyse-achats-\d{4}-\d{2}-\d{2}-excel\.csv$/), 'blob:'],
    [expect.stringMatching(/^analyse-achats-\d{4}-\d{2}-\d{2}\.csv$/), 'blob:'],
  ]);
  await checkPage('spend-results');

  await w.page.type('#champ-labourCostShare', '50');
  await w.page.type('#champ-contribution', '1000');
  await w.page.type('#champ-disabledWorkforceRate', '2');
  await w.page.click('form[aria-labelledby="oeth"] button[type="submit"]');
  await waitForTextOn(w, 'Déduction : 500');
  expect(await w.page.$eval('[role="status"]', (e) => (e as unknown as { innerText: string }).innerText)).toContain('limitée à 50 % de la contribution');
  await checkPage('spend-oeth');

  await w.page.click('button.danger');
  await waitForTextOn(w, 'Aucune analyse enregistrée');
  expect(await t.server.services.store.spendAnalyses.count({})).toBe(0);
});

test('an officer sends a file for an organisation from the console and reads it there', async () => {
  const organisationId = (await t.server.services.store.users.findById(firm.id))!.organisationId!;
  await openAs(officer, 'OFFICER', `${origin}/console/organisations/${organisationId}/achats`);
  await waitForTextOn(w, 'Analyser un fichier de dépenses');
  await upload();
  await w.page.click('form button[type="submit"]');
  await waitForTextOn(w, 'Résultats de l’analyse');
  expect(await w.page.title()).toMatch(/Achats de l’organisation/);
  await checkPage('spend-console');
  const stored = await t.server.services.store.spendAnalyses.find({});
  expect(stored.map((a) => a.organisationId)).toEqual([organisationId]);
});
