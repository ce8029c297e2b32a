// One misspelt letter forgiven: a word of a query that no indexed text contains is read as the
// indexed word one edit away (a letter replaced, added, dropped, or two swapped), when it is long
// enough for one letter not to change its meaning.
import { inVocabulary } from './synonyms';
import { termNumberOf, type Token } from './tokenize';

/** Shorter words are left as typed: "repas" one letter off is "rapas", but "bois" is also "mois". */
export const MIN_CORRECTED_LENGTH = 5;

/** Whether a and b are at most one Damerau-Levenshtein edit apart (equal strings included). */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (i === a.length && i === b.length) return true;
  if (a.length === b.length) {
    // One letter replaced, or two neighbours swapped.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One letter added to the longer one.
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The folded words the indexed texts are written with, how many texts use each, and the term each gave. */
export class Spellings {
  private readonly idOf = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly terms: string[] = [];
  private uses = new Int32Array(1024);
  private readonly byLength = new Map<number, number[]>();

  /** Counts one text's words; returns their ids, to be given back to remove(). */
  add(tokens: Iterable<Token>): Int32Array {
    const ids = new Set<number>();
    for (const { surface, term } of tokens) {
      let id = this.idOf.get(surface);
      if (id === undefined) {
        id = this.words.length;
        this.idOf.set(surface, id);
        this.words.push(surface);
        this.terms.push(term);
        if (id === this.uses.length) {
          const bigger = new Int32Array(this.uses.length * 2);
          bigger.set(this.uses);
          this.uses = bigger;
        }
        if (surface.length >= MIN_CORRECTED_LENGTH - 1) {
          const list = this.byLength.get(surface.length) ?? [];
          list.push(id);
          this.byLength.set(surface.length, list);
        }
      }
      ids.add(id);
    }
    for (const id of ids) this.uses[id] += 1;
    return Int32Array.from(ids);
  }

  /** Forgets one text's words (a word no text uses any more is never proposed). */
  remove(ids: Int32Array): void {
    for (const id of ids) this.uses[id] -= 1;
  }

  /**
   * The token as the index knows it: unchanged when its term is indexed or in the vocabulary table
   * (whose synonyms then speak for it: "ménage" is no misspelt "aménagé"), or the word is short;
   * else the term of the word in use one edit away whose term is most frequent (`df`), if any.
   */
  correct(token: Token, df: (term: string) => number): Token {
    if (token.surface.length < MIN_CORRECTED_LENGTH || df(token.term) > 0 || inVocabulary(token.term) || /\d/.test(token.surface)) return token;
    let best: { term: string; df: number; word: string } | null = null;
    for (let len = token.surface.length - 1; len <= token.surface.length + 1; len += 1) {
      for (const id of this.byLength.get(len) ?? []) {
        if (this.uses[id] === 0 || !withinOneEdit(token.surface, this.words[id]!)) continue;
        const term = this.terms[id]!;
        const n = df(term);
        // Ties go to the word first in alphabetical order, so that the answer is one whatever the history.
        if (n > 0 && (!best || n > best.df || (n === best.df && this.words[id]! < best.word))) best = { term, df: n, word: this.words[id]! };
      }
    }
    return best ? { term: best.term, surface: token.surface, termNumber: termNumberOf(best.term) } : token;
  }
}
