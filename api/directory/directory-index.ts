// The public directory served from memory: every active structure, kept in step with every write by
// the matching service (create, update, delete, retirement, the multi-instance refresh), in name
// order, with lists by filter value, so that a request costs the size of its result, never a pass
// over the collection. Each structure has a slot; what filters and facets read of it lies in typed
// arrays indexed by slot, and the whole directory's facet counts are kept up to date by each write.
// A request's result (order, facets) is kept until the next write.
import type { Hits } from '../../matching';
import { labelKey } from '../../matching/text/fold';
import { findCommune } from '../reference/communes';
import { INCLUSION_KIND_FR, LEGAL_FORM_FR } from '../reference/vocabulary';
import type { DirectoryCriteria } from '../store/filters';
import type { SupplierRecord } from '../store/types';
import { COMPLETENESS_STEPS, completenessOf } from './completeness';
import { sortSmallest } from './partial-sort';

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export interface DirectoryFacets {
  inclusionKinds: FacetCount[];
  legalForms: FacetCount[];
  communes: FacetCount[];
  labels: FacetCount[];
}

/** A selection's structures in their order, with their relevance when a text ranked them. */
export interface DirectoryResult {
  readonly size: number;
  /** The structure at this rank (0-based). */
  at(rank: number): SupplierRecord;
  /** Whether text ranked the result (by relevance, higher first); else it is in name order. */
  readonly ranked: boolean;
  /** The relevance at this rank when text ranked the result (as precise as the order). */
  scoreAt(rank: number): number;
  /** The rank of this structure in the result, -1 when absent. */
  rankOf(id: string): number;
  /** Every structure, in order (the map layer). */
  all(): SupplierRecord[];
  /** Counts over the whole result, computed when first asked. */
  facets(): DirectoryFacets;
}

/** What the directory needs of the matcher and of geography, given by the matching service. */
export interface DirectorySources<Place> {
  /** Structures sharing meaningful words with the text, and their relevance (the matcher's search), by the numbers numberOf() gives them. */
  search(text: string): Hits;
  /** The number search() gives a structure (never given to another one), -1 when it has none: read when the structure is placed. */
  numberOf(id: string): number;
  /** Where a structure or a commune is, worked out once per write. */
  placeOf(r: { communeCode: string; latitude: number | null; longitude: number | null }): Place;
  /** Whether a structure based at `base` can work at `target` (its intervention area covers it). */
  serves(target: Place, base: Place, radiusKm: number | null): boolean;
}

export interface DirectoryQuery {
  criteria: DirectoryCriteria;
  servesCommuneCode?: string;
  /** Staff: only profiles below this completeness (percent). */
  completenessBelow?: number;
  /** Staff: whether the structure's contact never signed in (true) or did (false). */
  neverSignedIn?: boolean;
  /** Staff: whether the profile has a contact address. */
  hasContactEmail?: boolean;
}

const CACHED_RESULTS = 256;
/** Filters' masks kept (see maskOf()). */
const KEPT_MASKS = 64;
const NAF_PREFIX_LENGTHS = [2, 4, 5, 6];
/** Labels kept in the slot's typed array; a structure with more keeps the rest in a map. */
const INLINE_LABELS = 4;
const collator = new Intl.Collator('fr');
// Ranking keys (see ranked()): a relevance is at most a cosine plus a sector head start; 2^21 name
// positions (two million structures) and 2^30 steps of relevance fit a double's 53 bits exactly.
const MAX_SCORE = 4;
const SCORE_STEPS = 2 ** 29;
const POSITIONS = 2 ** 21;
/** Ranks put in order at once: a page or two; deeper ones when asked (see ranked()). */
const FIRST_RANKS = 64;

/** Slots a filter lets through: a list of slots, or several read as one; `key` names the filter (its mask's key). */
interface Members {
  readonly key: string;
  readonly size: number;
  [Symbol.iterator](): Iterator<number>;
}

/** Whether a slot is in every mask (see DirectoryIndex.maskOf). */
function inAll(masks: Uint8Array[], slot: number): boolean {
  for (let i = 0; i < masks.length; i += 1) if (masks[i]![slot] !== 1) return false;
  return true;
}

/** Name order: the folded name, then the id (unique together). */
const before = (a: SupplierRecord, b: SupplierRecord) => a.sortKey < b.sortKey || (a.sortKey === b.sortKey && a.id < b.id);

