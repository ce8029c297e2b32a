// The yearly review's figures, computed once here for both the impactStats query and `npm run report`.
//
// What counts in a period [from, to):
// - needs posted: needs created in the period, by kind, withdrawn ones aside;
// - shortlists: those approved in the period (APPROVED or SENT); "sent" = every mail delivered;
// - introductions: the (shortlist, structure) pairs of those shortlists, by the structure's
//   inclusion kind and commune; the structures introduced, each counted once, likewise;
// - outcomes: what those introductions produced so far (a cohort, so the conversion rate is
//   WON / introductions of the same period).
import { writeCsv, type CsvFormat } from '../csv';
import { z } from 'zod';
import { requireRole, type Viewer } from '../auth/guards';
import { isMetropoleCommune, communeName } from '../reference/communes';
import { INCLUSION_KIND_FR, monthLabelFr, NEED_KIND_FR, OUTCOME_FR, parisMonth } from '../reference/vocabulary';
import { type DirectoryDeps, INCLUSION_KINDS } from '../directory';
import { between, byIds, byShortlists } from '../store/filters';
import { campaignFigures } from '../campaign';
import { computePublicContracts, publicContractRows, type PublicContractStats } from '../public-contracts';
import type { InclusionKind, NeedKind, OutcomeStatus, Store, SupplierRecord } from '../store/types';
import { OUTCOME_STATUSES } from '../introductions';
import * as v from '../kernel';
import { NEED_KINDS } from '../needs';

type KindCount = { inclusionKind: InclusionKind | null; label: string; count: number };
type CommuneCount = { commune: { code: string; name: string }; count: number };

/** Structures (one entry per introduction, or per structure) by inclusion kind and by Métropole commune. */
function breakdown(structures: (SupplierRecord | undefined)[]): { byKind: KindCount[]; byCommune: CommuneCount[]; outside: number } {
  const byKind = new Map<InclusionKind | null, number>();
  const byCommune = new Map<string, number>();
  let outside = 0;
  for (const s of structures) {
    const kind = s?.inclusionKind ?? null;
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    if (s && isMetropoleCommune(s.communeCode)) byCommune.set(s.communeCode, (byCommune.get(s.communeCode) ?? 0) + 1);
    else outside += 1; // a structure since deleted counts here too: its commune is unknown
  }
  return {
    byKind: [...INCLUSION_KINDS, null].map((k) => ({ inclusionKind: k, label: k ? INCLUSION_KIND_FR[k] : "Hors structure d'inclusion", count: byKind.get(k) ?? 0 })),
    byCommune: [...byCommune]
      .map(([code, count]) => ({ commune: { code, name: communeName(code) }, count }))
      .sort((a, b) => b.count - a.count || a.commune.name.localeCompare(b.commune.name, 'fr')),
    outside,
  };
}

export interface ImpactStats {
  from: Date;
  to: Date; // excluded
  needsPosted: number;
  needsByKind: { kind: NeedKind; label: string; count: number }[];
  shortlistsApproved: number;
  shortlistsSent: number;
  introductions: number;
  structuresIntroduced: number;
  introductionsByInclusionKind: KindCount[];
  introductionsByCommune: CommuneCount[]; // Métropole communes only
  introductionsOutsideMetropole: number;
  structuresByInclusionKind: KindCount[];
  structuresByCommune: CommuneCount[];
  structuresOutsideMetropole: number;
  outcomes: { status: OutcomeStatus; label: string; count: number }[];
  amountWon: number; // euros
  /** WON outcomes by the month (Paris time) they were recorded, from the period's first month to the last win's. */
  amountWonByMonth: { month: string; label: string; amount: number; count: number }[];
  insertionHours: number; // hours of insertion work under WON contracts
  conversionRate: number; // in [0, 1]
  /** Introductions whose structure answered INTERESTED (its latest answer), from its mail or through an officer. */
  interestedAnswers: number;
  interestedRate: number; // interestedAnswers / introductions, in [0, 1]
  // Public contracts (DECP) notified in the period.
  publicContracts: PublicContractStats;
  /** Imported profiles whose structure first signed in, and profiles completed after an invitation, in the period. */
  profilesClaimed: number;
  profilesCompleted: number;
}

