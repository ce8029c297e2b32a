// The default engine: nedb datafiles under <dataDir>/db/, owned by one process at a time.
import fs from 'node:fs';
import path from 'node:path';
import type Datastore from '@seald-io/nedb';
import { COLLECTIONS, INDEXES, repositories, type CollectionName } from '../collections';
import type { Store, StoredDocument } from '../types';
import { EmbeddedCollection } from './collection';
import { openDatafile } from './datafile';
import { acquireLock } from './lock';

const embeddedIndexes = (name: CollectionName) => INDEXES[name].filter((index) => !index.mongoOnly);

export async function openEmbeddedStore(dataDir: string): Promise<Store> {
  fs.mkdirSync(path.join(dataDir, 'db'), { recursive: true, mode: 0o700 });
  fs.chmodSync(path.join(dataDir, 'db'), 0o700); // made 0755 by older versions
  const release = acquireLock(dataDir);
  const datastores = {} as Record<CollectionName, Datastore>;
  try {
    for (const name of COLLECTIONS) {
      datastores[name] = await openDatafile(path.join(dataDir, 'db', `${name}.db`), embeddedIndexes(name));
    }
  } catch (err) {
    release();
    throw err;
  }
  const collection = <T extends StoredDocument>(name: CollectionName) => new EmbeddedCollection<T>(name, datastores[name], embeddedIndexes(name));

  // Compaction waits for queued writes, then rewrites each file whole and fsyncs it.
  const compact = async () => {
    await Promise.all(Object.values(datastores).map((db) => db.compactDatafileAsync()));
  };
  let closing: Promise<void> | null = null;
  return {
    engine: 'embedded',
    ...repositories(collection),
    compact,
    now: async () => new Date(), // one process writes: its clock is the store's
    sharedCounters: null, // one process per DATA_DIR: its memory is every instance's
    close() {
      closing ??= (async () => {
        try {
          await compact();
        } finally {
          release();
        }
      })();
      return closing;
    },
  };
}
