// The Métropole website's view of us in a real Chromium (issue 25, items 7-8): the documented snippet
// (docs/api.md) on a page of another origin frames /embed/annuaire with preset filters, sized by the
// height the embed posts; a page of an origin FRAME_ANCESTORS does not list is refused the frame.
// A structure's public page, and its « Contacter via la Métropole » opening the need form for it.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { buildWeb } from '../scripts/build-web';
import { launchBrowser, screenshot, reflowProblems, seriousViolations, watchedPage, waitForTextOn, type Watched } from './helpers/browser';
import { supplierInput } from './helpers/fixtures';
import { ok, startTestServer, type TestServer } from './helpers/server';

jest.setTimeout(120_000);

const DOCUMENTED_ORIGIN = 'https://passerelle.metropole-rouen-normandie.fr';
const PRESET = '?communeCode=76540&amp;inclusionKinds=ESAT,EA';

/** The snippet of docs/api.md, as the site's editors paste it. */
function documentedSnippet(): string {
  const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'api.md'), 'utf8');
  const snippet = /```html\n(<iframe id="annuaire-ess"[\s\S]*?)```/.exec(doc)?.[1];
  if (!snippet) throw new Error('docs/api.md gives no embed snippet');
  return snippet;
}

interface Site {
  origin: string;
  close(): Promise<void>;
}

/** Another origin's page: a heading, the snippet pointing at `target`, and a record of the heights received. */
async function startSite(snippet: () => string): Promise<Site> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Métropole</title></head><body>
<main><h1>L’ESS dans la Métropole</h1>
${snippet()}
<script>
  window.heights = [];
  window.addEventListener('message', function (e) { if (e.data && e.data.type === 'passerelle-ess:hauteur') window.heights.push(e.data.height); });
</script>
</main></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let t: TestServer;
let origin: string;
let listed: Site;
let unlisted: Site;
let browser: Browser;
const slugs: Record<string, string> = {};

beforeAll(async () => {
  buildWeb();
  const snippet = () => documentedSnippet().replace(`${DOCUMENTED_ORIGIN}/embed/annuaire?communeCode=76540&amp;inclusionKinds=ESAT,EA`, `${origin}/embed/annuaire${PRESET}`);
  listed = await startSite(snippet);
  unlisted = await startSite(snippet);
  t = await startTestServer({ FRAME_ANCESTORS: listed.origin });
  origin = t.url.replace(/\/graphql$/, '');
  const officer = (await t.userWithToken('OFFICER')).token;
  const structures = [
    { key: 'esat', name: 'ESAT des Deux Rives', inclusionKind: 'ESAT', communeCode: '76540', labels: ['ecocert'], description: 'Conditionnement, mise sous pli et entretien des espaces verts par des travailleurs en situation de handicap.' },
    { key: 'ea', name: 'Entreprise adaptée du Robec', inclusionKind: 'EA', communeCode: '76540', labels: [] },
    { key: 'aci', name: 'Chantier d’insertion de Rouen', inclusionKind: 'ACI', communeCode: '76540', labels: [] },
    { key: 'elsewhere', name: 'ESAT de Sotteville', inclusionKind: 'ESAT', communeCode: '76681', labels: [] },
  ];
  for (const [i, s] of structures.entries()) {
    const { key, ...fields } = s;
    const created = await ok(t.gql('mutation($i: SupplierInput!) { createSupplier(input: $i) { slug } }', { i: supplierInput({ ...fields, contactEmail: `s${i}@ess.example` }) }, officer));
    slugs[key] = created.createSupplier.slug;
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await t?.destroy();
  await listed?.close();
  await unlisted?.close();
});

/** A page that may speak to the service and to `site` only; the rest is recorded and aborted. */
async function sitePage(site: Site): Promise<{ page: Page; foreign: string[]; graphql: { method: string; status: number; cacheControl: string | undefined }[] }> {
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  const foreign: string[] = [];
  const graphql: { method: string; status: number; cacheControl: string | undefined }[] = [];
  const hosts = new Set([new URL(origin).host, new URL(site.origin).host]);
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || hosts.has(url.host)) return void req.continue();
    foreign.push(req.url());
    void req.abort();
  });
  page.on('response', (res) => {
    if (new URL(res.url()).pathname === '/graphql') graphql.push({ method: res.request().method(), status: res.status(), cacheControl: res.headers()['cache-control'] });
  });
  return { page, foreign, graphql };
}

const names = (frame: Frame): Promise<string[]> => frame.$$eval('.results h2, .results h3', (els) => els.map((e) => (e as unknown as { innerText: string }).innerText.trim()));

