// data·inclusion's `structures` file, schema v1 (gip-inclusion/data-inclusion-schema, v1.0.8:
// source, id, nom and date_maj required; description, siret, coordinates, courriel, site_web optional),
// as JSON (an array of structures) or CSV. The file lists every kind of service to people (France
// Travail agencies, CAF, CCAS, missions locales…): only the structures carried by an inclusion or ESS
// network are the directory's. The inclusion kind comes from those networks; v1 says nothing of the
// legal form, which stays unknown (an older file's RNA number aside) until SIRENE or a person says.
import type { InclusionKind } from '../../store/types';
import { checkTextFile, csvRecords, head, readJsonFile, UnreadableFileError, type ReadPosition } from './files';
import type { z } from 'zod';
import { importSchema } from '../suppliers';
import { trustedDate, type FormatOptions, type ImportItem, type ImportLine } from './items';
import type { ProfileField } from './items';

const KINDS: Readonly<Record<string, InclusionKind>> = {
  aci: 'ACI', ai: 'AI', ei: 'EI', etti: 'ETTI', eiti: 'EITI', esat: 'ESAT', ea: 'EA', eatt: 'EATT', geiq: 'GEIQ',
};

/**
 * Carrying networks whose members are ESS suppliers beyond the inclusion kinds: federations of
 * insertion structures (Chantier École, COORACE, INAÉ), of adapted firms (UNEA), and the reuse and
 * recycling associations of Emmaüs and the Ressourceries, all of which sell goods and services. The
 * others (public services, charities that sell nothing, funders) are left out unless asked for.
 */
const ESS_NETWORKS: ReadonlySet<string> = new Set(['chantier-ecole', 'coorace', 'inae', 'unea', 'emmaus', 'ressourceries']);

const MAX_DESCRIPTION = 5000;

