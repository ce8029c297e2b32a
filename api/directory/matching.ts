// Bridges stored records and the matcher: turns suppliers into profiles, keeps the index in step
// with every write, and answers matchSuppliers for officers.
import { Matcher } from '../../matching';
import { locationScore, type Place } from '../../matching/components/location';
import type { Match, MatchWeights, NeedQuery, Profile } from '../../matching/types';
import { isRelevant } from '../../matching/rank';
import { requireRole, type Viewer } from '../auth/guards';
import { badInput, notFound } from '../errors';
import { communeCentroid, departementArea, findCommune } from '../reference/communes';
import { nafLabel } from '../reference/naf';
import type { DirectoryDeps, MatchingService } from './deps';
import { updatedAfter } from '../store/filters';
import type { NeedRecord, Store, SupplierRecord } from '../store/types';
import { DirectoryIndex } from './directory-index';
import { preparePlaceNames } from './places';
import { activeSuppliers } from './suppliers';

/** Given coordinates win; else the commune's centroid; else only the département (and its area) is known. */
export function placeOf(r: { communeCode: string; latitude: number | null; longitude: number | null }) {
  const centroid = r.latitude !== null && r.longitude !== null ? { latitude: r.latitude, longitude: r.longitude } : communeCentroid(r.communeCode);
  const departement = findCommune(r.communeCode)?.departement ?? null;
  return {
    latitude: centroid?.latitude ?? null,
    longitude: centroid?.longitude ?? null,
    departement,
    area: !centroid && departement ? departementArea(departement) : null,
  };
}

/**
 * Whether a structure based at `base` can work at `target`, judged as the matcher judges it: the
 * location component neither marks it out of range nor scores it zero (past its radius and
 * tolerance band, or past the typical local radius when it declared none).
 */
export function serves(target: Place, base: Place, radiusKm: number | null): boolean {
  const result = locationScore(target, base, radiusKm);
  return !result.outOfRange && result.score > 0;
}

export function toProfile(s: SupplierRecord): Profile {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    services: s.services,
    nafCodes: s.nafCodes,
    labels: s.labels,
    legalForm: s.legalForm,
    inclusionKind: s.inclusionKind,
    ...placeOf(s),
    interventionRadiusKm: s.interventionRadiusKm,
    employees: s.employees,
    maxContractValue: s.maxContractValue,
  };
}

export function toNeedQuery(n: NeedRecord): NeedQuery {
  return {
    title: n.title,
    description: n.description,
    kind: n.kind,
    nafCodes: n.nafCodes,
    ...placeOf(n),
    budgetMin: n.budgetMin,
    budgetMax: n.budgetMax,
    requiredLabels: n.requiredLabels,
    preferredInclusionKinds: n.preferredInclusionKinds,
    requiredInclusionKinds: n.requiredInclusionKinds,
  };
}

const DELETION_SWEEP_EVERY = 12;
const LOOK_BACK_MS = 60_000;

