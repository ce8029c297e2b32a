// A write that fails changes nothing. nedb changes its memory first, then appends the new lines to
// the datafile, and leaves both as they are when the append fails (a full disk: ENOSPC): the
// document stays visible, a retry adds it again, and the next compaction writes it to disk; the
// bytes already appended stay as a torn line that the next append glues onto. Here every change
// nedb makes to its memory during an operation is noted, and undone when the append fails, after
// the file is cut back to its last whole line.
import fs from 'node:fs';
import type Datastore from '@seald-io/nedb';
import { StoreWriteError } from '../types';

type Row = Record<string, unknown>;
type Modification = { oldDoc: Row; newDoc: Row };

interface Internals {
  _addToIndexes(doc: Row): void;
  _removeFromIndexes(doc: Row): void;
  _updateIndexes(modifications: Modification[]): void;
  persistence: { persistNewStateAsync(docs: Row[]): Promise<void> };
}

/** Datafiles and their drafts are private to the service's user. */
export const FILE_MODES = { fileMode: 0o600, dirMode: 0o700 } as const;

export function guardWrites(db: Datastore, file: string): void {
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
  const persist = internals.persistence.persistNewStateAsync.bind(internals.persistence);
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
      await persist(docs);
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
}
