// The French words people read for our enum values: in emails, in the yearly report.
import type { InclusionKind, LegalForm, NeedKind, OutcomeStatus } from '../store/types';

export const LEGAL_FORM_FR: Readonly<Record<LegalForm, string>> = {
  ASSOCIATION: 'Association',
  SCOP: 'SCOP (société coopérative et participative)',
  SCIC: "SCIC (société coopérative d'intérêt collectif)",
  COOPERATIVE: 'Coopérative',
  MUTUELLE: 'Mutuelle',
  FONDATION: 'Fondation',
  ESUS_COMPANY: "Entreprise agréée ESUS (entreprise solidaire d'utilité sociale)",
  UNSPECIFIED: 'Forme juridique non renseignée',
};

export const INCLUSION_KIND_FR: Readonly<Record<InclusionKind, string>> = {
  ESAT: "ESAT (établissement et service d'aide par le travail)",
  EA: 'EA (entreprise adaptée)',
  EATT: 'EATT (entreprise adaptée de travail temporaire)',
  ACI: "ACI (atelier et chantier d'insertion)",
  AI: 'AI (association intermédiaire)',
  EI: "EI (entreprise d'insertion)",
  ETTI: "ETTI (entreprise de travail temporaire d'insertion)",
  EITI: "EITI (entreprise d'insertion par le travail indépendant)",
  GEIQ: "GEIQ (groupement d'employeurs pour l'insertion et la qualification)",
};

export const NEED_KIND_FR: Readonly<Record<NeedKind, string>> = {
  PURCHASE: 'Achat',
  SUBCONTRACTING: 'Sous-traitance',
  RSE_PARTNERSHIP: 'Partenariat RSE',
  INSERTION_CLAUSE: "Clause d'insertion",
  SPONSORSHIP: 'Mécénat',
};

export const OUTCOME_FR: Readonly<Record<OutcomeStatus, string>> = {
  CONTACTED: 'Contact pris',
  QUOTE_REQUESTED: 'Devis demandé',
  WON: 'Marché remporté',
  LOST: 'Non retenue',
  NO_FOLLOW_UP: 'Sans suite',
};

/** "SCOP (…) · ESAT (…)": the legal form, then the inclusion kind when the structure is one. */
export const structureKindFr = (s: { legalForm: LegalForm; inclusionKind: InclusionKind | null }): string =>
  s.inclusionKind ? `${LEGAL_FORM_FR[s.legalForm]} · ${INCLUSION_KIND_FR[s.inclusionKind]}` : LEGAL_FORM_FR[s.legalForm];

/**
 * A formatter made at its first use: a process's first Intl formatter loads ICU's locale data, 30 ms
 * at the start of npm run import, which formats nothing.
 */
export function formatterAtFirstUse<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

const wholeNumbers = formatterAtFirstUse(() => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }));

/** "20 000" (French grouping; the narrow no-break space Intl uses becomes a plain no-break space for mail clients). */
export const formatWhole = (n: number): string => wholeNumbers().format(n).replace(/\u202f/g, '\u00a0');

/** "20 000 €". */
export const formatEuros = (amount: number): string => `${formatWhole(amount)}\u00a0€`;

const parisMonths = formatterAtFirstUse(() => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'Europe/Paris' }));
const frenchMonths = formatterAtFirstUse(() => new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }));
const frenchDays = formatterAtFirstUse(() => new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }));

/** "2026-03": an instant's month, in Paris time. */
export const parisMonth = (date: Date): string => parisMonths().format(date).slice(0, 7);

/** "mars 2026" for "2026-03". */
export const monthLabelFr = (month: string): string => frenchMonths().format(new Date(`${month}-01T00:00:00Z`));

/** "31 mars 2027", "1er avril 2027", read in Paris time. */
export const formatDateFr = (date: Date): string => frenchDays().format(date).replace(/^1 /, '1er ');

/** "entre 20 000 € et 40 000 €", "jusqu'à 40 000 €"… */
export function budgetFr(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return min === max ? formatEuros(max) : `entre ${formatEuros(min)} et ${formatEuros(max)}`;
  if (max !== null) return `jusqu'à ${formatEuros(max)}`;
  if (min !== null) return `à partir de ${formatEuros(min)}`;
  return 'non précisé';
}

/** The public site's legal pages (api/pages/legal.ts), linked from every public page's footer. */
export const LEGAL_PAGES = [
  { path: '/mentions-legales', title: 'Mentions légales' },
  { path: '/donnees-personnelles', title: 'Données personnelles' },
  { path: '/accessibilite', title: 'Accessibilité' },
] as const;

/** Where a need stands, in the console's words. */
export const NEED_STATUS_FR: Record<'AWAITING_CONFIRMATION' | 'OPEN' | 'INTRODUCED' | 'WITHDRAWN' | 'CLOSED', string> = {
  AWAITING_CONFIRMATION: 'en attente de confirmation par l’entreprise',
  OPEN: 'en attente d’une liste',
  INTRODUCED: 'structures présentées',
  WITHDRAWN: 'retiré',
  CLOSED: 'clos',
};

/** « de » before a name, elided before a vowel: « d’Octet Solidaire », « de Brillance Coop ». */
export const ofName = (name: string): string => (/^[aeiouyàâäéèêëîïôöùûüœæ]/i.test(name) ? `d’${name}` : `de ${name}`);
