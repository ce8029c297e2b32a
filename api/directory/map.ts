// The directory as a GeoJSON FeatureCollection, for the website's map: the same filter as
// SupplierFilter, read from query parameters, and the part of the map in view (bbox); public fields
// only (never a contact address). The HTTP edge (api/map-layer.ts) keeps the answers.
import { badInput } from '../errors';
import { findCommune } from '../reference/communes';
import { INCLUSION_KIND_FR, LEGAL_FORM_FR } from '../reference/vocabulary';
import type { DirectoryDeps } from './deps';
import type { SupplierRecord } from '../store/types';
import { parseDirectoryFilter, selectDirectory, supplierLocation, type DirectorySelection } from './directory';
import { structurePath } from './slug';

const SCALARS = ['text', 'communeCode', 'nafPrefix', 'servesCommuneCode'] as const;
// Enum lists may be repeated (inclusionKinds=EI&inclusionKinds=ACI) or comma-separated; labels
// only repeated, since a label may hold a comma.
const ENUM_LISTS = ['inclusionKinds', 'legalForms'] as const;
const LISTS = [...ENUM_LISTS, 'labels'] as const;
const BOOLEANS = ['readPlaces'] as const;
const BBOX = 'bbox';
const KNOWN = new Set<string>([...SCALARS, ...BOOLEANS, ...LISTS, BBOX]);

/** West, south, east, north in degrees (GeoJSON's order, RFC 7946 §5). */
export type BoundingBox = readonly [number, number, number, number];

/** What the map asks: the directory's filter, and the part of the map in view. */
export interface MapQuery {
  readonly selection: DirectorySelection;
  readonly bbox: BoundingBox | null;
}

/** Query parameters (as express parses them) to a SupplierFilter; BAD_USER_INPUT naming the parameter. */
export function filterFromQuery(query: Record<string, unknown>): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!KNOWN.has(name)) throw badInput(name, `« ${name} » : paramètre inconnu (attendus : ${[...KNOWN].join(', ')}).`);
    if (name === BBOX) continue;
    const values = Array.isArray(value) ? value : [value];
    if (!values.every((v) => typeof v === 'string')) throw badInput(name, `« ${name} » : valeur invalide.`);
    const list = (LISTS as readonly string[]).includes(name);
    if (!list && values.length > 1) throw badInput(name, `« ${name} » : une seule valeur attendue.`);
    if ((SCALARS as readonly string[]).includes(name)) {
      filter[name] = values[0];
    } else if (!list) {
      if (values[0] !== 'true' && values[0] !== 'false') throw badInput(name, `« ${name} » : attendu true ou false.`);
      filter[name] = values[0] === 'true';
    } else {
      const items = (ENUM_LISTS as readonly string[]).includes(name) ? values.flatMap((v) => v.split(',')) : values;
      filter[name] = items.map((v) => v.trim()).filter((v) => v !== '');
    }
  }
  return filter;
}

const BBOX_FORMAT = `« ${BBOX} » : attendu ouest,sud,est,nord en degrés décimaux (longitude puis latitude, ex. 0.9,49.3,1.3,49.5)`;

/** `bbox=west,south,east,north`; null when absent. */
export function bboxFromQuery(value: unknown): BoundingBox | null {
  if (value === undefined) return null;
  if (typeof value !== 'string') throw badInput(BBOX, `${BBOX_FORMAT}, une seule fois.`);
  const parts = value.split(',').map((p) => p.trim());
  const numbers = parts.map((p) => (/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(p) ? Number(p) : NaN));
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) throw badInput(BBOX, `${BBOX_FORMAT} ; reçu « ${value.slice(0, 100)} ».`);
  const [west, south, east, north] = numbers as [number, number, number, number];
  if ([west, east].some((lon) => lon < -180 || lon > 180)) throw badInput(BBOX, `« ${BBOX} » : une longitude (ouest, est) est comprise entre -180 et 180.`);
  if ([south, north].some((lat) => lat < -90 || lat > 90)) throw badInput(BBOX, `« ${BBOX} » : une latitude (sud, nord) est comprise entre -90 et 90.`);
  if (south > north) throw badInput(BBOX, `« ${BBOX} » : la latitude sud (${south}) doit être inférieure ou égale à la latitude nord (${north}).`);
  if (west > east) throw badInput(BBOX, `« ${BBOX} » : la longitude ouest (${west}) doit être inférieure ou égale à la longitude est (${east}).`);
  return [west, south, east, north];
}

export function mapQueryOf(query: Record<string, unknown>): MapQuery {
  return { selection: parseDirectoryFilter(filterFromQuery(query)), bbox: bboxFromQuery(query[BBOX]) };
}

/** Two requests for the same structures share this key, however their parameters were written. */
export const mapQueryKey = (q: MapQuery): string => JSON.stringify([q.selection, q.bbox]);

function feature(s: SupplierRecord, point: { latitude: number; longitude: number }, publicUrl: string) {
  return {
    type: 'Feature' as const,
    id: s.id,
    geometry: { type: 'Point' as const, coordinates: [point.longitude, point.latitude] },
    // What the public directory shows of a structure: its contact address stays out.
    properties: {
      id: s.id,
      name: s.name,
      siret: s.siret,
      legalForm: s.legalForm,
      legalFormLabel: LEGAL_FORM_FR[s.legalForm],
      inclusionKind: s.inclusionKind,
      inclusionKindLabel: s.inclusionKind ? INCLUSION_KIND_FR[s.inclusionKind] : null,
      description: s.description,
      services: s.services,
      nafCodes: s.nafCodes,
      communeCode: s.communeCode,
      communeName: findCommune(s.communeCode)?.name ?? s.communeCode,
      interventionRadiusKm: s.interventionRadiusKm,
      labels: s.labels,
      website: s.website,
      // Its public page, for the map's popups.
      url: `${publicUrl}${structurePath(s)}`,
    },
  };
}

interface Placed {
  readonly longitude: number;
  readonly latitude: number;
  /** The feature as JSON. */
  readonly text: string;
}

// A write replaces a structure's record (the index never changes one in place): a record's feature
// is written once, and a new version of the directory rewrites only the structures that changed.
// Per public address: processes under test serve several.
const placedAt = new Map<string, WeakMap<SupplierRecord, Placed | null>>();
function placedOf(s: SupplierRecord, publicUrl: string): Placed | null {
  let placed = placedAt.get(publicUrl);
  if (!placed) placedAt.set(publicUrl, (placed = new WeakMap()));
  let p = placed.get(s);
  if (p === undefined) {
    const point = supplierLocation(s);
    p = point ? { ...point, text: JSON.stringify(feature(s, point, publicUrl)) } : null;
    placed.set(s, p);
  }
  return p;
}

const inside = (p: Placed, [west, south, east, north]: BoundingBox): boolean => p.longitude >= west && p.longitude <= east && p.latitude >= south && p.latitude <= north;

/** Every structure the query matches that has a location (in the box when one is given), as GeoJSON text (RFC 7946: longitude first). */
export function directoryGeoJsonText(services: DirectoryDeps, q: MapQuery, publicUrl: string): string {
  const features: string[] = [];
  for (const s of selectDirectory(services, q.selection)) {
    const p = placedOf(s, publicUrl);
    if (p && (!q.bbox || inside(p, q.bbox))) features.push(p.text);
  }
  return `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
}
