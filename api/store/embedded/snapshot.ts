// The embedded store read without writing anything (an import's dry run): each datafile is read
// into memory as it stands, a missing folder or file is an empty collection, and nothing is ever
// written back (no folder, no lock, no compaction): writes stay in this process's memory.
import fs from 'node:fs';
import path from 'node:path';
import Datastore from '@seald-io/nedb';
import { COLLECTIONS, repositories, type CollectionName } from '../collections';
import { StoreLockedError, type Store, type StoredDocument } from '../types';
import { EmbeddedCollection } from './collection';
import { linesOf, revive } from './datafile';
import { lockHolder } from './lock';

/** The file's current documents: the last version of each, deletions applied, a torn last line skipped. */
async function documentsOf(file: string): Promise<Record<string, unknown>[]> {
  if (!fs.existsSync(file)) return [];
  const byId = new Map<string, Record<string, unknown>>();
  let torn: string | null = null;
  for await (const line of linesOf(file)) {
    if (line === '') continue;
    if (torn !== null) throw new Error(`Fichier de données illisible : ${file} (une ligne illisible avant la fin).`);
    let doc: Record<string, unknown>;
    try {
      doc = revive(JSON.parse(line)) as Record<string, unknown>;
    } catch {
      torn = line; // a crash's torn last line, which the next start drops
      continue;
    }
    if (typeof doc._id !== 'string') continue; // index lines
    if (doc.$$deleted === true) byId.delete(doc._id);
    else byId.set(doc._id, doc);
  }
  return [...byId.values()];
}

export async function openEmbeddedSnapshot(dataDir: string): Promise<Store> {
  // A server writing meanwhile would make the reading a moment's guess, as it would for a real run.
  const holder = lockHolder(dataDir);
  if (holder !== null) throw new StoreLockedError(dataDir, holder);
  const datastores = {} as Record<CollectionName, Datastore>;
  for (const name of COLLECTIONS) {
    const db = new Datastore({ inMemoryOnly: true });
    const docs = await documentsOf(path.join(dataDir, 'db', `${name}.db`));
    if (docs.length) await db.insertAsync(docs);
    datastores[name] = db;
  }
  const collection = <T extends StoredDocument>(name: CollectionName) => new EmbeddedCollection<T>(name, datastores[name], []);
  return {
    engine: 'embedded',
    ...repositories(collection),
    compact: async () => {},
    now: async () => new Date(),
    sharedCounters: null,
    close: async () => {},
  };
}
