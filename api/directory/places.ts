// Places named in a directory search: « espaces verts Rouen » looks for landscapers who can work in
// Rouen, not for profiles that write « Rouen ». The communes of the Métropole and of its département
// are recognised by name, accents, case, hyphens and apostrophes aside (« saint etienne du rouvray »,
// « Grand-Quevilly » for Le Grand-Quevilly), and the words that named the commune leave the text.
import { fold } from '../../matching/text/fold';
import { inVocabulary } from '../../matching/text/synonyms';
import { analyze } from '../../matching/text/tokenize';
import { allCommunes, isMetropoleCommune, metropoleCommunes, type Commune } from '../reference/communes';

interface NamedCommune {
  words: readonly string[];
  commune: Commune;
}

const wordsOf = (name: string): string[] => fold(name).split(/[^a-z0-9]+/).filter(Boolean);
const ARTICLES = new Set(['le', 'la', 'les', 'l']);

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
  const names = new Map<string, NamedCommune>();
  const add = (words: string[], commune: Commune) => {
    const key = words.join(' ');
    const known = names.get(key);
    // Two communes of one name: the Métropole's wins, else neither is guessed.
    if (known && known.commune.code !== commune.code) {
      if (isMetropoleCommune(known.commune.code)) return;
      if (!isMetropoleCommune(commune.code)) return void names.set(key, { words: [], commune });
    }
    names.set(key, { words, commune });
  };
  for (const commune of allCommunes()) {
    if (!departements.has(commune.departement)) continue;
    const words = wordsOf(commune.name);
    if (words.length === 1 && !isPlaceWord(words[0]!)) continue;
    add(words, commune);
    if (ARTICLES.has(words[0]!) && words.length >= 3) add(words.slice(1), commune);
  }
  byFirstWord = new Map();
  for (const named of names.values()) {
    if (named.words.length === 0) continue;
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

export interface PlaceInText {
  commune: Commune;
  /** The text without the commune's words; undefined when nothing else was searched. */
  text: string | undefined;
}

/**
 * The first commune named in a search text, and the text left once its words are taken out. A text
 * that named the commune last keeps its other words complete (a space ends it), so « espaces verts
 * Rouen » is not read as « verts… » being typed.
 */
export function placeInText(text: string): PlaceInText | null {
  const names = namesByFirstWord();
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ folded: fold(m[0]), start: m.index, end: m.index + m[0].length }));
  for (let i = 0; i < words.length; i += 1) {
    for (const named of names.get(words[i]!.folded) ?? []) {
      const n = named.words.length;
      if (i + n > words.length || !named.words.every((w, k) => words[i + k]!.folded === w)) continue;
      const before = text.slice(0, words[i]!.start).trim();
      const after = text.slice(words[i + n - 1]!.end);
      const rest = after.trim() ? `${before} ${after.trimStart()}` : `${before} `;
      return { commune: named.commune, text: analyze(rest).length > 0 ? rest.trimStart() : undefined };
    }
  }
  return null;
}
