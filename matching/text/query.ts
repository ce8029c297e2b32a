// What the index reads from a profile, and what it asks for a need: term counts with field weights,
// synonym expansions, and the need's own spelling of each term (accents kept) for the reasons.
import type { NeedQuery, Profile } from '../types';
import { fold } from './fold';
import { expand, type Expansion } from './synonyms';
import { analyze, countTerms, termOf, type Token } from './tokenize';

// The title of a need and the services a structure lists are their most specific statements.
const TITLE_WEIGHT = 2;
const SERVICES_WEIGHT = 2;
// Terms of the labels of the need's own NAF codes: a hint, worth a synonym.
const NEED_NAF_LABEL_WEIGHT = 0.5;
// Business words any need may carry, whatever its trade ("séminaire annuel", "services généraux",
// "pour 80 personnes"): kept, but too weak to make a structure of another trade look on topic.
const GENERIC_WEIGHT = 0.25;
const GENERIC_WORDS = [
  'annuel', 'annuelle', 'annuels', 'annuelles', 'service', 'services', 'general', 'generaux', 'generale', 'generales',
  'personne', 'personnes', 'entreprise', 'entreprises', 'societe', 'besoin', 'besoins', 'prestation', 'prestations',
  'site', 'sites', 'client', 'clients', 'salarie', 'salaries', 'equipe', 'equipes', 'projet', 'projets', 'qualite',
  'demande', 'mois', 'semaine', 'annee', 'jour', 'jours', 'an', 'ans', 'fois', 'bureau', 'bureaux',
];

const GENERIC_TERMS = new Set(GENERIC_WORDS.map(termOf));

/** A word any need may carry, whatever its trade ("annuel", "services"), as written or folded. */
export const isGenericWord = (word: string): boolean => GENERIC_TERMS.has(termOf(fold(word)));

// A NAF label's tokens, analysed once: every profile of a trade repeats its code's label (a tenth of
// a build's words went through the analysis again). Labels are a closed list.
const labelTokens = new Map<string, Token[]>();

function tokensOfLabel(label: string): Token[] {
  let tokens = labelTokens.get(label);
  if (!tokens) labelTokens.set(label, (tokens = analyze(label)));
  return tokens;
}

export type NafLabel = (code: string) => string | undefined;

// The distinctive words of a structure's inclusion kind: what a profile known only by its name and kind
// also says of itself, and what people search the directory for (« entreprise adaptée », « chantier
// d'insertion », « ESAT »). Only those: the kinds' other words (atelier, chantier, entreprise, travail)
// are trades' and any need's words, and made every ACI a lead for a bicycle repair.
const KIND_NAMES: Readonly<Record<string, string>> = {
  ESAT: 'ESAT',
  EA: 'adaptée',
  EATT: 'adaptée',
  ACI: 'insertion',
  AI: 'intermédiaire insertion',
  EI: 'insertion',
  ETTI: 'insertion',
  EITI: 'insertion',
  GEIQ: 'GEIQ insertion',
};

/**
 * Term counts of a profile, given one word at a time: name, description, services, the label of
 * each NAF code and the name of its inclusion kind. `words` collects the tokens of the profile's own text (for the spelling dictionary).
 */
export function countProfileTerms(p: Profile, nafCodes: string[], nafLabel: NafLabel, skipLabelOf: ReadonlySet<string>, add: (token: Token, count: number) => void, words?: Token[]): void {
  const own = words
    ? (token: Token, n: number) => {
        words.push(token);
        add(token, n);
      }
    : add;
  countTerms(p.name, own);
  countTerms(p.description, own);
  for (const s of p.services) countTerms(s, own, SERVICES_WEIGHT);
  for (const code of nafCodes) {
    // "81.30Z" contributes "Services d'aménagement paysager"; status codes would add "aide", "travail".
    if (skipLabelOf.has(code)) continue;
    const label = nafLabel(code) ?? nafLabel(code.slice(0, 5));
    if (!label) continue;
    const tokens = tokensOfLabel(label);
    for (let i = 0; i < tokens.length; i += 1) add(tokens[i]!, 1);
  }
  const kind = p.inclusionKind ? KIND_NAMES[p.inclusionKind] : undefined;
  if (kind) for (const token of tokensOfLabel(kind)) add(token, 1);
}

