// A write that fails changes nothing. nedb changes its memory first, then appends the new lines to
// the datafile, and leaves both as they are when the append fails (a full disk: ENOSPC): the
// document stays visible, a retry adds it again, and the next compaction writes it to disk; the
// bytes already appended stay as a torn line that the next append glues onto. Here every change
// nedb makes to its memory during an operation is noted, and undone when the append fails, after
// the file is cut back to its last whole line.
//
// A compaction rewrites the file only when it holds lines a rewrite would drop: a file that was
// compact when loaded and has only had documents added (an import into an empty directory) is
// written as it stands, so the compaction at the stop just flushes it to disk, as a rewrite would.
import fs from 'node:fs';
import path from 'node:path';
import type Datastore from '@seald-io/nedb';
import { flushToStorageAsync } from '@seald-io/nedb/lib/storage.js';
import { StoreWriteError } from '../types';
import { LineBuffer } from './serialize';

type Row = Record<string, unknown>;
type Modification = { oldDoc: Row; newDoc: Row };

interface Internals {
  indexes: Record<string, unknown>;
  getAllData(): Row[];
  emit(event: 'compaction.done'): void;
  _addToIndexes(doc: Row): void;
  _removeFromIndexes(doc: Row): void;
  _updateIndexes(modifications: Modification[]): void;
  persistence: { persistNewStateAsync(docs: Row[]): Promise<void>; persistCachedDatabaseAsync(): Promise<void> };
}

export interface WriteGuard {
  /** Says the file holds one line per document and per index, as a rewrite writes it (the load checked). */
  compact(): void;
}

/** Datafiles and their drafts are private to the service's user. */
export const FILE_MODES = { fileMode: 0o600, dirMode: 0o700 } as const;

export function guardWrites(db: Datastore, file: string): WriteGuard {
  const internals = db as unknown as Internals;
  const { _addToIndexes, _removeFromIndexes, _updateIndexes } = internals;
  // nedb runs one operation at a time per datastore: the undo steps since the last append are this operation's.
  let undo: Array<() => void> = [];
  internals._addToIndexes = function (doc) {
    _addToIndexes.call(this, doc);
    undo.push(() => _removeFromIndexes.call(this, doc));
  };
  internals._removeFromIndexes = function (doc) {
    _removeFromIndexes.call(this, doc);
    undo.push(() => _addToIndexes.call(this, doc));
  };
  internals._updateIndexes = function (modifications) {
    _updateIndexes.call(this, modifications);
    undo.push(() => _updateIndexes.call(this, modifications.map(({ oldDoc, newDoc }) => ({ oldDoc: newDoc, newDoc: oldDoc }))));
  };
  // Once a cut back fails the file may end in a torn line: no append may follow it.
  let broken: StoreWriteError | null = null;
  // The file's lines, each a document's version, a deletion or an index; null until the load has counted them.
  let lines: number | null = null;
  // What a rewrite writes: one line per document and per index but _id's (nedb does not write it).
  const appended = new LineBuffer();
  const compactLines = () => internals.getAllData().length + Object.keys(internals.indexes).length - 1;
  internals.persistence.persistNewStateAsync = async (docs) => {
    const steps = undo;
    undo = [];
    if (broken) {
      steps.reverse().forEach((step) => step());
      throw broken;
    }
    let size: number | null = null;
    try {
      size = (await fs.promises.stat(file)).size;
      // nedb's own append (persistNewStateAsync) with the lines written as bytes (serialize.ts).
      if (docs.length) await fs.promises.appendFile(file, appended.lines(docs), { mode: FILE_MODES.fileMode });
      if (lines !== null) lines += docs.length; // nedb appends one line per document
    } catch (err) {
      steps.reverse().forEach((step) => step());
      const failure = new StoreWriteError(file, (err as NodeJS.ErrnoException).code === 'ENOSPC', err);
      if (size !== null) {
        try {
          await fs.promises.truncate(file, size);
        } catch {
          broken = failure;
        }
      }
      throw failure;
    }
  };
  const rewrite = internals.persistence.persistCachedDatabaseAsync.bind(internals.persistence);
  internals.persistence.persistCachedDatabaseAsync = async () => {
    if (broken || lines === null || lines !== compactLines()) {
      await rewrite();
      lines = compactLines();
      return;
    }
    // The same durability as a rewrite's: the file's appended lines, and its name in the folder.
    await flushToStorageAsync({ filename: file, mode: FILE_MODES.fileMode });
    await flushToStorageAsync({ filename: path.dirname(file), isDir: true, mode: FILE_MODES.dirMode });
    internals.emit('compaction.done');
  };
  return {
    compact: () => {
      lines = compactLines();
    },
  };
}
