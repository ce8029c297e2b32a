// A bounded min-heap keeping the k best (slot, score) pairs seen: selecting candidates among the
// tens of thousands of documents a query touches costs O(n log k) instead of a full sort.

export class TopK {
  readonly slots: Int32Array;
  readonly scores: Float64Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.slots = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  /** Offers a pair; returns the pair pushed out, if any, so callers can bound what they dropped. */
  offer(slot: number, score: number): number {
    if (this.size < this.capacity) {
      this.slots[this.size] = slot;
      this.scores[this.size] = score;
      this.size += 1;
      this.up(this.size - 1);
      return -Infinity;
    }
    if (score <= this.scores[0]) return score;
    const dropped = this.scores[0];
    this.slots[0] = slot;
    this.scores[0] = score;
    this.down(0);
    return dropped;
  }

  /** The kept pairs, best first (ties by slot, for deterministic output). */
  sorted(): Array<{ slot: number; score: number }> {
    const out: Array<{ slot: number; score: number }> = [];
    for (let i = 0; i < this.size; i += 1) out.push({ slot: this.slots[i], score: this.scores[i] });
    return out.sort((a, b) => b.score - a.score || a.slot - b.slot);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.scores[parent] <= this.scores[i]) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.scores[l] < this.scores[m]) m = l;
      if (r < this.size && this.scores[r] < this.scores[m]) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    const s = this.slots[a];
    this.slots[a] = this.slots[b];
    this.slots[b] = s;
    const v = this.scores[a];
    this.scores[a] = this.scores[b];
    this.scores[b] = v;
  }
}
