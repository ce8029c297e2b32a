// INSEE's SIRENE stock files (https://www.data.gouv.fr/fr/datasets/base-sirene-des-entreprises-et-de-leurs-etablissements-siren-siret/):
// StockUniteLegale tells which legal units belong to the ESS, StockEtablissement lists their
// establishments. Both are gigabytes: streamed, and only the ESS units are kept in memory.
import type proj4 from 'proj4';
import type { LegalForm } from '../../store/types';
import { delimiterOf, headerOf, UnreadableFileError, type ReadPosition } from './files';
import { cellAt, cells, stockLines, whole, type StockLine } from './stock-lines';
import type { FormatOptions, ImportItem } from './items';
import type { ProfileField } from './items';

// Lambert 93 (EPSG:2154), as SIRENE gives coordinates, to WGS 84 (EPSG:4326).
const LAMBERT_93 =
  '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';
let toWgs84: proj4.Converter | null = null;

// proj4 is loaded at the first coordinates to convert, not with this module: the other formats never
// need it, and loading it took a tenth of the template import's start.
const wgs84 = (): proj4.Converter => (toWgs84 ??= (require('proj4') as typeof proj4)(LAMBERT_93, 'EPSG:4326'));

/** INSEE's headcount bands (trancheEffectifs), as their lower bound. */
const HEADCOUNT: Readonly<Record<string, number>> = {
  '00': 0, '01': 1, '02': 3, '03': 6, '11': 10, '12': 20, '21': 50, '22': 100, '31': 200, '32': 250,
  '41': 500, '42': 1000, '51': 2000, '52': 5000, '53': 10000,
};

/**
 * Our legal form from INSEE's legal category (catégorie juridique, niveau III). SCIC have no
 * category of their own (they are SA, SAS or SARL): they come out as coopératives or ESUS companies
 * until the structure says so.
 */
export function legalFormOf(category: string): LegalForm {
  const code = Number(category);
  if (code >= 9200 && code < 9300) return 'ASSOCIATION';
  if (code === 9300) return 'FONDATION';
  if ([8210, 8250, 8290, 6411].includes(code)) return 'MUTUELLE';
  if ([5458, 5558, 5658].includes(code)) return 'SCOP';
  // SARL, SA and SA à directoire coopératives (x451-x460), agricultural ones (CUMA, coopératives and their unions).
  if ([54, 55, 56].some((p) => code >= p * 100 + 51 && code <= p * 100 + 60) || [5432, 5532, 5632, 6316, 6317, 6318].includes(code)) return 'COOPERATIVE';
  return 'ESUS_COMPANY';
}

interface Unit {
  name: string;
  category: string;
}

const ESTABLISHMENT_COLUMNS = ['siret', 'siren', 'etatAdministratifEtablissement', 'codeCommuneEtablissement', 'activitePrincipaleEtablissement'];
const UNIT_COLUMNS = ['siren', 'economieSocialeSolidaireUniteLegale', 'categorieJuridiqueUniteLegale', 'denominationUniteLegale'];

/** Which stock file this is, from its header. */
function kindOf(file: string): 'establishments' | 'units' {
  const header = headerOf(file);
  if (ESTABLISHMENT_COLUMNS.every((c) => header.includes(c))) return 'establishments';
  if (UNIT_COLUMNS.every((c) => header.includes(c)) && !header.includes('siret')) return 'units';
  throw new UnreadableFileError(file, 'ni StockEtablissement ni StockUniteLegale : colonnes siret, etatAdministratifEtablissement… ou economieSocialeSolidaireUniteLegale… attendues');
}

function coordinates(x: string | undefined, y: string | undefined): { latitude: number; longitude: number } | null {
  const [east, north] = [Number(x), Number(y)];
  if (!x || !y || !Number.isFinite(east) || !Number.isFinite(north) || east <= 0 || north <= 0) return null; // empty or "[ND]"
  const [longitude, latitude] = wgs84().forward([east, north]);
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return { latitude: round(latitude!), longitude: round(longitude!) };
}

/** An active establishment of an ESS unit, as profile fields. */
export function establishmentFields(e: Record<string, string>, unit: Unit): Partial<Record<ProfileField, unknown>> {
  const fields: Partial<Record<ProfileField, unknown>> = {
    siret: e.siret,
    name: [e.enseigne1Etablissement, e.denominationUsuelleEtablissement, unit.name].map((n) => n?.trim()).find(Boolean) ?? '',
    legalForm: legalFormOf(unit.category),
    communeCode: e.codeCommuneEtablissement,
  };
  const naf = e.nomenclatureActivitePrincipaleEtablissement === 'NAFRev2' ? e.activitePrincipaleEtablissement?.trim() : '';
  // The register says what the trade is, not how the structure describes itself: the description
  // stays empty (the directory and the matcher read the NAF label from the code).
  if (naf) fields.nafCodes = [naf];
  const headcount = HEADCOUNT[e.trancheEffectifsEtablissement ?? ''];
  if (headcount !== undefined) fields.employees = headcount;
  const place = coordinates(e.coordonneeLambertAbscisseEtablissement, e.coordonneeLambertOrdonneeEtablissement);
  if (place) Object.assign(fields, place);
  return fields;
}

