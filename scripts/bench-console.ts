// npm run bench:console [-- --structures 2000 --needs 500 --runs 3 --write]
// The console's budget: JavaScript sent by the first load of /console (gzip, at most 250 kB) and the
// time until each page of the officer's loop is usable, in Debian's Chromium, on the real server
// (production settings, a temporary DATA_DIR) holding 2,000 structures and 500 needs.
// Each page is timed --runs times (the pages in turn, run after run); the median and spread of each,
// with the commit and the machine, go to the console (the last line is one JSON object) and, with
// --write, to docs/benchmarks.md.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import puppeteer from 'puppeteer-core';
import sampleSuppliers from '../api/sample/suppliers.json';
import { viewerOf } from '../api/auth/guards';
import { loadConfig } from '../api/config';
import { postNeed } from '../api/needs';
import { draftShortlist } from '../api/introductions';
import { createSupplier } from '../api/directory';
import { createUser } from '../api/accounts';
import { metropoleCommunes } from '../api/reference/communes';
import { createLogger } from '../api/observability';
import { startServer } from '../api/server';
import { benchContext, publish, RUN_OPTIONS, positiveInteger, summarise } from './bench-report';
import { buildWeb } from './build-web';

const { values } = parseArgs({
  options: {
    structures: { type: 'string', default: '2000' },
    needs: { type: 'string', default: '500' },
    ...RUN_OPTIONS,
  },
});
const STRUCTURES = positiveInteger(values.structures, 'structures');
const NEEDS = positiveInteger(values.needs, 'needs');
const RUNS = positiveInteger(values.runs, 'runs');
const JS_BUDGET_KB = 250;
const PAGE_BUDGET_MS = 1000;
const PASSWORD = 'Banc-Console-2026!';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Errors only, on stderr: stdout's last line is the result.
const logger = createLogger({ level: 'error', destination: 2 });

/** A structure of the bundled sample, renamed and moved (as npm run load does). */
function synthetic(i: number) {
  const template = sampleSuppliers[i % sampleSuppliers.length]!;
  const communes = metropoleCommunes();
  return { ...template, name: `${template.name} ${Math.floor(i / sampleSuppliers.length) + 1}`, siret: null, communeCode: communes[i % communes.length]!.code, contactEmail: `structure-${i}@banc.example` };
}

const NEED_TEMPLATES = [
  { title: 'Entretien des espaces verts', description: 'Tonte, taille de haies et débroussaillage de notre site, de mars à novembre.', kind: 'PURCHASE', nafCodes: ['81.30Z'] },
  { title: 'Nettoyage des bureaux', description: 'Nettoyage hebdomadaire de 800 m² de bureaux et des sanitaires.', kind: 'PURCHASE', nafCodes: ['81.21Z'] },
  { title: 'Impression de brochures', description: 'Impression de 5 000 brochures en papier recyclé, livraison en juin.', kind: 'SUBCONTRACTING', nafCodes: ['18.12Z'] },
  { title: 'Traiteur pour un séminaire', description: 'Repas pour 80 personnes, produits locaux, service compris.', kind: 'PURCHASE', nafCodes: ['56.21Z'] },
] as const;

