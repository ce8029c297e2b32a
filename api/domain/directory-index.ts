// The public directory served from memory: every active structure, kept in step with every write by
// the matching service (create, update, delete, retirement, the multi-instance refresh), with lists
// by filter value so that a request costs the size of its result, never a pass over the collection.
// A request's result (order, facets) is kept until the next write, for the pages after the first.
import type { DirectoryCriteria } from '../store/filters';
import type { DirectoryFacets } from './directory';
import type { SupplierRecord } from '../store/types';

/** A selection's structures in their order, and what relevance each has when a text ranked them. */
export interface DirectoryResult {
  records: readonly SupplierRecord[];
  /** Aligned with records when text was given: higher first. */
  scores: readonly number[] | null;
  /** The facets over the result, computed when first asked. */
  facets?: DirectoryFacets;
}

/** What the directory needs of the matcher and of geography, given by the matching service. */
export interface DirectorySources {
  /** Structures sharing meaningful words with the text, and their relevance (the matcher's search). */
  search(text: string): { id: string; score: number }[];
  /** Whether the structure can work in the commune (its intervention area covers it). */
  serves(communeCode: string, supplier: SupplierRecord): boolean;
}

export interface DirectoryQuery {
  criteria: DirectoryCriteria;
  servesCommuneCode?: string;
}

const CACHED_RESULTS = 256;
const NAF_PREFIX_LENGTHS = [2, 4, 5, 6];

/** Name order: the folded name, then the id (both unique together). */
const byName = (a: SupplierRecord, b: SupplierRecord) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class DirectoryIndex {
  private readonly records = new Map<string, SupplierRecord>();
  /** filter key ("kind:ESAT", "form:SCOP", "commune:76540", "label:iso9001", "naf:81.3") → ids */
  private readonly lists = new Map<string, Set<string>>();
  private ordered: SupplierRecord[] | null = null;
  private position = new Map<string, number>();
  private readonly results = new Map<string, DirectoryResult>();
  private readonly served = new Map<string, Set<string>>();

  constructor(private readonly sources: DirectorySources) {}

  get size(): number {
    return this.records.size;
  }

  get(id: string): SupplierRecord | undefined {
    return this.records.get(id);
  }

  /** A stored structure as written; a retired one (an anonymous stub) leaves the directory. */
  upsert(record: SupplierRecord): void {
    this.remove(record.id);
    if (record.retiredAt) return;
    this.changed();
    this.records.set(record.id, record);
    for (const key of keysOf(record)) {
      const list = this.lists.get(key) ?? new Set<string>();
      this.lists.set(key, list.add(record.id));
    }
  }

  remove(id: string): void {
    const record = this.records.get(id);
    if (!record) return;
    this.changed();
    this.records.delete(id);
    for (const key of keysOf(record)) {
      const list = this.lists.get(key);
      list?.delete(id);
      if (list?.size === 0) this.lists.delete(key);
    }
  }

  private changed(): void {
    this.ordered = null;
    this.results.clear();
    this.served.clear();
  }

  /** Every structure in name order (sorted again after a write, when first asked). */
  private inNameOrder(): SupplierRecord[] {
    if (!this.ordered) {
      this.ordered = [...this.records.values()].sort(byName);
      this.position = new Map(this.ordered.map((r, i) => [r.id, i]));
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
    const sets: ReadonlySet<string>[] = [];
    const union = (keys: string[]) => {
      if (keys.length === 1) return this.lists.get(keys[0]!) ?? new Set<string>();
      return new Set(keys.flatMap((k) => [...(this.lists.get(k) ?? [])]));
    };
    if (c.inclusionKinds?.length) sets.push(union(c.inclusionKinds.map((k) => `kind:${k}`)));
    if (c.legalForms?.length) sets.push(union(c.legalForms.map((f) => `form:${f}`)));
    if (c.communeCode) sets.push(union([`commune:${c.communeCode}`]));
    for (const label of c.labelKeys ?? []) sets.push(union([`label:${label}`]));
    if (c.nafPrefix) sets.push(union([`naf:${c.nafPrefix}`]));
    if (servesCommuneCode) sets.push(this.servesSet(servesCommuneCode));

    if (c.text !== undefined) {
      const hits = this.sources.search(c.text).filter((h) => this.records.has(h.id) && sets.every((s) => s.has(h.id)));
      hits.sort((a, b) => b.score - a.score || this.position.get(a.id)! - this.position.get(b.id)!);
      return { records: hits.map((h) => this.records.get(h.id)!), scores: hits.map((h) => h.score), };
    }
    if (sets.length === 0) return { records: all, scores: null, };
    // Walk the smallest list, keep what every other one holds, then put it in name order.
    sets.sort((a, b) => a.size - b.size);
    const [smallest, ...others] = sets;
    const ids = [...smallest!].filter((id) => others.every((s) => s.has(id)));
    const positions = Int32Array.from(ids, (id) => this.position.get(id)!).sort();
    return { records: Array.from(positions, (p) => all[p]!), scores: null, };
  }

  /** The structures serving a commune, worked out once per commune until the next write. */
  private servesSet(communeCode: string): ReadonlySet<string> {
    let set = this.served.get(communeCode);
    if (!set) {
      set = new Set([...this.records.values()].filter((r) => this.sources.serves(communeCode, r)).map((r) => r.id));
      this.served.set(communeCode, set);
    }
    return set;
  }
}

/** The filter values a structure answers to. */
function keysOf(r: SupplierRecord): string[] {
  const keys = [`form:${r.legalForm}`, `commune:${r.communeCode}`];
  if (r.inclusionKind) keys.push(`kind:${r.inclusionKind}`);
  for (const label of new Set(r.labelKeys)) keys.push(`label:${label}`);
  for (const code of r.nafCodes) for (const n of NAF_PREFIX_LENGTHS) if (code.length >= n) keys.push(`naf:${code.slice(0, n)}`);
  return [...new Set(keys)];
}
