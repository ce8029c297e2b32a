// Opening one nedb datafile, after repairing what a crash can leave behind.
import fs from 'node:fs';
import path from 'node:path';
import Datastore from '@seald-io/nedb';
import type { IndexSpec } from '../collections';
import { indexFailure } from '../indexes';

/**
 * nedb appends one newline-terminated line per write, so a process killed mid-write leaves at
 * most one unterminated last line. Dropping it here (when it does not parse) lets nedb load with
 * no corruption tolerance at all: any other damage is not a crash's and must stop the start,
 * not silently lose documents (nedb's default would accept up to 10% of bad lines).
 */
function dropTornTail(file: string): void {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // new collection: nedb creates it
    throw err;
  }
  if (data.length === 0 || data[data.length - 1] === 0x0a) return;
  const start = data.lastIndexOf(0x0a) + 1;
  try {
    JSON.parse(data.subarray(start).toString('utf8'));
    // complete, only its newline is missing: nedb reads it as it is
  } catch {
    fs.truncateSync(file, start);
  }
}

export async function openDatafile(file: string, indexes: readonly IndexSpec[]): Promise<Datastore> {
  dropTornTail(file);
  const db = new Datastore({ filename: file, corruptAlertThreshold: 0 });
  try {
    await db.loadDatabaseAsync(); // also rewrites the file compactly
  } catch (err) {
    throw new Error(`Fichier de données illisible : ${file}. Restaurez-le depuis une sauvegarde. (${(err as Error).message})`, {
      cause: err,
    });
  }
  for (const { field, unique = false, nullable = false } of indexes) {
    // nedb's sparse skips missing fields only, hence null values of nullable fields are not stored
    await db.ensureIndexAsync({ fieldName: field, unique, sparse: nullable }).catch((err: unknown) => {
      throw indexFailure(path.basename(file, '.db'), { [field]: 1 }, err);
    });
  }
  return db;
}
