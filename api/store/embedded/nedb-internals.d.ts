// nedb ships types for its Datastore only; datafile.ts, serialize.ts and index-keys.ts use its internal modules as well.

declare module '@seald-io/nedb/lib/storage.js' {
  /** Restores `file` from `file~` when a rewrite was interrupted before its rename; creates it when new. */
  export function ensureDatafileIntegrityAsync(file: string, mode?: number): Promise<void>;
  /** fsync of a file, or of a folder (isDir). */
  export function flushToStorageAsync(options: { filename: string; isDir?: boolean; mode?: number }): Promise<void>;
}

declare module '@seald-io/nedb/lib/indexes.js' {
  export default class Index {
    constructor(options: { fieldName: string; unique?: boolean; sparse?: boolean });
  }
}

declare module '@seald-io/nedb/lib/model.js' {
  /** The module object its persistence calls serialize on (serialize.ts replaces it), and its indexes compareThings and getDotValues (index-keys.ts). */
  const model: {
    serialize(doc: unknown): string;
    compareThings(a: unknown, b: unknown, compareStrings?: (a: string, b: string) => number): number;
    getDotValues(doc: unknown, fields: string[]): unknown;
  };
  export default model;
}
