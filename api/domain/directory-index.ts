// The public directory served from memory: every active structure, kept in step with every write by
// the matching service (create, update, delete, retirement, the multi-instance refresh), in name
// order, with lists by filter value, so that a request costs the size of its result, never a pass
// over the collection. A request's result (order, facets) is kept until the next write.
import { labelKey } from '../../matching/text/fold';
import { findCommune } from '../reference/communes';
import { INCLUSION_KIND_FR, LEGAL_FORM_FR } from '../reference/vocabulary';
import type { DirectoryCriteria } from '../store/filters';
import type { SupplierRecord } from '../store/types';

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
  records: readonly SupplierRecord[];
  /** Aligned with records when text was given: higher first. */
  scores: readonly number[] | null;
  /** Counts over the whole result, computed when first asked. */
  facets(): DirectoryFacets;
}

/** What the directory needs of the matcher and of geography, given by the matching service. */
export interface DirectorySources<Place> {
  /** Structures sharing meaningful words with the text, and their relevance (the matcher's search). */
  search(text: string): { id: string; score: number }[];
  /** Where a structure or a commune is, worked out once per write. */
  placeOf(r: { communeCode: string; latitude: number | null; longitude: number | null }): Place;
  /** Whether a structure based at `base` can work at `target` (its intervention area covers it). */
  serves(target: Place, base: Place, radiusKm: number | null): boolean;
}

export interface DirectoryQuery {
  criteria: DirectoryCriteria;
  servesCommuneCode?: string;
}

const CACHED_RESULTS = 256;
const NAF_PREFIX_LENGTHS = [2, 4, 5, 6];
const collator = new Intl.Collator('fr');

interface Entry<Place> {
  record: SupplierRecord;
  /** Position in name order (renumbered after a write, when first needed). */
  pos: number;
  place: Place;
  /** Facet values as small integers: index of the value in the index's dictionaries. */
  kind: number;
  form: number;
  commune: number;
  labels: number[];
  /** The structure's spelling of each label, aligned with labels. */
  labelSpellings: string[];
}

/** Name order: the folded name, then the id (unique together). */
const before = (a: SupplierRecord, b: SupplierRecord) => a.sortKey < b.sortKey || (a.sortKey === b.sortKey && a.id < b.id);

/** Values as small integers, for counting in typed arrays. */
class Dictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

export class DirectoryIndex<Place = unknown> {
  private readonly entries = new Map<string, Entry<Place>>();
  private readonly ordered: Entry<Place>[] = [];
  private numbered = true;
  /** filter key ("kind:ESAT", "form:SCOP", "commune:76540", "label:iso9001", "naf:81.3") → entries */
  private readonly lists = new Map<string, Set<Entry<Place>>>();
  private readonly results = new Map<string, DirectoryResult>();
  private readonly served = new Map<string, Set<Entry<Place>>>();
  private readonly kinds = new Dictionary();
  private readonly forms = new Dictionary();
  private readonly communes = new Dictionary();
  private readonly labelKeys = new Dictionary();

  constructor(private readonly sources: DirectorySources<Place>) {}

  get size(): number {
    return this.entries.size;
  }

  get(id: string): SupplierRecord | undefined {
    return this.entries.get(id)?.record;
  }

  /** A stored structure as written; a retired one (an anonymous stub) leaves the directory. */
  upsert(record: SupplierRecord): void {
    this.remove(record.id);
    if (record.retiredAt) return;
    this.changed();
    const labels = [...new Map(record.labels.map((l) => [labelKey(l), l])).entries()];
    const entry: Entry<Place> = {
      record,
      pos: 0,
      place: this.sources.placeOf(record),
      kind: record.inclusionKind ? this.kinds.id(record.inclusionKind) : -1,
      form: this.forms.id(record.legalForm),
      commune: this.communes.id(record.communeCode),
      labels: labels.map(([key]) => this.labelKeys.id(key)),
      labelSpellings: labels.map(([, spelling]) => spelling),
    };
    this.entries.set(record.id, entry);
    this.ordered.splice(this.insertionPoint(record), 0, entry);
    for (const key of keysOf(record)) {
      const list = this.lists.get(key) ?? new Set<Entry<Place>>();
      this.lists.set(key, list.add(entry));
    }
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.changed();
    this.entries.delete(id);
    this.ordered.splice(this.insertionPoint(entry.record), 1);
    for (const key of keysOf(entry.record)) {
      const list = this.lists.get(key);
      list?.delete(entry);
      if (list?.size === 0) this.lists.delete(key);
    }
  }

