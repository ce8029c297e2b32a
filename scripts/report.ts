// npm run -s report -- --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE] [--excel-fr]
// The yearly review's figures as CSV (the same as the impactStats query and GET /report.csv): on
// stdout, or in FILE, the same bytes either way (UTF-8 with a BOM); --excel-fr for a French spreadsheet.
// Dates are calendar days in Paris, both included; they are read by parsePeriod, as the API reads
// them. Opens the store like the server does: with the embedded store, stop the server first.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { loadConfig } from '../api/config';
import { computeImpact, impactReportFile, parsePeriod } from '../api/impact';
import { openStore } from '../api/store';

const USAGE = 'Usage : npm run -s report -- --from AAAA-MM-JJ --to AAAA-MM-JJ [--out FICHIER.csv] [--excel-fr]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, 'excel-fr': { type: 'boolean' } }, strict: true }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.from || !values.to) {
    console.error(`--from et --to sont obligatoires.\n${USAGE}`);
    return 2;
  }
  const period = parsePeriod(values.from, values.to);
  // A report signs no token: JWT_SECRET is not needed here, even in production.
  const store = await openStore(loadConfig(process.env, { tool: true }));
  let csv: Buffer;
  try {
    csv = impactReportFile(await computeImpact(store, period.from, period.to), { excelFr: values['excel-fr'] === true });
  } finally {
    await store.close();
  }
  if (!values.out) {
    await new Promise<void>((resolve) => process.stdout.write(csv, () => resolve())); // flushed before exit
    return 0;
  }
  // Written aside, then renamed into place.
  const file = path.resolve(values.out);
  fs.writeFileSync(`${file}.tmp`, csv);
  fs.renameSync(`${file}.tmp`, file);
  console.error(`Rapport écrit dans ${file}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof GraphQLError || err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
