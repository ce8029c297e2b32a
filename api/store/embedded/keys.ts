// The key check nedb makes on each document it inserts (model.checkObject, 4.1.2), with nedb's
// messages, in one walk: nedb's walks each array twice (its items, then its indexes as keys), on a
// copy it has just made. test/store.test.ts covers both refusals.

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

/** Throws nedb's error for a key nedb cannot store, anywhere in `value`. */
export function checkKeys(value: unknown): void {
  if (value === null || typeof value !== 'object' || value instanceof Date) return;
  if (Array.isArray(value)) {
    for (const item of value) checkKeys(item);
    return;
  }
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const v = (value as Record<string, unknown>)[key];
    checkKey(key, v);
    checkKeys(v);
  }
}
