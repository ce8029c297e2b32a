// Loads the curated vocabulary table (synonyms.json) and expands a need's terms with it.
// The table is data, not code: officers' wording ("ménage") and suppliers' ("nettoyage") rarely meet,
// and a stemmer cannot bridge them. Expansion happens on the query side only, so editing the table
// never requires re-indexing the profiles.
import { firstFrom, type VisitWord } from './completion';
import table from './synonyms.json';
import { analyze, type Token } from './tokenize';

/** A term the need did not contain, added because one of its phrases belongs to a group. */
export interface Expansion {
  term: string;
  weight: number;
  /** The need's own words that called the group in (as the table spells them when the same), and the phrase this term comes from (for reasons). */
  from: string;
  as: string;
  /** Every term of that phrase: a reason cites the phrase only when the structure has them all. */
  asTerms: string[];
}

interface Phrase {
  group: number;
  terms: string[];
  /** The folded words of the phrase, stop words left out: compared with the need's own. */
  surfaces: string[];
  text: string;
}

interface CompiledTable {
  weight: number;
  phrasesByFirstTerm: Map<string, Phrase[]>;
  groups: Phrase[][];
  nafOfGroup: string[][];
  vocabulary: Set<string>;
  /** The folded words of the phrases, in alphabetical order, and their terms (for completions). */
  words: string[];
  termOfWord: Map<string, string>;
}

/** What the table makes of a need: terms to add, and the NAF sub-classes its phrases point to. */
export interface Expanded {
  expansions: Expansion[];
  nafHints: string[];
}

interface Group {
  topic: string;
  naf?: string[];
  terms: string[];
  /** The judged needs that justify the group's terms (checked by test/directory-objects.test.ts; not read here). */
  cases?: string[];
}

let compiled: CompiledTable | null = null;

function compile(): CompiledTable {
  const phrasesByFirstTerm = new Map<string, Phrase[]>();
  const groups: Phrase[][] = [];
  const rows: Group[] = table.groups;
  rows.forEach((group, g) => {
    const phrases: Phrase[] = [];
    for (const text of group.terms) {
      const tokens = analyze(text);
      const terms = tokens.map((t) => t.term);
      if (terms.length === 0) continue;
      const phrase = { group: g, terms, surfaces: tokens.map((t) => t.surface), text };
      phrases.push(phrase);
      const list = phrasesByFirstTerm.get(terms[0]) ?? [];
      list.push(phrase);
      phrasesByFirstTerm.set(terms[0], list);
    }
    groups.push(phrases);
  });
  const vocabulary = new Set(groups.flatMap((phrases) => phrases.flatMap((p) => p.terms)));
  const termOfWord = new Map(groups.flatMap((phrases) => phrases.flatMap((p) => p.surfaces.map((w, i) => [w, p.terms[i]] as const))));
  const words = [...termOfWord.keys()].sort((a, b) => (a < b ? -1 : 1));
  return { weight: table.expansionWeight, phrasesByFirstTerm, groups, nafOfGroup: rows.map((g) => g.naf ?? []), vocabulary, words, termOfWord };
}

/** Whether the term is a word of the vocabulary table: a query word the table knows is never "corrected". */
export function inVocabulary(term: string): boolean {
  compiled ??= compile();
  return compiled.vocabulary.has(term);
}

/** Gives `visit` each word of the table that begins with `prefix`, and its term ("ména": "ménage", whose synonyms find cleaners). */
export function tableWordsStartingWith(prefix: string, visit: VisitWord): void {
  compiled ??= compile();
  const { words, termOfWord } = compiled;
  for (let i = firstFrom(words.length, (k) => words[k], prefix); i < words.length && words[i].startsWith(prefix); i += 1) visit(words[i], termOfWord.get(words[i])!);
}

function startsAt(tokens: Token[], at: number, terms: string[]): boolean {
  if (at + terms.length > tokens.length) return false;
  for (let i = 0; i < terms.length; i += 1) if (tokens[at + i].term !== terms[i]) return false;
  return true;
}

/**
 * The terms to add to a need, from every group one of whose phrases appears (as consecutive kept
 * words) in the need. Longest match first, and the words it covers trigger nothing else: in
 * "déjeuners livrés" the catering phrase wins, and "livrés" alone does not call in couriers.
 * Terms the need already has are not repeated; a term reached twice keeps one entry.
 */
export function expand(tokens: Token[]): Expanded {
  compiled ??= compile();
  const { weight, phrasesByFirstTerm, groups, nafOfGroup } = compiled;
  const present = new Set(tokens.map((t) => t.term));
  const triggered = new Map<number, string>();
  for (let i = 0; i < tokens.length; ) {
    const found = (phrasesByFirstTerm.get(tokens[i].term) ?? []).filter((p) => startsAt(tokens, i, p.terms));
    const longest = Math.max(0, ...found.map((p) => p.terms.length));
    for (const phrase of found) {
      if (phrase.terms.length !== longest || triggered.has(phrase.group)) continue;
      // A reason names what the need wrote: the table's spelling when the words are the same (the
      // need's own lack the stop words: "mise pli"), else the need's words ("nettoyer", not "nettoyage").
      const written = tokens.slice(i, i + longest).map((t) => t.surface);
      triggered.set(phrase.group, written.every((w, k) => w === phrase.surfaces[k]) ? phrase.text : written.join(' '));
    }
    i += Math.max(1, longest);
  }
  const added = new Map<string, Expansion>();
  for (const [group, from] of triggered) {
    for (const phrase of groups[group]) {
      // A long phrase spreads its weight, so "entretien des locaux" does not outweigh "ménage".
      const perTerm = weight / Math.sqrt(phrase.terms.length);
      for (const term of phrase.terms) {
        if (present.has(term) || added.has(term)) continue;
        added.set(term, { term, weight: perTerm, from, as: phrase.text, asTerms: phrase.terms });
      }
    }
  }
  return { expansions: [...added.values()], nafHints: [...new Set([...triggered.keys()].flatMap((g) => nafOfGroup[g]))] };
}
