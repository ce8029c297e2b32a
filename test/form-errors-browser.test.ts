// Issue 24, defect 5, in a real Chromium: a form refused shows every error at once, GOV.UK's way: a
// summary at the top (« Il y a un problème »), focused, linking to each field, and each message at its
// field (aria-describedby, aria-invalid). Amounts are typed as people write them (« 40 000 € »).
import { outcomesLink } from '../api/links';
import { reflowProblems, seriousViolations, signInToConsole, type Watched } from './helpers/browser';
import { startStage, type Stage } from './helpers/stage';
import { APPROVE, buildScene, DRAFT, UPDATE } from './helpers/introductions';
import { TEST_PASSWORD, type TestServer } from './helpers/server';

jest.setTimeout(120_000);

let stage: Stage;
let t: TestServer;
let w: Watched;
let origin: string;

beforeAll(async () => {
  stage = await startStage();
  ({ t, w, origin } = stage);
});

afterAll(() => stage?.close());

/** Sets a field's value at once, as React reads it (25,000 characters typed one by one would take minutes). */
const setValue = (selector: string, value: string) =>
  w.page.$eval(
    selector,
    (el, v) => {
      const proto = Object.getPrototypeOf(el) as object;
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, v);
      (el as unknown as { dispatchEvent(e: unknown): void }).dispatchEvent(new (globalThis as any).Event('input', { bubbles: true }));
    },
    value,
  );

interface Shown {
  focused: string;
  title: string;
  links: { href: string; text: string }[];
  fields: Record<string, { invalid: string | null; describedBy: string; message: string }>;
}

/** The summary as the page shows it, what has the focus, and each named field's error wiring. */
const shown = (names: string[]): Promise<Shown> =>
  w.page.evaluate((names) => {
    const doc = (globalThis as any).document;
    const summary = doc.querySelector('.error-summary');
    const fields: Shown['fields'] = {};
    for (const name of names) {
      const input = doc.getElementById(`champ-${name}`);
      fields[name] = { invalid: input?.getAttribute('aria-invalid') ?? null, describedBy: input?.getAttribute('aria-describedby') ?? '', message: doc.getElementById(`champ-${name}-erreur`)?.textContent ?? '' };
    }
    return {
      focused: doc.activeElement === summary ? 'summary' : String(doc.activeElement?.id ?? doc.activeElement?.tagName),
      title: summary?.querySelector('h2')?.textContent ?? '',
      links: [...(summary?.querySelectorAll('a') ?? [])].map((a: any) => ({ href: a.getAttribute('href'), text: a.textContent })),
      fields,
    };
  }, names);

