// A bounded min-heap keeping the k best (slot, score) pairs seen: selecting candidates among the
// tens of thousands of documents a query touches costs O(n log k) instead of a full sort.
// Pairs are ordered by score, then by slot (the lower first), so the pairs kept are the same
// whatever the order they are offered in.

export class TopK {
  readonly slots: Int32Array;
  readonly scores: Float64Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.slots = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  /** Offers a pair; it is kept when there is room or when it beats the weakest pair kept. */
  offer(slot: number, score: number): void {
    if (this.size < this.capacity) {
      this.slots[this.size] = slot;
      this.scores[this.size] = score;
      this.size += 1;
      this.up(this.size - 1);
      return;
    }
    if (!(score > this.scores[0] || (score === this.scores[0] && slot < this.slots[0]))) return;
    this.slots[0] = slot;
    this.scores[0] = score;
    this.down(0);
  }

  /** The kept pairs, best first. */
  sorted(): Array<{ slot: number; score: number }> {
    const out: Array<{ slot: number; score: number }> = [];
    for (let i = 0; i < this.size; i += 1) out.push({ slot: this.slots[i], score: this.scores[i] });
    return out.sort((a, b) => b.score - a.score || a.slot - b.slot);
  }

  /** Whether the pair at i is weaker than the pair at j. */
  private weaker(i: number, j: number): boolean {
    return this.scores[i] < this.scores[j] || (this.scores[i] === this.scores[j] && this.slots[i] > this.slots[j]);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.weaker(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.weaker(l, m)) m = l;
      if (r < this.size && this.weaker(r, m)) m = r;
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
