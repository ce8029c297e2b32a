// French communes (INSEE codes) and the Métropole Rouen Normandie, from @etalab/decoupage-administratif.
// Its communes.json is 8.6 MB, a tenth of a 20,000-line import's time to read and index: what this
// module uses of it (current communes: code, name, département, postcodes) is kept beside it in
// communes.tsv, 1 MB, sorted by code, written by `npm run reference` (test/reference-communes.test.ts
// checks that it says what the installed package says). A code is looked up by a binary search in
// the file's text and kept once found: indexing the 35,000 lines took 80 ms of every start, most
// runs needing a few dozen communes. The whole table is parsed only for what lists communes or
// postcodes. The EPCI file is read on first use only, parsed with fs rather than require(), which
// would keep the raw arrays in the module cache.
import fs from 'node:fs';
import path from 'node:path';
import type { Area } from '../../matching/types';

export interface Commune {
  code: string;
  name: string;
  departement: string;
}

/** EPCI code (SIREN) of the Métropole Rouen Normandie. */
export const METROPOLE_EPCI_CODE = '200023414';

interface RawCommune {
  code: string;
  nom: string;
  departement: string;
  type: string;
  codesPostaux?: string[];
}

interface RawEpci {
  code: string;
  membres: { code: string }[];
}

function readPackageJson<T>(file: string): T {
  const resolved = require.resolve(`@etalab/decoupage-administratif/data/${file}`);
  return JSON.parse(fs.readFileSync(resolved, 'utf8')) as T;
}

let table: string | null = null;
let tableStart = 0;
const found = new Map<string, Commune>();
let communes: Commune[] | null = null;
let postcodes: Map<string, readonly string[]> | null = null;
let metropole: { codes: Set<string>; sorted: readonly Commune[] } | null = null;
let centroids: Map<string, { latitude: number; longitude: number }> | null = null;
let departementAreas: Map<string, Area> | null = null;

const COMMUNES_FILE = 'communes.tsv';

/** communes.tsv's text from the package's communes.json: current communes only (delegated and associated ones share their codes), by code. */
export function communesTable(): string {
  const version = (JSON.parse(fs.readFileSync(require.resolve('@etalab/decoupage-administratif/package.json'), 'utf8')) as { version: string }).version;
  const rows = readPackageJson<RawCommune[]>('communes.json')
    .filter((c) => c.type === 'commune-actuelle')
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((c) => [c.code, c.nom, c.departement, (c.codesPostaux ?? []).join(',')].join('\t'));
  return `# source: @etalab/decoupage-administratif ${version}, data/communes.json (current communes) - columns: INSEE code, name, département, postcodes (comma-separated); written by npm run reference\n${rows.join('\n')}\n`;
}

function communesText(): string {
  if (table === null) {
    table = fs.readFileSync(path.join(__dirname, COMMUNES_FILE), 'utf8');
    while (table.startsWith('#', tableStart)) tableStart = table.indexOf('\n', tableStart) + 1;
  }
  return table;
}

/** The commune on the line that starts at `start` (its postcodes to `served`, when given). */
function communeAt(text: string, start: number, served?: (postcode: string, code: string) => void): Commune {
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end < 0 ? text.length : end);
  const [code, name, departement, codes] = line.split('\t');
  if (!code || !name || !departement || codes === undefined) throw new Error(`${COMMUNES_FILE}: malformed line "${line}"`);
  if (served && codes !== '') for (const p of codes.split(',')) served(p, code);
  let commune = found.get(code);
  if (!commune) {
    commune = Object.freeze({ code, name, departement });
    found.set(code, commune);
  }
  return commune;
}

/** A binary search over the lines, sorted by code (strings compared as the writer sorts them). */
function lookUp(code: string): Commune | null {
  const known = found.get(code);
  if (known) return known;
  const text = communesText();
  let low = tableStart; // always a line's start
  let high = text.length;
  while (low < high) {
    const start = text.lastIndexOf('\n', ((low + high) >>> 1) - 1) + 1; // the line holding the middle
    const lineStart = start < low ? low : start;
    const key = text.slice(lineStart, text.indexOf('\t', lineStart));
    if (key === code) return communeAt(text, lineStart);
    if (key < code) {
      const next = text.indexOf('\n', lineStart);
      if (next < 0) break;
      low = next + 1;
    } else high = lineStart;
  }
  return null;
}

