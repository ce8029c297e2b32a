// The server's start with a national directory in the embedded store (part of `npm run bench`):
// writes N synthetic structures through the store, then starts `npm start`'s very command in a
// child process and times how long /readyz takes to answer 200 (store open, matcher index built).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { NEW_PROFILE_STATUS } from '../api/directory';
import { newId } from '../api/kernel';
import { openStore } from '../api/store';
import type { SupplierRecord } from '../api/store/types';
import { fold, labelKey } from '../matching/text/fold';
import type { Profile } from '../matching/types';
import { SyntheticCorpus } from '../test/fixtures/synthetic';

const READY_TIMEOUT_MS = 600_000;
const BATCH = 1000;

/** A synthetic profile as the store keeps a structure (the fields the domain derives included). */
function record(p: Profile, now: Date): SupplierRecord {
  return {
    id: newId(),
    organisationId: null,
    name: p.name,
    siret: null,
    legalForm: p.legalForm === 'ASSOCIATION' ? 'ASSOCIATION' : 'ESUS_COMPANY',
    inclusionKind: p.inclusionKind as SupplierRecord['inclusionKind'],
    description: p.description,
    services: p.services,
    nafCodes: p.nafCodes,
    communeCode: p.departement === '27' ? '27229' : '76540',
    latitude: p.latitude,
    longitude: p.longitude,
    interventionRadiusKm: p.interventionRadiusKm,
    employees: p.employees,
    maxContractValue: p.maxContractValue,
    labels: p.labels,
    labelKeys: p.labels.map(labelKey),
    contactEmail: `structure-${p.id}@bench.example`,
    website: null,
    searchText: fold([p.name, p.description, ...p.services].join(' \n ')),
    sortKey: fold(p.name),
    ...NEW_PROFILE_STATUS,
    sources: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** This process's environment without what would point the server elsewhere (a MongoDB, a mail server). */
function serverEnv(): NodeJS.ProcessEnv {
  const { MONGODB_URI: _m, SMTP_URL: _s, ...env } = process.env;
  return env;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false; // not listening yet
  }
}

/** Writes N synthetic structures into a fresh embedded store under dataDir. */
async function fill(dataDir: string, profiles: number, log: (line: string) => void): Promise<void> {
  const corpus = new SyntheticCorpus();
  const store = await openStore({ mongodbUri: null, dataDir });
  const t0 = performance.now();
  const now = new Date();
  for (let i = 0; i < profiles; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, profiles - i) }, (_, j) => record(corpus.profile(i + j), now));
    await Promise.all(batch.map((r) => store.suppliers.insert(r)));
    if ((i + BATCH) % (BATCH * 50) === 0) log(`stockage : ${i + BATCH}/${profiles} structures écrites (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await store.close();
  log(`stockage : ${profiles} structures écrites dans le stockage embarqué (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}

/** `npm start`'s node arguments, read from package.json: "exec node --flag --import tsx api/main.ts". */
function startArguments(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = manifest.scripts.start.split(/\s+/);
  return words.slice(words.indexOf('node') + 1);
}

/** Starts the server on dataDir in a child process (npm start's command) and times /readyz's first 200. */
async function timeStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? []), ...startArguments()], {
    cwd: path.join(__dirname, '..'),
    env: { ...serverEnv(), NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('hex'), DATA_DIR: dataDir, PORT: String(port), SAMPLE_DATA: 'off', MAIL_TRANSPORT: 'files' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    while (performance.now() - started < READY_TIMEOUT_MS && child.exitCode === null) {
      if (await healthy(`http://127.0.0.1:${port}/readyz`)) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('le serveur ne répond pas 200 sur /readyz');
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** Fills a fresh DATA_DIR (or takes a filled one), then times the server's start on it. */
export async function measureReady(profiles: number, log: (line: string) => void, filled?: string): Promise<number> {
  const dataDir = filled ?? fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-'));
  try {
    if (!filled) await fill(dataDir, profiles, log);
    const readyMs = await timeStart(dataDir);
    log(`démarrage : /readyz répond 200 après ${(readyMs / 1000).toFixed(1)} s (${profiles} structures dans le stockage embarqué)`);
    return readyMs;
  } finally {
    if (!filled && !process.env.BENCH_KEEP_DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
    else log(`DATA_DIR gardé : ${dataDir}`);
  }
}

// npx tsx scripts/ready.ts [--profiles N] [--data-dir DIR]: DIR already filled (BENCH_KEEP_DATA_DIR=1 keeps one).
if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const profiles = Number(arg('profiles') ?? 200_000);
  measureReady(profiles, (line) => console.log(line), arg('data-dir')).then(
    (readyMs) => console.log(JSON.stringify({ profiles, readyMs: Math.round(readyMs) })),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
