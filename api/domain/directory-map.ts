// The directory as a GeoJSON FeatureCollection, for the website's map: the same filter as
// SupplierFilter, read from query parameters; public fields only (never a contact address).
import { badInput } from '../errors';
import { findCommune } from '../reference/communes';
import { INCLUSION_KIND_FR, LEGAL_FORM_FR } from '../reference/vocabulary';
import type { Services } from '../services';
import type { SupplierRecord } from '../store/types';
import { parseDirectoryFilter, selectDirectory, supplierLocation } from './directory';

const SCALARS = ['text', 'communeCode', 'nafPrefix', 'servesCommuneCode'] as const;
// Enum lists may be repeated (inclusionKinds=EI&inclusionKinds=ACI) or comma-separated; labels
// only repeated, since a label may hold a comma.
const ENUM_LISTS = ['inclusionKinds', 'legalForms'] as const;
const LISTS = [...ENUM_LISTS, 'labels'] as const;
const KNOWN = new Set<string>([...SCALARS, ...LISTS]);

/** Query parameters (as express parses them) to a SupplierFilter; BAD_USER_INPUT naming the parameter. */
export function filterFromQuery(query: Record<string, unknown>): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!KNOWN.has(name)) throw badInput(name, `« ${name} » : paramètre inconnu (attendus : ${[...KNOWN].join(', ')}).`);
    const values = Array.isArray(value) ? value : [value];
    if (!values.every((v) => typeof v === 'string')) throw badInput(name, `« ${name} » : valeur invalide.`);
    if ((SCALARS as readonly string[]).includes(name)) {
      if (values.length > 1) throw badInput(name, `« ${name} » : une seule valeur attendue.`);
      filter[name] = values[0];
    } else {
      const items = (ENUM_LISTS as readonly string[]).includes(name) ? values.flatMap((v) => v.split(',')) : values;
      filter[name] = items.map((v) => v.trim()).filter((v) => v !== '');
    }
  }
  return filter;
}

function feature(s: SupplierRecord, point: { latitude: number; longitude: number }) {
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
    },
  };
}

/** Every structure the filter matches that has a location, as GeoJSON (RFC 7946: longitude first). */
export async function directoryGeoJson(services: Services, query: Record<string, unknown>) {
  const selection = parseDirectoryFilter(filterFromQuery(query));
  const features = [];
  for (const s of selectDirectory(services, selection)) {
    const point = supplierLocation(s);
    if (point) features.push(feature(s, point));
  }
  return { type: 'FeatureCollection' as const, features };
}
