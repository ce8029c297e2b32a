// nedb writes each document as one JSON line through model.serialize, a JSON.stringify whose replacer
// checks every key and tests every value for a date: a third of an import's time (every profile is
// serialised when inserted, and once more when a compaction rewrites the file). The same lines
// are written here by a plain JSON.stringify, dates as { $$date: ms } as nedb reads them back. Keys
// need no check: nedb checked them when the document was inserted or modified (checkObject, or
// checkKeys for a batch), before any write.
// Pinned to the nedb version read (4.1.2), as datafile.ts; test/store.test.ts reads every line back.
import model from '@seald-io/nedb/lib/model.js';

const isoDate = Date.prototype.toJSON;
function nedbDate(this: Date): { $$date: number } {
  return { $$date: this.getTime() };
}

/**
 * The document's line. JSON.stringify asks each Date for its toJSON: for this one synchronous call
 * it answers nedb's form, which spares a copy of the whole document with its dates replaced, and
 * the garbage of it.
 */
function serialize(doc: unknown): string {
  Date.prototype.toJSON = nedbDate as unknown as typeof isoDate;
  try {
    return JSON.stringify(doc);
  } finally {
    Date.prototype.toJSON = isoDate;
  }
}

let installed = false;

/** Makes nedb's persistence serialise with `serialize` (its persistence calls model.serialize at each write). */
export function useFastSerializer(): void {
  if (installed) return;
  (model as { serialize: (doc: unknown) => string }).serialize = serialize;
  installed = true;
}
