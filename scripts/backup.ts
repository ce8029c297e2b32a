// npm run backup -- --out DIR
// A consistent copy of the embedded store, the server running or not (see
// api/store/embedded/backup.ts); restore by pointing DATA_DIR at the copy (docs/operations.md).
import { parseArgs } from 'node:util';
import { loadConfig } from '../api/config';
import { backupEmbeddedStore, removeStalePartials } from '../api/store/embedded/backup';

const USAGE = 'Usage : npm run backup -- --out DOSSIER';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { out: { type: 'string' } }, strict: true }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.out) {
    console.error(`--out est obligatoire.\n${USAGE}`);
    return 2;
  }
  const config = loadConfig(process.env);
  if (config.mongodbUri) {
    console.error(
      'Le service utilise MongoDB (MONGODB_URI) : cette commande ne sauvegarde que la base intégrée. ' +
        'Sauvegardez MongoDB avec ses propres outils : mongodump --uri "$MONGODB_URI" --out DOSSIER (restauration : mongorestore).',
    );
    return 1;
  }
  for (const draft of removeStalePartials(values.out)) console.log(`Copie partielle d'une sauvegarde interrompue supprimée : ${draft}`);
  const { dir, counts } = await backupEmbeddedStore(config.dataDir, values.out);
  console.log(`Sauvegarde écrite dans ${dir}`);
  for (const [name, count] of Object.entries(counts)) console.log(`  ${name.padEnd(14)} ${count}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
