// The console's « Commande publique » page in a real Chromium: an officer sees every buyer's figures
// and opens one buyer's contracts; a public buyer's user sees its own only. axe-clean, no foreign request.
import path from 'node:path';
import { metropoleCommunes } from '../api/reference/communes';
import { ContractImportRun, readDecp } from '../api/public-contracts';
import { expectSoundPage, signInToConsole, type Watched, waitForTextOn } from './helpers/browser';
import { startStage, type Stage } from './helpers/stage';
import { supplierInput } from './helpers/fixtures';
import { TEST_PASSWORD, type TestServer } from './helpers/server';

jest.setTimeout(120_000);

const FIXTURE = path.join(__dirname, 'fixtures', 'decp', 'marches-2026.json');
let stage: Stage;
let t: TestServer;
let w: Watched;
let origin: string;
let officer: { email: string; token: string };
let buyer: { email: string };

beforeAll(async () => {
  stage = await startStage();
  ({ t, w, origin } = stage);
  officer = await t.userWithToken('OFFICER');
  const rouen = await t.userWithToken('COMPANY', { organisationName: 'Ville de Rouen' });
  buyer = rouen;
  const organisation = (await t.gql(`{ me { organisation { id } } }`, {}, rouen.token)).data.me.organisation;
  await t.gql(`mutation($id: ID!) { setOrganisationKind(organisationId: $id, kind: PUBLIC_BUYER, siret: "21760540100017") { id } }`, { id: organisation.id }, officer.token);
  await t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`, { input: supplierInput({ name: 'Les Jardins du Robec', siret: '73000000000010' }) }, officer.token);
  // The page opens on the current year: the fixture's contracts are moved into it, month kept.
  const year = new Date().getFullYear();
  const run = await ContractImportRun.open(t.server.services.store, { dryRun: false });
  const communes = new Set(metropoleCommunes().map((c) => c.code));
  for (const item of readDecp([FIXTURE], { communes, buyers: new Set() }, { bytes: 0 })) {
    if (item.kind !== 'contract') continue;
    const at = item.contract.notifiedAt;
    await run.apply({ ...item.contract, notifiedAt: new Date(Date.UTC(year, at.getUTCMonth(), 15)) });
  }
});

afterAll(() => stage?.close());

const signIn = (email: string): Promise<void> => signInToConsole(w, origin, email, TEST_PASSWORD);

const checked = (): Promise<void> => expectSoundPage(w);

const rows = (selector: string) => w.page.$$eval(selector, (trs) => trs.map((tr) => (tr as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim()));

test('an officer sees every buyer and opens one buyer’s contracts', async () => {
  await signIn(officer.email);
  await w.page.goto(`${origin}/console/commande-publique`);
  await waitForTextOn(w, 'Par acheteur');
  await w.page.waitForSelector('table tbody tr'); // the heading shows before the list has arrived
  const buyers = await rows('table tbody tr');
  // Rouen (2025-099 moved into the year with its two others), and the CHU, named by its SIRET (no account).
  expect(buyers).toHaveLength(2);
  expect(buyers[0]).toMatch(/^Ville de Rouen 3 /);
  expect(buyers[1]).toMatch(/^Acheteur 26760017200014 2 /);
  await checked();
  await w.page.click('table tbody tr:nth-child(2) button');
  await waitForTextOn(w, 'Marchés de Acheteur 26760017200014');
  await w.page.waitForSelector('section table tbody tr'); // the heading shows before the contracts have arrived
  const contracts = await rows('section table tbody tr');
  expect(contracts).toHaveLength(2);
  expect(contracts.find((c) => c.includes('B-17'))).toMatch(/marché réservé.*Les Jardins du Robec.*structure de l’annuaire/);
  await checked();
});

test('a public buyer’s user sees its own figures only', async () => {
  await w.page.evaluate('sessionStorage.clear()');
  await signIn(buyer.email);
  await waitForTextOn(w, 'Par acheteur'); // where a public buyer's user lands
  expect(await rows('nav li')).toEqual(['Commande publique']);
  const buyers = await rows('table tbody tr');
  expect(buyers).toEqual([expect.stringMatching(/^Ville de Rouen 3 /)]);
  await checked();
});
