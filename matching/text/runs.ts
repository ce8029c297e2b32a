// Variable-length runs of numbers, one per slot, kept in one arena (few large arrays rather than one
// per slot): the text index's document vectors and the spelling dictionary's words of each text.
import { grow, projected } from './arrays';

// Freed cells are reclaimed once they are this many and half of the arena.
const COMPACT_MIN_GARBAGE = 65536;
const MIN_ITEMS = 4096;

/**
 * A run is written once after the used items (`room`, then the cells, then `commit`), read in place
 * and freed whole. An item is `width` consecutive cells of `cells`; `floats` is a float view of the
 * same memory, for items that pair an id with a weight. `index` holds each slot's first item and
 * item count side by side (a reader then finds both in one cache line). Readers on a hot path take
 * the three arrays into locals: they are replaced when the arena grows or is compacted.
 */
export class SlotRuns {
  cells: Int32Array<ArrayBuffer>;
  floats: Float32Array<ArrayBuffer>;
  index = new Int32Array(512);
  /** Items written, freed ones included. */
  used = 0;
  private garbage = 0;

  constructor(private readonly width: 1 | 2) {
    this.cells = new Int32Array(width * MIN_ITEMS);
    this.floats = new Float32Array(this.cells.buffer);
  }

  start(slot: number): number {
    return this.index[2 * slot];
  }

  length(slot: number): number {
    return 2 * slot < this.index.length ? this.index[2 * slot + 1] : 0;
  }

  /** Makes room for this many slots in all. */
  ensureSlots(slots: number): void {
    if (2 * slots > this.index.length) this.index = grow(this.index, 2 * slots);
  }

  /** Makes room for `items` more items after the used ones. */
  room(items: number): void {
    const need = this.width * (this.used + items);
    if (need > this.cells.length) this.setCells(grow(this.cells, need));
  }

  /** The `items` items written after the used ones become the run of `slot`. */
  commit(slot: number, items: number): void {
    this.ensureSlots(slot + 1);
    this.index[2 * slot] = this.used;
    this.index[2 * slot + 1] = items;
    this.used += items;
  }

  /** Makes room for `slots` runs in all, each as long as the average of the first `counted`. */
  reserve(slots: number, counted: number): void {
    if (slots <= counted || counted === 0) return;
    this.ensureSlots(slots);
    const items = projected(this.used, counted, slots);
    if (this.width * items > this.cells.length) this.setCells(grow(this.cells, this.width * items));
  }

  /** Frees the run of `slot` (empty from now on); compacts the arena when freed items pile up. */
  free(slot: number): void {
    const n = this.length(slot);
    if (n === 0) return;
    this.garbage += n;
    this.index[2 * slot + 1] = 0;
    if (this.garbage > COMPACT_MIN_GARBAGE && this.garbage * 2 > this.used) this.compact();
  }

  private compact(): void {
    const { width, index } = this;
    const cells = new Int32Array(width * Math.max(MIN_ITEMS, (this.used - this.garbage) * 2));
    let used = 0;
    for (let i = 0; i < index.length; i += 2) {
      const n = index[i + 1];
      if (n === 0) continue;
      cells.set(this.cells.subarray(width * index[i], width * (index[i] + n)), width * used);
      index[i] = used;
      used += n;
    }
    this.setCells(cells);
    this.used = used;
    this.garbage = 0;
  }

  private setCells(cells: Int32Array<ArrayBuffer>): void {
    this.cells = cells;
    this.floats = new Float32Array(cells.buffer);
  }
}
