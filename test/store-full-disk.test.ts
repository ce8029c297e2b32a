// The embedded store on a full disk, a real one: DATA_DIR is a 6 MB tmpfs filled to the brim. A
// write that fails for lack of space must change nothing (neither the store's memory nor its
// file), tell the client why in French, and leave a store that stops and starts again as it was;
// an import that runs out of space stops saying so, with whole profiles only, and finishes when rerun.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createUserBefore, exitOf, gqlAt, readyUrl, spawnService } from './helpers/process';
import { needInput, siret, supplierInput } from './helpers/fixtures';
import { runScript } from './helpers/cli';

const EMAIL = 'agent-disque@metropole.example';
const PASSWORD = 'Un-Mot-De-Passe-2026!';
const POST = 'mutation($i: NeedInput!) { postNeed(input: $i) { id } }';
const COUNT = '{ needs(first: 1) { totalCount } }';
// Longer than a memory page: the line cannot fit in what is left of the datafile's last page.
const DESCRIPTION = 'Entretien des espaces verts, tonte et taille des haies, sur les sites de la Métropole. '.repeat(50);

// Mounting takes CAP_SYS_ADMIN (root in a container may lack it): the one case this file is skipped.
const mayMount = fs.existsSync('/proc/self/status') && ((BigInt(`0x${/^CapEff:\s*(\w+)$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? '0'}`) >> 21n) & 1n) === 1n;

const login = async (url: string): Promise<string> =>
  (await gqlAt(url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: EMAIL, p: PASSWORD })).data.login.token;