/** The same counts as a map (for natural's TfIdf in the benchmark). */
export function profileTerms(p: Profile, nafCodes: string[], nafLabel: NafLabel, skipLabelOf: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  countProfileTerms(p, nafCodes, nafLabel, skipLabelOf, ({ term }, n) => counts.set(term, (counts.get(term) ?? 0) + n));
  return counts;
}

export interface NeedTerms {
  /** term → query tf weight: 1 + ln(count) for the need's words, a reduced weight for additions. */
  weights: Map<string, number>;
  /** Terms added by the synonym table (absent from the need's words). */
  expansions: Map<string, Expansion>;
  /** term → the need's word as written (lower case, accents kept). */
  surfaces: Map<string, string>;
  /** NAF sub-classes the table associates with the phrases of the need's title (its probable sector). */
  nafHints: string[];
}

/** Folded word → the word as written (lower case but for acronyms), so reasons say "propreté", "ESAT". */
function spellings(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of text.split(/[^\p{L}\p{N}]+/u)) if (w) out.set(fold(w), /^\p{Lu}{2,}$/u.test(w) ? w : w.toLowerCase());
  return out;
}

/** `correct` reads each word as the index knows it (one misspelt letter forgiven), before synonyms are looked up. */
export function needTerms(need: NeedQuery, nafCodes: string[], nafLabel: NafLabel, correct: (t: Token) => Token = (t) => t): NeedTerms {
  const title = analyze(need.title).map(correct);
  const description = analyze(need.description).map(correct);
  const counts = new Map<string, number>();
  for (const t of title) counts.set(t.term, (counts.get(t.term) ?? 0) + TITLE_WEIGHT);
  for (const t of description) counts.set(t.term, (counts.get(t.term) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [term, count] of counts) weights.set(term, (1 + Math.log(count)) * (GENERIC_TERMS.has(term) ? GENERIC_WEIGHT : 1));

  const spelled = spellings(`${need.title} ${need.description}`);
  const surfaces = new Map<string, string>();
  for (const t of [...title, ...description]) if (!surfaces.has(t.term)) surfaces.set(t.term, spelled.get(t.surface) ?? t.surface);

  const expansions = new Map<string, Expansion>();
  const nafHints = new Set<string>();
  // Title and description separately: a phrase must not straddle the two.
  for (const tokens of [title, description] as Token[][]) {
    const expanded = expand(tokens);
    // Only the title names the service; a description mentions deliveries, bikes or recycling in passing.
    if (tokens === title) expanded.nafHints.forEach((c) => nafHints.add(c));
    for (const e of expanded.expansions) {
      if (weights.has(e.term) || (expansions.get(e.term)?.weight ?? 0) >= e.weight) continue;
      // The need's own words come folded from the table's matching: give them back their accents.
      expansions.set(e.term, { ...e, from: e.from.split(' ').map((w) => spelled.get(w) ?? w).join(' ') });
    }
  }
  for (const e of expansions.values()) weights.set(e.term, e.weight);
  for (const code of nafCodes) {
    const label = nafLabel(code);
    if (!label) continue;
    for (const { term } of tokensOfLabel(label)) if (!weights.has(term)) weights.set(term, NEED_NAF_LABEL_WEIGHT);
  }
  return { weights, expansions, surfaces, nafHints: [...nafHints] };
}

/**
 * What a word still being typed stands for (the directory's search only): each completion at the
 * weight of a word written once, and what the vocabulary table adds to it, the query's own terms
 * (`taken`) left out.
 */
export function completionTerms(completions: readonly Token[], taken: ReadonlyMap<string, number>): Pick<NeedTerms, 'weights' | 'expansions'> {
  const weights = new Map<string, number>(completions.map((c) => [c.term, 1]));
  const expansions = new Map<string, Expansion>();
  for (const c of completions) {
    for (const e of expand([c]).expansions) {
      if (taken.has(e.term) || weights.has(e.term) || (expansions.get(e.term)?.weight ?? 0) >= e.weight) continue;
      expansions.set(e.term, e);
    }
  }
  for (const e of expansions.values()) weights.set(e.term, e.weight);
  return { weights, expansions };
}
