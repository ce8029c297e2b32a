// npm run -s export -- [--out FILE]
// The directory in our CSV template (the import's `csv` format): on stdout, or in FILE.
// Opens the store like the server does: with the embedded store, stop the server first.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../api/config';
import { exportTemplate } from '../api/directory/imports';
import { openStore } from '../api/store';
import { forTerminal } from './terminal';

const USAGE = 'Usage : npm run -s export -- [--out FICHIER.csv]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { out: { type: 'string' } }, strict: true }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  // An export signs no token: JWT_SECRET is not needed here, even in production.
  const store = await openStore(loadConfig(process.env, { tool: true }));
  let csv: string;
  try {
    csv = await exportTemplate(store);
  } finally {
    await store.close();
  }
  if (!values.out) {
    // Piped or redirected, the file byte for byte; on a terminal, nothing its cells could make it do.
    const shown = process.stdout.isTTY ? forTerminal(csv) : csv;
    await new Promise<void>((resolve) => process.stdout.write(shown, () => resolve())); // flushed before exit
    return 0;
  }
  const file = path.resolve(values.out);
  fs.writeFileSync(`${file}.tmp`, csv);
  fs.renameSync(`${file}.tmp`, file);
  console.error(`Répertoire exporté dans ${file}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
