// The public directory: the filter, its pages and facets (served from memory: directory-index.ts), where structures are.
import { z } from 'zod';
import { labelKey } from '../../matching/text/fold';
import { communeCentroid, findCommune, type Commune } from '../reference/communes';
import type { DirectoryDeps } from './deps';
import { badInput } from '../errors';
import type { DirectoryCriteria } from '../store/filters';
import type { SupplierRecord } from '../store/types';
import type { DirectoryFacets, DirectoryResult } from './directory-index';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page } from '../kernel';
import { ALL_LEGAL_FORMS, INCLUSION_KINDS } from './suppliers';
import { placeInText } from './places';
import * as v from '../kernel';

/** A blank filter field is no filter, as it has always been; any other value is checked as an input is. */
const orBlank = <T extends z.ZodType>(schema: T) => z.preprocess((s) => (typeof s === 'string' && s.trim() === '' ? null : s), schema.nullish());

const directorySchema = z
  .object({
    // a space after the last word says it is complete; without one, it also stands for the words it begins
    text: v.completingSearchText(200, 'recherche trop longue (200 caractères au plus)').nullish(),
    // read as a structure's own commune is, so that "2a004" finds Ajaccio and an unknown code is refused
    communeCode: orBlank(v.communeCode),
    inclusionKinds: v.list(z.enum(INCLUSION_KINDS, "type de structure d'inclusion inconnu"), INCLUSION_KINDS.length).nullish(),
    legalForms: v.list(z.enum(ALL_LEGAL_FORMS, 'forme juridique inconnue'), ALL_LEGAL_FORMS.length).nullish(),
    labels: v.list(v.searchText(60, 'label trop long'), 20, 'labels').nullish(),
    nafPrefix: orBlank(v.nafPrefix),
    servesCommuneCode: orBlank(v.communeCode),
    completenessBelow: z.number('un pourcentage est attendu').int('un pourcentage entier est attendu').min(1, 'entre 1 et 100').max(100, 'entre 1 et 100').nullish(),
    neverSignedIn: z.boolean('vrai ou faux').nullish(),
    hasContactEmail: z.boolean('vrai ou faux').nullish(),
    // false: the text is searched as typed, a commune name in it included (« Chercher « rouen » comme un mot »)
    readPlaces: z.boolean('vrai ou faux').nullish(),
  })
  .nullish();

/** A checked SupplierFilter: what the store can select, and the commune to be served (judged here). */
export interface DirectorySelection {
  criteria: DirectoryCriteria;
  servesCommuneCode?: string;
  /** Staff only, these three (checked by the caller, who knows the viewer). */
  completenessBelow?: number;
  neverSignedIn?: boolean;
  hasContactEmail?: boolean;
  /** Whether servesCommuneCode is a commune the text named (its words then left the text). */
  servesCommuneFromText?: boolean;
  /** The words of the text that named that commune, as typed. */
  servesCommuneTyped?: string;
}

/** Checks a SupplierFilter (GraphQL input or the map's query parameters); BAD_USER_INPUT naming the field. */
export function parseDirectoryFilter(filter: unknown): DirectorySelection {
  const f = v.parseInput(directorySchema, filter) ?? {};
  // A commune named in the text means « can work there », unless the filter already chose one.
  const place = f.text && !f.servesCommuneCode && f.readPlaces !== false ? placeInText(f.text) : null;
  return {
    criteria: {
      text: (place ? place.text : f.text) || undefined,
      communeCode: f.communeCode || undefined,
      inclusionKinds: f.inclusionKinds?.length ? f.inclusionKinds : undefined,
      legalForms: f.legalForms?.length ? f.legalForms : undefined,
      labelKeys: f.labels?.length ? f.labels.map(labelKey) : undefined,
      nafPrefix: f.nafPrefix || undefined,
    },
    servesCommuneCode: place?.commune.code ?? (f.servesCommuneCode || undefined),
    ...(place ? { servesCommuneFromText: true, servesCommuneTyped: place.typed } : {}),
    ...(f.completenessBelow != null ? { completenessBelow: f.completenessBelow } : {}),
    ...(f.neverSignedIn != null ? { neverSignedIn: f.neverSignedIn } : {}),
    ...(f.hasContactEmail != null ? { hasContactEmail: f.hasContactEmail } : {}),
  };
}