/** The file's names for the fields it gives, for refusals. */
const COLUMNS: Readonly<Partial<Record<ProfileField, string>>> = Object.freeze({
  siret: 'siret', name: 'nom', communeCode: 'code_insee', description: 'description', latitude: 'latitude', longitude: 'longitude', contactEmail: 'courriel', website: 'site_web',
});

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/** reseaux_porteurs: a JSON array, or in CSV a list written as "aci,ei", "aci|ei" or '["aci","ei"]'. */
function networks(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => text(v).toLowerCase());
  return text(value)
    .replace(/[[\]"']/g, '')
    .split(/[,|;]/)
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
}

function number(value: unknown): number | null {
  const t = text(value).replace(',', '.');
  const n = t === '' ? NaN : Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A structure of the file as profile fields (what the file leaves empty, it does not provide). */
export function structureFields(s: Record<string, unknown>): Partial<Record<ProfileField, unknown>> {
  const fields: Partial<Record<ProfileField, unknown>> = {
    siret: text(s.siret) || null,
    name: text(s.nom),
    communeCode: text(s.code_insee),
  };
  if (text(s.rna)) fields.legalForm = 'ASSOCIATION'; // files before v1 gave it
  let description = text(s.description);
  if (description.length > MAX_DESCRIPTION) description = `${description.slice(0, MAX_DESCRIPTION - 1).replace(/\s+\S*$/, '')}…`;
  if (description) fields.description = description;
  const kind = networks(s.reseaux_porteurs).map((n) => KINDS[n]).find(Boolean);
  if (kind) fields.inclusionKind = kind;
  const [latitude, longitude] = [number(s.latitude), number(s.longitude)];
  if (latitude !== null && longitude !== null) Object.assign(fields, { latitude, longitude });
  if (text(s.courriel)) fields.contactEmail = text(s.courriel);
  const site = text(s.site_web);
  if (site) fields.website = /^https?:\/\//i.test(site) ? site : `https://${site}`;
  return fields;
}

function* jsonItems(file: string, data: unknown, options: FormatOptions): Generator<ImportItem> {
  const list = Array.isArray(data) ? data : (data as { items?: unknown })?.items;
  if (!Array.isArray(list)) throw new UnreadableFileError(file, 'une liste de structures est attendue');
  for (const [i, s] of list.entries()) {
    if (!s || typeof s !== 'object' || Array.isArray(s)) {
      yield { kind: 'broken', file, line: i + 1, reason: 'élément qui n’est pas une structure' };
      continue;
    }
    yield structureItem(file, i + 1, s as Record<string, unknown>, options);
  }
}

/** date_maj as a day ("2025-02-14", or a date and time): undefined when absent or unreadable. */
function dateOf(value: unknown): Date | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(text(value));
  const date = match ? new Date(`${match[1]}T00:00:00Z`) : null;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

function structureItem(file: string, line: number, s: Record<string, unknown>, options: FormatOptions): ImportItem {
  const carriers = networks(s.reseaux_porteurs);
  const kept = carriers.some((n) => KINDS[n] || ESS_NETWORKS.has(n) || options.networks?.has(n));
  if (!kept) {
    return { kind: 'ignored', reason: carriers.length ? `réseau porteur hors ESS : ${carriers.join(', ')}` : 'aucun réseau porteur (hors ESS)' };
  }
  if (!text(s.code_insee)) return { kind: 'broken', file, line, reason: '« code_insee » : absent, la commune de la structure est inconnue.', fields: structureFields(s) };
  if (!options.communes.has(text(s.code_insee).toUpperCase())) return { kind: 'ignored', reason: 'hors du territoire' };
  return { kind: 'line', line: { file, line, fields: structureFields(s), asOf: dateOf(s.date_maj), columns: COLUMNS } };
}

/** Absent, null or empty: nothing said of that field. */
const said = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/** A value an older line lends: one the profile's validation takes on its own (a bad address there is that line's, not the establishment's). */
const lendable = (field: ProfileField, value: unknown): boolean => (importSchema.shape as Record<string, z.ZodType>)[field]?.safeParse(value).success ?? true;

/**
 * The lines of one establishment (one SIRET) as one: the file gathers several sources (les emplois de
 * l'inclusion, DORA, Soliguide…), each with its own line and date. The most recent one's fields win
 * (a date past tomorrow is no date); a field it leaves empty comes from the next most recent line that
 * gives it a valid value (at a tie, the later line), coordinates only from a line of the same commune.
 */
function oneOf(lines: readonly ImportLine[]): ImportLine {
  const now = new Date();
  const time = (l: ImportLine) => trustedDate(l.asOf, now)?.getTime() ?? -Infinity;
  const newestFirst = lines.map((l, i) => ({ l, i })).sort((a, b) => time(b.l) - time(a.l) || b.i - a.i).map((x) => x.l);
  const newest = newestFirst[0]!;
  const fields: ImportLine['fields'] = { ...newest.fields };
  for (const line of newestFirst.slice(1)) {
    const sameCommune = line.fields.communeCode === newest.fields.communeCode;
    for (const [field, value] of Object.entries(line.fields) as [ProfileField, unknown][]) {
      if ((field === 'latitude' || field === 'longitude') && !sameCommune) continue;
      if (!said(fields[field]) && said(value) && lendable(field, value)) fields[field] = value;
    }
  }
  return { ...newest, fields };
}

export async function* readInclusion(files: readonly string[], options: FormatOptions, position: ReadPosition): AsyncGenerator<ImportItem> {
  const bySiret = new Map<string, ImportLine[]>();
  for await (const item of inclusionItems(files, options, position)) {
    const siret = item.kind === 'line' ? text(item.line.fields.siret).replace(/\s/g, '') : '';
    if (item.kind !== 'line' || !siret) yield item;
    else if (bySiret.has(siret)) bySiret.get(siret)!.push(item.line);
    else bySiret.set(siret, [item.line]);
  }
  for (const lines of bySiret.values()) {
    yield { kind: 'line', line: lines.length === 1 ? lines[0]! : oneOf(lines) };
    if (lines.length > 1) yield { kind: 'ignored', reason: 'SIRET d’une autre ligne : réunie à la plus récente', count: lines.length - 1 };
  }
}

async function* inclusionItems(files: readonly string[], options: FormatOptions, position: ReadPosition): AsyncGenerator<ImportItem> {
  const json = files.map((f) => /^\s*[[{]/.test(head(f, 1024)));
  // Every file read through before the first line is written: one that cannot be read stops the import with nothing written.
  const parsed = files.map((file, i) => (json[i] ? readJsonFile(file, position) : checkTextFile(file)));
  for (const [i, file] of files.entries()) {
    if (json[i]) {
      yield* jsonItems(file, parsed[i], options);
      continue;
    }
    for await (const item of csvRecords(file, position)) {
      if (item.kind === 'broken') yield { kind: 'broken', file, line: item.line, reason: item.reason };
      else yield structureItem(file, item.line, item.values, options);
    }
  }
}
