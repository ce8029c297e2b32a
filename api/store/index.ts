// Chooses the engine: MongoDB when a URI is configured, the embedded datafiles otherwise.
import { openEmbeddedStore } from './embedded';
import { openMongoStore } from './mongo';
import type { Store } from './types';

export function openStore(config: { readonly mongodbUri: string | null; readonly dataDir: string }): Promise<Store> {
  return config.mongodbUri ? openMongoStore(config.mongodbUri) : openEmbeddedStore(config.dataDir);
}
