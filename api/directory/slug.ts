// A structure's public address, /structures/<slug>: its name as words a URL keeps, then the first
// characters of its id, so that homonyms never share a page. The id part alone finds the structure:
// a renamed structure keeps its old links working (they are sent on to the new slug).
import type { SupplierRecord } from '../store/types';
import type { DirectoryDeps } from './deps';
import { parseDirectoryFilter, selectDirectory } from './directory';

/** Hex characters of the id kept: 40 bits, so that two of 100,000 structures share them about once in 200. */
const ID_PART = 10;
const MAX_NAME_PART = 60;

/** The name in lower-case ASCII words joined by dashes (« Les Jardins d’Élise » → les-jardins-d-elise). */
function namePart(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[œ]/g, 'oe')
    .replace(/[æ]/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = words.length > MAX_NAME_PART ? words.slice(0, MAX_NAME_PART).replace(/-[^-]*$/, '') : words;
  return cut || 'structure';
}

const idPart = (id: string): string => id.replace(/[^a-zA-Z0-9]/g, '').toLowerCase().slice(0, ID_PART);

export function supplierSlug(s: Pick<SupplierRecord, 'id' | 'name'>): string {
  return `${namePart(s.name)}-${idPart(s.id)}`;
}

/** The structure page's path, as links and the map layer give it. */
export const structurePath = (s: Pick<SupplierRecord, 'id' | 'name'>): string => `/structures/${supplierSlug(s)}`;

// Id part → the directory's structures with it, built once per version of the directory.
let byIdPart: { deps: DirectoryDeps; version: number; index: Map<string, SupplierRecord[]> } | null = null;

function idPartIndex(deps: DirectoryDeps): Map<string, SupplierRecord[]> {
  const version = deps.matching.directory.version;
  if (byIdPart?.deps !== deps || byIdPart.version !== version) {
    const index = new Map<string, SupplierRecord[]>();
    for (const s of selectDirectory(deps, parseDirectoryFilter({}))) {
      const key = idPart(s.id);
      index.set(key, [...(index.get(key) ?? []), s]);
    }
    byIdPart = { deps, version, index };
  }
  return byIdPart.index;
}

/**
 * The public directory's structure at this slug: `canonical` false when the slug is an older one
 * (the structure was renamed since). Null when no structure of the public directory has it.
 */
export function findBySlug(deps: DirectoryDeps, slug: string): { supplier: SupplierRecord; canonical: boolean } | null {
  const match = /-([a-z0-9]+)$/.exec(slug);
  if (!match || match[1]!.length !== ID_PART) return null;
  const candidates = idPartIndex(deps).get(match[1]!) ?? [];
  const exact = candidates.find((s) => supplierSlug(s) === slug);
  if (exact) return { supplier: exact, canonical: true };
  return candidates.length === 1 ? { supplier: candidates[0]!, canonical: false } : null;
}
