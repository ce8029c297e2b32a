// A buyer's spend with the ESS: its suppliers matched to the directory (by SIRET, then SIREN), the
// amounts with SIAE and the secteur protégé, and the categories where the ESS is absent with the
// structures the matcher proposes for them. Private to the buyer's organisation and staff.
import { isRelevant } from '../../matching/rank';
import type { NeedQuery } from '../../matching/types';
import { isStaff, requireViewer, type Viewer } from '../auth/guards';
import { badInput, forbidden, notFound } from '../errors';
import { newId } from '../kernel';
import { placeOf, type DirectoryDeps } from '../directory';
import { familyOf, potentialOf, type InclusivePotential } from '../purchasing';
import { nafLabel } from '../reference/naf';
import { ofOrganisation, SPEND_ORDER, suppliersBySiretOrSiren } from '../store/filters';
import type { OrganisationRecord, SpendAnalysisRecord, SpendEntryRecord, SpendGapRecord, SupplierRecord } from '../store/types';
import { readSpendCsv, type SpendLine } from './read';

/** What the analysis uses of the services. */
type SpendDeps = Pick<DirectoryDeps, 'store' | 'matching'>;

/** Gaps kept, largest first, and structures proposed for each. */
const MAX_GAPS = 10;
const SUGGESTIONS_PER_GAP = 3;
/** The Métropole's seat: gaps are looked for on its territory. */
const TERRITORY_COMMUNE = '76540';

/** Organisation kinds that buy under the public procurement code (helper G adds PUBLIC_BUYER). */
const PUBLIC_KINDS: readonly string[] = ['METROPOLE', 'PUBLIC_BUYER'];
export const isPublicBuyer = (organisation: OrganisationRecord | null): boolean => organisation !== null && PUBLIC_KINDS.includes(organisation.kind);

/** The organisation whose spend the viewer may read and write: its own (a firm's user), any given one (staff). */
async function buyerOrganisation(services: SpendDeps, viewer: Viewer | null, organisationId: string | null | undefined): Promise<OrganisationRecord> {
  const who = requireViewer(viewer);
  if (isStaff(who)) {
    if (!organisationId) throw badInput('organisationId', '« organisationId » : indiquez l’organisation dont vous analysez les achats.');
    const organisation = await services.store.organisations.findById(organisationId);
    if (!organisation) throw notFound('Organisation introuvable.');
    return organisation;
  }
  if (who.role !== 'COMPANY') throw forbidden('L’analyse des achats est réservée aux acheteurs (comptes entreprise) et aux agents de la Métropole.');
  if (!who.organisationId) throw forbidden('Votre compte n’est rattaché à aucune organisation.');
  if (organisationId && organisationId !== who.organisationId) throw forbidden();
  const organisation = await services.store.organisations.findById(who.organisationId);
  if (!organisation) throw forbidden('Votre compte n’est rattaché à aucune organisation.');
  return organisation;
}

const categoryOf = (l: SpendLine): string | null => l.category ?? (l.nafCode ? `${l.nafCode} ${nafLabel(l.nafCode) ?? ''}`.trim() : null);

/** Each line's structure of the directory: the one with its SIRET, else one of its SIREN (the lowest SIRET, for a stable answer). */
async function matchLines(services: SpendDeps, lines: readonly SpendLine[]): Promise<SpendEntryRecord[]> {
  const sirets = [...new Set(lines.filter((l) => l.identifier.length === 14).map((l) => l.identifier))];
  const sirens = [...new Set(lines.map((l) => l.identifier.slice(0, 9)))];
  // One query: the SIREN pattern is tested against every active profile's SIRET (a few hundred
  // suppliers in a file cost milliseconds; the 10,000-line limit bounds the worst case under a second).
  const found = sirens.length ? await services.store.suppliers.find(suppliersBySiretOrSiren(sirets, sirens)) : [];
  const bySiret = new Map(found.map((s) => [s.siret!, s]));
  const bySiren = new Map<string, SupplierRecord>();
  for (const s of [...found].sort((a, b) => a.siret!.localeCompare(b.siret!))) if (!bySiren.has(s.siret!.slice(0, 9))) bySiren.set(s.siret!.slice(0, 9), s);
  return lines.map((l) => {
    const supplier = bySiret.get(l.identifier) ?? bySiren.get(l.identifier.slice(0, 9)) ?? null;
    return { line: l.line, identifier: l.identifier, name: l.name, amount: l.amount, category: categoryOf(l), supplierId: supplier?.id ?? null, family: supplier ? familyOf(supplier.inclusionKind) : null };
  });
}

