// npm run backup -- --out DIR [--keep N]
// A consistent copy of the embedded store, the server running or not (see
// api/store/embedded/backup.ts); restore by copying it back into DATA_DIR (docs/operations.md).
// With --keep, DIR is a folder of copies named by date and time, the N newest kept (for a timer).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../api/config';
import { backupEmbeddedStore, removeStalePartials } from '../api/store/embedded/backup';
import { datedBackupName, pruneDatedBackups } from '../api/store/embedded/backup-rotation';

const USAGE = 'Usage : npm run backup -- --out DOSSIER [--keep N]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { out: { type: 'string' }, keep: { type: 'string' } }, strict: true }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.out) {
    console.error(`--out est obligatoire.\n${USAGE}`);
    return 2;
  }
  const keep = values.keep === undefined ? null : Number(values.keep);
  if (keep !== null && !(Number.isInteger(keep) && keep >= 1)) {
    console.error(`--keep : le nombre de sauvegardes à garder, un entier d’au moins 1 (reçu « ${values.keep} »).\n${USAGE}`);
    return 2;
  }
  // A copy signs no token: JWT_SECRET is not needed here, even in production.
  const config = loadConfig(process.env, { tool: true });
  if (config.mongodbUri) {
    console.error(
      'Le service utilise MongoDB (MONGODB_URI) : cette commande ne sauvegarde que la base intégrée. ' +
        'Sauvegardez MongoDB avec ses propres outils : mongodump --uri "$MONGODB_URI" --out DOSSIER (restauration : mongorestore).',
    );
    return 1;
  }
  const out = keep === null ? values.out : path.join(values.out, datedBackupName(new Date()));
  for (const draft of removeStalePartials(out)) console.log(`Copie partielle d'une sauvegarde interrompue supprimée : ${draft}`);
  const { dir, counts } = await backupEmbeddedStore(config.dataDir, out);
  console.log(`Sauvegarde écrite dans ${dir}`);
  for (const [name, count] of Object.entries(counts)) console.log(`  ${name.padEnd(14)} ${count}`);
  // Only once the new copy is whole: a failed run never leaves fewer copies than before.
  if (keep !== null) for (const old of pruneDatedBackups(values.out, keep)) console.log(`Ancienne sauvegarde supprimée (--keep ${keep}) : ${old}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