  /** Where the record stands (or would stand) in name order, found by halving. */
  private insertionPoint(record: SupplierRecord): number {
    let lo = 0;
    let hi = this.ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(this.ordered[mid]!.record, record)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private changed(): void {
    this.numbered = false;
    this.results.clear();
    this.served.clear();
  }

  private inNameOrder(): Entry<Place>[] {
    if (!this.numbered) {
      this.ordered.forEach((e, i) => (e.pos = i));
      this.numbered = true;
    }
    return this.ordered;
  }

  /** The structures a query selects: by relevance when text is given, else in name order. */
  select(query: DirectoryQuery): DirectoryResult {
    const key = JSON.stringify([query.criteria, query.servesCommuneCode ?? null]);
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

  private compute({ criteria: c, servesCommuneCode }: DirectoryQuery): DirectoryResult {
    const all = this.inNameOrder();
    const none = new Set<Entry<Place>>();
    const union = (keys: string[]): ReadonlySet<Entry<Place>> => {
      if (keys.length === 1) return this.lists.get(keys[0]!) ?? none;
      return new Set(keys.flatMap((k) => [...(this.lists.get(k) ?? [])]));
    };
    const sets: ReadonlySet<Entry<Place>>[] = [];
    if (c.inclusionKinds?.length) sets.push(union(c.inclusionKinds.map((k) => `kind:${k}`)));
    if (c.legalForms?.length) sets.push(union(c.legalForms.map((f) => `form:${f}`)));
    if (c.communeCode) sets.push(union([`commune:${c.communeCode}`]));
    for (const label of c.labelKeys ?? []) sets.push(union([`label:${label}`]));
    if (c.nafPrefix) sets.push(union([`naf:${c.nafPrefix}`]));
    if (servesCommuneCode) sets.push(this.servesSet(servesCommuneCode));
    sets.sort((a, b) => a.size - b.size);

    if (c.text !== undefined) {
      const hits: { entry: Entry<Place>; score: number }[] = [];
      for (const { id, score } of this.sources.search(c.text)) {
        const entry = this.entries.get(id);
        if (entry && sets.every((s) => s.has(entry))) hits.push({ entry, score });
      }
      hits.sort((a, b) => b.score - a.score || a.entry.pos - b.entry.pos);
      return this.result(hits.map((h) => h.entry), hits.map((h) => h.score));
    }
    if (sets.length === 0) return this.result(all, null);
    // Walk the smallest list, keep what every other one holds, then put it in name order.
    const [smallest, ...others] = sets;
    const positions: number[] = [];
    for (const entry of smallest!) if (others.every((s) => s.has(entry))) positions.push(entry.pos);
    return this.result(Array.from(Int32Array.from(positions).sort(), (p) => all[p]!), null);
  }

  private result(entries: readonly Entry<Place>[], scores: number[] | null): DirectoryResult {
    let facets: DirectoryFacets | null = null;
    return { records: entries.map((e) => e.record), scores, facets: () => (facets ??= this.count(entries)) };
  }

  /** Facet counts over a result, in typed arrays indexed by the dictionaries' small integers. */
  private count(entries: readonly Entry<Place>[]): DirectoryFacets {
    const kinds = new Int32Array(this.kinds.values.length);
    const forms = new Int32Array(this.forms.values.length);
    const communes = new Int32Array(this.communes.values.length);
    const labels = new Int32Array(this.labelKeys.values.length);
    // A label is shown as the first structure of the result spells it.
    const spelling = new Map<number, string>();
    for (const e of entries) {
      if (e.kind >= 0) kinds[e.kind] += 1;
      forms[e.form] += 1;
      communes[e.commune] += 1;
      for (let i = 0; i < e.labels.length; i += 1) {
        const l = e.labels[i]!;
        if (labels[l]++ === 0) spelling.set(l, e.labelSpellings[i]!);
      }
    }
    const facet = (counts: Int32Array, valueOf: (i: number) => string, labelOf: (value: string) => string): FacetCount[] => {
      const out: FacetCount[] = [];
      counts.forEach((count, i) => {
        if (count === 0) return;
        const value = valueOf(i);
        out.push({ value, label: labelOf(value), count });
      });
      // Most frequent first, then in French alphabetical order of the label.
      return out.sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
    };
    return {
      inclusionKinds: facet(kinds, (i) => this.kinds.values[i]!, (v) => INCLUSION_KIND_FR[v as keyof typeof INCLUSION_KIND_FR]),
      legalForms: facet(forms, (i) => this.forms.values[i]!, (v) => LEGAL_FORM_FR[v as keyof typeof LEGAL_FORM_FR]),
      communes: facet(communes, (i) => this.communes.values[i]!, (v) => findCommune(v)?.name ?? v),
      labels: facet(labels, (i) => spelling.get(i)!, (v) => v),
    };
  }

  /** The structures serving a commune, worked out once per commune until the next write. */
  private servesSet(communeCode: string): ReadonlySet<Entry<Place>> {
    let set = this.served.get(communeCode);
    if (!set) {
      const target = this.sources.placeOf({ communeCode, latitude: null, longitude: null });
      set = new Set([...this.entries.values()].filter((e) => this.sources.serves(target, e.place, e.record.interventionRadiusKm)));
      this.served.set(communeCode, set);
    }
    return set;
  }
}

/** The filter values a structure answers to. */
function keysOf(r: SupplierRecord): string[] {
  const keys = [`form:${r.legalForm}`, `commune:${r.communeCode}`];
  if (r.inclusionKind) keys.push(`kind:${r.inclusionKind}`);
  for (const label of r.labelKeys) keys.push(`label:${label}`);
  for (const code of r.nafCodes) for (const n of NAF_PREFIX_LENGTHS) if (code.length >= n) keys.push(`naf:${code.slice(0, n)}`);
  return [...new Set(keys)];
}
