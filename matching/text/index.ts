// Inverted TF-IDF index (SMART "lnc.ltc"): a document stores 1 + ln(tf) per term, L2-normalised,
// with no idf, so adding or removing one never touches the others; the query carries
// (1 + ln tf) × idf, idf being natural's formula 1 + ln(N / (1 + df)) from the current df.
// The cosine of the two unit vectors is a dot product summed over the postings of the query's terms.
import { grow } from './arrays';
import { SlotRuns } from './runs';
import { TopK } from './topk';
import type { Token } from './tokenize';

/** A query ready to score: the indexed terms only, weights of unit length. */
export interface PreparedQuery {
  terms: string[];
  termIds: Int32Array;
  weights: Float64Array;
}

/** Documents given a head start in candidate selection (e.g. those of the need's NAF sub-class). */
export interface Prior {
  slots: Int32Array;
  length: number;
  /** Added to the cosine when ranking candidates; a document in several lists gets the largest. */
  value: number;
}

export interface TextHit {
  slot: number;
  /** The cosine (the prior is not included). */
  score: number;
}

/**
 * Many hits at once, the i-th one's slot and score at position i of two typed arrays (in no
 * particular order): a search that reaches thousands of documents allocates two arrays, not an
 * object per document.
 */
export interface Hits {
  readonly slots: Int32Array;
  readonly scores: Float64Array;
  readonly length: number;
}

// A term in more than a fifth of the corpus (and 5 000 documents) is "common": its idf is at most
// 1 + ln 5 ≈ 2.6, against ~10 for a trade's word, yet its posting list is the longest. It is not
// scanned; it only completes the scores of the best candidates found through the other terms.
// Small corpora (the Métropole's real directory) are therefore always scored exactly.
const PRUNE_MIN_DF = 5000;
const PRUNE_FRACTION = 0.2;
// How many candidates get their common-term contributions added, relative to what was asked.
const CANDIDATE_FACTOR = 5;
const MIN_CANDIDATES = 1000;
// Candidate selection on a large index: the floor is read off one slot in SAMPLE_STRIDE, and lets
// through about SAMPLE_SLACK times as many slots as asked.
const SAMPLE_STRIDE = 16;
const SAMPLE_SLACK = 1.5;
// Phrases whose documents are kept until the next write: the synonym tables' phrases come back in
// search after search ("entretien des locaux" for every cleaning word), and finding them checks
// each document of the rarest word's postings for every other word. A bound, not a cache to tune.
const KEPT_PHRASES = 512;

export class TextIndex {
  private readonly ids = new Map<string, number>();
  private df = new Int32Array(256);
  private maxWeight = new Float32Array(256);
  private postLen = new Int32Array(256);
  private postDead = new Int32Array(256);
  private readonly postSlots: Int32Array[] = [];
  private readonly postWeights: Float32Array[] = [];
  // Document vectors, sorted by term id, one run by slot, of (term id, weight) pairs: the term id at
  // an even position of `cells`, its weight next to it, read through `floats`. A match reads a
  // thousand vectors at random: one cache line then brings a vector's first terms and their weights.
  private readonly vectors = new SlotRuns(2);
  private alive = new Uint8Array(256);
  private slots = 0;
  private live = 0;
  /** Between beginLoad() and endLoad(): postings not written yet. */
  private loading = false;
  // The document being added: its distinct term ids, and their counts by term id (zero elsewhere).
  private pending = new Int32Array(256);
  private pendingLength = 0;
  private pendingCount = new Float64Array(256);
  // The analyser's term numbers → this index's term ids + 1 (0: not seen yet).
  private byTermNumber = new Int32Array(1024);
  // Query scratch space, reused: dense accumulators by slot, and the common terms' weights by term id.
  // search() picks its candidates in single precision (half the memory written at random and read
  // in order, the bulk of a match's time) and computes their scores anew, exactly; scoreAll() is exact.
  private acc = new Float64Array(256);
  private roughAcc = new Float32Array(256);
  private bonus = new Float64Array(256);
  private queryWeight = new Float64Array(256);
  // The slots a tracked scan touched (scoreAll), to clear only those.
  private touched = new Int32Array(256);
  private member = new Uint8Array(256);
  /** Phrase (its term ids) → the live documents holding all its terms; emptied by every write. */
  private readonly phraseDocs = new Map<string, Int32Array>();

