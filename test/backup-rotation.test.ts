// Scheduled backups as a timer runs them: `npm run backup -- --out DIR --keep N` in production
// (without JWT_SECRET, which a copy does not need), while the server runs.
import fs from 'node:fs';
import path from 'node:path';
import { runScript, scratchDirs } from './helpers/cli';
import { startTestServer } from './helpers/server';

jest.setTimeout(120_000);

const scratch = scratchDirs();
const DATED = /^passerelle-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;

test('each run adds a copy named by date and time; the N newest are kept, nothing else in the folder is touched', async () => {
  const server = await startTestServer({}, scratch());
  const folder = path.join(scratch(), 'sauvegardes');
  fs.mkdirSync(folder);
  fs.mkdirSync(path.join(folder, 'copie-manuelle')); // a copy named by hand stays
  const env = { NODE_ENV: 'production', DATA_DIR: server.dataDir };
  const names: string[][] = [];
  try {
    for (let run = 0; run < 3; run += 1) {
      const result = await runScript('backup', ['--out', folder, '--keep', '2'], env);
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
      names.push(fs.readdirSync(folder).filter((n) => DATED.test(n)).sort());
    }
  } finally {
    await server.destroy();
  }
  expect(names.map((n) => n.length)).toEqual([1, 2, 2]);
  const [first] = names[0]!;
  const kept = names[2]!;
  expect(kept).not.toContain(first); // the oldest went
  expect(kept).toContain(names[1]![1]); // the second run's copy is still there
  expect(fs.readdirSync(folder).sort()).toEqual(['copie-manuelle', ...kept]);
  for (const name of kept) expect(fs.existsSync(path.join(folder, name, 'db'))).toBe(true);
});

test('--keep must be a whole number of at least 1', async () => {
  const result = await runScript('backup', ['--out', scratch(), '--keep', '0'], { DATA_DIR: scratch() });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('--keep : le nombre de sauvegardes à garder, un entier d’au moins 1 (reçu « 0 »)');
});
