// The console's import page in a real Chromium: choose the format and the file, read the dry run's
// report, confirm, and find the structures in the directory (axe-checked at each step).
import fs from 'node:fs';
import path from 'node:path';
import { reflowProblems, seriousViolations, signInToConsole, type Watched, waitForTextOn } from './helpers/browser';
import { startStage, type Stage } from './helpers/stage';
import { siret } from './helpers/fixtures';
import { ok, TEST_PASSWORD, tempDataDir, type TestServer } from './helpers/server';

jest.setTimeout(120_000);

let stage: Stage;
let t: TestServer;
let w: Watched;
let origin: string;
let officerEmail: string;
const files = tempDataDir();

beforeAll(async () => {
  stage = await startStage();
  ({ t, w, origin } = stage);
  officerEmail = (await t.userWithToken('OFFICER')).email;
});

afterAll(async () => {
  await stage?.close();
  fs.rmSync(files, { recursive: true, force: true });
});

async function clean(): Promise<void> {
  expect(await seriousViolations(w.page)).toEqual([]);
  expect(await reflowProblems(w.page)).toEqual([]);
  expect(w.foreign).toEqual([]);
  expect(w.errors).toEqual([]);
}

test('an officer imports a data·inclusion file from the console, after reading the dry run', async () => {
  const { page } = w;
  const file = path.join(files, 'structures.json');
  fs.writeFileSync(
    file,
    JSON.stringify([
      { id: 'a', source: 's', date_maj: '2026-10-01', siret: siret(660_001), nom: 'BRIGADES VERTES', code_insee: '76540', reseaux_porteurs: ['aci'] },
      { id: 'b', source: 's', date_maj: '2026-10-01', siret: siret(660_002), nom: 'AGENCE FRANCE TRAVAIL', code_insee: '76540', reseaux_porteurs: ['france-travail'] },
      { id: 'c', source: 's', date_maj: '2026-10-01', siret: '123', nom: 'SIRET FAUX', code_insee: '76540', reseaux_porteurs: ['ei'] },
    ]),
  );
  await signInToConsole(w, origin, officerEmail, TEST_PASSWORD);
  await page.waitForSelector('nav a[href="/console/imports"], nav a[href="/imports"]');
  await page.click('nav a[href$="/imports"]');
  await page.waitForSelector('#champ-format');
  expect(await page.title()).toMatch(/Importer des structures/);
  await clean();

  // Nothing chosen: the summary names both fields, focused.
  await page.click('button[type="submit"]');
  await page.waitForSelector('.error-summary');
  expect(await page.evaluate('document.activeElement.className')).toBe('error-summary');
  await waitForTextOn(w, 'Choisissez le format du fichier.');
  await waitForTextOn(w, 'Choisissez le fichier à importer.');

  await page.select('#champ-format', 'INCLUSION');
  const input = await page.$('#champ-fichiers');
  await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(file);
  await page.click('button[type="submit"]');
  await waitForTextOn(w, 'Rapport de la simulation (rien n’a été écrit)');
  await waitForTextOn(w, 'réseau porteur hors ESS : france-travail : 1');
  await waitForTextOn(w, 'structures.json');
  expect(await page.$('a[download="refus-import.csv"]')).not.toBeNull();
  await clean();
  expect((await ok(t.gql('{ suppliers(first: 1) { totalCount } }'))).suppliers.totalCount).toBe(0);

  await (await page.waitForSelector('::-p-xpath(//button[normalize-space(.)="Confirmer l’import"])', { visible: true }))!.click();
  await waitForTextOn(w, 'Rapport de l’import');
  await clean();
  const found = await ok(t.gql('{ suppliers(first: 5) { edges { node { name } } } }'));
  expect(found.suppliers.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['BRIGADES VERTES']);
});
