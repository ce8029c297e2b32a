// The public site's obligations (issue 25, item 10): the legal pages, their settings, reachable from
// every public page's footer in a real Chromium (axe), and the 404 page for browsers while API clients
// keep the JSON 404.
import { LEGAL_PAGES } from '../api/reference/vocabulary';
import { PUBLIC_PATHS } from '../api/public-pages';
import { reflowProblems, seriousViolations, type Watched } from './helpers/browser';
import { startStage, type Stage } from './helpers/stage';
import { raw } from './helpers/http';

jest.setTimeout(180_000);

const SETTINGS = {
  LEGAL_PUBLISHER: 'Métropole d’essai <Direction> & Cie, 1 rue du Test, 76000 Rouen',
  LEGAL_DIRECTOR: 'Madame la Présidente de l’essai',
  LEGAL_HOST: 'Hébergeur Exemple SAS, 2 quai de la Seine, 76100 Rouen',
  DPO_CONTACT: 'dpo@essai.example',
  ACCESSIBILITY_STATUS: 'partiellement',
  ACCESSIBILITY_CONTACT: 'a11y@essai.example',
};
const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

let stage: Stage;
let origin: string;
let w: Watched;

beforeAll(async () => {
  stage = await startStage({ env: SETTINGS });
  ({ w, origin } = stage);
});

afterAll(() => stage?.close());

describe('unknown paths', () => {
  test('a browser gets a French HTML page with status 404; an API client keeps the JSON 404', async () => {
    const page = await raw(`${origin}/nulle-part`, { headers: HTML });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain('Page introuvable');
    for (const { path } of LEGAL_PAGES) expect(page.text).toContain(`href="${path}"`);

    for (const headers of [{}, { accept: 'application/json' }, { accept: '*/*' }] as Record<string, string>[]) {
      const api = await raw(`${origin}/nulle-part`, { headers });
      expect(api.status).toBe(404);
      expect(api.json).toEqual({ errors: [{ message: 'Ressource introuvable.', extensions: { code: 'NOT_FOUND' } }] });
    }
  });
});

describe('the legal pages', () => {
  test('carry the settings, escaped', async () => {
    const mentions = await raw(`${origin}/mentions-legales`, { headers: HTML });
    expect(mentions.status).toBe(200);
    expect(mentions.text).toContain('Métropole d’essai &lt;Direction&gt; &amp; Cie, 1 rue du Test, 76000 Rouen');
    expect(mentions.text).toContain(SETTINGS.LEGAL_DIRECTOR);
    expect(mentions.text).toContain(SETTINGS.LEGAL_HOST);
    const data = await raw(`${origin}/donnees-personnelles`);
    expect(data.text).toContain('href="mailto:dpo@essai.example"');
    for (const heading of ['Ce qui est collecté, pourquoi et combien de temps', 'Vos droits', 'Durée de conservation']) expect(data.text).toContain(heading);
    const a11y = await raw(`${origin}/accessibilite`);
    expect(a11y.text).toContain('<strong>partiellement conforme</strong>');
    expect(a11y.text).toContain('href="mailto:a11y@essai.example"');
    expect(a11y.text).toContain('Ce qui est vérifié, et comment');
  });

  test('every public page links them in its footer; each opens, French and without serious axe violation', async () => {
    const { page } = w;
    // The web app's pages, a page opened from a mail link (served by the server), the 404 page and the legal pages themselves.
    const pages = [...PUBLIC_PATHS, '/reponse/jeton-inconnu', '/besoin/confirmer/jeton-inconnu', '/nulle-part', ...LEGAL_PAGES.map((p) => p.path)];
    for (const path of pages) {
      await page.goto(`${origin}${path}`, { waitUntil: 'networkidle0' });
      await page.waitForSelector('footer a');
      const links = await page.$$eval('footer a', (els) => els.map((a) => [a.textContent?.trim(), a.getAttribute('href')]));
      expect({ path, links }).toEqual({ path, links: expect.arrayContaining(LEGAL_PAGES.map((p) => [p.title, p.path])) });
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
      expect({ path, reflow: await reflowProblems(page) }).toEqual({ path, reflow: [] });
    }

    for (const legal of LEGAL_PAGES) {
      await page.goto(`${origin}/`, { waitUntil: 'networkidle0' });
      await page.waitForSelector('footer a');
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click(`footer a[href="${legal.path}"]`)]);
      expect(new URL(page.url()).pathname).toBe(legal.path);
      expect(await page.$eval('h1', (h) => h.textContent)).toBe(legal.title);
      expect(await page.title()).toBe(`${legal.title} — Passerelle ESS`);
      expect(await page.$eval('html', (e) => e.getAttribute('lang'))).toBe('fr');
      expect(await seriousViolations(page)).toEqual([]);
      expect(await reflowProblems(page)).toEqual([]);
    }

    await page.goto(`${origin}/nulle-part`, { waitUntil: 'networkidle0' });
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Page introuvable');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await reflowProblems(page)).toEqual([]);
    expect(w.foreign).toEqual([]);
    expect(w.dialogs).toEqual([]);
  });
});
