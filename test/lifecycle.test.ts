// The process as operators see it: readiness, persistence across restarts, the data-dir lock,
// graceful shutdown, sample data.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sampleUsers from '../api/sample/users.json';
import { exitOf, freePort, readyUrl, ROOT, spawnService } from './helpers/process';
import { startTestServer, tempDataDir } from './helpers/server';
import { waitFor } from './helpers/wait';
import { supplierInput } from './helpers/fixtures';

const CREATE = `mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`;

describe('service lifecycle', () => {
  it('healthz is 200 once ready; data and index survive a restart', async () => {
    const dir = tempDataDir();
    const first = await startTestServer({}, dir);
    const health = await fetch(first.url.replace('/graphql', '/healthz'));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', store: 'embedded', suppliersIndexed: 0 });
    const { token } = await first.userWithToken('OFFICER');
    const id = (await first.gql(CREATE, { input: supplierInput({ name: 'Persistante' }) }, token)).data.createSupplier.id;
    await first.stop();

    const second = await startTestServer({}, dir);
    try {
      expect((await second.gql(`query($id: ID!) { supplier(id: $id) { name } }`, { id })).data.supplier.name).toBe('Persistante');
      expect(second.server.services.matching.size).toBe(1);
      expect((await second.gql('{ me { id } }', {}, token)).data.me).not.toBeNull(); // the dev secret is kept
    } finally {
      await second.destroy();
    }
  });

  it('a second process on the same DATA_DIR stops at once with a clear message', async () => {
    const t = await startTestServer();
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, PORT: '0', DATA_DIR: t.dataDir },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`Le dossier de données ${t.dataDir} est déjà utilisé par le processus ${process.pid}`);
      // create-user goes through the running server (test/create-user-running.test.ts); report opens the store itself.
      const script = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/report.ts', '--from', '2026-01-01', '--to', '2026-12-31'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, DATA_DIR: t.dataDir },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(script.status).not.toBe(0);
      expect(script.stderr).toContain('est déjà utilisé');
    } finally {
      await t.destroy();
    }
  });

  it('SIGTERM finishes the request in flight, then exits 0', async () => {
    const dir = tempDataDir();
    const child = spawnService({ DATA_DIR: dir });
    const exited = exitOf(child);
    const url = await readyUrl(child);
    // The request is taken (the service answers "100 Continue" once it has it) before the signal,
    // and its body sent only after it: it is in flight however fast or slow the machine.
    const body = JSON.stringify({ query: 'mutation { login(email: "a@b.example", password: "Quelconque-123") { token } }' });
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' } });
    const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.once('error', reject);
      req.once('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.once('end', () => resolve({ status: res.statusCode!, text }));
      });
    });
    req.flushHeaders();
    await new Promise((resolve) => req.once('continue', resolve));
    child.kill('SIGTERM');
    req.end(body);
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(path.join(dir, 'store.lock'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fills an empty store with the sample once, and the demo accounts work', async () => {
    const dir = tempDataDir();
    const t = await startTestServer({ SAMPLE_DATA: 'on' }, dir);
    try {
      const total = (await t.gql('{ suppliers { totalCount } }')).data.suppliers.totalCount;
      expect(total).toBeGreaterThanOrEqual(40);
      expect(t.server.services.matching.size).toBe(total);
      for (const u of sampleUsers) {
        const res = await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { role } } }`, { e: u.email, p: u.password });
        expect(res.data.login.user.role).toBe(u.role);
      }
    } finally {
      await t.stop();
    }
    const again = await startTestServer({ SAMPLE_DATA: 'on' }, dir);
    try {
      expect(await again.server.services.store.users.count({})).toBe(sampleUsers.length);
    } finally {
      await again.destroy();
    }
  });

  it('a DATA_DIR that is a file stops the process with one French line, no stack', () => {
    const file = path.join(tempDataDir(), 'pas-un-dossier');
    fs.writeFileSync(file, '');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: '0', DATA_DIR: file },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Démarrage impossible : DATA_DIR doit être un dossier/)]);
  });

  it('in production the sample brings no demo account (their passwords are published)', async () => {
    const t = await startTestServer({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(32), SAMPLE_DATA: 'on' });
    try {
      expect((await t.gql('{ suppliers { totalCount } }')).data.suppliers.totalCount).toBeGreaterThanOrEqual(40);
      expect(await t.server.services.store.users.count({})).toBe(0);
    } finally {
      await t.destroy();
    }
  });

  it('SIGTERM while starting: the start finishes its step, then the process exits 0 with the sample whole', async () => {
    const dir = tempDataDir();
    const port = await freePort();
    const child = spawnService({ DATA_DIR: dir, PORT: String(port), SAMPLE_DATA: 'on' });
    const exited = exitOf(child);
    // readyz answers 503 while the sample is being loaded
    await waitFor('readyz 503 while starting', async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.status === 503);
    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(path.join(dir, 'store.lock'))).toBe(false);
    await expectWholeSample(dir);
  });

  it('a sample load cut short by kill -9 is done again, whole, at the next start', async () => {
    const dir = tempDataDir();
    const child = spawnService({ DATA_DIR: dir, SAMPLE_DATA: 'on' });
    const exited = exitOf(child);
    const marker = path.join(dir, 'sample-data.loading');
    await waitFor('the sample load under way', () => fs.existsSync(marker) && countLines(path.join(dir, 'db', 'suppliers.db')) > 3);
    child.kill('SIGKILL');
    await exited;
    expect(fs.existsSync(marker)).toBe(true); // it was cut in the middle
    await expectWholeSample(dir);
    expect(fs.existsSync(marker)).toBe(false);
  });
});

async function expectWholeSample(dir: string): Promise<void> {
  const t = await startTestServer({ SAMPLE_DATA: 'on' }, dir);
  try {
    const { store } = t.server.services;
    expect(await store.suppliers.count({})).toBe(40);
    expect(t.server.services.matching.size).toBe(40);
    expect(await store.users.count({})).toBe(sampleUsers.length);
    const res = await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { role } } }`, { e: sampleUsers[0]!.email, p: sampleUsers[0]!.password });
    expect(res.data.login.user.role).toBe(sampleUsers[0]!.role);
  } finally {
    await t.destroy();
  }
}

const countLines = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0);