/** Values as small integers, for counting in typed arrays; the first spelling seen names each. */
class Dictionary {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Facet labels by id, and the ids in French alphabetical order of their label: worked out again only when values were added. */
  private facetOrder: { labels: string[]; byLabel: number[] } | null = null;

  /** labelOf: how a facet names a value (always the same for a dictionary). */
  constructor(private readonly labelOf: (value: string) => string) {}

  /** The id of a value seen, -1 for one never seen. */
  find(key: string): number {
    return this.ids.get(key) ?? -1;
  }

  id(key: string, name = key): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(key, id);
      this.names.push(name);
    }
    return id;
  }

  /**
   * The values counted, most frequent first, then in French alphabetical order of their label. The
   * labels' order is settled once, not compared anew at each request (a collator's comparisons made
   * a tenth of a fresh search at 20,000 structures).
   */
  facet(counts: Int32Array): FacetCount[] {
    if (this.facetOrder?.labels.length !== this.names.length) {
      const labels = this.names.map(this.labelOf);
      this.facetOrder = { labels, byLabel: labels.map((_, id) => id).sort((a, b) => collator.compare(labels[a]!, labels[b]!)) };
    }
    const { labels, byLabel } = this.facetOrder;
    const out: FacetCount[] = [];
    for (const id of byLabel) if (counts[id]! > 0) out.push({ value: this.names[id]!, label: labels[id]!, count: counts[id]! });
    // A stable sort: equal counts stay in alphabetical order.
    return out.sort((a, b) => b.count - a.count);
  }
}

function grow<T extends Int32Array | Float64Array>(a: T, need: number, fill = 0): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2)).fill(fill) as T;
  b.set(a);
  return b;
}

/** Counts per dictionary id, grown on demand. */
class Counts {
  counts = new Int32Array(16);
  add(id: number, by: number): void {
    this.counts = grow(this.counts, id + 1);
    this.counts[id] += by;
  }
}

export class DirectoryIndex<Place = unknown> {
  private readonly slotOf = new Map<string, number>();
  private readonly recordAt: Array<SupplierRecord | undefined> = [];
  private readonly placeAt: Place[] = [];
  private readonly freeSlots: number[] = [];
  private kindOf = new Int32Array(256);
  private formOf = new Int32Array(256);
  private communeOf = new Int32Array(256);
  private labelsOf = new Int32Array(256 * INLINE_LABELS).fill(-1);
  /** The search's number of the structure at each slot (see DirectorySources.numberOf), and the slot of each number (-1: none). */
  private numberAt = new Int32Array(256);
  private slotByNumber = new Int32Array(256).fill(-1);
  private readonly moreLabels = new Map<number, number[]>();
  private posOf = new Int32Array(256);
  /** Slots in name order. */
  private ordered = new Int32Array(256);
  private count = 0;
  private writes = 0;
  private numbered = true;
  /** filter key ("kind:ESAT", "form:SCOP", "commune:76540", "label:iso9001", "naf:81.3", "complete:43", "signedin:false", "contact:true") → slots */
  private readonly lists = new Map<string, Set<number>>();
  private readonly results = new Map<string, DirectoryResult>();
  private readonly served = new Map<string, Set<number>>();
  private readonly masks = new Map<string, Uint8Array>();
  private readonly kinds = new Dictionary((v) => INCLUSION_KIND_FR[v as keyof typeof INCLUSION_KIND_FR]);
  private readonly forms = new Dictionary((v) => LEGAL_FORM_FR[v as keyof typeof LEGAL_FORM_FR]);
  private readonly communes = new Dictionary((v) => findCommune(v)?.name ?? v);
  // One count per label however spelt (the filter compares folded keys), named as first written.
  private readonly labelKeys = new Dictionary((v) => v);
  /** The whole directory's facet counts, kept by every write. */
  private readonly totals = { kinds: new Counts(), forms: new Counts(), communes: new Counts(), labels: new Counts() };

  constructor(private readonly sources: DirectorySources<Place>) {}

  get size(): number {
    return this.count;
  }

  /** Moves at every write: an answer computed at one version holds until it moves. */
  get version(): number {
    return this.writes;
  }