/** Where the structure is: its geocoded coordinates, else its commune's centre, else null. */
export function supplierLocation(s: Pick<SupplierRecord, 'latitude' | 'longitude' | 'communeCode'>): { latitude: number; longitude: number } | null {
  if (s.latitude !== null && s.longitude !== null) return { latitude: s.latitude, longitude: s.longitude };
  return communeCentroid(s.communeCode);
}

/** Every structure the selection matches: by relevance when text is given, else in name order. */
export function selectDirectory(services: DirectoryDeps, selection: DirectorySelection): readonly SupplierRecord[] {
  return services.matching.directory.select(selection).all();
}

export interface DirectoryArgs {
  filter?: unknown;
  first?: number | null;
  after?: string | null;
  offset?: number | null;
}

/** What a search was read as, for the page to say it (« Structures pouvant intervenir à Rouen »). */
export interface DirectoryReading {
  text: string | null;
  servesCommune: Commune | null;
  servesCommuneFromText: boolean;
  servesCommuneTyped: string | null;
  headOfficeCommune: Commune | null;
}

// Both codes were checked against the reference data (v.communeCode).
const communeOrNull = (code: string | undefined): Commune | null => (code ? findCommune(code) : null);

function readingOf(selection: DirectorySelection): DirectoryReading {
  return {
    text: selection.criteria.text?.trim() || null,
    servesCommune: communeOrNull(selection.servesCommuneCode),
    servesCommuneFromText: selection.servesCommuneFromText ?? false,
    servesCommuneTyped: selection.servesCommuneTyped ?? null,
    headOfficeCommune: communeOrNull(selection.criteria.communeCode),
  };
}

const MAX_OFFSET = 100_000;

export type { DirectoryFacets, FacetCount } from './directory-index';

export type DirectoryPage = Page<SupplierRecord> & { facets: () => DirectoryFacets; reading: DirectoryReading };

const invalidCursor = () => badInput('after', '« after » : curseur de pagination invalide.');

/** Where the page after the cursor starts in the result: cursors carry [sortKey, id] in name order, [relevance, id] in a ranked one. */
function startAfter(result: DirectoryResult, after: [string | number, string] | null): number {
  if (!after) return 0;
  const [key, id] = after;
  if (result.ranked) {
    if (typeof key !== 'number') throw invalidCursor();
    const at = result.rankOf(id);
    // The structure of the cursor left the result since (edited, deleted): resume after its relevance.
    if (at >= 0) return at + 1;
    let rank = 0;
    while (rank < result.size && result.scoreAt(rank) >= key) rank += 1;
    return rank;
  }
  if (typeof key !== 'string') throw invalidCursor();
  // Name order: the first structure after the cursor's, found by halving.
  let lo = 0;
  let hi = result.size;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = result.at(mid);
    if (s.sortKey < key || (s.sortKey === key && s.id <= id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The public directory: by relevance when text is given (the matcher's French analysis), else in
 * name order; keyset pagination, and facets over the whole result (computed when asked).
 */
export function directory(services: DirectoryDeps, args: DirectoryArgs): DirectoryPage {
  const size = pageSize(args.first);
  const selection = parseDirectoryFilter(args.filter);
  const after = decodeCursor(args.after);
  const offset = args.offset ?? 0;
  // A page given by its number in an address (?page=3): its first structure's rank.
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) throw badInput('offset', `« offset » : doit être un entier entre 0 et ${MAX_OFFSET.toLocaleString('fr-FR')}.`);
  const result = services.matching.directory.select(selection);
  const start = Math.min(result.size, startAfter(result, after) + offset);
  const rest: SupplierRecord[] = [];
  for (let rank = start; rank < Math.min(result.size, start + size + 1); rank += 1) rest.push(result.at(rank));
  return {
    ...toPage(rest, size, result.size, (s, i) => encodeCursor([result.ranked ? result.scoreAt(start + i) : s.sortKey, s.id])),
    facets: result.facets,
    reading: readingOf(selection),
  };
}