describe('the embedded directory', () => {
  test('framed by a listed origin with the documented snippet: preset filters, French, axe, sized to its content', async () => {
    const { page, foreign, graphql } = await sitePage(listed);
    await page.goto(listed.origin);
    const frame = await page.waitForFrame((f) => f.url().startsWith(`${origin}/embed/annuaire`));
    await frame.waitForSelector('.results');
    expect(await frame.$eval('html', (e) => e.getAttribute('lang'))).toBe('fr');
    expect(await frame.$eval('h1', (e) => (e as unknown as { innerText: string }).innerText)).toBe('Trouver une structure de l’ESS');
    // Presets: ESAT or EA, based in Rouen.
    expect((await names(frame)).sort()).toEqual(['ESAT des Deux Rives', 'Entreprise adaptée du Robec'].sort());
    expect(await frame.$eval('select[name="inclusionKinds"]', (e) => (e as unknown as { value: string }).value)).toBe('ESAT,EA');
    expect(await frame.$eval('select[name="headOfficeCommune"]', (e) => (e as unknown as { value: string }).value)).toBe('76540');
    expect(await seriousViolations(frame)).toEqual([]);
    // A structure's page opens in the whole window.
    expect(await frame.$eval('.results a', (a) => [a.getAttribute('target'), a.getAttribute('href')])).toEqual(['_top', expect.stringMatching(/^\/structures\/[a-z0-9-]+$/)]);

    // The frame takes the height the embed posts, and follows it when the results change.
    const frameHeight = () => page.$eval('#annuaire-ess', (f) => (f as unknown as { getBoundingClientRect(): { height: number } }).getBoundingClientRect().height);
    await page.waitForFunction('window.heights.length > 0 && document.getElementById("annuaire-ess").style.height === window.heights[window.heights.length - 1] + "px"');
    const before = await frameHeight();
    const content = await frame.evaluate('Math.ceil(document.getElementById("root").getBoundingClientRect().height)');
    expect(Math.abs(before - (content as number))).toBeLessThanOrEqual(40);
    await frame.select('select[name="inclusionKinds"]', '');
    await frame.waitForFunction(`document.querySelectorAll('.results > li').length === 3`);
    await page.waitForFunction(`document.getElementById("annuaire-ess").getBoundingClientRect().height > ${before + 50}`);

    // The directory's queries went as cacheable GETs; nothing else was asked of any other host.
    expect(graphql.length).toBeGreaterThan(0);
    expect(graphql.every((g) => g.method === 'GET' && g.status === 200 && g.cacheControl === 'public, max-age=60')).toBe(true);
    expect(foreign).toEqual([]);
    await screenshot(page, 'embed-annuaire');
    await page.close();
  });

  test('refused by the browser on a page of an origin not listed', async () => {
    const { page } = await sitePage(unlisted);
    // Chromium says why in the console, and leaves the frame on its error page.
    const refusal = new Promise<string>((resolve) => page.on('console', (msg) => msg.text().includes('frame-ancestors') && resolve(msg.text())));
    const embed = page.waitForResponse((res) => res.url().startsWith(`${origin}/embed/annuaire`));
    await page.goto(unlisted.origin);
    expect([200, 304]).toContain((await embed).status()); // served: the browser refuses it
    expect(await refusal).toContain(`"frame-ancestors 'self' ${listed.origin}"`);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    expect(frame.url()).not.toContain('/embed/annuaire');
    expect(await page.evaluate('window.heights.length')).toBe(0);
    await page.close();
  });
});

describe('a structure’s public page', () => {
  let w: Watched;
  beforeAll(async () => {
    w = await watchedPage(browser, origin);
  });

  test('its card, what it does, where it works (a map drawn here), its labels; French, axe', async () => {
    await w.page.goto(`${origin}/structures/${slugs.esat}`);
    await waitForTextOn(w, 'Ce qu’elle fait');
    expect(await w.page.title()).toBe('ESAT des Deux Rives – Passerelle ESS');
    expect(await w.page.$eval('h1', (e) => (e as unknown as { innerText: string }).innerText)).toBe('ESAT des Deux Rives');
    const text = (await w.page.evaluate('document.querySelector("main").innerText')) as string;
    expect(text).toContain("Association · ESAT (établissement et service d'aide par le travail) · Rouen · 25 salariés");
    expect(text).toContain('Conditionnement, mise sous pli');
    expect(text).toContain('Basée à Rouen, elle intervient jusqu’à 30 km autour.');
    expect(text).toContain('ECOCERT');
    await w.page.waitForFunction('document.querySelector("img.structure-map").complete && document.querySelector("img.structure-map").naturalWidth > 0');
    expect(await w.page.$eval('img.structure-map', (i) => i.getAttribute('alt'))).toContain('Basée à Rouen');
    expect(await seriousViolations(w.page)).toEqual([]);
    expect(await reflowProblems(w.page)).toEqual([]);
    expect(w.foreign).toEqual([]);
    expect(w.errors).toEqual([]);
    await screenshot(w.page, 'structure-page');
  });

  test('« Contacter via la Métropole » opens the need form addressed to it', async () => {
    await Promise.all([w.page.waitForNavigation(), w.page.click('a.button')]);
    expect(new URL(w.page.url()).search).toBe(`?structure=${slugs.esat}`);
    await waitForTextOn(w, 'Votre demande concerne ESAT des Deux Rives');
    await w.page.waitForFunction('document.querySelector("#champ-title").value !== ""');
    expect(await w.page.$eval('#champ-title', (e) => (e as unknown as { value: string }).value)).toBe('Mise en relation avec ESAT des Deux Rives');
    expect(await w.page.$eval('#champ-description', (e) => (e as unknown as { value: string }).value)).toBe(`Je souhaite être mis en relation avec ESAT des Deux Rives (${origin}/structures/${slugs.esat}) pour : `);
    expect(await seriousViolations(w.page)).toEqual([]);
    expect(await reflowProblems(w.page)).toEqual([]);
    // Posted, the need is addressed to that structure: the officers see whom the firm asked for.
    await w.page.type('#champ-companyName', 'Imprimerie Normande');
    await w.page.type('#champ-contactEmail', 'achats@imprimerie-normande.example');
    await w.page.type('#champ-description', 'la mise sous pli de nos courriers trimestriels.');
    await w.page.type('#champ-communeCode', '76540');
    await w.page.click('form[aria-label="Déposer un besoin"] button[type="submit"]');
    await waitForTextOn(w, 'Consultez votre messagerie');
    const officer = (await t.userWithToken('OFFICER')).token;
    const [need] = (await ok(t.gql('{ needs(filter: { text: "imprimerie-normande" }) { edges { node { addressedTo { name slug } } } } }', {}, officer))).needs.edges;
    expect(need.node.addressedTo).toEqual({ name: 'ESAT des Deux Rives', slug: slugs.esat });
    expect(w.foreign).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});
