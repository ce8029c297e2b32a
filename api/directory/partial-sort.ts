// Putting only the first values of an array in order: a search finds thousands of structures and
// a page shows twenty. Sorting them all was a quarter of a fresh search's own time at 20,000
// structures (CPU profile); selecting the few smallest costs a pass or two.

/**
 * Puts the `k` smallest values of a[from..] first, in increasing order, from `from` on; the other
 * values follow in no particular order. Quickselect (median of three), then a sort of those `k`.
 */
export function sortSmallest(a: Float64Array, from: number, k: number): void {
  const end = a.length;
  const want = Math.min(from + k, end);
  if (want <= from) return;
  let lo = from;
  let hi = end - 1;
  // Keep what lies before `want` smaller than what lies after it.
  while (hi - lo > 16 && lo < want && want <= hi) {
    const mid = (lo + hi) >> 1;
    const pivot = medianOfThree(a[lo]!, a[mid]!, a[hi]!);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i += 1;
      while (a[j]! > pivot) j -= 1;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i += 1;
        j -= 1;
      }
    }
    // a[lo..j] ≤ pivot ≤ a[i..hi]; between them, values equal to the pivot.
    if (want <= j + 1) hi = j;
    else if (want >= i) lo = i;
    else {
      hi = i - 1; // `want` falls among values equal to the pivot: what precedes i is all that is needed
      break;
    }
  }
  // What precedes `lo` is smaller than the rest, what follows `hi` larger: sorting up to `want`, or
  // the small range left around it, settles the first `k`.
  a.subarray(from, lo >= want ? want : hi + 1).sort();
}

function medianOfThree(x: number, y: number, z: number): number {
  if (x < y) return y < z ? y : x < z ? z : x;
  return x < z ? x : y < z ? z : y;
}