/** Builds the index from every stored supplier; the server reports ready only after this. */
export async function buildMatchingService(store: Store, weights?: Partial<MatchWeights>): Promise<MatchingService> {
  // The communes' names a search may hold (the whole communes table, about 0.1 s): read now, not by the first search.
  preparePlaceNames();
  const matcher = new Matcher({ weights, nafLabel });
  const directory = new DirectoryIndex<Place>({ search: (text) => matcher.searchSlots(text), numberOf: (id) => matcher.slotOf(id), placeOf, serves });
  const indexed = new Set<string>();
  let refreshes = 0;
  const upsert = (supplier: SupplierRecord) => {
    if (supplier.retiredAt) return remove(supplier.id); // an anonymous stub is never proposed nor listed
    matcher.upsert(toProfile(supplier));
    directory.upsert(supplier);
    indexed.add(supplier.id);
  };
  const remove = (id: string) => {
    matcher.remove(id);
    directory.remove(id);
    indexed.delete(id);
  };
  // Writes since the watermark: the store's clock when the last read began (updatedAt is stamped
  // with that same clock, the server's on MongoDB), never a timestamp read from a document, so
  // one written in the future cannot hide later writes (it is merely read again until its time
  // has passed). A write stamped before a read began may commit after it: look back a minute
  // (re-indexing a profile is idempotent). Deletions: compare the id sets now and then.
  const catchUp = async () => {
    const startedAt = await store.now();
    for (const supplier of await store.suppliers.find(updatedAfter(new Date(watermark.getTime() - LOOK_BACK_MS)))) {
      // Seen already (the look-back brings the last minute's writes again): nothing to redo, and
      // the directory keeps the results it holds.
      if (!supplier.retiredAt && directory.get(supplier.id)?.updatedAt.getTime() === supplier.updatedAt.getTime()) continue;
      upsert(supplier);
    }
    watermark = startedAt;
    refreshes += 1;
    if (refreshes % DELETION_SWEEP_EVERY !== 0) return;
    const stored = new Set(await store.suppliers.ids({}));
    for (const id of [...indexed]) if (!stored.has(id)) remove(id);
  };
  let refreshing: Promise<void> | null = null;
  let stopped = false;
  let watermark = await store.now();
  const stored = (await store.suppliers.all()).filter((supplier) => !supplier.retiredAt);
  matcher.load(
    (function* () {
      for (const supplier of stored) {
        indexed.add(supplier.id);
        yield toProfile(supplier);
      }
    })(),
    stored.length,
  );
  directory.load(stored);
  return {
    upsert,
    remove,
    rank: (need, limit) => matcher.match(toNeedQuery(need), limit),
    rankQuery: (query, limit) => matcher.match(query, limit),
    sectorsOf: (need) => matcher.sectorsOf(toNeedQuery(need)),
    scoreFor: (need, supplierIds) => matcher.scoreFor(toNeedQuery(need), supplierIds),
    refresh() {
      if (stopped) return Promise.resolve();
      // A sweep over a large directory may outlast the polling interval: never two at once.
      refreshing ??= catchUp().finally(() => (refreshing = null));
      return refreshing;
    },
    async stop() {
      stopped = true;
      await refreshing?.catch(() => {}); // its failure was reported to whoever started it
    },
    get size() {
      return matcher.size;
    },
    directory,
  };
}

export const DEFAULT_MATCH_LIMIT = 10;
export const MAX_MATCH_LIMIT = 50;

export interface SupplierMatch extends Omit<Match, 'profileId'> {
  supplier: SupplierRecord;
  relevant: boolean;
}

/** Officers and admins: the suppliers ranked for a need, best first. */
export async function matchSuppliers(services: DirectoryDeps, viewer: Viewer | null, needId: string, limit?: number | null): Promise<SupplierMatch[]> {
  requireRole(viewer, 'OFFICER', 'ADMIN');
  const size = limit ?? DEFAULT_MATCH_LIMIT;
  if (!Number.isInteger(size) || size < 1 || size > MAX_MATCH_LIMIT) {
    throw badInput('limit', `« limit » : doit être un entier entre 1 et ${MAX_MATCH_LIMIT}.`);
  }
  const need = await services.store.needs.findById(needId);
  if (!need) throw notFound('Besoin introuvable.');
  const matches = services.matching.rank(need, size);
  const suppliers = await activeSuppliers(services.store, matches.map((m) => m.profileId));
  return matches.flatMap(({ profileId, ...rest }) => {
    const supplier = suppliers.get(profileId);
    return supplier ? [{ supplier, ...rest, relevant: isRelevant(rest) }] : [];
  });
}

/**
 * Why no structure of the need's trade can be proposed, in French; null when one can. `matches` is
 * the matcher's ranking, the need's trade first (matching/rank.ts), so a few dozen tell.
 */
export function tradeShortfall(need: NeedRecord, matches: readonly Match[]): string | null {
  if (matches.some((m) => m.eligible && isRelevant(m))) return null;
  const place = findCommune(need.communeCode)?.name ?? need.communeCode;
  const trade = matches.filter(isRelevant).length;
  if (trade === 0) {
    return "Aucune structure de l'annuaire ne fait ce que demande ce besoin : les structures classées sont d'autres métiers, à ne présenter qu'en connaissance de cause.";
  }
  const which = trade === 1 ? 'la seule structure de ce métier est marquée non éligible' : `les ${trade} structures de ce métier sont marquées non éligibles`;
  return `Aucune structure éligible de ce métier ne peut intervenir à ${place} : ${which} (hors de leur zone d'intervention, ou sans un label ou un type exigé : voir leurs raisons). Les structures classées après elles sont d'autres métiers.`;
}
