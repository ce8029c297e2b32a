// Opening one nedb datafile, after repairing what a crash can leave behind, and loading it faster
// than nedb does: nedb parses each line through a per-key reviver, then rewrites the whole file,
// which at 200,000 structures (400 MB) was more than half of the server's start. Here the lines are
// parsed plainly, and the file is rewritten only when it holds lines that a rewrite would drop
// (superseded versions of a document, deletions): a file closed cleanly is compact already.
//
// This replaces one internal step of nedb (Persistence#loadDatabaseAsync) with the same steps in
// the same order, on nedb's own internals (storage, Index, _resetIndexes, the executor): the
// package is pinned to the exact version read (4.1.2), and test/store.test.ts covers every case.
import fs from 'node:fs';
import path from 'node:path';
import Datastore from '@seald-io/nedb';
import Index from '@seald-io/nedb/lib/indexes.js';
import { ensureDatafileIntegrityAsync } from '@seald-io/nedb/lib/storage.js';
import type { IndexSpec } from '../collections';
import { indexFailure } from '../indexes';
import { useDirectIndexKeys } from './index-keys';
import { useFastSerializer } from './serialize';
import { FILE_MODES, guardWrites, type WriteGuard } from './append';

interface IndexOptions {
  fieldName: string;
  unique?: boolean;
  sparse?: boolean;
}

type Row = Record<string, unknown>;

interface DatastoreInternals {
  indexes: Record<string, unknown>;
  _resetIndexes(data?: Row[]): void;
  _addToIndexes(doc: Row): void;
  _updateIndexes(modifications: { oldDoc: Row; newDoc: Row }[]): void;
  executor: { processBuffer(): void };
  persistence: { loadDatabaseAsync(): Promise<void>; persistCachedDatabaseAsync(): Promise<void> };
}

/** What nedb's deserialize does with its reviver, done after a plain parse: { $$date: ms } becomes a Date. */
export function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = revive(value[i]);
    return value;
  }
  const object = value as Row;
  if ('$$date' in object) return new Date(object.$$date as number);
  for (const key in object) object[key] = revive(object[key]);
  return value;
}

const CHUNK = 16 * 1024 * 1024;

/**
 * The file's lines in order, each decoded on its own: read in chunks of bytes (a large file is
 * longer than a string may be, and decoding whole chunks then splitting them cost twice as much).
 * The chunk is no larger than the file, and only its bytes read are searched: a whole chunk zeroed
 * and searched for each of the thirteen datafiles, most of them empty, was a tenth of an import's
 * time and as much of every start.
 */
export async function* linesOf(file: string): AsyncGenerator<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    let buffer = Buffer.allocUnsafe(Math.min(CHUNK, (await handle.stat()).size + 1));
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]); // a line longer than a chunk
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      filled += bytesRead;
      const read = buffer.subarray(0, filled);
      let start = 0;
      for (let end = read.indexOf(0x0a, start); end !== -1; end = read.indexOf(0x0a, start)) {
        yield buffer.toString('utf8', start, end);
        start = end + 1;
      }
      if (bytesRead === 0) {
        if (start < filled) yield buffer.toString('utf8', start, filled);
        return;
      }
      buffer.copy(buffer, 0, start, filled);
      filled -= start;
    }
  } finally {
    await handle.close();
  }
}

/**
 * nedb's Persistence#loadDatabaseAsync, with a plain parse and no rewrite of a compact file. Indexes
 * the file records but `wanted` no longer names are not built, and the rewrite then drops them.
 */
async function load(db: DatastoreInternals, file: string, wanted: ReadonlySet<string>, guard: WriteGuard, share: (row: Row) => void): Promise<void> {
  db._resetIndexes();
  await ensureDatafileIntegrityAsync(file, FILE_MODES.fileMode); // a rewrite interrupted before its rename: take the copy
  const byId = new Map<string, Row>();
  const indexes = new Map<string, IndexOptions>();
  let lines = 0;
  let repaired = false;
  for await (const line of linesOf(file)) {
    if (line === '') continue;
    lines += 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = afterTornLine(line);
      if (parsed === undefined) throw new Error(`ligne ${lines} illisible`);
      repaired = true;
      if (parsed === null) continue;
    }
    const doc = revive(parsed) as Row;
    if (typeof doc._id === 'string' && doc._id) {
      if (doc.$$deleted === true) byId.delete(doc._id);
      else {
        share(doc);
        byId.set(doc._id, doc);
      }
    } else if (doc.$$indexCreated && (doc.$$indexCreated as IndexOptions).fieldName != null) {
      const options = doc.$$indexCreated as IndexOptions;
      indexes.set(options.fieldName, options);
    } else if (typeof doc.$$indexRemoved === 'string') indexes.delete(doc.$$indexRemoved);
    else throw new Error(`ligne ${lines} : ni document ni index`);
  }
  for (const [field, options] of indexes) if (wanted.has(field)) db.indexes[field] = new Index(options);
  try {
    db._resetIndexes([...byId.values()]);
  } catch (err) {
    db._resetIndexes(); // as nedb: no index left half filled
    throw err;
  }
  // One line per document and per index is exactly what a rewrite would write.
  if (repaired || lines !== byId.size + Object.keys(db.indexes).length - 1) await rewriteWhole(file, () => db.persistence.persistCachedDatabaseAsync()); // _id's is not written
  else guard.compact();
  db.executor.processBuffer();
}

