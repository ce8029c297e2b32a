// The public directory: the filter, its facets, where structures are and which communes they serve.
import { z } from 'zod';
import { locationScore, type Place } from '../../matching/components/location';
import { labelKey } from '../../matching/text/fold';
import { communeCentroid, findCommune } from '../reference/communes';
import { INCLUSION_KIND_FR, LEGAL_FORM_FR } from '../reference/vocabulary';
import type { Services } from '../services';
import { DIRECTORY_ORDER, supplierDirectoryFilter, type DirectoryCriteria } from '../store/filters';
import type { SupplierRecord } from '../store/types';
import { placeOf } from './matching';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page } from './pagination';
import { INCLUSION_KINDS, LEGAL_FORMS } from './suppliers';
import * as v from './validation';

/** A blank filter field is no filter, as it has always been; any other value is checked as an input is. */
const orBlank = <T extends z.ZodType>(schema: T) => z.preprocess((s) => (typeof s === 'string' && s.trim() === '' ? null : s), schema.nullish());

const directorySchema = z
  .object({
    text: v.searchText(200, 'recherche trop longue (200 caractères au plus)').nullish(),
    // read as a structure's own commune is, so that "2a004" finds Ajaccio and an unknown code is refused
    communeCode: orBlank(v.communeCode),
    inclusionKinds: v.list(z.enum(INCLUSION_KINDS, "type de structure d'inclusion inconnu"), INCLUSION_KINDS.length).nullish(),
    legalForms: v.list(z.enum(LEGAL_FORMS, 'forme juridique inconnue'), LEGAL_FORMS.length).nullish(),
    labels: v.list(v.searchText(60, 'label trop long'), 20, 'labels').nullish(),
    nafPrefix: orBlank(v.nafPrefix),
    servesCommuneCode: orBlank(v.communeCode),
  })
  .nullish();

/** A checked SupplierFilter: what the store can select, and the commune to be served (judged here). */
export interface DirectorySelection {
  criteria: DirectoryCriteria;
  servesCommuneCode?: string;
}

/** Checks a SupplierFilter (GraphQL input or the map's query parameters); BAD_USER_INPUT naming the field. */
export function parseDirectoryFilter(filter: unknown): DirectorySelection {
  const f = v.parseInput(directorySchema, filter) ?? {};
  return {
    criteria: {
      text: f.text || undefined,
      communeCode: f.communeCode || undefined,
      inclusionKinds: f.inclusionKinds?.length ? f.inclusionKinds : undefined,
      legalForms: f.legalForms?.length ? f.legalForms : undefined,
      labelKeys: f.labels?.length ? f.labels.map(labelKey) : undefined,
      nafPrefix: f.nafPrefix || undefined,
    },
    servesCommuneCode: f.servesCommuneCode || undefined,
  };
}

/** Where the structure is: its geocoded coordinates, else its commune's centre, else null. */
export function supplierLocation(s: Pick<SupplierRecord, 'latitude' | 'longitude' | 'communeCode'>): { latitude: number; longitude: number } | null {
  if (s.latitude !== null && s.longitude !== null) return { latitude: s.latitude, longitude: s.longitude };
  return communeCentroid(s.communeCode);
}

/**
 * Whether the structure can work in the commune, judged as the matcher judges it: the location
 * component neither marks it out of range nor scores it zero (past its radius and tolerance band,
 * or past the typical local radius when it declared none).
 */
export function servesPlace(place: Place, s: SupplierRecord): boolean {
  const result = locationScore(place, placeOf(s), s.interventionRadiusKm);
  return !result.outOfRange && result.score > 0;
}

/** Every structure the selection matches, in name order. */
export async function selectDirectory(services: Services, selection: DirectorySelection): Promise<SupplierRecord[]> {
  const all = await services.store.suppliers.find(supplierDirectoryFilter(selection.criteria), { sort: DIRECTORY_ORDER });
  if (!selection.servesCommuneCode) return all;
  const place = placeOf({ communeCode: selection.servesCommuneCode, latitude: null, longitude: null });
  return all.filter((s) => servesPlace(place, s));
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export interface DirectoryFacets {
  inclusionKinds: FacetCount[];
  legalForms: FacetCount[];
  communes: FacetCount[];
  labels: FacetCount[];
}

/** Most frequent first, then in French alphabetical order of the label. */
function countsOf(values: Iterable<{ key: string; value: string; label: string }>): FacetCount[] {
  const counts = new Map<string, FacetCount>();
  for (const { key, value, label } of values) {
    const facet = counts.get(key);
    if (facet) facet.count += 1;
    else counts.set(key, { value, label, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr'));
}

export function directoryFacets(suppliers: readonly SupplierRecord[]): DirectoryFacets {
  return {
    inclusionKinds: countsOf(suppliers.flatMap((s) => (s.inclusionKind ? [{ key: s.inclusionKind, value: s.inclusionKind, label: INCLUSION_KIND_FR[s.inclusionKind] }] : []))),
    legalForms: countsOf(suppliers.map((s) => ({ key: s.legalForm, value: s.legalForm, label: LEGAL_FORM_FR[s.legalForm] }))),
    communes: countsOf(suppliers.map((s) => ({ key: s.communeCode, value: s.communeCode, label: findCommune(s.communeCode)?.name ?? s.communeCode }))),
    // One count per label however spelt: the filter matches labels by their folded key.
    labels: countsOf(suppliers.flatMap((s) => [...new Map(s.labels.map((l) => [labelKey(l), l])).entries()].map(([key, l]) => ({ key, value: l, label: l })))),
  };
}

export interface DirectoryArgs {
  filter?: unknown;
  first?: number | null;
  after?: string | null;
}

export type DirectoryPage = Page<SupplierRecord> & { facets: DirectoryFacets };

const afterCursor = (s: SupplierRecord, after: [string | number, string]) =>
  s.sortKey > String(after[0]) || (s.sortKey === String(after[0]) && s.id > after[1]);

/** The public directory, in name order, with keyset pagination and facets over the whole result. */
export async function directory(services: Services, args: DirectoryArgs): Promise<DirectoryPage> {
  const size = pageSize(args.first);
  const selection = parseDirectoryFilter(args.filter);
  const after = decodeCursor(args.after);
  const all = await selectDirectory(services, selection);
  const start = after ? all.findIndex((s) => afterCursor(s, after)) : 0;
  const rest = start < 0 ? [] : all.slice(start, start + size + 1);
  return { ...toPage(rest, size, all.length, (s) => encodeCursor([s.sortKey, s.id])), facets: directoryFacets(all) };
}