/** The purchase the matcher is asked about for a category: its words, its NAF code when the file gave one. */
function categoryQuery(category: string, nafCode: string | null): NeedQuery {
  return {
    title: category, description: '', kind: 'PURCHASE', nafCodes: nafCode ? [nafCode] : [], ...placeOf({ communeCode: TERRITORY_COMMUNE, latitude: null, longitude: null }),
    budgetMin: null, budgetMax: null, requiredLabels: [], preferredInclusionKinds: [], requiredInclusionKinds: [],
  };
}

/** Categories without any spend with the ESS, largest first, each with the eligible structures of its trade. */
function gapsOf(services: SpendDeps, entries: readonly SpendEntryRecord[], lines: readonly SpendLine[]): SpendGapRecord[] {
  const nafByLine = new Map(lines.map((l) => [l.line, l.nafCode]));
  const byCategory = new Map<string, { cents: number; ess: boolean; naf: string | null }>();
  for (const e of entries) {
    if (!e.category) continue;
    const c = byCategory.get(e.category) ?? { cents: 0, ess: false, naf: null };
    c.cents += Math.round(e.amount * 100);
    c.ess ||= e.supplierId !== null;
    c.naf ??= nafByLine.get(e.line) ?? null;
    byCategory.set(e.category, c);
  }
  return [...byCategory]
    .filter(([, c]) => !c.ess && c.cents > 0)
    .sort((a, b) => b[1].cents - a[1].cents || a[0].localeCompare(b[0]))
    .slice(0, MAX_GAPS)
    .map(([category, c]) => {
      const matches = services.matching.rankQuery(categoryQuery(category, c.naf), 20);
      const supplierIds = matches.filter((m) => m.eligible && isRelevant(m)).slice(0, SUGGESTIONS_PER_GAP).map((m) => m.profileId);
      return { category, amount: c.cents / 100, supplierIds };
    });
}

/** What the ESS of the territory could take of a category without it: point 1's potential, for its amount around Rouen. */
export function gapPotential(services: Pick<SpendDeps, 'matching'>, gap: SpendGapRecord): InclusivePotential {
  return potentialOf(services.matching, { text: gap.category, communeCode: TERRITORY_COMMUNE, budgetMax: Math.min(Math.round(gap.amount), 1_000_000_000) });
}

/** A buyer's spend file (CSV text) analysed and kept for its organisation. */
export async function analyseSpend(services: SpendDeps, viewer: Viewer | null, csv: string, organisationId?: string | null): Promise<SpendAnalysisRecord> {
  const organisation = await buyerOrganisation(services, viewer, organisationId);
  if (typeof csv !== 'string' || csv.trim() === '') throw badInput('csv', '« csv » : le fichier est vide.');
  const { lines, refusals } = readSpendCsv(csv);
  if (lines.length === 0) {
    const first = refusals.slice(0, 3).map((r) => `ligne ${r.line} : ${r.reason}`).join(' ; ');
    throw badInput('csv', `« csv » : aucune ligne de dépense n’a pu être lue${first ? ` (${first})` : ''}.`);
  }
  const now = new Date();
  const entries = await matchLines(services, lines);
  const record: SpendAnalysisRecord = {
    id: newId(), createdAt: now, updatedAt: now, organisationId: organisation.id, createdBy: requireViewer(viewer).userId,
    entries, refusals, gaps: gapsOf(services, entries, lines),
  };
  return services.store.spendAnalyses.insert(record);
}

/** The organisation's analyses, newest first. */
export async function spendAnalyses(services: SpendDeps, viewer: Viewer | null, organisationId?: string | null): Promise<SpendAnalysisRecord[]> {
  const organisation = await buyerOrganisation(services, viewer, organisationId);
  return services.store.spendAnalyses.find(ofOrganisation(organisation.id), { sort: SPEND_ORDER });
}

/** One analysis, to its organisation's users and staff only (anyone else: not found, so nothing is told). */
export async function spendAnalysis(services: SpendDeps, viewer: Viewer | null, id: string): Promise<SpendAnalysisRecord> {
  const who = requireViewer(viewer);
  const analysis = await services.store.spendAnalyses.findById(id);
  const mine = analysis && (isStaff(who) || (who.role === 'COMPANY' && who.organisationId === analysis.organisationId));
  if (!analysis || !mine) throw notFound('Analyse introuvable.');
  return analysis;
}

/** Deletes an analysis at once, file data and results; compacted so that nothing of it stays on disk. */
export async function deleteSpendAnalysis(services: SpendDeps, viewer: Viewer | null, id: string): Promise<boolean> {
  const analysis = await spendAnalysis(services, viewer, id);
  await services.store.spendAnalyses.remove(analysis.id);
  await services.store.compact();
  return true;
}