/** Every line parsed once: the communes in code order, and the communes each postcode serves. */
function wholeTable(): Commune[] {
  if (!communes) {
    const text = communesText();
    const byPostcode = new Map<string, string[]>();
    const list: Commune[] = [];
    const serve = (postcode: string, code: string) => {
      const served = byPostcode.get(postcode);
      if (served) served.push(code);
      else byPostcode.set(postcode, [code]);
    };
    for (let start = tableStart; start < text.length; ) {
      const end = text.indexOf('\n', start);
      if (end !== start) list.push(communeAt(text, start, serve));
      start = end < 0 ? text.length : end + 1;
    }
    communes = list;
    postcodes = byPostcode;
  }
  return communes;
}

/** Writes communes.tsv beside this module (npm run reference). */
export function writeCommunesTable(): string {
  const file = path.join(__dirname, COMMUNES_FILE);
  fs.writeFileSync(file, communesTable());
  return file;
}

function metropoleIndex(): { codes: Set<string>; sorted: readonly Commune[] } {
  if (!metropole) {
    const epci = readPackageJson<RawEpci[]>('epci.json').find((e) => e.code === METROPOLE_EPCI_CODE);
    if (!epci) throw new Error(`EPCI ${METROPOLE_EPCI_CODE} (Métropole Rouen Normandie) missing from reference data`);
    const members = epci.membres.map((m) => {
      const commune = lookUp(m.code);
      if (!commune) throw new Error(`Métropole member ${m.code} missing from communes reference data`);
      return commune;
    });
    members.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    metropole = { codes: new Set(members.map((c) => c.code)), sorted: Object.freeze(members) };
  }
  return metropole;
}

/** Rows of a tab-separated file beside this module: `#` lines are comments; numbers are checked. */
function readNumericTable(file: string, numbers: number): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const line of fs.readFileSync(path.join(__dirname, file), 'utf8').split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [code, ...cells] = line.split('\t');
    const values = cells.map(Number);
    if (!code || values.length !== numbers || !values.every(Number.isFinite)) throw new Error(`${file}: malformed line "${line}"`);
    rows.set(code, values);
  }
  return rows;
}

function centroidIndex(): Map<string, { latitude: number; longitude: number }> {
  centroids ??= new Map([...readNumericTable('centroids.tsv', 2)].map(([code, [latitude, longitude]]) => [code, Object.freeze({ latitude: latitude!, longitude: longitude! })]));
  return centroids;
}

const normalize = (code: string) => code.trim().toUpperCase();

/** The current commune with this INSEE code (e.g. "76540" for Rouen, "2A004" for Ajaccio), or null. */
export function findCommune(code: string): Commune | null {
  // Most codes come as stored, already normalised: a page of the directory looks up one per structure.
  return found.get(code) ?? lookUp(normalize(code));
}

/** The INSEE codes of the communes a postcode serves (one postcode may serve several), or none. */
export function communesOfPostcode(postcode: string): readonly string[] {
  wholeTable();
  return postcodes!.get(postcode.trim()) ?? [];
}

/** Every current French commune (about 35,000), by code. */
export function allCommunes(): Commune[] {
  return [...wholeTable()];
}

/** Whether the commune belongs to the Métropole Rouen Normandie. */
export function isMetropoleCommune(code: string): boolean {
  return metropoleIndex().codes.has(normalize(code));
}

/** The INSEE codes of an EPCI's member communes (by the EPCI's SIREN), or null for an unknown one. */
export function epciCommunes(code: string): string[] | null {
  if (code === METROPOLE_EPCI_CODE) return [...metropoleIndex().codes];
  const epci = readPackageJson<RawEpci[]>('epci.json').find((e) => e.code === code);
  return epci ? epci.membres.map((m) => m.code) : null;
}

/** The 71 communes of the Métropole, sorted by name (French collation). */
export function metropoleCommunes(): Commune[] {
  return [...metropoleIndex().sorted];
}

/** Approximate centre of the commune, known for the Métropole and the main towns of Normandy only. */
export function communeCentroid(code: string): { latitude: number; longitude: number } | null {
  const index = centroidIndex();
  return index.get(code) ?? index.get(normalize(code)) ?? null;
}

/** The département's chef-lieu and spread (departements.tsv), for places without a centroid. */
export function departementArea(departement: string): Area | null {
  departementAreas ??= new Map(
    [...readNumericTable('departements.tsv', 3)].map(([code, [latitude, longitude, spreadKm]]) => [code, Object.freeze({ latitude: latitude!, longitude: longitude!, spreadKm: spreadKm! })]),
  );
  return departementAreas.get(normalize(departement)) ?? null;
}

/** The commune's name, or its code when unknown. */
export const communeName = (code: string): string => findCommune(code)?.name ?? code;
