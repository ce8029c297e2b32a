// `npm run backup -- --out DIR` as a child process: while the server runs and writes, the copy
// opens as a store and holds the data; restored (DATA_DIR pointed at it), the service serves it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runScript } from './helpers/cli';
import { startTestServer, tempDataDir } from './helpers/server';

jest.setTimeout(120_000);

const dirs: string[] = [];
const workDir = () => {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const SUPPLIERS = `{ suppliers(first: 100) { totalCount edges { node { id name description } } } }`;

test('a backup taken while the server writes opens, and a server restored from it serves the data', async () => {
  const server = await startTestServer({ SAMPLE_DATA: 'on' }, workDir());
  const out = path.join(workDir(), 'sauvegarde');
  const written: string[] = [];
  let target = '';
  try {
    const { token } = await server.userWithToken('OFFICER');
    const before = await server.gql(SUPPLIERS);
    target = before.data.suppliers.edges[0].node.id;
    // Edits keep landing while the copy is taken.
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i += 1) {
        const description = `Description numéro ${i} écrite pendant la sauvegarde.`;
        const r = await server.gql(`mutation($id: ID!, $d: String!) { updateSupplier(id: $id, input: { description: $d }) { id } }`, { id: target, d: description }, token);
        expect(r.errors).toBeUndefined();
        written.push(description);
      }
    })();
    while (written.length < 3) await new Promise((r) => setTimeout(r, 10));
    const result = await runScript('backup', ['--out', out], { DATA_DIR: server.dataDir });
    writing = false;
    await writer;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Sauvegarde écrite dans ${out}`);
    expect(result.stdout).toMatch(/suppliers\s+\d+/);
    expect(written.length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(out, 'store.lock'))).toBe(false);
  } finally {
    await server.stop();
  }

  // Restore: the service started on the copy.
  const restored = await startTestServer({}, out);
  try {
    const after = await restored.gql(SUPPLIERS);
    expect(after.data.suppliers.totalCount).toBeGreaterThanOrEqual(40);
    const edited = after.data.suppliers.edges.find((e: any) => e.node.id === target).node;
    // One of the edits, whole: the state of one instant during the copy.
    expect(written).toContain(edited.description);
    const login = await restored.gql(`mutation { login(email: "agent@passerelle-ess.example", password: "Demo-Agent-2026!") { user { role } } }`);
    expect(login.data.login.user.role).toBe('OFFICER');
  } finally {
    await restored.stop();
  }
});

test('the server stopped, a backup works too; it never writes into a folder already in use, and says why on MongoDB', async () => {
  const server = await startTestServer({ SAMPLE_DATA: 'on' }, workDir());
  await server.stop();
  const out = path.join(workDir(), 'copie');
  expect((await runScript('backup', ['--out', out], { DATA_DIR: server.dataDir })).code).toBe(0);
  expect(fs.readdirSync(path.join(out, 'db')).sort()).toContain('suppliers.db');

  const again = await runScript('backup', ['--out', out], { DATA_DIR: server.dataDir });
  expect(again.code).toBe(1);
  expect(again.stderr).toContain('existe déjà et n’est pas vide');

  const mongo = await runScript('backup', ['--out', path.join(workDir(), 'm')], { DATA_DIR: server.dataDir, MONGODB_URI: 'mongodb://127.0.0.1:9/passerelle' });
  expect(mongo.code).toBe(1);
  expect(mongo.stderr).toContain('mongodump');
});

test('a copy left by a backup killed midway is removed at the next run, which says so; copies are private (0600 files, 0700 folders)', async () => {
  const server = await startTestServer({ SAMPLE_DATA: 'on' }, workDir());
  await server.stop();
  const parent = workDir();
  // What `kill -9` during a backup leaves: its draft, a full copy of the data, named after its dead pid.
  const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
  const stale = path.join(parent, `sauvegarde-lundi.partial-${deadPid}`);
  fs.cpSync(path.join(server.dataDir, 'db'), path.join(stale, 'db'), { recursive: true });
  // A backup still running (this very process is alive) keeps its draft.
  const running = path.join(parent, `sauvegarde-mardi.partial-${process.pid}`);
  fs.mkdirSync(path.join(running, 'db'), { recursive: true });

  const out = path.join(parent, 'sauvegarde-mercredi');
  const result = await runScript('backup', ['--out', out], { DATA_DIR: server.dataDir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`Copie partielle d'une sauvegarde interrompue supprimée : ${stale}`);
  expect(fs.existsSync(stale)).toBe(false);
  expect(fs.existsSync(running)).toBe(true);
  expect(fs.readdirSync(parent).sort()).toEqual([path.basename(out), path.basename(running)].sort());

  const mode = (p: string) => fs.statSync(p).mode & 0o777;
  expect(mode(out)).toBe(0o700);
  expect(mode(path.join(out, 'db'))).toBe(0o700);
  const files = fs.readdirSync(path.join(out, 'db'));
  expect(files).toContain('suppliers.db');
  expect(files.filter((f) => mode(path.join(out, 'db', f)) !== 0o600)).toEqual([]);
  expect(mode(path.join(out, 'jwt-secret'))).toBe(0o600);
});
