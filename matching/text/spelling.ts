// One misspelt letter forgiven: a word of a query that no indexed text contains is read as the
// indexed word one edit away (a letter replaced, added, dropped, or two swapped), when it is long
// enough for one letter not to change its meaning.
import { grow } from './arrays';
import { firstFrom, type VisitWord } from './completion';
import { SlotRuns } from './runs';
import { inVocabulary } from './synonyms';
import { tokenOf, type Token } from './tokenize';

/** Shorter words are left as typed: "repas" one letter off is "rapas", but "bois" is also "mois". */
export const MIN_CORRECTED_LENGTH = 5;
// New words are put in alphabetical order when a completion is asked and more than this many wait
// (read one by one till then): a build sorts once, a write now and then costs no sort.
const UNSORTED_LIMIT = 256;

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

/**
 * The folded words the indexed texts are written with, how many texts use each, and the term each
 * gave. Each text's distinct word ids are kept by its slot, as the text index keeps its vectors.
 */
export class Spellings {
  /** A surface's number (Token.surfaceNumber) → its word id + 1 here (0: not seen). */
  private idOf = new Int32Array(1024);
  private readonly words: string[] = [];
  private readonly terms: string[] = [];
  private uses = new Int32Array(1024);
  // Which text last counted a word (its slot + 1): a word is counted once per text without a set.
  private lastText = new Int32Array(1024);
  private readonly byLength = new Map<number, number[]>();
  private readonly wordsOfText = new SlotRuns(1);
  // Word ids in alphabetical order of the word (for completions), and those not sorted in yet.
  private sorted = new Int32Array(0);
  private unsorted: number[] = [];

  /** Counts the words of the text at this slot (a slot not in use). */
  add(slot: number, tokens: Iterable<Token>): void {
    const runs = this.wordsOfText;
    let n = 0;
    for (const { surface, term, surfaceNumber } of tokens) {
      // Found by the surface's number in an array: no map lookup per word of every text indexed.
      let id = (surfaceNumber < this.idOf.length ? this.idOf[surfaceNumber] : 0) - 1;
      if (id < 0) {
        id = this.words.length;
        this.idOf = grow(this.idOf, surfaceNumber + 1);
        this.idOf[surfaceNumber] = id + 1;
        this.words.push(surface);
        this.terms.push(term);
        this.uses = grow(this.uses, id + 1);
        this.lastText = grow(this.lastText, id + 1);
        this.unsorted.push(id);
        if (surface.length >= MIN_CORRECTED_LENGTH - 1) {
          const list = this.byLength.get(surface.length) ?? [];
          list.push(id);
          this.byLength.set(surface.length, list);
        }
      }
      if (this.lastText[id] === slot + 1) continue;
      this.lastText[id] = slot + 1;
      this.uses[id] += 1;
      if (runs.used + n === runs.cells.length) runs.room(n + 1);
      runs.cells[runs.used + n] = id;
      n += 1;
    }
    runs.commit(slot, n);
  }

  /** Makes room for `texts` texts in all, each with as many distinct words as the average of the `counted` so far. */
  reserve(texts: number, counted: number): void {
    this.wordsOfText.reserve(texts, counted);
  }

  /** Forgets the words of the text at this slot (a word no text uses any more is never proposed). */
  remove(slot: number): void {
    const runs = this.wordsOfText;
    const n = runs.length(slot);
    if (n === 0) return;
    const { cells } = runs;
    for (let i = runs.start(slot), end = i + n; i < end; i += 1) {
      this.uses[cells[i]] -= 1;
      if (this.lastText[cells[i]] === slot + 1) this.lastText[cells[i]] = 0;
    }
    runs.free(slot);
  }

  /** Gives `visit` each word in use that begins with `prefix`, and its term. */
  startingWith(prefix: string, visit: VisitWord): void {
    if (this.unsorted.length > UNSORTED_LIMIT) this.sortNewWords();
    const { words, sorted } = this;
    for (let i = firstFrom(sorted.length, (k) => words[sorted[k]]!, prefix); i < sorted.length && words[sorted[i]]!.startsWith(prefix); i += 1) {
      if (this.uses[sorted[i]] > 0) visit(words[sorted[i]]!, this.terms[sorted[i]]!);
    }
    for (const id of this.unsorted) if (this.uses[id] > 0 && words[id]!.startsWith(prefix)) visit(words[id]!, this.terms[id]!);
  }

  /** Sorts the new words, then merges them into the sorted ones (words are distinct). */
  private sortNewWords(): void {
    const { words, sorted } = this;
    const fresh = this.unsorted.sort((a, b) => (words[a]! < words[b]! ? -1 : 1));
    const merged = new Int32Array(sorted.length + fresh.length);
    let i = 0;
    let j = 0;
    for (let k = 0; k < merged.length; k += 1) {
      merged[k] = j >= fresh.length || (i < sorted.length && words[sorted[i]]! < words[fresh[j]!]!) ? sorted[i++] : fresh[j++]!;
    }
    this.sorted = merged;
    this.unsorted = [];
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
    return best ? tokenOf(best.term, token.surface) : token;
  }
}