/** A day alone is Paris midnight that day, or the next as an upper bound (clocks change at 2-3 am, never around midnight). */
const boundOf = (date: v.IsoDate, field: 'from' | 'to'): Date =>
  date.day ? v.parisInstant(date.wall + (field === 'to' ? 86_400_000 : 0)) : v.isoInstant(date);

/**
 * A period bound as the API and the report read it: "YYYY-MM-DD" is a calendar day in Paris (as
 * an upper bound, the whole day is included); a date-time is Paris time unless it has an offset.
 * The same in any process timezone.
 */
const bound = (field: 'from' | 'to') => v.isoDate((date) => boundOf(date, field));

const periodSchema = z
  .object({ from: bound('from'), to: bound('to') })
  .refine((p) => p.from.getTime() < p.to.getTime(), { path: ['to'], message: 'la fin de la période doit suivre son début' });

/** The period from user input (API or command line): BAD_USER_INPUT naming `from` or `to` otherwise. */
export const parsePeriod = (from: unknown, to: unknown): { from: Date; to: Date } => v.parseInput(periodSchema, { from, to });

export async function computeImpact(store: Store, from: Date, to: Date): Promise<ImpactStats> {
  // A need posted without an account counts once its firm confirmed it (deleted otherwise); a withdrawn
  // need (a test, a mistake, a need dropped before any introduction) was never a real one.
  const needs = (await store.needs.find(between('createdAt', from, to))).filter((n) => n.confirmedAt !== null && !n.withdrawnAt);
  const shortlists = (await store.shortlists.find(between('approvedAt', from, to))).filter((s) => s.status !== 'DRAFT');
  const pairs = shortlists.flatMap((s) => s.items.map((i) => ({ shortlistId: s.id, supplierId: i.supplierId })));
  const supplierIds = [...new Set(pairs.map((p) => p.supplierId))];
  const [suppliers, outcomes, responses] = await Promise.all([
    supplierIds.length ? store.suppliers.find(byIds(supplierIds)) : Promise.resolve([]),
    shortlists.length ? store.outcomes.find(byShortlists(shortlists.map((s) => s.id))) : Promise.resolve([]),
    shortlists.length ? store.responses.find(byShortlists(shortlists.map((s) => s.id))) : Promise.resolve([]),
  ]);
  const supplierOf = new Map(suppliers.map((s) => [s.id, s]));

  const perIntroduction = breakdown(pairs.map((p) => supplierOf.get(p.supplierId)));
  const perStructure = breakdown(supplierIds.map((id) => supplierOf.get(id)));
  const introduced = new Set(pairs.map((p) => `${p.shortlistId}:${p.supplierId}`));
  const counted = outcomes.filter((o) => introduced.has(`${o.shortlistId}:${o.supplierId}`));
  const won = counted.filter((o) => o.status === 'WON');
  const interested = responses.filter((r) => r.answer === 'INTERESTED' && introduced.has(`${r.shortlistId}:${r.supplierId}`)).length;

  return {
    from,
    to,
    needsPosted: needs.length,
    needsByKind: NEED_KINDS.map((kind) => ({ kind, label: NEED_KIND_FR[kind], count: needs.filter((n) => n.kind === kind).length })),
    shortlistsApproved: shortlists.length,
    shortlistsSent: shortlists.filter((s) => s.status === 'SENT').length,
    introductions: pairs.length,
    structuresIntroduced: supplierIds.length,
    introductionsByInclusionKind: perIntroduction.byKind,
    introductionsByCommune: perIntroduction.byCommune,
    introductionsOutsideMetropole: perIntroduction.outside,
    structuresByInclusionKind: perStructure.byKind,
    structuresByCommune: perStructure.byCommune,
    structuresOutsideMetropole: perStructure.outside,
    outcomes: OUTCOME_STATUSES.map((status) => ({ status, label: OUTCOME_FR[status], count: counted.filter((o) => o.status === status).length })),
    amountWon: won.reduce((sum, o) => sum + (o.amount ?? 0), 0),
    amountWonByMonth: byMonth(from, to, won),
    insertionHours: won.reduce((sum, o) => sum + (o.insertionHours ?? 0), 0),
    conversionRate: pairs.length ? won.length / pairs.length : 0,
    interestedAnswers: interested,
    interestedRate: pairs.length ? interested / pairs.length : 0,
    // Public contracts (DECP) notified in the period.
    publicContracts: await computePublicContracts(store, from, to),
    ...(await campaignFigures(store, from, to)),
  };
}

