// The embedded store under a crash: the server is killed with SIGKILL in the middle of a burst of
// writes, then started again on the same DATA_DIR. It must open, keep every write it had
// acknowledged, and hold no half-written document. Whether the kill lands mid-line is chance: the
// torn last line the start must repair is written by the test itself.
import fs from 'node:fs';
import path from 'node:path';
import { createUserBefore, exitOf, gqlAt, readyUrl, spawnService } from './helpers/process';
import { startTestServer, tempDataDir } from './helpers/server';
import { supplierInput } from './helpers/fixtures';

const CREATE = 'mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }';
const EMAIL = 'agent-pannes@metropole.example';
const PASSWORD = 'Un-Mot-De-Passe-2026!';
const WORKERS = 16;
const KILL_AFTER = 60; // acknowledged writes before the kill

/** The documents of a nedb file as the running store sees them: the last line of an id wins, deletions drop it. */
function liveDocuments(file: string): any[] {
  const byId = new Map<string, any>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const row = JSON.parse(line);
    if (row.$$indexCreated) continue;
    if (row.$$deleted) byId.delete(row._id);
    else byId.set(row._id, row);
  }
  return [...byId.values()];
}

describe('store integrity under faults', () => {
  const dataDir = tempDataDir();
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('kill -9 during a burst of writes: after a restart every acknowledged write is there', async () => {
    createUserBefore(dataDir, EMAIL, PASSWORD, 'OFFICER');

    const first = spawnService({ DATA_DIR: dataDir });
    const url = await readyUrl(first);
    const token = (await gqlAt(url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: EMAIL, p: PASSWORD })).data.login.token;

    const acknowledged: string[] = [];
    let attempted = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        attempted += 1;
        try {
          const res = await gqlAt(url, CREATE, { i: supplierInput({ name: `Structure ${attempted}`, contactEmail: `s${attempted}@exemple.fr` }) }, token);
          if (res.status === 200 && res.data?.createSupplier?.id) acknowledged.push(res.data.createSupplier.id);
        } catch {
          // the connection died with the process: not acknowledged
        }
        if (!killed && acknowledged.length >= KILL_AFTER) {
          killed = true;
          first.kill('SIGKILL'); // other workers' requests are in flight at this moment
        }
      }
    };
    const exited = exitOf(first);
    await Promise.all(Array.from({ length: WORKERS }, worker));
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(attempted).toBeGreaterThan(acknowledged.length); // some writes were cut off

    // On disk: every complete line is a whole document; at most the last one is torn.
    for (const collection of ['suppliers', 'organisations']) {
      const lines = fs.readFileSync(path.join(dataDir, 'db', `${collection}.db`), 'utf8').split('\n');
      const tail = lines.pop()!;
      for (const line of lines.filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
      if (tail) expect(() => JSON.parse(tail)).toThrow(); // a complete last line would end with \n
    }

    // A torn last line, whatever the kill left: the start must drop it.
    const suppliersFile = path.join(dataDir, 'db', 'suppliers.db');
    fs.appendFileSync(suppliersFile, JSON.stringify({ _id: 'jamais', name: 'Jamais enregistrée', contactEmail: 'jamais@exemple.fr' }).slice(0, 45));

    // The stale lock names a dead process: the restart takes it over and repairs the torn tail.
    const second = spawnService({ DATA_DIR: dataDir });
    try {
      const again = await readyUrl(second);
      const health = await fetch(again.replace('/graphql', '/healthz'));
      expect(health.status).toBe(200);
      const found = await gqlAt(again, 'query($first: Int) { suppliers(first: $first) { totalCount edges { node { id name } } } }', { first: 100 });
      expect(found.errors).toBeUndefined();
      const ids = new Set(found.data.suppliers.edges.map((e: any) => e.node.id));
      expect(found.data.suppliers.totalCount).toBeGreaterThanOrEqual(acknowledged.length);
      expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
      // No structure outlives the kill without its organisation, acknowledged or not.
      const organisations = new Set(liveDocuments(path.join(dataDir, 'db', 'organisations.db')).map((o) => o.id));
      const structures = liveDocuments(path.join(dataDir, 'db', 'suppliers.db'));
      expect(structures.length).toBe(found.data.suppliers.totalCount);
      expect(structures.filter((s) => !organisations.has(s.organisationId)).map((s) => s.name)).toEqual([]);
      for (const id of acknowledged.slice(0, 5)) {
        expect((await gqlAt(again, 'query($id: ID!) { supplier(id: $id) { id } }', { id })).data.supplier.id).toBe(id);
      }
      // and the store takes writes again
      const more = await gqlAt(again, CREATE, { i: supplierInput({ name: 'Après la panne' }) }, token);
      expect(more.errors).toBeUndefined();
    } finally {
      const stopped = exitOf(second);
      second.kill('SIGTERM');
      await stopped;
    }
    // Repaired on disk: every line whole, the torn one gone.
    const repaired = fs.readFileSync(suppliersFile, 'utf8');
    expect(repaired.endsWith('\n')).toBe(true);
    for (const line of repaired.split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
    expect(repaired).not.toContain('Jamais enregistrée');
  }, 90_000);
});

describe('a torn line in the middle of a datafile', () => {
  const dataDir = tempDataDir();
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('left by an append cut short, with whole records written after it: the start drops it and keeps them; files are private', async () => {
    const first = await startTestServer({}, dataDir);
    const { token } = await first.userWithToken('OFFICER');
    const id = (await first.gql(CREATE, { i: supplierInput({ name: 'Avant la coupure' }) }, token)).data.createSupplier.id;
    await first.stop();

    // Two appends that failed part-way (a full disk, on an older version): one glued to the next
    // record, one on its own line; the records after them are whole and written later.
    const file = path.join(dataDir, 'db', 'suppliers.db');
    const row = liveDocuments(file).find((r) => r._id === id);
    const version = (name: string) => JSON.stringify({ ...row, name });
    const torn = (name: string) => version(name).slice(0, 120);
    fs.appendFileSync(file, `${torn('Jamais enregistrée 1')}${version('Après la coupure')}\n${torn('Jamais enregistrée 2')}\n${version('Dernière version')}\n`);
    fs.chmodSync(file, 0o644); // as older versions created them
    fs.chmodSync(path.join(dataDir, 'db'), 0o755);

    const second = await startTestServer({}, dataDir);
    try {
      expect((await second.gql('query($id: ID!) { supplier(id: $id) { name } }', { id })).data.supplier.name).toBe('Dernière version');
      // Repaired on disk: every line whole, the torn ones gone.
      const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      expect(lines.filter((line) => line.includes('Jamais enregistrée'))).toEqual([]);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(dataDir, 'db')).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dataDir, 'db', 'needs.db')).mode & 0o777).toBe(0o600);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('any other damage in the middle still stops the start, naming the file and the line', async () => {
    const dir = tempDataDir();
    try {
      fs.mkdirSync(path.join(dir, 'db'));
      fs.writeFileSync(path.join(dir, 'db', 'suppliers.db'), `{"_id":"a","name":"x"}\nnimporte quoi\n{"_id":"b","name":"y"}\n`);
      await expect(startTestServer({}, dir)).rejects.toThrow(/Fichier de données illisible : .*suppliers\.db.*ligne 2 illisible/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
