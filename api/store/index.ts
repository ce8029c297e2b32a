// Chooses the engine: MongoDB when a URI is configured, the embedded datafiles otherwise.
import { openEmbeddedStore } from './embedded';
import { openEmbeddedSnapshot } from './embedded/snapshot';
import type { Store } from './types';

/** `readOnly`: a dry run's store, which writes nothing to disk (the embedded engine: not a file, not a folder). */
export async function openStore(config: { readonly mongodbUri: string | null; readonly dataDir: string }, options: { readOnly?: boolean } = {}): Promise<Store> {
  if (!config.mongodbUri) return options.readOnly ? openEmbeddedSnapshot(config.dataDir) : openEmbeddedStore(config.dataDir);
  // Loaded only when used: Mongoose and the driver take a third of a second to load, at every start.
  // By require, not import(): `npm run import` runs as CommonJS (scripts/bundled.js: a bundle, else
  // tsx's CommonJS hooks, which do not serve import() of a TypeScript file).
  const { openMongoStore } = require('./mongo') as typeof import('./mongo');
  return openMongoStore(config.mongodbUri);
}