/**
 * A rewrite (nedb writes `file~`, then renames it into place) that fails leaves the datafile whole:
 * the draft it cut short is removed, or it would keep taking the space that made it fail.
 */
export async function rewriteWhole(file: string, rewrite: () => Promise<void>): Promise<void> {
  try {
    await rewrite();
  } catch (err) {
    fs.rmSync(`${file}~`, { force: true });
    throw err;
  }
}

/** Whether `text` is the beginning of a JSON object cut off before its end (strings and nesting followed). */
function isCutObject(text: string): boolean {
  if (text[0] !== '{') return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth === 0) return false; // the object closed: this is not a cut
    }
  }
  return true;
}

/**
 * A line that does not parse, in the middle of the file: what an append that failed part-way
 * leaves (an older version kept going after a full disk). The torn record was never acknowledged,
 * and the next append was glued onto it: the whole record at the line's end is read, the torn
 * start dropped (null when the line is only a torn start). Anything else is not a torn append:
 * undefined, and the start stops.
 */
function afterTornLine(line: string): unknown {
  for (let at = line.indexOf('{', 1); at !== -1; at = line.indexOf('{', at + 1)) {
    if (!isCutObject(line.slice(0, at))) continue;
    try {
      return JSON.parse(line.slice(at));
    } catch {
      // not where the later record starts: look further
    }
  }
  return isCutObject(line) ? null : undefined;
}

/**
 * nedb appends one newline-terminated line per write, so a process killed mid-write leaves at
 * most one unterminated last line. Dropping it here (when it does not parse) lets the file load
 * with no corruption tolerance at all: any other damage is not a crash's and must stop the start,
 * not silently lose documents (nedb's default would accept up to 10% of bad lines).
 */
function dropTornTail(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // new collection: nedb creates it
    throw err;
  }
  let tail: Buffer;
  try {
    // Only the end is read (the whole file is hundreds of MB at a national scale): back to the last
    // newline, which a torn line follows.
    const size = fs.fstatSync(fd).size;
    let length = Math.min(size, 64 * 1024);
    for (;;) {
      tail = Buffer.alloc(length);
      fs.readSync(fd, tail, 0, length, size - length);
      if (length === size || tail.lastIndexOf(0x0a, length - 2) !== -1) break;
      length = Math.min(size, length * 4);
    }
    if (size === 0 || tail[tail.length - 1] === 0x0a) return;
    const start = tail.lastIndexOf(0x0a) + 1;
    try {
      JSON.parse(tail.subarray(start).toString('utf8'));
      // complete, only its newline is missing: it is read as it is
    } catch {
      fs.truncateSync(file, size - tail.length + start);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes nedb apply `share` to each row it keeps, as it takes it in (an insert, an update's new version). */
function shareKeptRows(db: DatastoreInternals, share: (row: Row) => void): void {
  const { _addToIndexes, _updateIndexes } = db;
  db._addToIndexes = function (doc) {
    share(doc);
    _addToIndexes.call(this, doc);
  };
  db._updateIndexes = function (modifications) {
    for (const { newDoc } of modifications) share(newDoc);
    _updateIndexes.call(this, modifications);
  };
}

/** The datafile's datastore, loaded, with its indexes; `share` is applied to every row it keeps (see normalise.ts KEPT_ROW_SHARING). */
export async function openDatafile(file: string, indexes: readonly IndexSpec[], share: (row: Row) => void = () => {}): Promise<Datastore> {
  useFastSerializer();
  useDirectIndexKeys();
  dropTornTail(file);
  if (fs.existsSync(file)) fs.chmodSync(file, FILE_MODES.fileMode); // made 0644 by older versions
  const db = new Datastore({ filename: file, corruptAlertThreshold: 0, modes: FILE_MODES });
  const guard = guardWrites(db, file);
  const internals = db as unknown as DatastoreInternals;
  shareKeptRows(internals, share);
  internals.persistence.loadDatabaseAsync = () => load(internals, file, new Set(indexes.map((index) => index.field)), guard, share);
  try {
    await db.loadDatabaseAsync();
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
