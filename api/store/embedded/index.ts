// The default engine: nedb datafiles under <dataDir>/db/, owned by one process at a time.
import fs from 'node:fs';
import path from 'node:path';
import type Datastore from '@seald-io/nedb';
import { COLLECTIONS, INDEXES, type CollectionName } from '../collections';
import type {
  NeedRecord,
  OrganisationRecord,
  OutboxRecord,
  OutcomeRecord,
  ShortlistRecord,
  Store,
  StoredDocument,
  SupplierRecord,
  UserRecord,
} from '../types';
import { EmbeddedCollection } from './collection';
import { openDatafile } from './datafile';
import { acquireLock } from './lock';

export async function openEmbeddedStore(dataDir: string): Promise<Store> {
  fs.mkdirSync(path.join(dataDir, 'db'), { recursive: true });
  const release = acquireLock(dataDir);
  const datastores = {} as Record<CollectionName, Datastore>;
  try {
    for (const name of COLLECTIONS) {
      datastores[name] = await openDatafile(path.join(dataDir, 'db', `${name}.db`), INDEXES[name]);
    }
  } catch (err) {
    release();
    throw err;
  }
  const collection = <T extends StoredDocument>(name: CollectionName) => new EmbeddedCollection<T>(name, datastores[name], INDEXES[name]);

  let closing: Promise<void> | null = null;
  return {
    engine: 'embedded',
    users: collection<UserRecord>('users'),
    organisations: collection<OrganisationRecord>('organisations'),
    suppliers: collection<SupplierRecord>('suppliers'),
    needs: collection<NeedRecord>('needs'),
    shortlists: collection<ShortlistRecord>('shortlists'),
    outbox: collection<OutboxRecord>('outbox'),
    outcomes: collection<OutcomeRecord>('outcomes'),
    async compact() {
      await Promise.all(Object.values(datastores).map((db) => db.compactDatafileAsync()));
    },
    close() {
      // Compaction waits for queued writes, then rewrites each file whole and fsyncs it.
      closing ??= (async () => {
        try {
          await Promise.all(Object.values(datastores).map((db) => db.compactDatafileAsync()));
        } finally {
          release();
        }
      })();
      return closing;
    },
  };
}
