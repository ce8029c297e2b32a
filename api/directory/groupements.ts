// Groupements for officers: the matcher's eligible structures for a need, grouped when no single
// one covers its budget or its trades.
import { isRelevant } from '../../matching/rank';
import { proposeGroupements as group, tradeOf, type GroupCandidate } from '../../matching/groupements';
import { isStaff, requireRole, type Viewer } from '../auth/guards';
import { badInput, notFound } from '../errors';
import { nafLabel } from '../reference/naf';
import type { NeedRecord } from '../store/types';
import type { DirectoryDeps } from './deps';
import { MAX_MATCH_LIMIT, tradeShortfall, type SupplierMatch } from './matching';
import { activeSuppliers } from './suppliers';

const DEFAULT_GROUPEMENTS = 5;

/** A NAF code in words, as a member's part reads: « nettoyage courant des bâtiments ». */
export const tradeLabel = (code: string): string => nafLabel(code)?.toLowerCase() ?? code;
const MAX_GROUPEMENTS = 20;

export interface GroupementView {
  members: SupplierMatch[];
  score: number;
  reasons: string[];
}

export async function proposeGroupements(services: DirectoryDeps, viewer: Viewer | null, needId: string, limit?: number | null): Promise<GroupementView[]> {
  requireRole(viewer, 'OFFICER', 'ADMIN');
  const size = limit ?? DEFAULT_GROUPEMENTS;
  if (!Number.isInteger(size) || size < 1 || size > MAX_GROUPEMENTS) {
    throw badInput('limit', `« limit » : doit être un entier entre 1 et ${MAX_GROUPEMENTS}.`);
  }
  const need = await services.store.needs.findById(needId);
  if (!need) throw notFound('Besoin introuvable.');
  return groupementsFor(services, need, size);
}

/**
 * The groups for a need: its trades are its NAF codes, else those the matcher reads in its text (a
 * firm's form asks for none), one per trade it names; members are eligible structures of those trades
 * (relevant to the need), so another trade's large structure never "covers" a budget alone.
 */
export async function groupementsFor(services: DirectoryDeps, need: NeedRecord, size: number, ranking = services.matching.rank(need, MAX_MATCH_LIMIT)): Promise<GroupementView[]> {
  const { nafCodes } = services.matching.sectorsOf(need);
  const trades = new Set(nafCodes.map(tradeOf));
  const ofTrade = (codes: readonly string[]) => trades.size === 0 || codes.some((c) => trades.has(tradeOf(c)));
  const matches = ranking.filter((m) => m.eligible && isRelevant(m));
  const suppliers = await activeSuppliers(services.store, matches.map((m) => m.profileId));
  const candidates: GroupCandidate[] = matches.flatMap((match) => {
    const s = suppliers.get(match.profileId);
    return s && ofTrade(s.nafCodes) ? [{ match, name: s.name, nafCodes: s.nafCodes, maxContractValue: s.maxContractValue }] : [];
  });
  return group({ ...need, nafCodes }, candidates, size, tradeLabel).map((g) => ({
    score: g.score,
    reasons: g.reasons,
    members: g.members.map(({ match: { profileId, ...rest } }) => ({ supplier: suppliers.get(profileId)!, ...rest, relevant: isRelevant(rest) })),
  }));
}

/**
 * Staff: why the ranking cannot simply be taken (see tradeShortfall), or that only a groupement can
 * carry the need (no one structure of its trades covers its budget or its trades); null for anyone else.
 */
export async function matchNotice(services: DirectoryDeps, viewer: Viewer | null, need: NeedRecord): Promise<string | null> {
  if (!isStaff(viewer)) return null;
  // One ranking serves both questions.
  const ranking = services.matching.rank(need, MAX_MATCH_LIMIT);
  const shortfall = tradeShortfall(need, ranking);
  if (shortfall) return shortfall;
  if ((await groupementsFor(services, need, 1, ranking)).length === 0) return null;
  return 'Aucune structure ne peut porter seule ce besoin (son budget dépasse leurs capacités, ou il réunit plusieurs métiers) : un groupement de structures le peut, voir les groupements proposés.';
}