function byMonth(from: Date, to: Date, won: { amount: number | null; updatedAt: Date }[]): ImpactStats['amountWonByMonth'] {
  const sums = new Map<string, { amount: number; count: number }>();
  for (const o of won) {
    const m = parisMonth(o.updatedAt);
    const sum = sums.get(m) ?? { amount: 0, count: 0 };
    sums.set(m, { amount: sum.amount + (o.amount ?? 0), count: sum.count + 1 });
  }
  const last = [parisMonth(new Date(to.getTime() - 1)), ...sums.keys()].sort().at(-1)!;
  const months: ImpactStats['amountWonByMonth'] = [];
  // At most 120 months listed: a period longer than ten years lists its wins' months only.
  for (let [y, m] = parisMonth(from).split('-').map(Number) as [number, number]; months.length < 120; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    months.push({ month, label: monthLabelFr(month), ...(sums.get(month) ?? { amount: 0, count: 0 }) });
  }
  if (months.length === 120) return [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([month, sum]) => ({ month, label: monthLabelFr(month), ...sum }));
  return months;
}

/** Officers and admins. */
export function impactStats(services: Pick<DirectoryDeps, 'store'>, viewer: Viewer | null, from: unknown, to: unknown): Promise<ImpactStats> {
  requireRole(viewer, 'OFFICER', 'ADMIN');
  const period = parsePeriod(from, to);
  return computeImpact(services.store, period.from, period.to);
}

