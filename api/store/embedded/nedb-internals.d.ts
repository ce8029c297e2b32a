// nedb ships types for its Datastore only; datafile.ts uses two of its internal modules as well.

declare module '@seald-io/nedb/lib/storage.js' {
  /** Restores `file` from `file~` when a rewrite was interrupted before its rename; creates it when new. */
  export function ensureDatafileIntegrityAsync(file: string, mode?: number): Promise<void>;
}

declare module '@seald-io/nedb/lib/indexes.js' {
  export default class Index {
    constructor(options: { fieldName: string; unique?: boolean; sparse?: boolean });
  }
}
