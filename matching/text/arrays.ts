// Typed arrays that grow, shared by the text index and the spelling dictionary.

// Arrays grow by half: at 200,000 profiles the slack of doubling (postings, arenas) was tens of MB.
const GROWTH = 1.5;
// A load sizes its arrays for every document from the average of the first ones, plus a twentieth.
const RESERVE_SLACK = 1.05;

/** The same array when it holds `need` items, else a copy in a larger one. */
export function grow<T extends Int32Array | Float32Array | Float64Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, Math.ceil(a.length * GROWTH)));
  b.set(a);
  return b;
}

/** Cells for `total` items, when the first `counted` of them took `used` cells. */
export function projected(used: number, counted: number, total: number): number {
  return Math.ceil((used / counted) * total * RESERVE_SLACK);
}