/** The same figures as rows for the CSV report: indicator, key, French label, value. */
export function impactRows(s: ImpactStats): [string, string, string, string | number][] {
  return [
    ...periodRows(s.from, s.to),
    ['besoins_publies', '', 'Besoins publiés', s.needsPosted],
    ...s.needsByKind.map((k): [string, string, string, number] => ['besoins_par_type', k.kind, `Besoins publiés par type : ${k.label}`, k.count]),
    ['listes_approuvees', '', 'Listes de structures approuvées', s.shortlistsApproved],
    ['listes_envoyees', '', 'Listes envoyées (tous les courriels remis)', s.shortlistsSent],
    ['mises_en_relation', '', 'Mises en relation (structure présentée à une entreprise)', s.introductions],
    ['structures_presentees', '', 'Structures présentées (chacune comptée une fois)', s.structuresIntroduced],
    ...s.introductionsByInclusionKind.map((k): [string, string, string, number] => ['mises_en_relation_par_type', k.inclusionKind ?? '', `Mises en relation par type : ${k.label}`, k.count]),
    ...s.introductionsByCommune.map((c): [string, string, string, number] => ['mises_en_relation_par_commune', c.commune.code, `Mises en relation par commune : ${c.commune.name}`, c.count]),
    ['mises_en_relation_hors_metropole', '', 'Mises en relation de structures hors Métropole', s.introductionsOutsideMetropole],
    ...s.structuresByInclusionKind.map((k): [string, string, string, number] => ['structures_presentees_par_type', k.inclusionKind ?? '', `Structures présentées par type : ${k.label}`, k.count]),
    ...s.structuresByCommune.map((c): [string, string, string, number] => ['structures_presentees_par_commune', c.commune.code, `Structures présentées par commune : ${c.commune.name}`, c.count]),
    ['structures_presentees_hors_metropole', '', 'Structures présentées hors Métropole', s.structuresOutsideMetropole],
    ...s.outcomes.map((o): [string, string, string, number] => ['suites', o.status, `Suites : ${o.label}`, o.count]),
    ['montant_remporte_euros', '', 'Montant remporté par les structures de l’ESS (euros)', s.amountWon],
    ...s.amountWonByMonth.map((m): [string, string, string, number] => ['montant_remporte_par_mois', m.month, `Montant remporté en ${m.label} (euros)`, m.amount]),
    ['heures_insertion', '', "Heures d'insertion générées (marchés remportés)", s.insertionHours],
    ['taux_de_transformation', '', 'Taux de transformation (marchés remportés / mises en relation)', Number(s.conversionRate.toFixed(4))],
    ['reponses_interessees', '', 'Mises en relation auxquelles la structure a répondu « Nous sommes intéressés »', s.interestedAnswers],
    ['part_interessees', '', 'Part des structures présentées qui se sont dites intéressées (réponses / mises en relation)', Number(s.interestedRate.toFixed(4))],
    // Public contracts (DECP).
    ...publicContractRows(s.publicContracts),
    // The campaign that turns imported entries into complete profiles.
    ['fiches_revendiquees', '', 'Fiches revendiquées par leur structure (première connexion)', s.profilesClaimed],
    ['fiches_completees', '', 'Fiches complétées après une invitation', s.profilesCompleted],
  ];
}

const PARIS_WALL = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** An instant as Paris wall time: "2026-01-01", or "2026-01-01T08:30" when it is not midnight. */
function parisWall(date: Date): { day: string; time: string | null } {
  const p = Object.fromEntries(PARIS_WALL.formatToParts(date).map((x) => [x.type, x.value]));
  const time = `${p.hour}:${p.minute}${p.second === '00' ? '' : `:${p.second}`}`;
  return { day: `${p.year}-${p.month}-${p.day}`, time: time === '00:00' ? null : time };
}

/**
 * The period as it was asked for: the calendar days (2026-01-01 to 2026-12-31, both included), not
 * the UTC instants they start at; a bound given with a time keeps it, in Paris time.
 */
function periodRows(from: Date, to: Date): [string, string, string, string][] {
  const start = parisWall(from);
  const end = parisWall(to);
  const fromText = start.time ? `${start.day}T${start.time}` : start.day;
  // An end at midnight is the day before, included; any other end is the instant, excluded.
  return end.time
    ? [['periode_debut', '', 'Début de la période (incluse)', fromText], ['periode_fin', '', 'Fin de la période (exclue, heure de Paris)', `${end.day}T${end.time}`]]
    : [['periode_debut', '', 'Début de la période (incluse)', fromText], ['periode_fin', '', 'Fin de la période (incluse)', parisWall(new Date(to.getTime() - 1)).day]];
}

export const IMPACT_CSV_HEADER = ['indicateur', 'cle', 'libelle', 'valeur'];

export type { CsvFormat } from '../csv';

/** The figures as CSV text (the impactStats query's `csv` field): no BOM, a string in a JSON answer. */
export function impactCsv(s: ImpactStats, format: CsvFormat = {}): string {
  return writeCsv([IMPACT_CSV_HEADER, ...impactRows(s)], format);
}

/**
 * The report as a file, byte for byte the same from `npm run report` (stdout or --out) and from
 * GET /report.csv: UTF-8 with a BOM, so that spreadsheet software reads the accents right.
 */
export const impactReportFile = (s: ImpactStats, format: CsvFormat = {}): Buffer => Buffer.from(`\ufeff${impactCsv(s, format)}`, 'utf8');
