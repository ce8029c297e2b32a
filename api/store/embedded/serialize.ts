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

// The provenance an import gives the profiles it creates is one frozen object for all of them, of
// frozen entries (imports/run.ts): its JSON, nearly half of each line's serialisation, is made once.
const frozenJson = new WeakMap<object, string>();

// Entries frozen too (their dates are not changed in place anywhere): a shallow freeze is serialised whole.
const frozenThrough = (provenance: object) => Object.values(provenance).every((entry) => entry === null || typeof entry !== 'object' || Object.isFrozen(entry));

function withProvenance(doc: Record<string, unknown>, provenance: object): string {
  let json = frozenJson.get(provenance);
  if (json === undefined) {
    if (!frozenThrough(provenance)) return JSON.stringify(doc);
    frozenJson.set(provenance, (json = JSON.stringify(provenance)));
  }
  const { provenance: _, ...rest } = doc;
  const head = JSON.stringify(rest);
  return `${head.length > 2 ? `${head.slice(0, -1)},` : '{'}"provenance":${json}}`;
}

/**
 * The document's line. JSON.stringify asks each Date for its toJSON: for this one synchronous call
 * it answers nedb's form, which spares a copy of the whole document with its dates replaced, and
 * the garbage of it.
 */
function serialize(doc: unknown): string {
  Date.prototype.toJSON = nedbDate as unknown as typeof isoDate;
  try {
    const provenance = (doc as { provenance?: unknown }).provenance;
    if (provenance !== null && typeof provenance === 'object' && Object.isFrozen(provenance)) return withProvenance(doc as Record<string, unknown>, provenance);
    return JSON.stringify(doc);
  } finally {
    Date.prototype.toJSON = isoDate;
  }
}

const KEPT_BYTES = 16 * 1024 * 1024; // an unusually large batch neither sizes nor stays in the kept buffer

/**
 * A datafile's appended lines as UTF-8 bytes, each written into one buffer as it is serialised (nedb
 * joins them into one string that its append then flattens and encodes: a tenth of an import). The
 * buffer is kept for the next batch: a fresh one a batch cost the first write into each of its
 * pages, a twentieth of a template import. Its bytes are valid until the next call: the caller
 * writes them before serialising another batch (nedb runs one operation at a time per datastore).
 */
export class LineBuffer {
  private buffer: Buffer | null = null;

  lines(docs: readonly unknown[]): Buffer {
    let buffer = this.buffer;
    let used = 0;
    for (const doc of docs) {
      const line = serialize(doc);
      // Sized on the first line (lines of a batch are alike): growing by copies was a fiftieth of an import.
      if (!buffer) buffer = Buffer.allocUnsafe(Math.min(KEPT_BYTES, Math.max(64 * 1024, Math.ceil(1.25 * (line.length + 1) * docs.length))));
      // UTF-8 takes at most three bytes for a UTF-16 unit; near the end, the line's exact length.
      if (used + 3 * line.length + 1 > buffer.length && used + Buffer.byteLength(line) + 1 > buffer.length) {
        const larger = Buffer.allocUnsafe(Math.max(used + 3 * line.length + 1, 2 * buffer.length));
        buffer.copy(larger, 0, 0, used);
        buffer = larger;
      }
      used += buffer.write(line, used, 'utf8');
      buffer[used++] = 0x0a;
    }
    if (buffer && buffer.length <= KEPT_BYTES) this.buffer = buffer;
    return buffer ? buffer.subarray(0, used) : Buffer.alloc(0);
  }
}

let installed = false;

/** Makes nedb's persistence serialise with `serialize` (its persistence calls model.serialize at each write). */
export function useFastSerializer(): void {
  if (installed) return;
  (model as { serialize: (doc: unknown) => string }).serialize = serialize;
  installed = true;
}
