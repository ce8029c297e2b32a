// Location: is the place of the work within the structure's intervention radius? Full inside,
// decreasing linearly across a tolerance band beyond it, zero past the band. Past the band with a
// declared radius, the structure is out of range (a hard constraint: the matcher marks it ineligible).
// A place without coordinates may still be known to lie within an area (its département): when even
// the nearest points of the two areas are past the band, the structure is out of range too.
import type { Area } from '../types';

export const LOCATION_UNKNOWN = 0.5;
// Same département without coordinates: probably within reach, not certainly.
export const SAME_DEPARTEMENT = 0.7;
export const OTHER_DEPARTEMENT = 0.2;
// When no radius is declared, distance is judged against a typical local radius (never a hard fail).
export const DEFAULT_RADIUS_KM = 30;
// Radii this large cover neighbouring départements, so a different département is not a bad sign.
const WIDE_RADIUS_KM = 100;

/**
 * Width of the tolerance band beyond a radius: half the radius, at least 5 km (places are often
 * commune centroids, a few kilometres off the actual address).
 */
export function toleranceKm(radiusKm: number): number {
  return Math.max(5, radiusKm / 2);
}

export type LocationBasis = 'distance' | 'departement' | 'unknown';

export interface LocationResult {
  score: number;
  basis: LocationBasis;
  distanceKm: number | null;
  /** The declared radius, null when none was declared. */
  radiusKm: number | null;
  /** True only with a declared radius, past the tolerance band (surely so, when only areas are known). */
  outOfRange: boolean;
  /** With areas only: the least distance the two places can be apart. */
  atLeastKm: number | null;
  sameDepartement: boolean | null;
  departement: string | null;
}

export interface Place {
  latitude: number | null;
  longitude: number | null;
  departement: string | null;
  area?: Area | null;
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const hasPoint = (p: Place): p is Place & { latitude: number; longitude: number } =>
  p.latitude !== null && p.longitude !== null && Number.isFinite(p.latitude) && Number.isFinite(p.longitude);

/** The least distance between two places of which one or both are only known by their area. */
function leastDistanceKm(a: Place, b: Place): number | null {
  const pa = hasPoint(a) ? { latitude: a.latitude, longitude: a.longitude, spreadKm: 0 } : a.area;
  const pb = hasPoint(b) ? { latitude: b.latitude, longitude: b.longitude, spreadKm: 0 } : b.area;
  if (!pa || !pb) return null;
  return Math.max(0, distanceKm(pa.latitude, pa.longitude, pb.latitude, pb.longitude) - pa.spreadKm - pb.spreadKm);
}

export function locationScore(need: Place, base: Place, interventionRadiusKm: number | null): LocationResult {
  const radiusKm = interventionRadiusKm !== null && interventionRadiusKm > 0 ? interventionRadiusKm : null;
  const result: LocationResult = {
    score: LOCATION_UNKNOWN,
    basis: 'unknown',
    distanceKm: null,
    radiusKm,
    outOfRange: false,
    atLeastKm: null,
    sameDepartement: null,
    departement: base.departement,
  };
  // The result is filled in place: an object spread costs microseconds on Node 20, per candidate.
  if (hasPoint(need) && hasPoint(base)) {
    const d = distanceKm(need.latitude, need.longitude, base.latitude, base.longitude);
    const r = radiusKm ?? DEFAULT_RADIUS_KM;
    const beyond = (d - r) / toleranceKm(r);
    result.basis = 'distance';
    result.distanceKm = d;
    result.score = beyond <= 0 ? 1 : Math.max(0, 1 - beyond);
    result.outOfRange = radiusKm !== null && beyond > 1;
    return result;
  }
  const atLeast = leastDistanceKm(need, base);
  if (atLeast !== null && radiusKm !== null && atLeast > radiusKm + toleranceKm(radiusKm)) {
    result.basis = 'departement';
    result.score = 0;
    result.outOfRange = true;
    result.atLeastKm = atLeast;
    result.sameDepartement = need.departement === base.departement;
    return result;
  }
  if (need.departement && base.departement) {
    const same = need.departement === base.departement;
    result.basis = 'departement';
    result.score = same ? SAME_DEPARTEMENT : radiusKm !== null && radiusKm >= WIDE_RADIUS_KM ? LOCATION_UNKNOWN : OTHER_DEPARTEMENT;
    result.sameDepartement = same;
  }
  return result;
}