/** Writes a file until the filesystem refuses any more, down to single bytes. */
function fill(file: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const size of [1 << 16, 4096, 1]) {
      const chunk = Buffer.alloc(size, 0x61);
      for (;;) {
        try {
          fs.writeSync(fd, chunk);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
          break;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Each line of a datafile is a whole record, and the file ends with a newline. */
function expectWholeLines(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.endsWith('\n') || text === '').toBe(true);
  const lines = text.split('\n').filter(Boolean);
  for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  return lines;
}

(mayMount ? describe : describe.skip)('embedded store on a full disk', () => {
  const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-plein-'));
  const dataDir = path.join(mountPoint, 'data');
  beforeAll(() => {
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mountPoint], { encoding: 'utf8' });
    expect(mounted.stderr).toBe('');
    expect(mounted.status).toBe(0);
  });
  const children: ReturnType<typeof spawnService>[] = [];
  afterAll(async () => {
    for (const child of children) {
      const ended = exitOf(child);
      child.kill('SIGKILL'); // no-op on a child that stopped already
      await ended;
    }
    spawnSync('umount', [mountPoint]);
    fs.rmSync(mountPoint, { recursive: true, force: true });
  });

  it('a write refused for lack of space changes nothing, says so, and the store stops and starts as it was', async () => {
    createUserBefore(dataDir, EMAIL, PASSWORD, 'OFFICER');

    const first = spawnService({ DATA_DIR: dataDir });
    children.push(first);
    const url = await readyUrl(first);
    const token = await login(url);
    expect((await gqlAt(url, COUNT, {}, token)).data.needs.totalCount).toBe(0);
    const needsFile = path.join(dataDir, 'db', 'needs.db');
    const before = fs.readFileSync(needsFile, 'utf8');

    const filler = path.join(mountPoint, 'remplissage');
    fill(filler);
    const input = needInput({ description: DESCRIPTION, companyName: 'Imprimerie du Robec', contactEmail: 'achats@robec.example' });
    for (let retry = 0; retry < 3; retry += 1) {
      const refused = await gqlAt(url, POST, { i: input }, token);
      expect(refused.errors?.[0]?.message).toBe("Espace disque insuffisant : l'enregistrement n'a pas été fait. Réessayez plus tard ; l'administrateur doit libérer de la place.");
      expect(refused.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect((await gqlAt(url, COUNT, {}, token)).data.needs.totalCount).toBe(0);
      // The file is cut back to its last whole line: the bytes that fitted are gone.
      expect(fs.readFileSync(needsFile, 'utf8')).toBe(before);
    }

    // The operator frees space and restarts the service: the stop writes none of the refused needs.
    fs.rmSync(filler);
    const stopped = exitOf(first);
    first.kill('SIGTERM');
    expect(await stopped).toEqual({ code: 0, signal: null });
    expect(expectWholeLines(needsFile).filter((line) => '_id' in JSON.parse(line))).toEqual([]);

    const second = spawnService({ DATA_DIR: dataDir });
    children.push(second);
    try {
      const again = await readyUrl(second);
      const relogged = await login(again);
      expect((await gqlAt(again, COUNT, {}, relogged)).data.needs.totalCount).toBe(0);
      const posted = await gqlAt(again, POST, { i: input }, relogged);
      expect(posted.errors).toBeUndefined();
      expect((await gqlAt(again, COUNT, {}, relogged)).data.needs.totalCount).toBe(1);
    } finally {
      const ended = exitOf(second);
      second.kill('SIGTERM');
      await ended;
    }
    expect(expectWholeLines(needsFile).filter((line) => '_id' in JSON.parse(line))).toHaveLength(1);
  }, 90_000);

  it('a stop while the disk is still full leaves the datafiles whole and no cut-short copy taking space', async () => {
    const otherDir = path.join(mountPoint, 'autre');
    createUserBefore(otherDir, EMAIL, PASSWORD, 'OFFICER');
    const service = spawnService({ DATA_DIR: otherDir });
    children.push(service);
    let output = '';
    service.stdout.on('data', (chunk) => (output += chunk));
    service.stderr.on('data', (chunk) => (output += chunk));
    const url0 = await readyUrl(service);
    // A structure created then changed: its datafile holds a superseded line, which the stop must rewrite
    // away (a file only added to since it was read is compact already, and its stop writes nothing).
    const officer = await login(url0);
    const created = await gqlAt(url0, 'mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }', { i: supplierInput() }, officer);
    const edited = await gqlAt(url0, 'mutation($id: ID!) { updateSupplier(id: $id, input: { name: "Nom modifié" }) { id } }', { id: created.data.createSupplier.id }, officer);
    expect(edited.errors).toBeUndefined();
    const db = path.join(otherDir, 'db');
    const before = new Map(fs.readdirSync(db).map((name) => [name, fs.readFileSync(path.join(db, name), 'utf8')]));

    const filler = path.join(mountPoint, 'remplissage');
    fill(filler);
    const stopped = exitOf(service);
    service.kill('SIGTERM');
    // The compaction at the stop cannot be written: the stop says so, and leaves the files as they were.
    expect(await stopped).toEqual({ code: 1, signal: null });
    expect(output).toContain("Échec de l'arrêt propre");
    expect(new Map(fs.readdirSync(db).map((name) => [name, fs.readFileSync(path.join(db, name), 'utf8')]))).toEqual(before);
    fs.rmSync(filler);

    const again = spawnService({ DATA_DIR: otherDir });
    children.push(again);
    const url = await readyUrl(again);
    const token = await login(url);
    expect((await gqlAt(url, COUNT, {}, token)).data.needs.totalCount).toBe(0);
    const ended = exitOf(again);
    again.kill('SIGTERM');
    expect(await ended).toEqual({ code: 0, signal: null });
  }, 90_000);

  it('an import that runs out of space stops saying so, leaves whole profiles, and the same command finishes it', async () => {
    const importDir = path.join(mountPoint, 'import');
    // Outside the full disk: the file the operator imports.
    const source = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-import-plein-')), 'structures.csv');
    const LINES = 3000;
    const rows = Array.from({ length: LINES }, (_, i) => `Atelier solidaire ${i},${siret(7_600_000_000 + i)},ASSOCIATION,ACI,Entretien des espaces verts et nettoyage de locaux.,Tonte|Nettoyage de bureaux,81.30Z,76540,30,12,50000,Qualiopi,contact${i}@atelier.example,https://atelier${i}.example`);
    fs.writeFileSync(source, `name,siret,legalForm,inclusionKind,description,services,nafCodes,communeCode,interventionRadiusKm,employees,maxContractValue,labels,contactEmail,website\n${rows.join('\n')}\n`);
    const filler = path.join(mountPoint, 'remplissage-import');
    const { bavail, bsize } = fs.statfsSync(mountPoint);
    // What is left holds about half the file's profiles (some 1.5 kB each as stored), whatever the earlier tests left.
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - (LINES / 2) * 1500), 0x61));
    try {
      const stopped = await runScript('import', ['--format', 'csv', source], { DATA_DIR: importDir });
      expect(stopped.code).toBe(1);
      expect(stopped.stderr).toContain('Espace disque insuffisant');
      const suppliersFile = path.join(importDir, 'db', 'suppliers.db');
      const written = expectWholeLines(suppliersFile).filter((line) => '_id' in JSON.parse(line)).length;
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThan(LINES);
      expect(written % 500).toBe(0); // whole batches (ImportRun writes 500 profiles at a time, each batch whole or not at all)

      fs.rmSync(filler);
      const finished = await runScript('import', ['--format', 'csv', source], { DATA_DIR: importDir });
      expect(finished.stderr).toBe('');
      expect(finished.code).toBe(0);
      expect(finished.stdout).toMatch(new RegExp(`créé +${LINES - written}\\n`));
      expect(finished.stdout).toMatch(new RegExp(`laissé tel ${written} `));
      const profiles = expectWholeLines(suppliersFile).map((line) => JSON.parse(line)).filter((row) => '_id' in row);
      expect(new Set(profiles.map((row) => row.siret)).size).toBe(LINES);
    } finally {
      fs.rmSync(filler, { force: true });
      fs.rmSync(path.dirname(source), { recursive: true, force: true });
    }
  }, 120_000);
});