async function main(): Promise<number> {
  const context = benchContext();
  buildWeb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-banc-console-'));
  const config = loadConfig({ NODE_ENV: 'production', PORT: '0', DATA_DIR: dataDir, SAMPLE_DATA: 'off', JWT_SECRET: randomBytes(48).toString('base64url') });
  const server = await startServer(config, logger);
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless=new', '--disable-gpu'], defaultViewport: { width: 1280, height: 900 } });
  try {
    const { services } = server;
    const started = Date.now();
    const admin = viewerOf(await createUser(services.store, { email: 'admin@banc.example', password: PASSWORD, role: 'ADMIN' }));
    for (let i = 0; i < STRUCTURES; i += 1) await createSupplier(services, admin, synthetic(i));
    const officer = viewerOf(await createUser(services.store, { email: 'agent@banc.example', password: PASSWORD, role: 'OFFICER' }));
    const communes = metropoleCommunes();
    let needId = '';
    for (let i = 0; i < NEEDS; i += 1) {
      const t = NEED_TEMPLATES[i % NEED_TEMPLATES.length]!;
      const need = await postNeed(services, officer, {
        ...t,
        nafCodes: [...t.nafCodes],
        title: `${t.title} n° ${i + 1}`,
        companyName: `Entreprise ${i + 1}`,
        contactEmail: `achats-${i}@entreprise.example`,
        communeCode: communes[i % communes.length]!.code,
        budgetMin: 5000,
        budgetMax: 60000,
      });
      if (i === 0) needId = need.id;
    }
    const shortlist = await draftShortlist(services, officer, needId, 5);
    const supplierId = shortlist.items[0]!.supplierId;
    console.log(`${services.matching.size} structures et ${NEEDS} besoins chargés en ${((Date.now() - started) / 1000).toFixed(1)} s.`);

    const origin = `http://127.0.0.1:${server.port}`;
    const page = await browser.newPage();
    // First load: every script the browser fetches for /console, measured gzip-compressed.
    const scripts = new Map<string, Buffer>();
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') void res.buffer().then((b) => scripts.set(res.url(), b), () => {});
    });
    await page.goto(`${origin}/console`, { waitUntil: 'networkidle0' });
    const firstLoad = [...scripts].map(([url, body]) => ({ file: new URL(url).pathname, bytes: body.length, gzipBytes: zlib.gzipSync(body).length }));
    const jsGzipBytes = firstLoad.reduce((sum, f) => sum + f.gzipBytes, 0);

    await page.type('#champ-email', 'agent@banc.example');
    await page.type('#champ-password', PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForSelector('table tbody tr');

    // Each page loaded afresh (assets from the browser cache, as an officer's second visit), timed until usable.
    const pages: { name: string; path: string; ready: string }[] = [
      { name: 'besoins en attente', path: '/besoins', ready: 'table tbody tr' },
      { name: 'enregistrer un besoin', path: '/besoins/nouveau', ready: '.presets button' },
      { name: 'structures proposées', path: `/besoins/${needId}`, ready: 'section[aria-labelledby="eligibles"] .card' },
      { name: 'liste (brouillon)', path: `/listes/${shortlist.id}`, ready: 'section[aria-labelledby="liste"] .card' },
      { name: 'mises en relation', path: '/mises-en-relation', ready: 'p[role="status"]' },
      { name: 'structures', path: '/structures', ready: 'table tbody tr' },
      { name: 'fiche structure', path: `/structures/${supplierId}`, ready: 'dl.profile' },
      { name: 'bilan annuel', path: '/bilan', ready: '#telecharger-csv' },
    ];
    // Run after run, every page in turn: a slow phase of the machine touches every page alike.
    const timings = pages.map(() => [] as number[]);
    for (let r = 0; r < RUNS; r += 1) {
      for (const [k, p] of pages.entries()) {
        const t0 = Date.now();
        await page.goto(`${origin}/console${p.path}`);
        await page.waitForSelector(p.ready, { timeout: 30_000 });
        timings[k]!.push(Date.now() - t0);
      }
    }

    console.log(`\nPremier chargement de /console : ${(jsGzipBytes / 1024).toFixed(1)} kB de JavaScript gzip (budget ${JS_BUDGET_KB} kB)`);
    for (const f of firstLoad) console.log(`  ${f.file} : ${(f.bytes / 1024).toFixed(1)} kB, ${(f.gzipBytes / 1024).toFixed(1)} kB gzip`);
    const jsMet = jsGzipBytes <= JS_BUDGET_KB * 1024;
    const pagesMet = timings.map((t) => summarise(t).median <= PAGE_BUDGET_MS);
    publish(
      {
        section: 'console',
        script: 'bench:console',
        runs: RUNS,
        figures: [
          { name: 'JavaScript of the first load of /console (gzip)', unit: 'kB', values: [jsGzipBytes / 1024], digits: 1, goal: `≤ ${JS_BUDGET_KB} kB`, met: jsMet },
          ...pages.map((p, k) => ({ name: `page usable: ${p.name}`, unit: 'ms', values: timings[k]!, goal: `≤ ${PAGE_BUDGET_MS.toLocaleString('en-US')} ms`, met: pagesMet[k] })),
        ],
        notes: [`${services.matching.size.toLocaleString('en-US')} structures and ${NEEDS} needs; the JavaScript is measured once (the same bytes every run); each page loaded afresh, assets from the browser's cache.`],
      },
      context,
      values.write!,
    );
    return jsMet && pagesMet.every(Boolean) ? 0 : 1;
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('Banc de la console interrompu :', err);
    process.exit(1);
  },
);