/**
 * The ESS legal units, about 1.4 million of the 28 million: by siren as a number, each kept as one
 * string copied out of its line ("category|name"), since a field split from a line keeps the whole
 * line alive (the national stock took 2.7 GB kept as records of slices, under 1 GB like this).
 */
class EssUnits {
  private readonly bySiren = new Map<number, string>();
  private static key = (siren: string): number => (/^\d{9}$/.test(siren) ? Number(siren) : -1);
  add(siren: string, unit: Unit): void {
    const key = EssUnits.key(siren);
    if (key >= 0) this.bySiren.set(key, Buffer.from(`${unit.category}|${unit.name}`).toString());
  }
  has(siren: string): boolean {
    return this.bySiren.has(EssUnits.key(siren));
  }
  get(siren: string): Unit | undefined {
    const kept = this.bySiren.get(EssUnits.key(siren));
    if (kept === undefined) return undefined;
    const bar = kept.indexOf('|');
    return { category: kept.slice(0, bar), name: kept.slice(bar + 1) };
  }
}

/** A record split by the header's columns, or why it cannot be read. */
function recordOf(line: StockLine, header: readonly string[], delimiter: string): Record<string, string> | string {
  const values = cells(line, delimiter);
  if (!values) return line.reason ?? 'guillemets mal fermés';
  if (values.length !== header.length) return 'nombre de colonnes différent de celui de l’en-tête';
  const record: Record<string, string> = {};
  for (let i = 0; i < header.length; i += 1) record[header[i]!] = values[i]!;
  return record;
}

// Most lines are left out on one field (a unit outside the ESS, an establishment of such a unit):
// they are told apart without splitting the line, and counted per batch.
export async function* readSirene(files: readonly string[], options: FormatOptions, position: ReadPosition): AsyncGenerator<ImportItem> {
  const kinds = files.map(kindOf);
  if (!kinds.includes('units') || !kinds.includes('establishments')) {
    throw new UnreadableFileError(files.join(', '), 'il faut les deux fichiers de stock : StockUniteLegale et StockEtablissement');
  }
  const units = new EssUnits();
  for (const file of files.filter((_, i) => kinds[i] === 'units')) {
    const header = headerOf(file);
    const delimiter = delimiterOf(file);
    const essAt = header.indexOf('economieSocialeSolidaireUniteLegale');
    for await (const batch of stockLines(file, delimiter, position)) {
      for (const record of batch) {
        if (cellAt(record, essAt, delimiter) !== 'O' && whole(record, header.length, delimiter)) continue;
        const u = recordOf(record, header, delimiter);
        if (typeof u === 'string') yield { kind: 'broken', file, line: record.line, reason: u };
        else units.add(u.siren!, { name: u.denominationUniteLegale ?? '', category: u.categorieJuridiqueUniteLegale ?? '' });
      }
      yield { kind: 'read', count: batch.length };
    }
  }
  for (const file of files.filter((_, i) => kinds[i] === 'establishments')) {
    const header = headerOf(file);
    const delimiter = delimiterOf(file);
    const sirenAt = header.indexOf('siren');
    for await (const batch of stockLines(file, delimiter, position)) {
      let outside = 0;
      for (const record of batch) {
        // A damaged line is reported whichever unit it names.
        if (!units.has(cellAt(record, sirenAt, delimiter) ?? '') && whole(record, header.length, delimiter)) {
          outside += 1;
          continue;
        }
        const e = recordOf(record, header, delimiter);
        const line = record.line;
        if (typeof e === 'string') yield { kind: 'broken', file, line, reason: e };
        else if (e.etatAdministratifEtablissement !== 'A') yield { kind: 'ignored', reason: 'établissement fermé' };
        else if (!options.communes.has(e.codeCommuneEtablissement ?? '')) yield { kind: 'ignored', reason: 'hors du territoire' };
        else yield { kind: 'line', line: { file, line, fields: establishmentFields(e, units.get(e.siren!)!) } };
      }
      if (outside) yield { kind: 'ignored', reason: 'unité légale hors ESS', count: outside };
    }
  }
}
