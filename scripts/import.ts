// npm run import -- --format csv|sirene|inclusion|decp [--dry-run] [--report FILE] [--communes C,C…|--epci CODE] [--networks n,…] [--buyers SIRET,…] FILE...
// Fills the directory from our CSV template, INSEE's SIRENE stock files or data·inclusion's
// structures file (rules in api/directory/imports/run.ts), or the territory's public contracts from
// the DECP (api/public-contracts). Opens the store like the server does:
// with the embedded store, stop the server first. Exits 1 on a file it cannot read, never on a
// refused line (those are listed, and written to the --report file).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql/error/GraphQLError';
import { loadConfig } from '../api/config';
import { feed, FORMATS, refusalsCsv, fileSize, UnreadableFileError, type ReadPosition, ImportRun, type ImportCounts, type Refusal, territory } from '../api/directory/imports';
import { openStore } from '../api/store';
import { ContractImportRun, feedContracts, parseBuyers, type ContractImportCounts } from '../api/public-contracts';
import type { ImportSource } from '../api/store/types';
import { progress } from './progress';
import { forTerminal } from './terminal';

const USAGE =
  'Usage : npm run import -- --format csv|sirene|inclusion|decp [--dry-run] [--report RAPPORT.csv] [--communes 76540,76681…|--epci 200023414] [--networks reseau,…] [--buyers SIRET,…] FICHIER...';

function summary(counts: ImportCounts | ContractImportCounts, ignoredReasons: ReadonlyMap<string, number>, dryRun: boolean): string {
  const lines = [
    dryRun ? 'Simulation (--dry-run) : rien n’a été écrit. L’import aurait :' : 'Import terminé :',
    `  créé       ${counts.created}`,
    `  mis à jour ${counts.updated}`,
    `  laissé tel ${counts.unchanged} (inchangé)`,
    `  refusé     ${counts.refused}`,
  ];
  if (counts.ignored) {
    lines.push(`  ignoré     ${counts.ignored} (hors du champ, ou réunies à une autre ligne), dont :`);
    for (const [reason, n] of ignoredReasons) lines.push(`    ${String(n).padStart(6)}  ${reason}`);
  }
  if ('duplicates' in counts && counts.duplicates) lines.push(`  en double  ${counts.duplicates} (marché déjà lu : compté une fois)`);
  return lines.join('\n');
}

const refusalLine = (r: Refusal) => forTerminal(`  ${r.file}, ligne ${r.line}${r.siret ? `, SIRET ${r.siret}` : ''}${r.name ? ` (${r.name})` : ''} : ${r.reason}`);

function writeReport(file: string, refusals: readonly Refusal[]): void {
  const target = path.resolve(file);
  fs.writeFileSync(`${target}.tmp`, refusalsCsv(refusals));
  fs.renameSync(`${target}.tmp`, target);
}

/** Why --report names no file this run could write, checked before the import writes anything. */
function reportProblem(file: string): string | null {
  const target = path.resolve(file);
  const folder = path.dirname(target);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) return `--report : ${target} est un dossier ; donnez le nom du fichier du rapport.`;
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) return `--report : le dossier ${folder} n’existe pas.`;
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    return `--report : écriture refusée dans le dossier ${folder}.`;
  }
  return null;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        format: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        report: { type: 'string' },
        communes: { type: 'string' },
        epci: { type: 'string' },
        networks: { type: 'string' },
        buyers: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals: files } = parsed;
  const format = values.format as ImportSource | 'decp' | undefined;
  const read = format && format !== 'decp' && FORMATS[format];
  if (!format || (format !== 'decp' && !read)) {
    console.error(`--format doit valoir csv, sirene, inclusion ou decp.\n${USAGE}`);
    return 2;
  }
  if (files.length === 0) {
    console.error(`Donnez au moins un fichier à importer.\n${USAGE}`);
    return 2;
  }
  // Our template keeps every line whatever its commune: the default territory (4 MB of reference data
  // to read) is only worked out for the formats that filter by it.
  const communes = format === 'csv' && values.communes === undefined && values.epci === undefined ? new Set<string>() : territory(values.communes, values.epci);
  if (typeof communes === 'string') {
    console.error(communes);
    return 2;
  }
  const networks = new Set((values.networks ?? '').split(',').map((n) => n.trim().toLowerCase()).filter(Boolean));
  const buyers = parseBuyers(values.buyers);
  if (typeof buyers === 'string' || (values.buyers !== undefined && format !== 'decp')) {
    console.error(typeof buyers === 'string' ? buyers : '--buyers ne vaut que pour --format decp.');
    return 2;
  }
  const badReport = values.report === undefined ? null : reportProblem(values.report);
  if (badReport) {
    console.error(badReport);
    return 2;
  }
  const dryRun = values['dry-run'];
  const total = files.reduce((sum, f) => sum + fileSize(f), 0); // an unknown file stops the run before anything is written

  // An import signs no token: JWT_SECRET is not needed here, even in production.
  const store = await openStore(loadConfig(process.env, { tool: true }), { readOnly: dryRun });
  let interrupted = false;
  const stop = () => (interrupted = true);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let run: ImportRun | ContractImportRun;
  try {
    const position: ReadPosition = { bytes: 0 };
    const bar = progress(total);
    try {
      const control = { stopped: () => interrupted, progress: (at: ReadPosition, lines: number) => bar.update(at.bytes, lines) };
      if (read) await feed((run = await ImportRun.open(store, format as ImportSource, { dryRun })), read, files, { communes, networks }, position, control);
      else await feedContracts((run = await ContractImportRun.open(store, { dryRun })), files, { communes, buyers }, position, control);
    } finally {
      bar.stop();
    }
  } finally {
    await store.close();
  }
  if (run.refusals.length) console.log(`Lignes refusées :\n${run.refusals.map(refusalLine).join('\n')}`);
  console.log(summary(run.counts, run.ignoredReasons, dryRun));
  if (values.report) {
    try {
      writeReport(values.report, run.refusals);
      console.log(`Refus écrits dans ${path.resolve(values.report)}`);
    } catch (err) {
      console.error(`Le rapport des refus n’a pas pu être écrit dans ${path.resolve(values.report)} (${(err as NodeJS.ErrnoException).code === 'ENOSPC' ? 'disque plein' : ((err as NodeJS.ErrnoException).code ?? 'erreur d’écriture')}) ; ${dryRun ? 'la simulation' : 'l’import'} est fait, les refus sont listés ci-dessus.`);
      return 1;
    }
  }
  if (interrupted) {
    console.error(`Import interrompu : les ${read ? 'profils' : 'marchés'} déjà écrits sont complets ; relancez la même commande pour le terminer.`);
    return 130;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(forTerminal(err instanceof UnreadableFileError || err instanceof GraphQLError || err instanceof Error ? err.message : String(err)));
    process.exit(1);
  },
);
