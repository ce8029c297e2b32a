// The French sentences an officer reads next to each score: one per component that says something,
// failed hard constraints first.
import type { CapacityResult } from './components/capacity';
import { inclusionReason, type InclusionResult } from './components/inclusion';
import type { LabelsResult } from './components/labels';
import type { LocationResult } from './components/location';
import { STATUS_CODES, type SectorResult } from './components/sector';
import { isGenericWord } from './text/query';

export interface TextEvidence {
  /** The need's own words the structure shares, most telling first. */
  shared: string[];
  /** Words reached through the synonym table: the need's wording and the structure's. */
  related: Array<{ from: string; as: string }>;
  /** Whether the structure shares any term at all, even one too weak to cite. */
  any: boolean;
}

export interface Evidence {
  text: TextEvidence;
  sector: SectorResult;
  profileNafCodes: string[];
  location: LocationResult;
  capacity: CapacityResult;
  labels: LabelsResult;
  /** Null when the need requires no inclusion kind. */
  inclusion?: InclusionResult | null;
}

type NafLabel = (code: string) => string | undefined;

/** 20000 → "20 000" (plain spaces, as officers write amounts). */
function amount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export function euros(value: number): string {
  return `${amount(value)} €`;
}

function budget(c: CapacityResult): string {
  const { budgetMin: lo, budgetMax: hi } = c;
  if (lo !== null && hi !== null && hi > lo) return `un budget de ${amount(lo)} à ${euros(hi)}`;
  return `un budget de ${euros((lo ?? hi) as number)}`;
}

function km(d: number): string {
  return d < 1 ? "moins d'1 km" : `${Math.round(d)} km`;
}

function withLabel(code: string, nafLabel: NafLabel): string {
  const label = nafLabel(code);
  return label ? `${code} : ${label}` : code;
}

function codeWithLabel(code: string, nafLabel: NafLabel): string {
  const label = nafLabel(code);
  return label ? `${code} (${label})` : code;
}

const LEVEL_NAME = { subclass: 'sous-classe', class: 'classe', group: 'groupe', division: 'division' } as const;

const SHARED_TERMS = 'Termes en commun avec le besoin : ';

export function textReason(t: TextEvidence): string[] {
  const out: string[] = [];
  if (t.shared.length) out.push(`${SHARED_TERMS}${t.shared.join(', ')}`);
  for (const r of t.related) out.push(`Vocabulaire proche : « ${r.from} » ≈ « ${r.as} »`);
  if (out.length === 0) out.push(t.any ? 'Peu de vocabulaire en commun avec le besoin' : 'Aucun terme en commun avec le besoin');
  return out;
}

export function sectorReason(s: SectorResult, profileCodes: string[], nafLabel: NafLabel): string | null {
  if (s.level === 'subclass' && s.profileCode) {
    return `Code NAF ${codeWithLabel(s.profileCode, nafLabel)} : ${s.inferred ? 'secteur probable du besoin' : 'celui du besoin'}`;
  }
  if (s.level && s.needCode && s.profileCode) {
    const prefix = s.level === 'division' ? s.needCode.slice(0, 2) : s.level === 'group' ? s.needCode.slice(0, 4) : s.needCode.slice(0, 5);
    return `Même ${LEVEL_NAME[s.level]} NAF que ${s.inferred ? 'le secteur probable du besoin' : 'le besoin'} (${withLabel(prefix, nafLabel)})`;
  }
  if (profileCodes.length === 0) return null;
  if (profileCodes.every((c) => STATUS_CODES.has(c))) return `Code NAF de statut (${profileCodes.join(', ')}) : métier jugé sur la description`;
  if (s.score === 0) {
    return `Secteur différent ${s.inferred ? 'du secteur probable du besoin' : 'de celui du besoin'} : NAF ${codeWithLabel(profileCodes[0], nafLabel)}`;
  }
  return null;
}

export function locationReason(l: LocationResult): string {
  if (l.basis === 'distance' && l.distanceKm !== null) {
    const d = km(l.distanceKm);
    if (l.radiusKm === null) return `À ${d} du lieu de la prestation (rayon d'intervention non renseigné)`;
    if (l.outOfRange) return `Hors zone : à ${d} du lieu de la prestation pour un rayon d'intervention de ${l.radiusKm} km`;
    if (l.distanceKm > l.radiusKm) return `À ${d} du lieu de la prestation, au-delà de son rayon d'intervention (${l.radiusKm} km)`;
    return `À ${d} du lieu de la prestation (rayon d'intervention : ${l.radiusKm} km)`;
  }
  if (l.basis === 'departement') {
    if (l.outOfRange && l.atLeastKm !== null) {
      return `Hors zone : basée dans le département ${l.departement}, à plus de ${km(l.atLeastKm)} du lieu de la prestation pour un rayon d'intervention de ${l.radiusKm} km`;
    }
    return l.sameDepartement
      ? `Même département (${l.departement}) que le lieu de la prestation`
      : `Basée dans un autre département (${l.departement}) que le lieu de la prestation`;
  }
  return 'Distance inconnue : localisation non renseignée';
}

