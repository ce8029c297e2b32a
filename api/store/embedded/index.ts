// The default engine: nedb datafiles under <dataDir>/db/, owned by one process at a time.
import fs from 'node:fs';
import path from 'node:path';
import type Datastore from '@seald-io/nedb';
import { COLLECTIONS, INDEXES, repositories, type CollectionName } from '../collections';
import { KEPT_ROW_SHARING } from '../normalise';
import type { Store, StoredDocument } from '../types';
import { FILE_MODES } from './append';
import { EmbeddedCollection } from './collection';
import { openDatafile, rewriteWhole } from './datafile';
import { acquireLock } from './lock';

const embeddedIndexes = (name: CollectionName) => INDEXES[name].filter((index) => !index.mongoOnly);

export async function openEmbeddedStore(dataDir: string): Promise<Store> {
  fs.mkdirSync(path.join(dataDir, 'db'), { recursive: true, mode: FILE_MODES.dirMode });
  fs.chmodSync(path.join(dataDir, 'db'), FILE_MODES.dirMode); // made 0755 by older versions
  const release = acquireLock(dataDir);
  const datastores = {} as Record<CollectionName, Datastore>;
  const datafile = (name: string) => path.join(dataDir, 'db', `${name}.db`);
  try {
    for (const name of COLLECTIONS) {
      datastores[name] = await openDatafile(datafile(name), embeddedIndexes(name), KEPT_ROW_SHARING[name]);
    }
  } catch (err) {
    release();
    throw err;
  }
  const collection = <T extends StoredDocument>(name: CollectionName) => new EmbeddedCollection<T>(name, datastores[name], embeddedIndexes(name));

  // Compaction waits for queued writes, then rewrites each file whole and fsyncs it.
  const compact = async () => {
    // Every file's rewrite ends, done or its draft removed, before the first failure is told.
    const results = await Promise.allSettled(Object.entries(datastores).map(([name, db]) => rewriteWhole(datafile(name), () => db.compactDatafileAsync())));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
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
