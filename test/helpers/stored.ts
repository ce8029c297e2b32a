// What the store holds, as text: where a test looks for what an erasure must have left nowhere.
import fs from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../../api/store/collections';
import type { TestServer } from './server';

/** Everything the store holds, as text: its datafiles on the embedded engine (so compaction is checked too), every document on MongoDB. */
export async function storedText(t: TestServer): Promise<string> {
  if (t.storeEnv.MONGODB_URI) {
    const { store } = t.server.services;
    return JSON.stringify(await Promise.all(COLLECTIONS.map((name) => store[name].find({}))));
  }
  const dir = path.join(t.dataDir, 'db');
  return fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
}