export function capacityReason(c: CapacityResult): string | null {
  const cap = c.maxContractValue;
  switch (c.basis) {
    case 'no-budget':
      return cap ? `Contrats jusqu'à ${euros(cap)} (budget du besoin non précisé)` : null;
    case 'declared': {
      const top = c.budgetMax ?? c.budgetMin ?? 0;
      const bottom = c.budgetMin ?? c.budgetMax ?? 0;
      if ((cap as number) >= top) return `Contrats jusqu'à ${euros(cap as number)} pour ${budget(c)}`;
      if ((cap as number) >= bottom) return `Contrats jusqu'à ${euros(cap as number)} pour ${budget(c)} : le haut de la fourchette dépasse sa capacité`;
      return `Contrats jusqu'à ${euros(cap as number)} seulement, pour ${budget(c)}`;
    }
    case 'employees':
      return `Capacité estimée d'après l'effectif (${c.employees} salarié${(c.employees ?? 0) > 1 ? 's' : ''}) pour ${budget(c)}`;
    default:
      return `Capacité non renseignée, pour ${budget(c)}`;
  }
}

export function labelsReasons(l: LabelsResult, preferredKinds: string[]): string[] {
  const out = [...l.missing.map((x) => `Label ${x} exigé : absent`), ...l.present.map((x) => `Label ${x} exigé : présent`)];
  if (l.kindMatch === 1) out.push(`Structure ${l.kind}, type souhaité par l'entreprise`);
  else if (l.kindMatch !== null && l.kindMatch > 0) out.push(`Structure ${l.kind}, proche du type souhaité (${preferredKinds.join(' ou ')})`);
  else if (l.kindMatch === 0) out.push(`N'est pas du type souhaité (${preferredKinds.join(' ou ')})`);
  return out;
}

/** The hard constraints the structure fails, one sentence each (none for an eligible one). */
export function failedConstraints(e: Pick<Evidence, 'labels' | 'location' | 'inclusion'>): string[] {
  const failed = e.inclusion && !e.inclusion.allowed ? [inclusionReason(e.inclusion)] : [];
  failed.push(...e.labels.missing.map((x) => `Label ${x} exigé : absent`));
  if (e.location.outOfRange) failed.push(locationReason(e.location));
  return failed;
}

/** All reasons, in reading order: failed hard constraints, then what, where, how much, labels. */
export function explain(e: Evidence, preferredKinds: string[], nafLabel: NafLabel): string[] {
  const labels = labelsReasons(e.labels, preferredKinds);
  const location = locationReason(e.location);
  const kind = e.inclusion ? inclusionReason(e.inclusion) : null;
  const out = failedConstraints(e);
  out.push(...textReason(e.text));
  const sector = sectorReason(e.sector, e.profileNafCodes, nafLabel);
  if (sector) out.push(sector);
  if (!e.location.outOfRange) out.push(location);
  const capacity = capacityReason(e.capacity);
  if (capacity) out.push(capacity);
  out.push(...labels.filter((r) => !r.endsWith(': absent')));
  if (kind && e.inclusion?.allowed) out.push(kind);
  return out;
}

// What speaks against a structure or says nothing for it (the sentences above that say so): an officer
// weighs them; a firm choosing between the structures presented to it is not helped by them.
const UNHELPFUL = [
  /^Peu de vocabulaire en commun/,
  /^Aucun terme en commun/,
  /^Secteur différent/,
  /^Code NAF de statut/,
  /^Hors zone/,
  /au-delà de son rayon d'intervention/,
  /^Distance inconnue/,
  /^Basée dans un autre département/,
  /^Capacité non renseignée/,
  /^Capacité estimée/,
  /seulement, pour un budget/,
  /le haut de la fourchette dépasse sa capacité$/,
  /: absent$/,
  /^N'est pas du type souhaité/,
  /; cette structure (est de type|n'est pas une structure d'inclusion)/,
];

/**
 * The reasons that help a firm choose: the unfavourable and empty ones left out, and the shared
 * terms without the business words any need carries ("annuel, services"); a line left with none is dropped.
 */
export function reasonsForFirm(reasons: readonly string[]): string[] {
  return reasons.flatMap((r) => {
    if (UNHELPFUL.some((p) => p.test(r))) return [];
    if (!r.startsWith(SHARED_TERMS)) return [r];
    const telling = r.slice(SHARED_TERMS.length).split(', ').filter((w) => !isGenericWord(w));
    return telling.length ? [`${SHARED_TERMS}${telling.join(', ')}`] : [];
  });
}

/** A reason about what the structure does (shared words, related vocabulary, sector), not where or how much. */
export const isTopical = (reason: string): boolean => /^(Termes en commun|Vocabulaire proche|Code NAF \d|Même (sous-classe|classe|groupe|division) NAF)/.test(reason);
