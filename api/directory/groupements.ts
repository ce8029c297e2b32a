// Groupements for officers: the matcher's eligible structures for a need, grouped when no single
// one covers its budget or its trades.
import { isRelevant } from '../../matching/rank';
import { proposeGroupements as group, type GroupCandidate } from '../../matching/groupements';
import { requireRole, type Viewer } from '../auth/guards';
import { badInput, notFound } from '../errors';
import { nafLabel } from '../reference/naf';
import type { DirectoryDeps } from './deps';
import { MAX_MATCH_LIMIT, type SupplierMatch } from './matching';
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
  const matches = services.matching.rank(need, MAX_MATCH_LIMIT).filter((m) => m.eligible);
  const suppliers = await activeSuppliers(services.store, matches.map((m) => m.profileId));
  const candidates: GroupCandidate[] = matches.flatMap((match) => {
    const s = suppliers.get(match.profileId);
    return s ? [{ match, name: s.name, nafCodes: s.nafCodes, maxContractValue: s.maxContractValue }] : [];
  });
  return group(need, candidates, size, tradeLabel).map((g) => ({
    score: g.score,
    reasons: g.reasons,
    members: g.members.map(({ match: { profileId, ...rest } }) => ({ supplier: suppliers.get(profileId)!, ...rest, relevant: isRelevant(rest) })),
  }));
}
