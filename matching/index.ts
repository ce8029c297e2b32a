// The matcher: an index of supplier profiles, kept in step with every write, that ranks them for a
// need and explains each rank in French. It is given plain objects; it knows nothing of HTTP or storage.
import { capacityScore } from './components/capacity';
import { inclusionRequirement } from './components/inclusion';
import { labelsScore } from './components/labels';
import { locationScore } from './components/location';
import { canonicalNaf, inferNafCodes, sectorScore, STATUS_CODES } from './components/sector';
import { SectorIndex } from './components/sector-index';
import { explain, failedConstraints, type Evidence, type TextEvidence } from './explain';
import { codesNafLabel } from './naf';
import { combine, compareMatches, relevance, resolveWeights } from './rank';
import { labelKey } from './text/fold';
import { complete, typedPrefix, withCompletions, type VisitWord } from './text/completion';
import { grow } from './text/arrays';
import { TextIndex, type Hits, type PreparedQuery, type Prior, type TextHit } from './text/index';
import { completionTerms, countProfileTerms, needTerms, type NafLabel, type NeedTerms } from './text/query';
import { Spellings } from './text/spelling';
import { tableWordsStartingWith } from './text/synonyms';
import type { Token } from './text/tokenize';
import type { Match, MatchWeights, NeedQuery, Profile, ScoreBreakdown } from './types';

export { DEFAULT_WEIGHTS } from './rank';
export type { Hits } from './text/index';
export type { Match, MatchWeights, NeedQuery, Profile, ScoreBreakdown } from './types';

/** A structure found by a directory search, and how relevant it is (higher first). */
export interface SearchHit {
  id: string;
  score: number;
}

export interface MatcherOptions {
  weights?: Partial<MatchWeights>;
  nafLabel?: (code: string) => string | undefined;
  /** Skip the posting lists of very common terms (default true); false scores exhaustively (benchmark check). */
  textPruning?: boolean;
}

// Text candidates re-ranked on every component: far more than asked, since location, capacity and
// labels can reorder them.
const MIN_TEXT_CANDIDATES = 200;
const TEXT_CANDIDATES_PER_RESULT = 20;
// The text component is the cosine relative to the best one, but a best cosine under this floor is
// weak evidence and is not stretched to 1.
const TEXT_FLOOR = 0.2;
// Without NAF codes or table hints, the best text matches vote for the need's sector; only those
// close to the best one, so that a word shared in passing ("livraison") does not pull in another trade.
const SECTOR_VOTERS = 10;
const VOTER_MIN_SHARE_OF_BEST = 0.6;
// A need that requires inclusion kinds: structures of those kinds are scored even when the text
// candidates miss them (few enough at any scale: a few thousand ESAT, EA and SIAE in France).
const MAX_KIND_CANDIDATES = 5_000;
// How many profiles a load reads before sizing its arrays for all of them.
const SIZE_SAMPLE = 1000;
const SHOWN_TERMS = 4;
const SHOWN_RELATED = 2;

/** What the matcher keeps of a profile: everything but the text, which lives in the index. */
interface Entry {
  profile: Omit<Profile, 'description' | 'services'>;
  nafCodes: string[];
  labelKeys: string[];
}

interface Need {
  query: NeedQuery;
  terms: NeedTerms;
  prepared: PreparedQuery;
  nafCodes: string[];
  inferred: boolean;
  requiredLabels: string[];
  textScale: number;
}

interface Scored {
  slot: number;
  match: Match;
  evidence: Omit<Evidence, 'text'>;
}

function canonicalCodes(codes: string[]): string[] {
  return [...new Set(codes.map(canonicalNaf).filter((c): c is string => c !== null))];
}

/**
 * A profile without its text (an object rest costs microseconds on Node 20, per profile at the
 * start). Every field is named, optional ones too, so a field added to Profile fails to compile here.
 */
