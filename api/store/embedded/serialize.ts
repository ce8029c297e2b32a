// nedb writes each document as one JSON line through model.serialize, a JSON.stringify whose replacer
// checks every key and tests every value for a date: a third of an import's time (every profile is
// serialised when inserted, and once more when a compaction rewrites the file). The same lines
// are written here from a plain copy, dates as { $$date: ms } as nedb reads them back. Keys need no
// check: nedb checked them when the document was inserted or modified (checkObject), before any write.
// Pinned to the nedb version read (4.1.2), as datafile.ts; test/store.test.ts reads every line back.
import model from '@seald-io/nedb/lib/model.js';

function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return { $$date: value.getTime() };
  if (Array.isArray(value)) return value.map(plain);
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = plain(v);
  }
  return out;
}

let installed = false;

/** Makes nedb's persistence serialise with `plain` (its persistence calls model.serialize at each write). */
export function useFastSerializer(): void {
  if (installed) return;
  (model as { serialize: (doc: unknown) => string }).serialize = (doc) => JSON.stringify(plain(doc));
  installed = true;
}
