// The console's approval as issue #24 found it: a note typed after the preview was lost at approval,
// and « Ajouter » put an EI on a purchase reserved to ESAT and EA. Now an officer adds it only by a
// derogation with a reason, shown in the list; a change since the preview blocks approval until a
// new preview, and what is then sent is that preview; a new list leaves out the structures already
// introduced and says so. Real server, SMTP peer and Chromium.
import { screenshot, reflowProblems, seriousViolations, waitForTextOn, type Watched } from './helpers/browser';
import { buildScene, GET_MAILS, type Scene } from './helpers/introductions';
import { startStage, type Stage } from './helpers/stage';
import { TEST_PASSWORD, type TestServer } from './helpers/server';
import { addresses, type TestSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

jest.setTimeout(120_000);

let stage: Stage<TestSmtp>;
let t: TestServer;
let smtp: TestSmtp;
let w: Watched;
let scene: Scene;

beforeAll(async () => {
  stage = await startStage({ smtp: true });
  ({ t, smtp, w } = stage);
  scene = await buildScene(t, { requiredInclusionKinds: ['ESAT', 'EA', 'EATT'], preferredInclusionKinds: [] });
});

afterAll(() => stage?.close());

const texts = (selector: string): Promise<string[]> => w.page.$$eval(selector, (els) => els.map((e) => (e as unknown as { innerText: string }).innerText.trim()));

async function clickText(label: string): Promise<void> {
  const handle = await w.page.waitForSelector(`::-p-xpath(//button[normalize-space(.)=${JSON.stringify(label)}])`, { visible: true });
  await handle!.click();
}

async function fill(selector: string, value: string): Promise<void> {
  await w.page.waitForSelector(selector, { visible: true });
  await w.page.$eval(selector, (el) => ((el as unknown as { value: string }).value = ''));
  await w.page.type(selector, value);
}

test('a derogation needs a reason; a note typed after the preview blocks approval; approval sends the last preview', async () => {
  const { page } = w;
  const origin = t.url.replace(/\/graphql$/, '');
  const draft = await t.gql(`mutation($needId: ID!, $ids: [ID!]) { draftShortlist(needId: $needId, supplierIds: $ids) { id } }`, { needId: scene.needId, ids: [scene.suppliers.esat.id] }, scene.officer.token);
  const id: string = draft.data.draftShortlist.id;

  await page.goto(`${origin}/console/`);
  await page.waitForSelector('#champ-email');
  await page.type('#champ-email', scene.officer.email);
  await page.type('#champ-password', TEST_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForSelector('table');
  await page.goto(`${origin}/console/listes/${id}`);
  await page.waitForSelector('#liste');

  // The EI is refused with the constraint named; added with a reason, the list shows the derogation.
  await fill('#champ-recherche-ajout', 'Paysages');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.results li');
  await page.click(`::-p-aria(Ajouter ${scene.suppliers.hostile.name} à la liste)`);
  await page.waitForSelector('#champ-derogation');
  expect((await texts('section[aria-labelledby="ajouter"] [role="alert"]')).join(' ')).toContain('art. L2113-12');
  expect(await texts('section[aria-labelledby="liste"] .card h3')).toHaveLength(1);
  await fill('#champ-derogation', 'Demandée par l’entreprise pour la taille des haies.');
  await clickText('Ajouter malgré l’exigence');
  await waitForTextOn(w, 'Raison de l’agent');
  const cards = await texts('section[aria-labelledby="liste"] .card');
  expect(cards).toHaveLength(2);
  expect(cards[1]).toContain('Dérogation');
  expect(cards[1]).toContain('Demandée par l’entreprise pour la taille des haies.');

  // The firm's message is in the preview.
  await fill('#champ-message', 'Deux structures pour vos haies.');
  await clickText('Prévisualiser les courriels');
  await page.waitForSelector('.mail-preview');
  expect((await texts('.mail-preview')).find((p) => p.includes(scene.company.email))).toContain('Deux structures pour vos haies.');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await reflowProblems(page)).toEqual([]);

  // A note typed after the preview: approval is refused in the page and nothing is sent.
  const firstNote = await page.$eval('section[aria-labelledby="liste"] .card textarea', (el) => el.id);
  await fill(`#${firstNote}`, 'Atelier à deux pas du site.');
  await clickText('Approuver et envoyer les courriels');
  await waitForTextOn(w, 'prévisualisez de nouveau les courriels');
  await screenshot(page, 'approbation-apercu-perime');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await reflowProblems(page)).toEqual([]);
  expect((await t.gql(GET_MAILS, { id }, scene.officer.token)).data.shortlist).toMatchObject({ status: 'DRAFT', mails: [] });

  // A new preview saves the note and shows it; approval then sends that preview.
  await clickText('Prévisualiser les courriels');
  await waitFor('the note in the preview', async () => (await texts('.mail-preview')).some((p) => p.includes('Atelier à deux pas du site.')));
  const shown = (await texts('.mail-preview')).find((p) => p.includes(scene.company.email))!;
  await clickText('Approuver et envoyer les courriels');
  await page.waitForSelector('#courriels');
  await waitFor('SENT', async () => (await t.gql(GET_MAILS, { id }, scene.officer.token)).data.shortlist.status === 'SENT');
  const firm = smtp.messages.find((m) => (m.messageId ?? '').startsWith(`<${id}.`) && addresses(m.to).includes(scene.company.email))!;
  expect(firm.text).toContain('Atelier à deux pas du site.');
  expect(firm.text).toContain('Deux structures pour vos haies.');
  expect(shown).toContain(firm.subject!);

  // A new list for the need leaves out what was introduced, and says so: here nothing is left to propose.
  await page.goto(`${origin}/console/besoins/${scene.needId}`);
  await clickText('Préparer une liste (brouillon des 5 meilleures)');
  await waitForTextOn(w, `${scene.suppliers.esat.name} (déjà présentée le `);
  expect(w.dialogs).toEqual([]);
});
