// What the store holds, as text: where a test looks for what an erasure must have left nowhere.
import fs from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../../api/store/collections';
import type { TestServer } from './server';
import { waitFor } from './wait';

/** Everything the store holds, as text: its datafiles on the embedded engine (so compaction is checked too), every document on MongoDB. */
export async function storedText(t: TestServer): Promise<string> {
  if (t.storeEnv.MONGODB_URI) {
    const { store } = t.server.services;
    return JSON.stringify(await Promise.all(COLLECTIONS.map((name) => store[name].find({}))));
  }
  const dir = path.join(t.dataDir, 'db');
  return fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
}

/**
 * Waits until the store holds none of `texts`: a change made in the background (the outbox's
 * delivery hook, its worker) compacts the files a moment after its rows read as changed. Fails
 * after waitFor's bound, naming what is still there.
 */
export async function expectStoredNowhere(t: TestServer, ...texts: string[]): Promise<void> {
  let left: string[] = texts;
  await waitFor(`the store to hold none of ${texts.join(', ')}`, async () => {
    const stored = await storedText(t);
    left = texts.filter((text) => stored.includes(text));
    return left.length === 0;
  }).catch((err: unknown) => {
    throw new Error(`${String(err)}; still stored: ${left.join(', ')}`);
  });
}
