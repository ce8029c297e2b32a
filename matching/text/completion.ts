// Search as you type, for the directory's search only (a need's matching never completes words):
// the last word of a query, while still being typed, also stands for the indexed words that begin
// with it, "recyc" for "recyclerie" and "recyclage". After a whole word, what only those completions
// reach ranks after every structure the word finds, so that it finds what it found before first.
import { fold } from './fold';
import type { Hits } from './index';
import { analyze, tokenOf, type Token } from './tokenize';

/** Shorter beginnings say too little: "re" begins a good part of the vocabulary. */
export const MIN_PREFIX_LENGTH = 3;
/** Completions kept, the most widespread first: each one scans a posting list. */
export const MAX_COMPLETIONS = 8;
// A word guessed from its beginning adds half its cosine: it counts less than a typed one.
const COMPLETION_SHARE = 0.5;
// What only completions reach stays under this share of the weakest exact hit's relevance.
const BELOW_EXACT = 0.5;

/** Receives a word beginning with the prefix, and its index term. */
export type VisitWord = (word: string, term: string) => void;

/**
 * The last word of the text while it is being typed: the text ends with it (no space or punctuation
 * after it), it has MIN_PREFIX_LENGTH letters or more and is no stop word; else null. It is the
 * analyser's own token: folded as every word is.
 */
export function typedPrefix(text: string): Token | null {
  if (!/[\p{L}\p{N}]$/u.test(text)) return null;
  const tokens = analyze(text);
  const last = tokens[tokens.length - 1];
  if (!last || last.surface.length < MIN_PREFIX_LENGTH || !fold(text).endsWith(last.surface)) return null;
  return last;
}

/** The first of `n` words in code unit order that is not before `prefix` (found by halving). */
export function firstFrom(n: number, wordAt: (i: number) => string, prefix: string): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (wordAt(mid) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What a prefix stands for. */
export interface Completed {
  /** The terms of the words beginning with the prefix, as tokens. */
  completions: Token[];
  /** Whether the prefix is itself a word in use or of the table ("bois"), not only the beginning of some ("recyc"). */
  isWord: boolean;
}

/**
 * Of the words beginning with the prefix, with their terms, the terms the query does not hold yet
 * (`taken`), the MAX_COMPLETIONS that most structures hold first (`df`), ties in alphabetical order
 * so that the answer does not depend on the history.
 */
export function complete(prefix: string, words: ReadonlyArray<readonly [string, string]>, df: (term: string) => number, taken: (term: string) => boolean): Completed {
  const found = new Map<string, { surface: string; df: number }>();
  let isWord = false;
  for (const [word, term] of words) {
    if (word === prefix) isWord = true;
    if (taken(term)) continue;
    const seen = found.get(term);
    if (!seen) found.set(term, { surface: word, df: df(term) });
    else if (word < seen.surface) seen.surface = word;
  }
  const completions = [...found]
    .sort(([a, x], [b, y]) => y.df - x.df || (a < b ? -1 : 1))
    .slice(0, MAX_COMPLETIONS)
    .map(([term, { surface }]) => tokenOf(term, surface));
  return { completions, isWord };
}

/**
 * The hits of the words as typed with those of the completions. After a whole word ("bois"), its
 * hits keep their relevance and come first; what only the completions reach ("boisson") follows,
 * in its order, scaled under the weakest of them. After a mere beginning ("recyc", "propr"), its
 * completions are as good a reading as its own stem: every hit gets the completions' share added.
 * `at` is scratch space indexed by slot, all zeros, left so.
 */
export function withCompletions(exact: Hits, completed: Hits, isWord: boolean, at: Int32Array): Hits {
  const slots = new Int32Array(exact.length + completed.length);
  const scores = new Float64Array(exact.length + completed.length);
  slots.set(exact.slots.subarray(0, exact.length));
  scores.set(exact.scores.subarray(0, exact.length));
  for (let i = 0; i < exact.length; i += 1) at[exact.slots[i]] = i + 1;
  let length = exact.length;
  let strongest = 0;
  for (let j = 0; j < completed.length; j += 1) {
    const i = at[completed.slots[j]] - 1;
    if (i >= 0) {
      if (!isWord) scores[i] += COMPLETION_SHARE * completed.scores[j];
      continue;
    }
    const score = isWord ? completed.scores[j] : COMPLETION_SHARE * completed.scores[j];
    slots[length] = completed.slots[j];
    scores[length] = score;
    strongest = Math.max(strongest, score);
    length += 1;
  }
  for (let i = 0; i < exact.length; i += 1) at[exact.slots[i]] = 0;
  if (isWord && exact.length > 0 && strongest > 0) {
    let weakest = Infinity;
    for (let i = 0; i < exact.length; i += 1) weakest = Math.min(weakest, scores[i]);
    const scale = Math.min(1, (BELOW_EXACT * weakest) / strongest);
    for (let i = exact.length; i < length; i += 1) scores[i] *= scale;
  }
  return { slots, scores, length };
}
