// What nedb does to each document it inserts (Datastore#_prepareDocumentForInsertion, 4.1.2: a deep
// copy, model.deepCopy, then a walk over it for keys nedb cannot store, model.checkObject), in one
// walk: a third of the write path of an import's batch (checkObject walks each array twice).
// Same copy (dates kept as they are, as nedb keeps them; an undefined field stays undefined), same
// errors with nedb's messages; test/store.test.ts covers both.

type Row = Record<string, unknown>;

/** nedb's checkKey: the $-fields it writes itself are the only ones allowed to start with $. */
function checkKey(key: string, value: unknown): void {
  if (
    key.charCodeAt(0) === 36 && // $
    !(key === '$$date' && typeof value === 'number') &&
    !(key === '$$deleted' && value === true) &&
    key !== '$$indexCreated' &&
    key !== '$$indexRemoved'
  ) {
    throw new Error('Field names cannot begin with the $ character');
  }
  if (key.includes('.')) throw new Error('Field names cannot contain a .');
}

function copy(value: unknown): unknown {
  if (typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint' ? undefined : value;
  if (value === null || value instanceof Date) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i += 1) out[i] = copy(value[i]);
    return out;
  }
  const out: Row = {};
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const v = (value as Row)[key];
    checkKey(key, v);
    out[key] = copy(v);
  }
  return out;
}

/** The row nedb would store for `row` (a copy the caller cannot change), or nedb's error for a key it refuses. */
export const copyRow = (row: Row): Row => copy(row) as Row;