  get(id: string): SupplierRecord | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.recordAt[slot];
  }

  /** A stored structure as written; a retired one (an anonymous stub) leaves the directory. */
  upsert(record: SupplierRecord): void {
    this.remove(record.id);
    this.changed();
    const slot = this.place(record);
    if (slot < 0) return;
    this.ordered = grow(this.ordered, this.count + 1);
    const at = this.insertionPoint(record);
    this.ordered.copyWithin(at + 1, at, this.count);
    this.ordered[at] = slot;
    this.count += 1;
  }

  /**
   * The stored structures at the start, into an empty directory: placed one by one, then put in
   * name order by one sort (inserting each in order would move half the order at every structure).
   */
  load(records: Iterable<SupplierRecord>): void {
    if (this.count > 0) throw new Error('DirectoryIndex.load: the directory is not empty');
    this.changed();
    for (const record of records) {
      const slot = this.place(record);
      if (slot < 0) continue;
      this.ordered = grow(this.ordered, this.count + 1);
      this.ordered[this.count] = slot;
      this.count += 1;
    }
    const slots = Array.from(this.ordered.subarray(0, this.count));
    slots.sort((a, b) => (before(this.recordAt[a]!, this.recordAt[b]!) ? -1 : 1));
    this.ordered.set(slots);
  }

  /** Gives a structure a slot, with what filters and facets read of it (not yet its place in name order); -1 for a retired one. The caller marks the change. */
  private place(record: SupplierRecord): number {
    if (record.retiredAt) return -1;
    const slot = this.freeSlots.pop() ?? this.recordAt.length;
    const size = slot + 1;
    if (size > this.kindOf.length) {
      // All grow together, from the same length (checked here: a call per structure costs more).
      this.kindOf = grow(this.kindOf, size);
      this.formOf = grow(this.formOf, size);
      this.communeOf = grow(this.communeOf, size);
      this.posOf = grow(this.posOf, size);
      this.numberAt = grow(this.numberAt, size);
      this.labelsOf = grow(this.labelsOf, size * INLINE_LABELS, -1);
    }
    this.slotOf.set(record.id, slot);
    this.recordAt[slot] = record;
    this.placeAt[slot] = this.sources.placeOf(record);
    this.kindOf[slot] = record.inclusionKind ? this.kinds.id(record.inclusionKind) : -1;
    this.formOf[slot] = this.forms.id(record.legalForm);
    this.communeOf[slot] = this.communes.id(record.communeCode);
    const number = this.sources.numberOf(record.id);
    this.numberAt[slot] = number;
    if (number >= 0) {
      this.slotByNumber = grow(this.slotByNumber, number + 1, -1);
      this.slotByNumber[number] = slot;
    }
    const labels = [...new Map(record.labels.map((l) => [labelKey(l), l])).entries()].map(([key, spelling]) => this.labelKeys.id(key, spelling));
    labels.slice(0, INLINE_LABELS).forEach((l, i) => (this.labelsOf[slot * INLINE_LABELS + i] = l));
    if (labels.length > INLINE_LABELS) this.moreLabels.set(slot, labels.slice(INLINE_LABELS));
    this.tally(slot, 1);
    for (const key of keysOf(record)) {
      const list = this.lists.get(key) ?? new Set<number>();
      this.lists.set(key, list.add(slot));
    }
    return slot;
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const record = this.recordAt[slot]!;
    this.changed();
    this.tally(slot, -1);
    const at = this.insertionPoint(record);
    this.ordered.copyWithin(at, at + 1, this.count);
    this.count -= 1;
    for (const key of keysOf(record)) {
      const list = this.lists.get(key);
      list?.delete(slot);
      if (list?.size === 0) this.lists.delete(key);
    }
    this.slotOf.delete(id);
    if (this.numberAt[slot]! >= 0) this.slotByNumber[this.numberAt[slot]!] = -1;
    this.recordAt[slot] = undefined;
    this.labelsOf.fill(-1, slot * INLINE_LABELS, (slot + 1) * INLINE_LABELS);
    this.moreLabels.delete(slot);
    this.freeSlots.push(slot);
  }

  private labelsAt(slot: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < INLINE_LABELS; i += 1) {
      const l = this.labelsOf[slot * INLINE_LABELS + i]!;
      if (l >= 0) out.push(l);
    }
    return out.concat(this.moreLabels.get(slot) ?? []);
  }

  private tally(slot: number, by: number): void {
    const { kinds, forms, communes, labels } = this.totals;
    if (this.kindOf[slot]! >= 0) kinds.add(this.kindOf[slot]!, by);
    forms.add(this.formOf[slot]!, by);
    communes.add(this.communeOf[slot]!, by);
    for (const l of this.labelsAt(slot)) labels.add(l, by);
  }

  /** Where the record stands (or would stand) in name order, found by halving. */
  private insertionPoint(record: SupplierRecord): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(this.recordAt[this.ordered[mid]!]!, record)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private changed(): void {
    this.writes += 1;
    this.numbered = false;
    this.results.clear();
    this.served.clear();
    this.masks.clear();
  }

  private numberInNameOrder(): void {
    if (this.numbered) return;
    for (let i = 0; i < this.count; i += 1) this.posOf[this.ordered[i]!] = i;
    this.numbered = true;
  }

  /** The structures a query selects: by relevance when text is given, else in name order. */
  select(query: DirectoryQuery): DirectoryResult {
    const key = JSON.stringify([query.criteria, query.servesCommuneCode ?? null, query.completenessBelow ?? null, query.neverSignedIn ?? null, query.hasContactEmail ?? null]);
    const cached = this.results.get(key);
    if (cached) {
      // Most recently used last: the oldest is the first dropped.
      this.results.delete(key);
      this.results.set(key, cached);
      return cached;
    }
    const result = this.compute(query);
    if (this.results.size >= CACHED_RESULTS) this.results.delete(this.results.keys().next().value!);
    this.results.set(key, result);
    return result;
  }

  private compute({ criteria: c, servesCommuneCode, completenessBelow, neverSignedIn, hasContactEmail }: DirectoryQuery): DirectoryResult {
    this.numberInNameOrder();
    // The lists of one filter's values are disjoint (a structure has one kind, one legal form, one
    // completeness): their union is read through them, and tested through its mask (maskOf()).
    const union = (keys: string[]): Members => {
      const lists = keys.flatMap((k) => this.lists.get(k) ?? []);
      return {
        key: keys.join('|'),
        size: lists.reduce((n, list) => n + list.size, 0),
        *[Symbol.iterator]() {
          for (const list of lists) yield* list;
        },
      };
    };
    const oneOf = (values: readonly string[], prefix: string) => union(values.map((v) => `${prefix}:${v}`));
    const sets: Members[] = [];
    if (c.inclusionKinds?.length) sets.push(oneOf(c.inclusionKinds, 'kind'));
    if (c.legalForms?.length) sets.push(oneOf(c.legalForms, 'form'));
    if (c.communeCode) sets.push(oneOf([c.communeCode], 'commune'));
    for (const label of c.labelKeys ?? []) sets.push(union([`label:${label}`]));
    if (c.nafPrefix) sets.push(union([`naf:${c.nafPrefix}`]));
    if (servesCommuneCode) {
      const served = this.servesSet(servesCommuneCode);
      sets.push({ key: `serves:${servesCommuneCode}`, size: served.size, [Symbol.iterator]: () => served[Symbol.iterator]() });
    }
    if (completenessBelow !== undefined) sets.push(union(COMPLETENESS_STEPS.filter((p) => p < completenessBelow).map((p) => `complete:${p}`)));
    if (neverSignedIn !== undefined) sets.push(union([`signedin:${!neverSignedIn}`]));
    if (hasContactEmail !== undefined) sets.push(union([`contact:${hasContactEmail}`]));
    sets.sort((a, b) => a.size - b.size);

    if (c.text !== undefined) {
      const masks = sets.map((m) => this.maskOf(m));
      const hits = this.sources.search(c.text);
      const { slotByNumber } = this;
      const slots = new Int32Array(hits.length);
      const scores = new Float64Array(hits.length);
      let n = 0;
      for (let i = 0; i < hits.length; i += 1) {
        const number = hits.slots[i]!;
        const slot = number < slotByNumber.length ? slotByNumber[number]! : -1;
        if (slot < 0 || !inAll(masks, slot)) continue;
        slots[n] = slot;
        scores[n] = hits.scores[i]!;
        n += 1;
      }
      // Copied to their size: a result is kept until the next write, and filters may leave few hits.
      return this.ranked(slots.slice(0, n), scores.slice(0, n));
    }
    if (sets.length === 0) return this.inOrder(this.ordered.slice(0, this.count), true);
    if (sets[0]!.size === 0) return this.inOrder(new Int32Array(0));
    // Walk the smallest list, keep what every other one holds, then put it in name order.
    const positions: number[] = [];
    const masks = sets.slice(1).map((m) => this.maskOf(m));
    for (const slot of sets[0]!) if (inAll(masks, slot)) positions.push(this.posOf[slot]!);
    const sorted = Int32Array.from(positions).sort();
    return this.inOrder(sorted.map((p) => this.ordered[p]!));
  }

  /**
   * Best first, ties in name order. One number per structure carries both: the relevance to 2^-30
   * (finer than any difference that means something) above the name position, which gives the
   * slot back (ordered[position]). Only the first ranks are put in order at once, a page shows
   * twenty of thousands; the next ones when a deeper page, a cursor or the map asks for them.
   */
  private ranked(slots: Int32Array, scores: Float64Array): DirectoryResult {
    const { posOf } = this;
    const n = slots.length;
    if (this.count >= POSITIONS) {
      const order = Array.from(slots.keys()).sort((a, b) => scores[b]! - scores[a]! || posOf[slots[a]!]! - posOf[slots[b]!]!);
      const slotAt = (rank: number) => slots[order[rank]!]!;
      const rankOf = (id: string) => order.findIndex((i) => slots[i] === this.slotOf.get(id));
      return this.result(n, slotAt, { ranked: { scoreAt: (rank) => scores[order[rank]!]!, rankOf }, members: slots });
    }
    const keyOf = (slot: number, score: number) => Math.round((MAX_SCORE - Math.min(Math.max(score, 0), MAX_SCORE)) * SCORE_STEPS) * POSITIONS + posOf[slot]!;
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i += 1) keys[i] = keyOf(slots[i]!, scores[i]!);
    let done = 0; // keys below are in order
    const slotAt = (rank: number): number => {
      if (rank >= done) {
        // Twice as far as before, or all when that is most of them.
        const want = 2 * (rank + 1) >= n ? n : Math.min(n, Math.max(rank + 1, 2 * done, FIRST_RANKS));
        sortSmallest(keys, done, want - done);
        done = want;
      }
      const key = keys[rank]!;
      return this.ordered[key - Math.floor(key / POSITIONS) * POSITIONS]!;
    };
    // The relevance as the order reads it (to 2^-29), from the rank's key: a cursor per edge, and
    // the scores of every hit spread by slot for them were a fortieth of a fresh search.
    const scoreAt = (rank: number): number => {
      slotAt(rank);
      return MAX_SCORE - Math.floor(keys[rank]! / POSITIONS) / SCORE_STEPS;
    };
    // A structure's rank is how many keys are smaller than its own: no need to order them all.
    const rankOf = (id: string): number => {
      const slot = this.slotOf.get(id);
      const i = slot === undefined ? -1 : slots.indexOf(slot);
      if (i < 0) return -1;
      const key = keyOf(slot!, scores[i]!);
      let rank = 0;
      for (let j = 0; j < n; j += 1) if (keys[j]! < key) rank += 1;
      return rank;
    };
    slotAt(Math.min(n, FIRST_RANKS) - 1);
    return this.result(n, slotAt, { ranked: { scoreAt, rankOf }, members: slots });
  }

  /**
   * A result of `size` structures, the slot at each rank given by slotAt; facets over `members` (the
   * same slots in any order), or the whole directory's.
   */
  private result(
    size: number,
    slotAt: (rank: number) => number,
    { ranked, members, whole = false }: { ranked?: { scoreAt(rank: number): number; rankOf(id: string): number }; members: Int32Array; whole?: boolean },
  ): DirectoryResult {
    let facets: DirectoryFacets | null = null;
    let ranks: Map<string, number> | null = null;
    const all = () => Array.from({ length: size }, (_, rank) => this.recordAt[slotAt(rank)]!);
    return {
      size,
      ranked: ranked !== undefined,
      scoreAt: (rank) => ranked?.scoreAt(rank) ?? NaN,
      at: (rank) => this.recordAt[slotAt(rank)]!,
      rankOf:
        ranked?.rankOf ??
        ((id) => {
          ranks ??= new Map(all().map((s, rank) => [s.id, rank]));
          return ranks.get(id) ?? -1;
        }),
      all,
      facets: () => (facets ??= whole ? this.facetsOf(this.totals) : this.facetsOf(this.countOver(members))),
    };
  }

  /** A result in name order (or any order already settled): its slots by rank. */
  private inOrder(order: Int32Array, whole = false): DirectoryResult {
    return this.result(order.length, (rank) => order[rank]!, { members: order, whole });
  }

  /** Facet counts over some slots, in typed arrays indexed by the dictionaries' ids. */
  private countOver(slots: Int32Array) {
    const kinds = new Counts();
    const forms = new Counts();
    const communes = new Counts();
    const labels = new Counts();
    const k = (kinds.counts = new Int32Array(this.kinds.names.length + 1));
    const f = (forms.counts = new Int32Array(this.forms.names.length + 1));
    const c = (communes.counts = new Int32Array(this.communes.names.length + 1));
    const l = (labels.counts = new Int32Array(this.labelKeys.names.length + 1));
    const { kindOf, formOf, communeOf, labelsOf } = this;
    for (let i = 0; i < slots.length; i += 1) {
      const slot = slots[i]!;
      if (kindOf[slot]! >= 0) k[kindOf[slot]!] += 1;
      f[formOf[slot]!] += 1;
      c[communeOf[slot]!] += 1;
      for (let j = slot * INLINE_LABELS; j < (slot + 1) * INLINE_LABELS && labelsOf[j]! >= 0; j += 1) l[labelsOf[j]!] += 1;
      const more = this.moreLabels.size ? this.moreLabels.get(slot) : undefined;
      if (more) for (const label of more) l[label] += 1;
    }
    return { kinds, forms, communes, labels };
  }

  private facetsOf(counts: { kinds: Counts; forms: Counts; communes: Counts; labels: Counts }): DirectoryFacets {
    return {
      inclusionKinds: this.kinds.facet(counts.kinds.counts),
      legalForms: this.forms.facet(counts.forms.counts),
      communes: this.communes.facet(counts.communes.counts),
      labels: this.labelKeys.facet(counts.labels.counts),
    };
  }

  /**
   * A filter's slots as a byte per slot, kept until the next write: a hit is then tested with a read,
   * where a Set's lookup or a call per filter made most of a filtered search's time beyond the text's
   * (20,000 structures). The website asks a few filters again and again; KEPT_MASKS bytes per slot at most.
   */
  private maskOf(members: Members): Uint8Array {
    let mask = this.masks.get(members.key);
    if (mask) {
      this.masks.delete(members.key);
    } else {
      mask = new Uint8Array(this.recordAt.length);
      for (const slot of members) mask[slot] = 1;
      if (this.masks.size >= KEPT_MASKS) this.masks.delete(this.masks.keys().next().value!);
    }
    this.masks.set(members.key, mask);
    return mask;
  }

  /** The structures serving a commune, worked out once per commune until the next write. */
  private servesSet(communeCode: string): Set<number> {
    let set = this.served.get(communeCode);
    if (!set) {
      const target = this.sources.placeOf({ communeCode, latitude: null, longitude: null });
      set = new Set<number>();
      for (let i = 0; i < this.count; i += 1) {
        const slot = this.ordered[i]!;
        if (this.sources.serves(target, this.placeAt[slot]!, this.recordAt[slot]!.interventionRadiusKm)) set.add(slot);
      }
      this.served.set(communeCode, set);
    }
    return set;
  }
}

/** The filter values a structure answers to. */
function keysOf(r: SupplierRecord): string[] {
  const keys = [`form:${r.legalForm}`, `commune:${r.communeCode}`, `complete:${completenessOf(r).percent}`, `signedin:${Boolean(r.firstSignInAt)}`, `contact:${r.contactEmail !== ''}`];
  if (r.inclusionKind) keys.push(`kind:${r.inclusionKind}`);
  for (const label of r.labelKeys) keys.push(`label:${label}`);
  for (const code of r.nafCodes) for (const n of NAF_PREFIX_LENGTHS) if (code.length >= n) keys.push(`naf:${code.slice(0, n)}`);
  return [...new Set(keys)];
}
