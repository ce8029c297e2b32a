// Both need forms (the public home's and the console's) show the purchase's ESS potential as it is
// typed, in a polite live region, once a text and a commune are given. Real server, real Chromium, axe.
import { expectSoundPage, waitForTextOn, type Watched } from './helpers/browser';
import { startStage, type Stage } from './helpers/stage';
import { supplierInput } from './helpers/fixtures';
import type { TestServer } from './helpers/server';

jest.setTimeout(120_000);

let stage: Stage;
let t: TestServer;
let w: Watched;
let origin: string;
let officer: { token: string; email: string };

const LIVE = '.potential [aria-live="polite"]';

beforeAll(async () => {
  stage = await startStage();
  ({ t, w, origin } = stage);
  officer = await t.userWithToken('OFFICER');
  const gardeners = [
    { name: 'Chantier Vert', inclusionKind: 'ACI', maxContractValue: 60_000 },
    { name: 'Jardins Solidaires', inclusionKind: 'EI', maxContractValue: 100_000 },
    { name: 'Pelouses en Insertion', inclusionKind: 'ACI', maxContractValue: 80_000 },
    { name: 'ESAT des Coteaux', inclusionKind: 'ESAT', maxContractValue: 45_000 },
  ];
  for (const g of gardeners) {
    const input = supplierInput({ ...g, description: `${g.name} : entretien des espaces verts, tonte des pelouses et taille des haies.`, labels: [] });
    const res = await t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`, { input }, officer.token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
  }
});

afterAll(() => stage?.close());

const liveText = (): Promise<string> => w.page.$eval(LIVE, (e) => (e as unknown as { innerText: string }).innerText);

const checkPage = (name: string): Promise<void> => expectSoundPage(w, { name });

/** The inputs of the potential asks the page sends, one per settled input. */
function potentialAsks(): Array<{ text: string; communeCode: string }> {
  const asks: Array<{ text: string; communeCode: string }> = [];
  w.page.on('request', (req) => {
    const body = req.url().includes('/graphql') ? req.postData() : undefined;
    if (body?.includes('inclusivePotential')) asks.push(JSON.parse(body).variables.input);
  });
  return asks;
}

describe('the purchase potential on the need forms', () => {
  test('the public form: nothing asked before a text and a commune, then the counts and the reserved market advised', async () => {
    const asks = potentialAsks();
    await w.page.goto(`${origin}/`);
    await w.page.waitForSelector('#champ-title');
    expect(await liveText()).toContain('Indiquez l’intitulé du besoin et la commune');
    await w.page.type('#champ-title', 'Entretien des espaces verts');
    await w.page.type('#champ-description', 'Tonte des pelouses et taille des haies de notre site.');
    await w.page.type('#champ-communeCode', '76540');
    await waitForTextOn(w, '4 structures de l’ESS de l’annuaire peuvent y répondre seules');
    const said = await liveText();
    expect(said).toContain('structures d’insertion (SIAE) : 3');
    expect(said).toContain('secteur protégé et adapté (ESAT, EA) : 1');
    expect(said).toContain('Un marché réservé aux structures d\'insertion par l\'activité économique (art. L2113-13 du Code de la commande publique) est envisageable');
    // Typed letter by letter, the budget is asked about once it settles, not at each letter: 70 000 €
    // leaves 2 SIAE able to carry it alone.
    const before = asks.length;
    await w.page.type('#champ-budgetMax', '70000');
    await waitForTextOn(w, 'structures d’insertion (SIAE) : 2');
    expect(asks.length - before).toBeLessThan('70000'.length);
    // Never asked without a text and a commune.
    expect(asks.filter((a) => !a.text || !a.communeCode)).toEqual([]);
    expect(await liveText()).toContain('Un marché réservé n\'est pas recommandé');
    await checkPage('public-besoin-potentiel');
  });

  test('the console form: the required kinds narrow the potential', async () => {
    await w.page.goto(`${origin}/console/`);
    await w.page.evaluate(`sessionStorage.setItem('passerelle.session', JSON.stringify({ token: ${JSON.stringify(officer.token)}, email: ${JSON.stringify(officer.email)}, role: 'OFFICER' }))`);
    await w.page.goto(`${origin}/console/besoins/nouveau`);
    await w.page.waitForSelector('#champ-title');
    await w.page.type('#champ-title', 'Entretien des espaces verts');
    await w.page.type('#champ-communeCode', '76540');
    await waitForTextOn(w, 'Commune retenue');
    await waitForTextOn(w, '4 structures de l’ESS de l’annuaire peuvent y répondre seules');
    await w.page.click('input[name="requiredInclusionKinds"][value="ESAT"]');
    await waitForTextOn(w, '1 structure de l’ESS de l’annuaire peut y répondre seule');
    const said = await liveText();
    expect(said).toContain('structures d’insertion (SIAE) : 0');
    expect(said).toContain("permet d'y associer la structure de l'ESS qui peut y répondre");
    await checkPage('besoin-nouveau-potentiel');
  });
});
