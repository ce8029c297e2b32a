// Chooses the engine: MongoDB when a URI is configured, the embedded datafiles otherwise.
import { openEmbeddedStore } from './embedded';
import type { Store } from './types';

export async function openStore(config: { readonly mongodbUri: string | null; readonly dataDir: string }): Promise<Store> {
  if (!config.mongodbUri) return openEmbeddedStore(config.dataDir);
  // Loaded only when used: Mongoose and the driver take a third of a second to load, at every start.
  const { openMongoStore } = await import('./mongo');
  return openMongoStore(config.mongodbUri);
}
