// "What firms search for": the words of the needs a structure's sector received lately that its own
// profile lacks, analysed as the matcher analyses texts, so that adding them is what makes it found.
import { canSeePrivate, type Viewer } from '../auth/guards';
import { analyze } from '../../matching/text/tokenize';
import { fold } from '../../matching/text/fold';
import { isGenericWord } from '../../matching/text/query';
import { needsPostedSince } from '../store/filters';
import type { NeedRecord, SupplierRecord } from '../store/types';
import type { DirectoryDeps } from '../directory';
import { ANONYMOUS_POSTER } from './confirmation';

const LOOK_BACK_MS = 365 * 86_400_000;
const MAX_HINTS = 8;
/**
 * A word written by one or two firms could be a name, a person's or a place, or news one firm keeps
 * to itself (« fusion »): shown only once three distinct firms wrote it, so that no single actor can
 * learn whether another firm wrote a word, nor plant words in every structure's hints.
 */
export const MIN_FIRMS = 3;

/** The NAF group ("81.3": landscaping; "81.2": cleaning): a division mixes trades firms tell apart. */
const group = (naf: string): string => naf.slice(0, 4);

/** Null for anyone but the structure itself and staff. */
export async function searchHints(services: Pick<DirectoryDeps, 'store'>, viewer: Viewer | null, supplier: SupplierRecord, now = new Date()): Promise<string[] | null> {
  if (!canSeePrivate(viewer, supplier.organisationId)) return null;
  const groups = new Set(supplier.nafCodes.map(group));
  if (groups.size === 0) return [];
  const own = new Set(analyze([supplier.name, supplier.description, ...supplier.services].join(' ')).map((t) => t.term));
  const needs = await services.store.needs.find(needsPostedSince(new Date(now.getTime() - LOOK_BACK_MS)));
  // term → the firms that wrote it, and the most frequent way it was written
  const firms = new Map<string, Set<string>>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const need of needs.filter((n) => counts(n) && n.nafCodes.some((c) => groups.has(group(c))))) {
    const firm = firmOf(need);
    if (firm === null) continue;
    for (const token of analyze(`${need.title} ${need.description}`)) {
      if (own.has(token.term) || isGenericWord(token.surface) || token.surface.length < 3 || /\d/.test(token.surface)) continue;
      if (!firms.has(token.term)) firms.set(token.term, new Set());
      firms.get(token.term)!.add(firm);
      const written = surfaces.get(token.term) ?? new Map<string, number>();
      written.set(token.surface, (written.get(token.surface) ?? 0) + 1);
      surfaces.set(token.term, written);
    }
  }
  return [...firms]
    .filter(([, by]) => by.size >= MIN_FIRMS)
    .sort(([a, x], [b, y]) => y.size - x.size || a.localeCompare(b))
    .slice(0, MAX_HINTS)
    // the way firms wrote it most often; on a tie the longer word ("fleurissement" rather than "fleuris")
    .map(([term]) => [...surfaces.get(term)!].sort(([a, x], [b, y]) => y - x || b.length - a.length || a.localeCompare(b))[0]![0]);
}

/**
 * Who vouches for the need's firm: an account's organisation, or an officer who recorded it. Both are
 * keyed by the firm's name (an account posts under its organisation's name), so that an account and an
 * officer's record of the same firm count once. A need posted without an account names whatever
 * firm it likes: it counts for no one.
 */
function firmOf(need: NeedRecord): string | null {
  if (need.createdBy === ANONYMOUS_POSTER) return null;
  const name = need.companyName ? fold(need.companyName).replace(/[^a-z0-9]/g, '') : '';
  if (name) return `name:${name}`;
  return need.organisationId ? `organisation:${need.organisationId}` : null;
}

/** Needs that count: confirmed and not withdrawn. */
const counts = (n: NeedRecord): boolean => n.confirmedAt !== null && !n.withdrawnAt;