function kept(p: Profile): Entry['profile'] {
  const fields: Required<Entry['profile']> = {
    id: p.id,
    name: p.name,
    nafCodes: p.nafCodes,
    labels: p.labels,
    legalForm: p.legalForm,
    inclusionKind: p.inclusionKind,
    latitude: p.latitude,
    longitude: p.longitude,
    departement: p.departement,
    area: p.area ?? null,
    interventionRadiusKm: p.interventionRadiusKm,
    employees: p.employees,
    maxContractValue: p.maxContractValue,
  };
  return fields;
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;
const roundedBreakdown = (b: ScoreBreakdown): ScoreBreakdown => ({
  text: round(b.text),
  sector: round(b.sector),
  capacity: round(b.capacity),
  location: round(b.location),
  labels: round(b.labels),
});

export class Matcher {
  private readonly weights: MatchWeights;
  private readonly nafLabel: NafLabel;
  private readonly pruning: boolean;
  private readonly index = new TextIndex();
  private readonly entries: Array<Entry | undefined> = [];
  private readonly slots = new Map<string, number>();
  // Scratch space by slot for searchSlots(), all zeros between calls.
  private slotScratch = new Int32Array(0);
  // Structures by NAF code, so that a need's stated sector brings in those worded differently.
  private readonly sectors = new SectorIndex();
  private readonly byKind = new Map<string, Set<number>>();
  // The words profiles are written with, to read a query's misspelt word as the one meant.
  private readonly spellings = new Spellings();
  private readonly correct = (t: Token): Token => this.spellings.correct(t, (term) => this.index.docFrequency(term));

  constructor(options: MatcherOptions = {}) {
    this.weights = resolveWeights(options.weights);
    this.nafLabel = options.nafLabel ?? codesNafLabel;
    this.pruning = options.textPruning ?? true;
  }

  get size(): number {
    return this.index.size;
  }

  /** Adds or replaces a profile: O(its own length), whatever the size of the index. */
  upsert(profile: Profile): void {
    this.remove(profile.id);
    const nafCodes = canonicalCodes(profile.nafCodes);
    const words: Token[] = [];
    countProfileTerms(profile, nafCodes, this.nafLabel, STATUS_CODES, this.index.count, words);
    const slot = this.index.commit();
    this.entries[slot] = { profile: kept(profile), nafCodes, labelKeys: profile.labels.map(labelKey) };
    this.spellings.add(slot, words);
    this.slots.set(profile.id, slot);
    this.sectors.add(slot, nafCodes);
    if (profile.inclusionKind) {
      const slots = this.byKind.get(profile.inclusionKind) ?? new Set<number>();
      this.byKind.set(profile.inclusionKind, slots.add(slot));
    }
  }

  /**
   * Many profiles into an empty matcher (the start): the same index as upsert() one by one, built
   * faster. `expected`, how many there are when known, lets it make room for all of them once the
   * first few have shown their size (growing arrays by half copied them twice over).
   */
  load(profiles: Iterable<Profile>, expected = 0): void {
    this.index.beginLoad();
    try {
      let n = 0;
      for (const profile of profiles) {
        this.upsert(profile);
        n += 1;
        if (n === SIZE_SAMPLE && expected > n) {
          this.index.reserve(expected);
          this.spellings.reserve(expected, n);
        }
      }
    } finally {
      this.index.endLoad();
    }
  }

  remove(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    this.index.remove(slot);
    const entry = this.entries[slot];
    this.entries[slot] = undefined;
    this.slots.delete(id);
    this.spellings.remove(slot);
    this.sectors.remove(entry?.nafCodes ?? [], (s) => this.index.isAlive(s));
    if (entry?.profile.inclusionKind) this.byKind.get(entry.profile.inclusionKind)?.delete(slot);
  }

  /** The best `limit` structures for the need, eligible ones first; each with breakdown and reasons. */
  match(need: NeedQuery, limit: number): Match[] {
    if (!(limit >= 1) || this.size === 0) return [];
    const { n, hits } = this.analyse(need, Math.max(MIN_TEXT_CANDIDATES, limit * TEXT_CANDIDATES_PER_RESULT));
    const scored = hits.map((h) => this.score(h.slot, h.score, n));
    const seen = new Set(hits.map((h) => h.slot));
    for (const slot of this.requiredKindSlots(need)) if (!seen.has(slot)) scored.push(this.score(slot, this.index.cosine(slot, n.prepared), n));
    scored.sort((a, b) => compareMatches(a.match, b.match));
    return scored.slice(0, limit).map((s) => this.present(s, n));
  }

  /**
   * The need's sectors as match() reads them: its NAF codes when stated, else those its wording points
   * to (one per trade it names: cleaning, green spaces, catering…), else the vote of its best matches.
   */
  sectorsOf(need: NeedQuery): { nafCodes: string[]; inferred: boolean } {
    if (need.nafCodes.length > 0 || this.size === 0) return { nafCodes: [...need.nafCodes], inferred: false };
    const { n } = this.analyse(need, MIN_TEXT_CANDIDATES);
    return { nafCodes: n.nafCodes, inferred: n.inferred };
  }

  /**
   * The given structures scored for the need exactly as match() would score them, in the order
   * given (unknown ids left out): for structures an officer adds to a shortlist by hand.
   */
  scoreFor(need: NeedQuery, ids: readonly string[]): Match[] {
    if (ids.length === 0 || this.size === 0) return [];
    const { n } = this.analyse(need, MIN_TEXT_CANDIDATES);
    return ids.flatMap((id) => {
      const slot = this.slots.get(id);
      return slot === undefined ? [] : [this.present(this.score(slot, this.index.cosine(slot, n.prepared), n), n)];
    });
  }

  /**
   * The directory's search: every structure that shares a meaningful word with the text (a word
   * one letter off counts, when long enough), or says a whole phrase of a synonym group the text
   * triggers, with its relevance: the cosine of match() for a need titled with the text, plus the
   * head start of the sector the text's vocabulary points to. A last word still being typed also
   * stands for the words beginning with it (text/completion.ts); when it is a word of its own, what
   * only those reach comes after what it finds. In no particular order.
   */
  search(text: string): SearchHit[] {
    const { slots, scores, length } = this.searchSlots(text);
    return Array.from(slots.subarray(0, length), (slot, i) => ({ id: this.entries[slot]!.profile.id, score: scores[i]! }));
  }

  /**
   * search() by slot (see slotOf): the directory reads thousands of hits per search, and an object
   * and an id per hit cost more than the search itself.
   */
  searchSlots(text: string): Hits {
    const none = { slots: new Int32Array(0), scores: new Float64Array(0), length: 0 };
    if (this.size === 0) return none;
    const prefix = typedPrefix(text);
    const begun: Array<[string, string]> = [];
    if (prefix) {
      const collect: VisitWord = (word, term) => begun.push([word, term]);
      this.spellings.startingWith(prefix.surface, collect);
      tableWordsStartingWith(prefix.surface, collect);
    }
    // A word being typed is not misspelt: "boiss" is the beginning of "boissons", not "bois" one letter off.
    const correct = begun.length > 0 ? (t: Token) => (t.surface === prefix!.surface ? t : this.correct(t)) : this.correct;
    const terms = needTerms({ title: text, description: '' } as NeedQuery, [], this.nafLabel, correct);
    const hits = this.textHits(terms, this.sectors.priors(terms.nafHints)) ?? none;
    if (!prefix || begun.length === 0) return hits;
    const { completions, isWord } = complete(prefix.surface, begun, (term) => this.index.docFrequency(term), (term) => terms.weights.has(term));
    const completed = completions.length > 0 ? this.textHits(completionTerms(completions, terms.weights), []) : null;
    if (!completed) return hits;
    this.slotScratch = grow(this.slotScratch, this.entries.length);
    return withCompletions(hits, completed, isWord, this.slotScratch);
  }

  /** A structure's slot, the number searchSlots() gives it: -1 when it is not indexed. A slot is never given to another structure. */
  slotOf(id: string): number {
    return this.slots.get(id) ?? -1;
  }

  /** The structures holding one of the terms, or a whole multi-word synonym phrase, with their cosine plus prior. */
  private textHits(terms: Pick<NeedTerms, 'weights' | 'expansions'>, priors: Prior[]): Hits | null {
    const prepared = this.index.prepare(terms.weights);
    if (prepared.terms.length === 0) return null;
    // A synonym phrase of several words counts only whole ("entretien des locaux" is not "entretien").
    const phraseOf = prepared.terms.map((term) => terms.expansions.get(term)?.asTerms);
    const position = new Map(prepared.terms.map((term, qi) => [term, qi]));
    const direct = (qi: number) => (phraseOf[qi]?.length ?? 1) === 1;
    // Each phrase once, as positions of its terms in the query (all of them indexed, else it cannot match).
    const phrases = new Map<string, number[]>();
    for (const phrase of phraseOf) {
      if (!phrase || phrase.length < 2 || !phrase.every((t) => position.has(t))) continue;
      phrases.set(phrase.join(' '), phrase.map((t) => position.get(t)!));
    }
    return this.index.scoreAll(prepared, direct, [...phrases.values()], priors);
  }

  /** Every structure of the kinds a need requires, when they are few enough to score one by one. */
  private requiredKindSlots(need: NeedQuery): number[] {
    const sets = (need.requiredInclusionKinds ?? []).map((k) => this.byKind.get(k)).filter((s): s is Set<number> => s !== undefined);
    if (sets.reduce((sum, s) => sum + s.size, 0) > MAX_KIND_CANDIDATES) return [];
    return sets.flatMap((s) => [...s]);
  }

  /** The need prepared, its best text candidates, and what they tell: the text scale and, when unstated, the sector. */
  private analyse(need: NeedQuery, k: number): { n: Need; hits: TextHit[] } {
    const n = this.prepareNeed(need);
    // Candidates: best by text, with a head start for the need's stated sector, else for the one its
    // title's vocabulary points to (a sector voted by the text comes from these very candidates, so
    // it can only reorder them).
    const sectorHint = n.nafCodes.length > 0 ? n.nafCodes : n.terms.nafHints;
    const hits = this.index.search(n.prepared, k, this.pruning, this.sectors.priors(sectorHint));
    const bestCosine = hits.reduce((best, h) => Math.max(best, h.score), 0);
    n.textScale = Math.max(bestCosine, TEXT_FLOOR);
    // A need without NAF codes: the sector its wording points to in the vocabulary table, else the
    // vote of its best text matches.
    if (n.nafCodes.length === 0 && n.terms.nafHints.length > 0) {
      n.nafCodes = n.terms.nafHints;
      n.inferred = true;
    } else if (n.nafCodes.length === 0 && hits.length > 0) {
      const voters = hits.slice(0, SECTOR_VOTERS).filter((h) => h.score >= VOTER_MIN_SHARE_OF_BEST * bestCosine);
      n.nafCodes = inferNafCodes(voters.map((h) => ({ codes: this.entries[h.slot]?.nafCodes ?? [], weight: h.score })));
      n.inferred = n.nafCodes.length > 0;
    }
    return { n, hits };
  }

  /** What a caller sees of a scored structure: rounded figures and French reasons. */
  private present({ match, slot, evidence }: Scored, n: Need): Match {
    return {
      ...match,
      // Ranked on exact values; shown with four decimals (0.9999999999999998 reads as a bug).
      score: round(match.score),
      relevance: round(match.relevance),
      breakdown: roundedBreakdown(match.breakdown),
      reasons: explain({ ...evidence, text: this.textEvidence(slot, n) }, n.query.preferredInclusionKinds, this.nafLabel),
      failed: failedConstraints(evidence),
    };
  }

  private prepareNeed(need: NeedQuery): Need {
    const nafCodes = canonicalCodes(need.nafCodes);
    const terms = needTerms(need, nafCodes, this.nafLabel, this.correct);
    const requiredLabels = [...new Map(need.requiredLabels.map((l) => [labelKey(l), l])).values()];
    return { query: need, terms, prepared: this.index.prepare(terms.weights), nafCodes, inferred: false, requiredLabels, textScale: TEXT_FLOOR };
  }

  private score(slot: number, cosine: number, n: Need): Scored {
    const { profile, nafCodes, labelKeys } = this.entries[slot] as Entry;
    const q = n.query;
    const sector = sectorScore(n.nafCodes, nafCodes, n.inferred);
    const location = locationScore(q, profile, profile.interventionRadiusKm);
    const capacity = capacityScore(q.budgetMin, q.budgetMax, profile.maxContractValue, profile.employees);
    const labels = labelsScore(n.requiredLabels, q.preferredInclusionKinds, labelKeys, profile.inclusionKind);
    const breakdown = {
      text: Math.min(1, cosine / n.textScale),
      sector: sector.score,
      capacity: capacity.score,
      location: location.score,
      labels: labels.score,
    };
    const inclusion = inclusionRequirement(q.requiredInclusionKinds ?? [], profile.inclusionKind, q.kind);
    const eligible = labels.missing.length === 0 && !location.outOfRange && (inclusion?.allowed ?? true);
    return {
      slot,
      match: { profileId: profile.id, score: combine(breakdown, this.weights, sector.known), breakdown, eligible, relevance: relevance(breakdown, this.weights, sector.known), reasons: [], failed: [] },
      evidence: { sector, profileNafCodes: nafCodes, location, capacity, labels, inclusion },
    };
  }

  private textEvidence(slot: number, n: Need): TextEvidence {
    const parts = this.index.contributions(slot, n.prepared);
    const order = parts.map((c, i) => [c, i] as const).filter(([c]) => c > 0).sort((a, b) => b[0] - a[0]);
    const shared: string[] = [];
    const related = new Map<string, { from: string; as: string }>();
    const present = new Set(order.map(([, i]) => n.prepared.terms[i]));
    for (const [, i] of order) {
      const term = n.prepared.terms[i];
      const surface = n.terms.surfaces.get(term);
      const expansion = n.terms.expansions.get(term);
      if (surface && shared.length < SHOWN_TERMS && !shared.includes(surface)) shared.push(surface);
      // "ménage ≈ entretien des locaux" only when the structure says the whole phrase.
      else if (expansion && related.size < SHOWN_RELATED && expansion.asTerms.every((t) => present.has(t))) {
        related.set(`${expansion.from}|${expansion.as}`, expansion);
      }
    }
    // Chosen by weight, read in the need's own order: "espaces, verts, tonte", not "verts, espaces…".
    const written = [...n.terms.surfaces.values()];
    shared.sort((a, b) => written.indexOf(a) - written.indexOf(b));
    return { shared, related: [...related.values()].map(({ from, as }) => ({ from, as })), any: order.length > 0 };
  }
}