function expectPattern(s: Shown, names: string[]): void {
  expect(s.title).toBe('Il y a un problème');
  expect(s.focused).toBe('summary');
  expect(s.links.map((l) => l.href).sort()).toEqual(names.map((n) => `#champ-${n}`).sort());
  for (const name of names) {
    const field = s.fields[name]!;
    expect(field.invalid).toBe('true');
    expect(field.describedBy.split(' ')).toContain(`champ-${name}-erreur`);
    // Beside its field, the message names no field: the label is right above it (never the API's name).
    expect(field.message).toMatch(/^Erreur : [A-ZÀ-Ý]/);
    expect(field.message).not.toMatch(/« \w+ » :/);
    // The summary says what the field says, after the field's label.
    const said = field.message.replace(/^Erreur : /, '');
    expect(s.links.find((l) => l.href === `#champ-${name}`)!.text).toMatch(new RegExp(`^[^«:]+ : ${said.charAt(0).toLowerCase()}${said.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  }
}

/** Opens the public need form and fills it as a firm would, with a wrong address and a date in the past. */
async function fillPublicNeed(fields: { description: string; communeCode: string; budgetMax: string }): Promise<void> {
  const { page } = w;
  await page.goto(`${origin}/`);
  await page.waitForSelector('#champ-companyName');
  await page.type('#champ-companyName', 'Menuiserie du Robec');
  await page.type('#champ-contactEmail', 'pas-une-adresse');
  await page.type('#champ-title', 'Débarras de nos anciens bureaux');
  await setValue('#champ-description', fields.description);
  await page.type('#champ-communeCode', fields.communeCode);
  await page.type('#champ-budgetMax', fields.budgetMax);
  await setValue('#champ-deadline', '2020-06-30');
}

/**
 * Submitted as its button would, without aiming at it: under a full run's load, the commune's
 * suggestions, still open, once left the button without a clickable point.
 */
const submitNeed = () => w.page.$eval('form[aria-label="Déposer un besoin"]', (form) => (form as unknown as { requestSubmit(): void }).requestSubmit());

test('the public need form with five wrong fields shows five errors, in a focused summary and at each field', async () => {
  const { page } = w;
  await fillPublicNeed({ description: 'Une quarantaine de bureaux à débarrasser. '.repeat(600).slice(0, 25_000), communeCode: '99999', budgetMax: '-5' });
  await submitNeed();
  await page.waitForFunction('document.querySelectorAll(".error-summary li").length >= 5');
  await page.waitForFunction('document.activeElement?.classList.contains("error-summary")');
  const names = ['contactEmail', 'description', 'communeCode', 'budgetMax', 'deadline'];
  const s = await shown(names);
  expectPattern(s, names);
  expect(s.fields.budgetMax!.message).toBe('Erreur : Doit être un nombre entier entre 0 et 1\u00a0000\u00a0000\u00a0000\u00a0€');
  expect(s.links.find((l) => l.href === '#champ-budgetMax')!.text).toBe('Budget maximum : doit être un nombre entier entre 0 et 1\u00a0000\u00a0000\u00a0000\u00a0€');
  // A link of the summary takes the person to its field.
  await page.click('.error-summary a[href="#champ-budgetMax"]');
  expect(await page.evaluate('document.activeElement.id')).toBe('champ-budgetMax');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await reflowProblems(page)).toEqual([]);
  expect(await t.server.services.store.needs.count({})).toBe(0);
  expect(w.errors).toEqual([]);
});

test('an amount the form cannot read is said with every error the API finds in the other fields, and nothing is written', async () => {
  const { page } = w;
  await fillPublicNeed({ description: 'Une quarantaine de bureaux à débarrasser.', communeCode: '76540', budgetMax: 'douze mille' });
  await submitNeed();
  await page.waitForFunction('document.querySelectorAll(".error-summary li").length >= 3');
  await page.waitForFunction('document.activeElement?.classList.contains("error-summary")'); // moved there once the answer is shown
  const s = await shown(['contactEmail', 'budgetMax', 'deadline']);
  expect(s.focused).toBe('summary');
  expect(s.links.map((l) => l.href).sort()).toEqual(['#champ-budgetMax', '#champ-contactEmail', '#champ-deadline']);
  expect(s.fields.budgetMax!.message).toBe('Erreur : Saisissez un montant en euros, par exemple 12 000 ou 12 000,50.');
  expect(s.fields.deadline!.message).toMatch(/^Erreur : L'échéance est déjà passée/);
  // Too large for GraphQL's Int: the same, with the API's range.
  await setValue('#champ-budgetMax', '1 000 000 000 000 €');
  // Again without aiming at the button: the page may still be scrolling to the summary.
  await submitNeed();
  await page.waitForFunction('document.querySelector("#champ-budgetMax-erreur")?.textContent.includes("entre 0 et")');
  // the form's own message shows at once, the API's with its answer
  await page.waitForFunction('document.querySelectorAll(".error-summary li").length >= 3');
  const again = await shown(['contactEmail', 'budgetMax', 'deadline']);
  expect(again.links.map((l) => l.href).sort()).toEqual(['#champ-budgetMax', '#champ-contactEmail', '#champ-deadline']);
  expect(again.fields.budgetMax!.message).toBe('Erreur : Doit être un nombre entier entre 0 et 1\u00a0000\u00a0000\u00a0000\u00a0€.');
  expect(await t.server.services.store.needs.count({})).toBe(0);
});

test('the console’s need form shows every error at once, then reads « 40 000 € » as 40000', async () => {
  const { page } = w;
  const officer = await t.userWithToken('OFFICER');
  await signInToConsole(w, origin, officer.email, TEST_PASSWORD);
  await page.goto(`${origin}/console/besoins/nouveau`);
  await page.waitForSelector('#champ-companyName');
  await page.type('#champ-contactEmail', 'non');
  await page.type('#champ-title', 'Entretien des espaces verts');
  await page.type('#champ-description', 'Tonte et taille des haies.');
  await page.type('#champ-communeCode', '76540');
  await page.type('#champ-budgetMax', '-5');
  await page.click('form.form button[type="submit"]');
  await page.waitForFunction('document.querySelectorAll(".error-summary li").length >= 3');
  await page.waitForFunction('document.activeElement?.classList.contains("error-summary")');
  const names = ['companyName', 'contactEmail', 'budgetMax'];
  expectPattern(await shown(names), names);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await reflowProblems(page)).toEqual([]);

  await page.type('#champ-companyName', 'Transports Normands');
  await setValue('#champ-contactEmail', 'achats@transports-normands.example');
  await setValue('#champ-budgetMax', '40\u202f000 €');
  await page.click('form.form button[type="submit"]');
  await page.waitForFunction('!document.querySelector("#champ-title")');
  const [need] = await t.server.services.store.needs.find({});
  expect(need).toMatchObject({ companyName: 'Transports Normands', budgetMax: 40000 });
  expect(w.errors).toEqual([]);
});

test('/suites: the summary takes the focus as the refused page opens, the page is brought to it', async () => {
  const { page } = w;
  const s = await buildScene(t);
  const listId = (await t.gql(DRAFT, { needId: s.needId }, s.officer.token)).data.draftShortlist.id as string;
  await t.gql(UPDATE, { id: listId, supplierIds: [s.suppliers.jardins.id] }, s.officer.token);
  expect((await t.gql(APPROVE, { id: listId }, s.officer.token)).errors).toBeUndefined();
  const list = (await t.server.services.store.shortlists.findById(listId))!;
  // The page carries no script: the focus and the scroll are the browser's own (autofocus, #erreurs).
  await page.goto(outcomesLink(t.server.services.links, origin, list));
  expect(await page.$$('script')).toEqual([]);
  await page.type('#montant-1', 'douze mille');
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
  expect(new URL(page.url()).hash).toBe('#erreurs');
  await page.waitForFunction('document.activeElement?.id === "erreurs"');
  expect(await page.$$eval('#erreurs a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(['#suite-1-CONTACTED', '#montant-1']);
  expect(await page.$eval('#montant-1', (i) => [i.getAttribute('aria-invalid'), i.getAttribute('aria-describedby'), (i as unknown as { value: string }).value])).toEqual(['true', 'montant-1-aide montant-1-erreur', 'douze mille']);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await reflowProblems(page)).toEqual([]);
});