  get size(): number {
    return this.live;
  }

  isAlive(slot: number): boolean {
    return this.alive[slot] === 1;
  }

  /** Indexes one document from its term counts (counts ≥ 1); returns its slot. Slots are never reused. */
  add(counts: Map<string, number>): number {
    for (const [term, count] of counts) this.countTerm(this.termId(term), count);
    return this.commit();
  }

  private countTerm(t: number, n: number): void {
    if (this.pendingCount[t] === 0) {
      // Lengths are checked before calling grow() on every path run per word or per document: a call
      // to a function shared by every array type (polymorphic) costs more than the check.
      if (this.pendingLength === this.pending.length) this.pending = grow(this.pending, this.pendingLength + 1);
      this.pending[this.pendingLength++] = t;
    }
    this.pendingCount[t] += n;
  }

  /** Counts `n` occurrences of a word in the document being added (then commit() it): no map per document. */
  readonly count = (token: Token, n: number): void => {
    const k = token.termNumber;
    let t = (k < this.byTermNumber.length ? this.byTermNumber[k] : 0) - 1;
    if (t < 0) {
      t = this.termId(token.term);
      this.byTermNumber = grow(this.byTermNumber, k + 1);
      this.byTermNumber[k] = t + 1;
    }
    this.countTerm(t, n);
  };

  /** Indexes the document counted since the last commit; returns its slot. Slots are never reused. */
  commit(): number {
    this.phraseDocs.clear();
    const slot = this.slots;
    this.slots += 1;
    this.live += 1;
    this.ensureSlots(this.slots);
    const n = this.pendingLength;
    const ids = this.pending.subarray(0, n).sort();
    const { vectors } = this;
    vectors.room(n);
    const { cells, floats } = vectors;
    const start = vectors.used;
    let norm = 0;
    for (let i = 0; i < n; i += 1) {
      const t = ids[i];
      const w = 1 + Math.log(Math.max(1, this.pendingCount[t]));
      this.pendingCount[t] = 0;
      cells[2 * (start + i)] = t;
      floats[2 * (start + i) + 1] = w;
      norm += w * w;
    }
    this.pendingLength = 0;
    norm = Math.sqrt(norm) || 1;
    vectors.commit(slot, n);
    this.alive[slot] = 1;
    for (let p = 2 * start; p < 2 * (start + n); p += 2) {
      const t = cells[p];
      const w = floats[p + 1] / norm;
      floats[p + 1] = w;
      this.df[t] += 1;
      if (w > this.maxWeight[t]) this.maxWeight[t] = w;
      if (this.loading) continue; // postings are written by endLoad()
      const len = this.postLen[t];
      if (len === this.postSlots[t].length) {
        this.postSlots[t] = grow(this.postSlots[t], len + 1);
        this.postWeights[t] = grow(this.postWeights[t], len + 1);
      }
      this.postSlots[t][len] = slot;
      this.postWeights[t][len] = w;
      this.postLen[t] = len + 1;
    }
    return slot;
  }

  /**
   * Starts loading many documents into this empty index (the start): commit() then writes each
   * document's vector only, and endLoad() writes every posting list once, at its exact length.
   * Growing 4,000 lists by half, document after document, copied 400 MB at 200,000 profiles.
   */
  beginLoad(): void {
    if (this.slots > 0) throw new Error('TextIndex.beginLoad: the index is not empty');
    this.loading = true;
  }

  /** Makes room for this many documents in all, their vectors as long as the average so far. */
  reserve(documents: number): void {
    if (documents <= this.slots || this.slots === 0) return;
    this.ensureSlots(documents);
    this.vectors.reserve(documents, this.slots);
  }

