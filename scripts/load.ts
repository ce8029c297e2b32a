// npm run load [-- --duration 10 --connections 10 --structures 2000]
// A bounded load test on loopback: starts the real server in this process (production settings,
// a temporary DATA_DIR, no sample data), loads synthetic structures through the domain, then runs
// autocannon for a fixed duration against the public directory and against matchSuppliers.
// Prints requests/s and latency per target; exits non-zero on any error, non-2xx or wrong body.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import sampleSuppliers from '../api/sample/suppliers.json';
import { viewerOf } from '../api/auth/guards';
import { loadConfig } from '../api/config';
import { postNeed } from '../api/domain/needs';
import { createSupplier } from '../api/domain/suppliers';
import { createUser } from '../api/domain/users';
import { metropoleCommunes } from '../api/reference/communes';
import { startServer, type Logger } from '../api/server';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    structures: { type: 'string', default: '2000' },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const STRUCTURES = Number(values.structures);
const PASSWORD = 'Charge-Test-2026!';

const logger: Logger = { info: () => {}, error: (message, err) => console.error(message, err ?? '') };

/** A structure of the bundled sample, renamed and moved: realistic French text, 2,000 of them. */
function synthetic(i: number) {
  const template = sampleSuppliers[i % sampleSuppliers.length]!;
  const communes = metropoleCommunes();
  return {
    ...template,
    name: `${template.name} ${Math.floor(i / sampleSuppliers.length) + 1}`,
    siret: null,
    communeCode: communes[i % communes.length]!.code,
    contactEmail: `structure-${i}@charge.example`,
  };
}

interface TargetResult {
  target: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  mismatches: number;
}

async function run(target: string, url: string, body: string, headers: Record<string, string>): Promise<TargetResult> {
  // The answer is deterministic: any other body under load (a GraphQL error) counts as a mismatch.
  const reference = await fetch(url, { method: 'POST', headers, body });
  const expectBody = await reference.text();
  if (reference.status !== 200 || expectBody.includes('"errors"')) throw new Error(`${target}: ${reference.status} ${expectBody.slice(0, 300)}`);
  const result = await autocannon({ url, method: 'POST', headers, body, connections: CONNECTIONS, duration: DURATION, expectBody, workers: 1 });
  return {
    target,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
  };
}

async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-load-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    DATA_DIR: dataDir,
    SAMPLE_DATA: 'off',
    JWT_SECRET: randomBytes(48).toString('base64url'),
  });
  const server = await startServer(config, logger);
  try {
    const { services } = server;
    const started = Date.now();
    const admin = viewerOf(await createUser(services.store, { email: 'admin@charge.example', password: PASSWORD, role: 'ADMIN' }));
    for (let i = 0; i < STRUCTURES; i += 1) await createSupplier(services, admin, synthetic(i));
    await createUser(services.store, { email: 'agent@charge.example', password: PASSWORD, role: 'OFFICER' });
    const url = `http://127.0.0.1:${server.port}/graphql`;
    const json = { 'content-type': 'application/json' };
    // One login for the whole run: the login throttle never sees the load.
    const login = (await (
      await fetch(url, { method: 'POST', headers: json, body: JSON.stringify({ query: 'mutation { login(email: "agent@charge.example", password: "Charge-Test-2026!") { token user { id } } }' }) })
    ).json()) as { data: { login: { token: string; user: { id: string } } } };
    const officer = viewerOf((await services.store.users.findById(login.data.login.user.id))!);
    const need = await postNeed(services, officer, {
      title: 'Entretien des espaces verts et nettoyage des locaux',
      description: 'Tonte, taille de haies et nettoyage hebdomadaire des bureaux de notre site de Sotteville, de mars à novembre.',
      kind: 'PURCHASE',
      companyName: 'Logistique Seine Charge',
      communeCode: '76681',
      nafCodes: ['81.30Z'],
      budgetMin: 20000,
      budgetMax: 60000,
      preferredInclusionKinds: ['ACI', 'ESAT'],
    });
    console.log(`${services.matching.size} structures chargées en ${((Date.now() - started) / 1000).toFixed(1)} s ; ${DURATION} s par cible, ${CONNECTIONS} connexions.`);

    const results = [
      await run('annuaire (1re page)', url, JSON.stringify({ query: '{ suppliers(first: 20) { totalCount edges { node { id name legalForm inclusionKind commune { name } labels } } pageInfo { hasNextPage endCursor } } }' }), json),
      await run(
        'annuaire (recherche)',
        url,
        JSON.stringify({ query: '{ suppliers(filter: { text: "espaces verts", inclusionKinds: [ACI, ESAT, EI] }, first: 20) { totalCount edges { node { id name commune { name } } } } }' }),
        json,
      ),
      await run(
        'matchSuppliers',
        url,
        JSON.stringify({ query: `{ matchSuppliers(needId: "${need.id}", limit: 10) { score reasons supplier { id name } } }` }),
        { ...json, authorization: `Bearer ${login.data.login.token}` },
      ),
    ];

    console.log('\n| cible | requêtes/s | p50 (ms) | p99 (ms) | requêtes | erreurs | non-2xx | réponses inattendues |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results) console.log(`| ${r.target} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.errors} | ${r.non2xx} | ${r.mismatches} |`);
    const failed = results.filter((r) => r.errors + r.non2xx + r.mismatches > 0 || r.requests === 0);
    console.log(JSON.stringify({ structures: services.matching.size, duration: DURATION, connections: CONNECTIONS, results }));
    return failed.length === 0 ? 0 : 1;
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('Test de charge interrompu :', err);
    process.exit(1);
  },
);
