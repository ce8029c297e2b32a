// Places named in a directory search: « espaces verts Rouen » looks for landscapers who can work in
// Rouen, not for profiles that write « Rouen ». The communes of the Métropole and of its département
// are recognised by name, accents and apostrophes aside (« saint etienne du rouvray », « Grand-Quevilly »
// for Le Grand-Quevilly), and the words that named the commune leave the text.
//
// Many commune names are also ordinary French (« La Chaussée », « Le Trait », « Préaux », « Les
// Loges »): read from any text, « réfection de la chaussée » would become a place. So a name is read
// from lowercase text only when it is the Métropole's (the directory's own territory, where people
// search) and has a word of its own (« rouen », « grand quevilly »); every other name must be typed
// as a name: its words capitalised (« Les Loges », « le Trait ») or joined by hyphens as officially
// written (« grand-camp »).
import { fold } from '../../matching/text/fold';
import { inVocabulary } from '../../matching/text/synonyms';
import { analyze } from '../../matching/text/tokenize';
import { allCommunes, isMetropoleCommune, metropoleCommunes, type Commune } from '../reference/communes';

interface NamedCommune {
  words: readonly string[];
  /** For each gap between two words, whether the official name joins them with a hyphen. */
  hyphens: readonly boolean[];
  commune: Commune;
  /** Whether the name is read however it is typed (lowercase, spaces for hyphens). */
  anyCase: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const wordsOf = (name: string): string[] => [...name.matchAll(WORD)].map((m) => fold(m[0]));
/** For each gap between two words of the name, whether a hyphen is part of it. */
const hyphensOf = (name: string): boolean[] => {
  const spans = [...name.matchAll(WORD)];
  return spans.slice(1).map((m, k) => name.slice(spans[k]!.index + spans[k]![0].length, m.index).includes('-'));
};
const ARTICLES = new Set(['le', 'la', 'les', 'l']);
// The small words of commune names, which stay lowercase in an official name (« Saint-Étienne-du-Rouvray »).
const PARTICLES = new Set([...ARTICLES, 'de', 'du', 'des', 'd', 'sur', 'sous', 'en', 'les', 'lès', 'et', 'aux', 'au', 'a'].map(fold));

/**
 * The ordinary French words (common nouns, adjectives; first names that are also nouns: « pierre »,
 * « marguerite ») found in the Métropole's 71 names, judged name by name. A Métropole name made only
 * of these and particles (« La Bouille », « Le Trait », « Grand-Couronne ») is also a phrase of the
 * language, so it must be typed as a name like the département's. Outside the Métropole no list is
 * needed: every name there must be typed as a name.
 */
const ORDINARY_WORDS_OF_METROPOLE_NAMES: ReadonlySet<string> = new Set(
  ['bois', 'bouille', 'bourg', 'chant', 'couronne', 'dame', 'fontaine', 'grand', 'haye', 'leger', 'marguerite', 'martin', 'mi', 'mont', 'notre', 'petit', 'pierre', 'port', 'poterie', 'preaux', 'riviere', 'saint', 'sainte', 'seine', 'trait', 'val', 'vivier', 'voie'],
);

/** Whether a name is also a phrase of the language: each word a particle or an ordinary word. */
const isOrdinaryPhrase = (words: readonly string[]): boolean => words.every((w) => PARTICLES.has(w) || ORDINARY_WORDS_OF_METROPOLE_NAMES.has(w));

let byFirstWord: Map<string, NamedCommune[]> | null = null;

/**
 * The names to recognise, by their first word, longest first (« Saint-Aubin-lès-Elbeuf » before a
 * shorter name it begins with). A one-word name that is also a word of the language (« Eu », « Ry »,
 * « Routes ») would turn a search for an activity into a place: such names are left out; a name whose
 * article is left out (« Grand-Quevilly ») is recognised when at least two words remain.
 */
function namesByFirstWord(): Map<string, NamedCommune[]> {
  if (byFirstWord) return byFirstWord;
  const departements = new Set(metropoleCommunes().map((c) => c.departement));
  const names = new Map<string, NamedCommune | null>();
  const add = (named: NamedCommune) => {
    const key = named.words.join(' ');
    const known = names.get(key);
    // Two communes of one name: the Métropole's wins, else neither is guessed.
    if (known === null || (known && known.commune.code !== named.commune.code)) {
      if (known && isMetropoleCommune(known.commune.code)) return;
      if (!isMetropoleCommune(named.commune.code)) return void names.set(key, null);
    }
    names.set(key, named);
  };
  for (const commune of allCommunes()) {
    if (!departements.has(commune.departement)) continue;
    const words = wordsOf(commune.name);
    if (words.length === 1 && !isPlaceWord(words[0]!)) continue;
    const hyphens = hyphensOf(commune.name);
    const anyCase = isMetropoleCommune(commune.code) && !isOrdinaryPhrase(words);
    add({ words, hyphens, commune, anyCase });
    if (ARTICLES.has(words[0]!) && words.length >= 3) add({ words: words.slice(1), hyphens: hyphens.slice(1), commune, anyCase });
  }
  byFirstWord = new Map();
  for (const named of names.values()) {
    if (!named) continue;
    const list = byFirstWord.get(named.words[0]!) ?? [];
    list.push(named);
    byFirstWord.set(named.words[0]!, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return byFirstWord;
}

/** A one-word name worth recognising: long enough, and no word of the matcher's vocabulary table. */
function isPlaceWord(word: string): boolean {
  if (word.length < 4 || COMMON_WORDS.has(word)) return false;
  const tokens = analyze(word);
  return tokens.length === 1 && !inVocabulary(tokens[0]!.term);
}

// One-word commune names of the département that are also words people search the directory with.
const COMMON_WORDS = new Set(['marques', 'routes', 'toussaint']);

interface TypedWord {
  folded: string;
  raw: string;
  start: number;
  end: number;
}

/**
 * Whether the words were typed as a name: every word but the particles begins with a capital
 * (« Les Loges », « le Trait », « Saint-Honoré »), or, for a name written with hyphens, the
 * words are joined by them as officially written (« grand-camp »).
 */
function typedAsName(named: NamedCommune, typed: readonly TypedWord[], text: string): boolean {
  // A text in capitals throughout (« REFECTION DE LA CHAUSSEE ») says nothing by its capitals.
  const capitalised = /\p{Ll}/u.test(text) && typed.every((w) => PARTICLES.has(w.folded) || /^\p{Lu}/u.test(w.raw));
  if (capitalised) return true;
  if (!named.hyphens.some(Boolean)) return false;
  return named.hyphens.every((hyphen, k) => !hyphen || text.slice(typed[k]!.end, typed[k + 1]!.start).includes('-'));
}

export interface PlaceInText {
  commune: Commune;
  /** The text without the commune's words; undefined when nothing else was searched. */
  text: string | undefined;
  /** The words that named the commune, as typed (« rouen »). */
  typed: string;
}

/** Builds the place names once, before the first search needs them (the server does it before it is ready). */
export function preparePlaceNames(): void {
  namesByFirstWord();
}

/**
 * The first commune named in a search text, and the text left once its words are taken out. A text
 * that named the commune last keeps its other words complete (a space ends it), so « espaces verts
 * Rouen » is not read as « verts… » being typed.
 */
export function placeInText(text: string): PlaceInText | null {
  const names = namesByFirstWord();
  const words: TypedWord[] = [...text.matchAll(WORD)].map((m) => ({ folded: fold(m[0]), raw: m[0], start: m.index, end: m.index + m[0].length }));
  for (let i = 0; i < words.length; i += 1) {
    for (const named of names.get(words[i]!.folded) ?? []) {
      const n = named.words.length;
      if (i + n > words.length || !named.words.every((w, k) => words[i + k]!.folded === w)) continue;
      if (!named.anyCase && !typedAsName(named, words.slice(i, i + n), text)) continue;
      const before = text.slice(0, words[i]!.start).trim();
      const after = text.slice(words[i + n - 1]!.end);
      const rest = after.trim() ? `${before} ${after.trimStart()}` : `${before} `;
      return { commune: named.commune, text: analyze(rest).length > 0 ? rest.trimStart() : undefined, typed: text.slice(words[i]!.start, words[i + n - 1]!.end) };
    }
  }
  return null;
}