  endLoad(): void {
    if (!this.loading) return;
    this.loading = false;
    for (let t = 0; t < this.postSlots.length; t += 1) {
      this.postSlots[t] = new Int32Array(Math.max(4, this.df[t]));
      this.postWeights[t] = new Float32Array(this.postSlots[t].length);
    }
    // Slot order, as commit() would have appended them.
    const { cells, floats, index } = this.vectors;
    for (let s = 0; s < this.slots; s += 1) {
      if (!this.alive[s]) continue;
      for (let p = 2 * index[2 * s], end = p + 2 * index[2 * s + 1]; p < end; p += 2) {
        const t = cells[p];
        const len = this.postLen[t];
        this.postSlots[t][len] = s;
        this.postWeights[t][len] = floats[p + 1];
        this.postLen[t] = len + 1;
      }
    }
  }

  /** Forgets a document: df drops at once; its postings are skipped, then swept when they pile up. */
  remove(slot: number): void {
    if (!this.alive[slot]) return;
    this.phraseDocs.clear();
    if (this.loading) {
      // Not in any posting list yet: endLoad() skips it.
      this.alive[slot] = 0;
      this.live -= 1;
      const { cells, index } = this.vectors;
      for (let p = 2 * index[2 * slot], end = p + 2 * index[2 * slot + 1]; p < end; p += 2) this.df[cells[p]] -= 1;
      this.vectors.free(slot);
      return;
    }
    this.alive[slot] = 0;
    this.live -= 1;
    const { cells, index } = this.vectors;
    for (let p = 2 * index[2 * slot], end = p + 2 * index[2 * slot + 1]; p < end; p += 2) {
      const t = cells[p];
      this.df[t] -= 1;
      this.postDead[t] += 1;
      if (this.postDead[t] > 8 && this.postDead[t] * 2 > this.postLen[t]) this.sweepPostings(t);
    }
    this.vectors.free(slot);
  }

  /** How many live documents hold the term. */
  docFrequency(term: string): number {
    const t = this.ids.get(term);
    return t === undefined ? 0 : this.df[t];
  }

  /** natural's TfIdf.idf: 1 + ln(N / (1 + df)), always > 0. */
  idf(term: string): number {
    const t = this.ids.get(term);
    return 1 + Math.log(this.live / (1 + (t === undefined ? 0 : this.df[t])));
  }

