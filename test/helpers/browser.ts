// Real Chromium (Debian's /usr/bin/chromium) driven by puppeteer-core, with what every page test checks:
// axe-core (no serious or critical violation), no request to another host, no dialog ever opened.
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Where the console test keeps a screenshot of each page: test-results/screenshots (ignored by git),
 * or docs/screenshots, the committed ones the README shows, with `npm run screenshots`.
 */
export const SCREENSHOTS = path.resolve(process.env.SCREENSHOTS_DIR ?? path.join(__dirname, '..', '..', 'test-results', 'screenshots'));
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--lang=fr-FR'], defaultViewport: { width: 1280, height: 900 } });
}

export interface Watched {
  page: Page;
  /** Requests for any host but the service's (each was aborted). */
  foreign: string[];
  /** alert/confirm/prompt dialogs that opened (the console never opens one itself). */
  dialogs: string[];
  /** Console errors of the page (CSP violations, uncaught exceptions). */
  errors: string[];
}

/** A page that may only speak to `origin`: everything else is recorded and aborted. It waits 10 s at most for an element or a navigation. */
export async function watchedPage(browser: Browser, origin: string): Promise<Watched> {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  const watched: Watched = { page, foreign: [], dialogs: [], errors: [] };
  const allowed = new URL(origin).host;
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.host === allowed) return void req.continue();
    watched.foreign.push(req.url());
    void req.abort();
  });
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') watched.errors.push(msg.text());
  });
  page.on('pageerror', (err) => watched.errors.push(String(err)));
  return watched;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** axe-core run in the page or frame (evaluated through the DevTools protocol, so the page's CSP still holds for the page itself). */
export async function seriousViolations(page: Page | Frame): Promise<AxeViolation[]> {
  // Strings, not functions: the test code is type-checked without the DOM library.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })) })))`)) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) as `${string}.png`, fullPage: true });
}

/** Waits until the page's visible text contains `text`; otherwise fails with what the page said. */
export async function waitForTextOn(w: Watched, text: string): Promise<void> {
  try {
    await w.page.waitForFunction(`document.body.innerText.includes(${JSON.stringify(text)})`);
  } catch {
    const said = String(await w.page.evaluate('document.querySelector("main")?.innerText')).slice(-2500);
    throw new Error(`“${text}” never showed on ${w.page.url()} (errors: ${w.errors.join(' / ')}); the page said:\n${said}`);
  }
}

/** Signs in to the console with the test password, and waits for its navigation. */
export async function signInToConsole(w: Watched, origin: string, email: string, password: string): Promise<void> {
  await w.page.goto(`${origin}/console/connexion`);
  await w.page.waitForSelector('#champ-email');
  await w.page.type('#champ-email', email);
  await w.page.type('#champ-password', password);
  await w.page.keyboard.press('Enter');
  await w.page.waitForSelector('nav');
}

/**
 * What makes the page scroll sideways at `width` CSS pixels (WCAG 1.4.10 reflow: 320 px), empty when it fits. Each
 * entry names the innermost element that sticks out; a table inside its own scrolling box is allowed (the standard
 * exempts data tables). The viewport is put back as it was.
 */
export async function reflowProblems(page: Page, width = 320): Promise<string[]> {
  const before = page.viewport();
  await page.setViewport({ width, height: 800 });
  try {
    // Charts follow their box through a ResizeObserver, a few frames after the viewport changed: wait for the page
    // to fit (30 frames at most) before naming what sticks out.
    return (await page.evaluate(`new Promise((resolve) => {
      let frames = 0;
      const look = () => {
        const width = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= width) return resolve([]);
        if (++frames < 30) return requestAnimationFrame(look);
        const out = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== 'fixed');
        const innermost = out.filter((el) => !out.some((other) => other !== el && el.contains(other)));
        resolve([\`page \${document.documentElement.scrollWidth} px wide\`, ...innermost.slice(0, 8).map((el) =>
          \`\${el.tagName.toLowerCase()}\${el.id ? '#' + el.id : ''}\${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : ''} (\${Math.round(el.getBoundingClientRect().right)} px): \${(el.textContent || '').trim().slice(0, 60)}\`)]);
      };
      requestAnimationFrame(look);
    })`)) as string[];
  } finally {
    if (before) await page.setViewport(before);
  }
}

/**
 * What every page of ours must be, checked once it has loaded: its title says where we are (when
 * given), no serious axe violation, nothing scrolling sideways at 320 px, no foreign request, no
 * dialog, no console error; then its screenshot (when named).
 */
export async function expectSoundPage(w: Watched, { title, name }: { title?: RegExp; name?: string } = {}): Promise<void> {
  await w.page.waitForFunction('!document.querySelector(".loading")');
  if (title) expect(await w.page.title()).toMatch(title);
  expect(await seriousViolations(w.page)).toEqual([]);
  expect(await reflowProblems(w.page)).toEqual([]);
  expect(w.foreign).toEqual([]);
  expect(w.dialogs).toEqual([]);
  expect(w.errors).toEqual([]);
  if (name) await screenshot(w.page, name);
}
