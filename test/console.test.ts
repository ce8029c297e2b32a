// The officers' console end to end: the real server, a real SMTP peer and a real Chromium walk the
// officer's whole loop; every page is checked with axe-core, for foreign requests and for dialogs.
import type { Browser } from 'puppeteer-core';
import { buildWeb } from '../scripts/build-web';
import { launchBrowser, screenshot, seriousViolations, watchedPage, type Watched } from './helpers/browser';
import { raw } from './helpers/http';
import { buildScene, type Scene } from './helpers/introductions';
import { TEST_PASSWORD, startTestServer, type TestServer } from './helpers/server';
import { startSmtp, type TestSmtp } from './helpers/smtp';

jest.setTimeout(120_000);

let t: TestServer;
let smtp: TestSmtp;
let browser: Browser;
let w: Watched;
let origin: string;
let scene: Scene;

beforeAll(async () => {
  buildWeb();
  smtp = await startSmtp();
  t = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_INTERVAL: '50ms' });
  origin = t.url.replace(/\/graphql$/, '');
  scene = await buildScene(t);
  browser = await launchBrowser();
  w = await watchedPage(browser, origin);
});

afterAll(async () => {
  await browser?.close();
  await t?.destroy();
  await smtp?.close();
});

/** Every page: axe clean, a title that says where we are, no foreign request, no dialog, the hostile name as text. */
async function checkPage(name: string, title: RegExp): Promise<void> {
  const { page } = w;
  await page.waitForFunction('!document.querySelector(".loading")');
  expect(await page.title()).toMatch(title);
  expect(await seriousViolations(page)).toEqual([]);
  expect(w.foreign).toEqual([]);
  expect(w.dialogs).toEqual([]);
  expect(await page.$('img[src="x"]')).toBeNull();
  await screenshot(page, name);
}

/** Waits until the page's visible text contains `text`. */
const waitForText = (text: string) => w.page.waitForFunction(`document.body.innerText.includes(${JSON.stringify(text)})`);

const path = (p: string) => `${origin}/console${p}`;

describe('serving /console', () => {
  test('index.html: French, no cache, strict CSP; assets: hashed, long cache, compressed; SPA fallback', async () => {
    const index = await raw(path(''), { headers: { 'accept-encoding': 'gzip' } });
    expect(index.status).toBe(200);
    expect(index.text).toContain('<html lang="fr">');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const asset = /src="(\/console\/assets\/index-[\w-]+\.js)"/.exec(index.text)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(`${origin}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect(js.headers.get('content-encoding')).toBe('gzip');
    const deep = await raw(path('/besoins/quelque-chose'));
    expect(deep.status).toBe(200);
    expect(deep.text).toBe(index.text);
    expect((await raw(`${origin}/console/assets/absent.js`)).status).toBe(404);
    expect((await raw(`${origin}/healthz`)).json.status).toBe('ok');
  });
});

describe('the officer’s loop', () => {
  test('sign in, then the needs waiting for a shortlist', async () => {
    const { page } = w;
    await page.goto(path('/'));
    await page.waitForSelector('#champ-email');
    await checkPage('01-connexion', /Connexion/);
    await page.type('#champ-email', scene.officer.email);
    await page.type('#champ-password', TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForSelector('table');
    await waitForText(scene.needTitle);
    await checkPage('02-besoins-en-attente', /Besoins en attente/);
    expect(await page.evaluate('sessionStorage.length')).toBe(1);
    expect(await page.evaluate('localStorage.length')).toBe(0);
    expect(page.url()).not.toContain(scene.officer.token.slice(0, 12));
  });
});

