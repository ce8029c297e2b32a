// The operators' data commands in production: import, export and the yearly report sign no token, so they run
// without JWT_SECRET (as backup and create-user do); the service's own start still refuses to run without it.
import fs from 'node:fs';
import path from 'node:path';
import { runScript, scratchDirs } from './helpers/cli';

jest.setTimeout(120_000);

const scratch = scratchDirs();

test('import, export and report run in production without JWT_SECRET', async () => {
  const dataDir = scratch();
  const env = { NODE_ENV: 'production', DATA_DIR: dataDir };
  const file = path.join(scratch(), 'structures.csv');
  fs.writeFileSync(file, 'name,communeCode\nJardins du Robec,76540\n');

  const imported = await runScript('import', ['--format', 'csv', file], env);
  expect({ code: imported.code, stderr: imported.stderr }).toEqual({ code: 0, stderr: expect.not.stringContaining('JWT_SECRET') });
  const exported = await runScript('export', [], env);
  expect({ code: exported.code, stderr: exported.stderr }).toEqual({ code: 0, stderr: '' });
  expect(exported.stdout).toContain('Jardins du Robec');
  const report = await runScript('report', ['--from', '2026-01-01', '--to', '2026-12-31'], env);
  expect({ code: report.code, stderr: report.stderr }).toEqual({ code: 0, stderr: '' });
  expect(report.stdout.length).toBeGreaterThan(0);
});
