// A structure's map on its public page, drawn here as SVG: the Métropole's communes as points (their
// centroids from api/reference), Rouen named, the structure's place and the reach of its
// intervention radius. No tile, no other host; the page shows it as an <img> with a text alternative.
import { esc } from '../pages/layout';
import { communeCentroid, communeName, metropoleCommunes } from '../reference/communes';
import { supplierLocation } from '../directory';
import type { SupplierRecord } from '../store/types';

const WIDTH = 480;
const HEIGHT = 360;
const MARGIN = 24;
const KM_PER_DEGREE = 111.32;
const ROUEN = '76540';
const MAX_REACH_KM = 60;

interface Point {
  latitude: number;
  longitude: number;
}

/** The place and the corners of the box around its radius. */
function reachCorners(p: Point, km: number): Point[] {
  const dLat = km / KM_PER_DEGREE;
  const dLon = dLat / Math.cos((p.latitude * Math.PI) / 180);
  return [p, { latitude: p.latitude - dLat, longitude: p.longitude - dLon }, { latitude: p.latitude + dLat, longitude: p.longitude + dLon }];
}

export function structureMapSvg(s: SupplierRecord): string {
  const communes = metropoleCommunes()
    .map((c) => communeCentroid(c.code))
    .filter((p): p is Point => p !== null);
  const place = supplierLocation(s);
  // The map takes in the Métropole, the structure and its area of intervention (up to MAX_REACH_KM).
  const all = place ? [...communes, ...reachCorners(place, Math.min(s.interventionRadiusKm ?? 0, MAX_REACH_KM))] : communes;
  const south = Math.min(...all.map((p) => p.latitude));
  const north = Math.max(...all.map((p) => p.latitude));
  const west = Math.min(...all.map((p) => p.longitude));
  const east = Math.max(...all.map((p) => p.longitude));
  // Equirectangular at the middle latitude: true to scale over a few tens of kilometres.
  const squeeze = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = Math.min((WIDTH - 2 * MARGIN) / Math.max((east - west) * squeeze, 1e-6), (HEIGHT - 2 * MARGIN) / Math.max(north - south, 1e-6));
  const offsetX = (WIDTH - (east - west) * squeeze * scale) / 2;
  const offsetY = (HEIGHT - (north - south) * scale) / 2;
  const x = (p: Point) => (offsetX + (p.longitude - west) * squeeze * scale).toFixed(1);
  const y = (p: Point) => (offsetY + (north - p.latitude) * scale).toFixed(1);

  const town = communeName(s.communeCode);
  const title = place ? `${s.name} : basée à ${town}` : `${s.name} : emplacement inconnu`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="titre">`,
    `<title id="titre">${esc(title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#f3f4f7"/>`,
    `<g fill="#8a8a95">${communes.map((p) => `<circle cx="${x(p)}" cy="${y(p)}" r="2.5"/>`).join('')}</g>`,
  ];
  const rouen = communeCentroid(ROUEN);
  if (rouen && s.communeCode !== ROUEN) parts.push(`<text x="${x(rouen)}" y="${y(rouen)}" dx="6" dy="-6" font-family="Arial, sans-serif" font-size="13" fill="#4a4a55">Rouen</text>`);
  if (place) {
    if (s.interventionRadiusKm) {
      const r = ((s.interventionRadiusKm / KM_PER_DEGREE) * scale).toFixed(1);
      parts.push(`<circle cx="${x(place)}" cy="${y(place)}" r="${r}" fill="#0b4f9c" fill-opacity="0.1" stroke="#0b4f9c" stroke-dasharray="4 3"/>`);
    }
    parts.push(`<circle cx="${x(place)}" cy="${y(place)}" r="7" fill="#a4161a" stroke="#fff" stroke-width="2"/>`);
    parts.push(`<text x="${x(place)}" y="${y(place)}" dx="10" dy="16" font-family="Arial, sans-serif" font-size="14" font-weight="bold" fill="#1b1b1f">${esc(town)}</text>`);
  } else {
    parts.push(`<text x="${WIDTH / 2}" y="${HEIGHT - 10}" text-anchor="middle" font-family="Arial, sans-serif" font-size="14" fill="#1b1b1f">Emplacement inconnu</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}