  /** Turns term → tf weight (already sublinear) into a unit query over the terms some document has. */
  prepare(tfWeights: Map<string, number>): PreparedQuery {
    const terms: string[] = [];
    const ids: number[] = [];
    const weights: number[] = [];
    let norm = 0;
    for (const [term, tfw] of tfWeights) {
      const t = this.ids.get(term);
      if (t === undefined || this.df[t] === 0 || tfw <= 0) continue;
      const w = tfw * (1 + Math.log(this.live / (1 + this.df[t])));
      terms.push(term);
      ids.push(t);
      weights.push(w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    return { terms, termIds: Int32Array.from(ids), weights: Float64Array.from(weights, (w) => w / norm) };
  }

  /**
   * The k candidates of highest cosine + prior, best first. Documents only reached through a prior
   * are candidates too, with a cosine of 0 unless a common term gives them one.
   */
  search(q: PreparedQuery, k: number, prune = true, priors: Prior[] = []): TextHit[] {
    const pruneDf = prune ? Math.max(PRUNE_MIN_DF, PRUNE_FRACTION * this.live) : Infinity;
    const { roughAcc: acc, bonus } = this;
    const common: number[] = [];
    let scanned = false;
    for (let qi = 0; qi < q.termIds.length; qi += 1) {
      if (this.df[q.termIds[qi]] > pruneDf) common.push(qi);
      else scanned = this.scan(q.termIds[qi], q.weights[qi]) || scanned;
    }
    // A query made only of common words has nothing else to start from.
    if (!scanned && priors.length === 0) {
      for (const qi of common.splice(0)) this.scan(q.termIds[qi], q.weights[qi]);
    }
    // Priors come after the text, so that the hot loop above reads one array, not two. They are
    // added to the accumulators too (bonus keeps each one's share, the largest prior of its lists),
    // so that the pass over every slot below reads one array, not two.
    for (const prior of priors) {
      for (let i = 0; i < prior.length; i += 1) {
        const s = prior.slots[i];
        const b = bonus[s];
        if (prior.value > b) {
          acc[s] += prior.value - b;
          bonus[s] = prior.value;
        }
      }
    }

    const pool = this.select(Math.max(1, common.length ? Math.max(k * CANDIDATE_FACTOR, MIN_CANDIDATES) : k));
    // Common terms complete the scores of the candidates only: each candidate's own terms are read
    // once against the common terms' weights, set in a dense array for the occasion.
    if (common.length > 0) {
      let last = 0;
      for (const qi of common) {
        this.queryWeight[q.termIds[qi]] = q.weights[qi];
        last = Math.max(last, q.termIds[qi]);
      }
      this.complete(pool, last);
      for (const qi of common) this.queryWeight[q.termIds[qi]] = 0;
    }
    // The k best, then their cosines, exact: every query term against the document's vector.
    const best = new TopK(k);
    for (let j = 0; j < pool.size; j += 1) best.offer(pool.slots[j], pool.scores[j]);
    const hits: TextHit[] = best.sorted();
    for (let qi = 0; qi < q.termIds.length; qi += 1) this.queryWeight[q.termIds[qi]] = q.weights[qi];
    for (const hit of hits) hit.score = this.dot(hit.slot);
    for (let qi = 0; qi < q.termIds.length; qi += 1) this.queryWeight[q.termIds[qi]] = 0;
    acc.fill(0, 0, this.slots);
    for (const prior of priors) for (let i = 0; i < prior.length; i += 1) bonus[prior.slots[i]] = 0;
    return hits;
  }

  /**
   * Every live document holding one of the `direct` query terms, or every term of one of the
   * `phrases` (lists of query term positions), with its exact cosine (nothing pruned) plus its prior.
   * A phrase's candidates come from the postings of its rarest term; the other terms only add their
   * share to documents already in.
   */
  scoreAll(q: PreparedQuery, direct: (qi: number) => boolean, phrases: number[][], priors: Prior[] = []): Hits {
    const { acc, touched, member } = this;
    let n = 0;
    for (let qi = 0; qi < q.termIds.length; qi += 1) if (direct(qi)) n = this.scanTracked(q.termIds[qi], q.weights[qi], n);
    for (let i = 0; i < n; i += 1) member[touched[i]] = 1;
    for (const phrase of phrases) {
      const docs = this.docsWithAll(Array.from(phrase, (qi) => q.termIds[qi]));
      for (let i = 0; i < docs.length; i += 1) {
        const s = docs[i];
        if (member[s]) continue;
        member[s] = 1;
        touched[n++] = s;
      }
    }
    for (let qi = 0; qi < q.termIds.length; qi += 1) {
      if (direct(qi)) continue;
      const t = q.termIds[qi];
      const slots = this.postSlots[t];
      const ws = this.postWeights[t];
      const qw = q.weights[qi];
      for (let i = 0; i < this.postLen[t]; i += 1) if (member[slots[i]]) acc[slots[i]] += qw * ws[i];
    }
    // Priors only raise documents already in: each one's largest, in `bonus` (cleared with `acc`).
    const { bonus } = this;
    for (const prior of priors) {
      for (let i = 0; i < prior.length; i += 1) {
        const s = prior.slots[i];
        if (member[s] && prior.value > bonus[s]) bonus[s] = prior.value;
      }
    }
    const slots = new Int32Array(n);
    const scores = new Float64Array(n);
    let length = 0;
    for (let i = 0; i < n; i += 1) {
      const s = touched[i];
      member[s] = 0;
      if (!this.alive[s]) continue;
      slots[length] = s;
      scores[length] = acc[s] + bonus[s];
      length += 1;
    }
    this.clearScratch(n);
    return { slots, scores, length };
  }

  /**
   * The live documents holding every one of the terms, kept until the next write: the candidates
   * come from the postings of the rarest term, the other terms are looked up in their vectors.
   */
  private docsWithAll(termIds: number[]): Int32Array {
    const key = termIds.join(' ');
    let docs = this.phraseDocs.get(key);
    if (docs) return docs;
    const t = termIds.reduce((best, id) => (this.df[id] < this.df[best] ? id : best), termIds[0]);
    const slots = this.postSlots[t];
    const found: number[] = [];
    for (let i = 0; i < this.postLen[t]; i += 1) {
      const s = slots[i];
      if (this.alive[s] && termIds.every((id) => id === t || this.weightOf(s, id) > 0)) found.push(s);
    }
    docs = Int32Array.from(found);
    if (this.phraseDocs.size >= KEPT_PHRASES) this.phraseDocs.clear();
    this.phraseDocs.set(key, docs);
    return docs;
  }

  private clearScratch(touchedCount: number): void {
    if (touchedCount * 8 > this.slots) {
      this.acc.fill(0, 0, this.slots);
      this.bonus.fill(0, 0, this.slots);
    } else {
      for (let i = 0; i < touchedCount; i += 1) this.acc[this.touched[i]] = this.bonus[this.touched[i]] = 0;
    }
  }

  /** Adds one term's postings to the accumulators, listing the documents it touches first; returns the new count. */
  private scanTracked(t: number, qw: number, touchedCount: number): number {
    const { acc, touched } = this;
    const slots = this.postSlots[t];
    const ws = this.postWeights[t];
    const len = this.postLen[t];
    let n = touchedCount;
    for (let i = 0; i < len; i += 1) {
      const s = slots[i];
      const a = acc[s];
      if (a === 0) touched[n++] = s;
      acc[s] = a + qw * ws[i];
    }
    return n;
  }

  /**
   * The best `capacity` live slots by accumulated score, prior included. The accumulators are read
   * in slot order: a sequential pass over every slot costs less than visiting the touched ones at random,
   * and it leaves the scan with nothing to track. On a large index, the pass starts from a floor read
   * off one slot in SAMPLE_STRIDE, set to let through about SAMPLE_SLACK times as many as asked: the
   * heap then sees only those few, and eight slots below the floor are passed over with one test.
   * The floor is only a shortcut: when fewer than `capacity` slots are above it, the pass starts again from 0.
   */
  private select(capacity: number): TopK {
    if (this.slots >= capacity * SAMPLE_STRIDE * 4) {
      const sample = this.best(Math.ceil((capacity * SAMPLE_SLACK) / SAMPLE_STRIDE), SAMPLE_STRIDE, 0);
      if (sample.size === sample.capacity) {
        const pool = this.best(capacity, 1, sample.scores[0]);
        if (pool.size === capacity) return pool;
      }
    }
    return this.best(capacity, 1, 0);
  }

  /** The best `capacity` live slots scoring above `floor` among slots 0, stride, 2 × stride... */
  private best(capacity: number, stride: number, floor: number): TopK {
    const pool = new TopK(capacity);
    const acc = this.roughAcc;
    const n = this.slots;
    let bar = floor;
    let s = 0;
    if (stride === 1) {
      for (const end = n - (n & 7); s < end; s += 8) {
        if (acc[s] > bar || acc[s + 1] > bar || acc[s + 2] > bar || acc[s + 3] > bar || acc[s + 4] > bar || acc[s + 5] > bar || acc[s + 6] > bar || acc[s + 7] > bar) {
          for (let j = s; j < s + 8; j += 1) bar = this.offer(pool, j, bar, floor);
        }
      }
    }
    for (; s < n; s += stride) bar = this.offer(pool, s, bar, floor);
    return pool;
  }

  /** Offers a live slot scoring above `bar` to the pool; returns the bar for the next one. */
  private offer(pool: TopK, s: number, bar: number, floor: number): number {
    const key = this.roughAcc[s]; // the prior included
    if (!(key > bar && this.alive[s])) return bar;
    pool.offer(s, key);
    return pool.size === pool.capacity ? Math.max(floor, pool.scores[0]) : bar;
  }

  /**
   * Adds the common terms' shares (set in queryWeight, `last` the largest of their ids) to the
   * candidates' scores. A vector is sorted by term id, and common terms have small ids (a term's id
   * is its order of first appearance, and common words turn up in the first documents): each
   * vector is read up to `last` only.
   */
  private complete(pool: TopK, last: number): void {
    const { roughAcc: acc, queryWeight } = this;
    const { cells, floats, index } = this.vectors;
    for (let j = 0; j < pool.size; j += 1) {
      const s = pool.slots[j];
      let sum = 0;
      for (let p = 2 * index[2 * s], end = p + 2 * index[2 * s + 1]; p < end; p += 2) {
        const t = cells[p];
        if (t > last) break;
        sum += queryWeight[t] * floats[p + 1];
      }
      acc[s] += sum;
      pool.scores[j] = acc[s]; // the prior included
    }
  }

  /** Adds one term's postings to search()'s accumulators; false when it has none. */
  private scan(t: number, qw: number): boolean {
    const { roughAcc: acc } = this;
    const slots = this.postSlots[t];
    const ws = this.postWeights[t];
    const len = this.postLen[t];
    // Unrolled by eight: the loop's own overhead is a large share of a posting's cost. A document is
    // at most once in a list: no two lines write one slot.
    const end = len - (len & 7);
    let i = 0;
    for (; i < end; i += 8) {
      acc[slots[i]] += qw * ws[i];
      acc[slots[i + 1]] += qw * ws[i + 1];
      acc[slots[i + 2]] += qw * ws[i + 2];
      acc[slots[i + 3]] += qw * ws[i + 3];
      acc[slots[i + 4]] += qw * ws[i + 4];
      acc[slots[i + 5]] += qw * ws[i + 5];
      acc[slots[i + 6]] += qw * ws[i + 6];
      acc[slots[i + 7]] += qw * ws[i + 7];
    }
    for (; i < len; i += 1) acc[slots[i]] += qw * ws[i];
    return len > 0;
  }

  /** One document's dot product with the query weights set in queryWeight, in double precision. */
  private dot(slot: number): number {
    const { cells, floats, index } = this.vectors;
    let sum = 0;
    for (let p = 2 * index[2 * slot], end = p + 2 * index[2 * slot + 1]; p < end; p += 2) sum += this.queryWeight[cells[p]] * floats[p + 1];
    return sum;
  }

  /** One document's full cosine with the query, whatever the pruning. */
  cosine(slot: number, q: PreparedQuery): number {
    return this.contributions(slot, q).reduce((sum, c) => sum + c, 0);
  }

  /** Each query term's share of one document's cosine (0 when absent), aligned with q.terms. */
  contributions(slot: number, q: PreparedQuery): number[] {
    return Array.from(q.termIds, (t, qi) => q.weights[qi] * this.weightOf(slot, t));
  }

  private weightOf(slot: number, termId: number): number {
    const { cells, floats, index } = this.vectors;
    let lo = index[2 * slot];
    let hi = lo + index[2 * slot + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = cells[2 * mid];
      if (t === termId) return floats[2 * mid + 1];
      if (t < termId) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  private termId(term: string): number {
    let t = this.ids.get(term);
    if (t === undefined) {
      t = this.postSlots.length;
      this.ids.set(term, t);
      this.postSlots.push(new Int32Array(4));
      this.postWeights.push(new Float32Array(4));
      this.df = grow(this.df, t + 1);
      this.maxWeight = grow(this.maxWeight, t + 1);
      this.postLen = grow(this.postLen, t + 1);
      this.postDead = grow(this.postDead, t + 1);
      this.pendingCount = grow(this.pendingCount, t + 1);
      this.queryWeight = grow(this.queryWeight, t + 1);
    }
    return t;
  }

  private ensureSlots(n: number): void {
    if (n <= this.alive.length) return; // all grow together, from the same length
    this.alive = grow(this.alive, n);
    this.vectors.ensureSlots(this.alive.length);
    this.acc = grow(this.acc, n);
    this.roughAcc = grow(this.roughAcc, n);
    this.bonus = grow(this.bonus, n);
    this.touched = grow(this.touched, n);
    this.member = grow(this.member, n);
  }

  private sweepPostings(t: number): void {
    const slots = this.postSlots[t];
    const ws = this.postWeights[t];
    let kept = 0;
    for (let i = 0; i < this.postLen[t]; i += 1) {
      if (!this.alive[slots[i]]) continue;
      slots[kept] = slots[i];
      ws[kept] = ws[i];
      kept += 1;
    }
    this.postLen[t] = kept;
    this.postDead[t] = 0;
  }
}
