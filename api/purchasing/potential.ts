// What the ESS could take of a purchase before it is posted: the matcher's eligible structures of
// the purchase's trade, within reach of its commune, counted by family and by whether they can carry
// its budget alone. Public: counts only, never a structure's name or address.
import { z } from 'zod';
import type { Match, NeedQuery } from '../../matching/types';
import { MAX_GROUP_SIZE } from '../../matching/groupements';
import { isRelevant } from '../../matching/rank';
import { distanceKm, type Place } from '../../matching/components/location';
import { type MatchingService, placeOf, serves, INCLUSION_KINDS } from '../directory';
import * as v from '../kernel';
import type { InclusionKind, SupplierRecord } from '../store/types';
import { recommend, type CountedFamily, type FamilyPotential, type InclusionFamily } from './recommendation';

export type { FamilyPotential, InclusionFamily } from './recommendation';
import { countPotentialAsk, type PotentialThrottle } from './throttle';
import { QUANTITIES } from '../reference/amounts';

const FAMILIES: readonly InclusionFamily[] = ['SIAE', 'PROTECTED', 'OTHER_ESS'];

const FAMILY_OF: Record<InclusionKind, InclusionFamily> = {
  ACI: 'SIAE',
  AI: 'SIAE',
  EI: 'SIAE',
  ETTI: 'SIAE',
  EITI: 'SIAE',
  GEIQ: 'SIAE',
  ESAT: 'PROTECTED',
  EA: 'PROTECTED',
  EATT: 'PROTECTED',
};

/** A structure's family; OTHER_ESS for one of the directory without an inclusion kind (also the spend analysis's). */
export const familyOf = (kind: InclusionKind | null): InclusionFamily => (kind ? FAMILY_OF[kind] : 'OTHER_ESS');

/** A need's title and description together; what the need forms send as they are typed. */
const MAX_POTENTIAL_TEXT = 5200;

const potentialInput = z.object({
  text: v.text(MAX_POTENTIAL_TEXT),
  communeCode: v.communeCode,
  budgetMax: v.quantity(QUANTITIES.euros),
  requiredInclusionKinds: z.array(z.enum(INCLUSION_KINDS)).readonly().nullish().transform((k) => [...new Set(k ?? [])]),
});

export type PotentialInput = z.input<typeof potentialInput>;

export interface InclusivePotential {
  total: number;
  families: FamilyPotential[];
  recommendation: string;
}

// The first ranking asked; doubled while every structure it returns is an eligible one of the
// trade (the ranking puts those first), up to the cap: past a few thousand the counts say enough.
const FIRST_LIMIT = 100;
const MAX_LIMIT = 3200;

function eligibleOfTheTrade(matching: Pick<MatchingService, 'rankQuery'>, query: NeedQuery): Match[] {
  for (let limit = FIRST_LIMIT; ; limit *= 2) {
    const ranked = matching.rankQuery(query, limit);
    const kept = ranked.filter((m) => m.eligible && isRelevant(m));
    if (kept.length < ranked.length || ranked.length < limit || limit >= MAX_LIMIT) return kept;
  }
}

/** A declared maximum contract value; none (or 0) says nothing of what the structure can carry. */
const declaredCapacity = (s: SupplierRecord): number | null => (s.maxContractValue !== null && s.maxContractValue > 0 ? s.maxContractValue : null);

/**
 * Alone: no budget given, a declared capacity at least the budget, or none declared (nothing says it
 * cannot). In a groupement only: a declared capacity below the budget that, with at most
 * MAX_GROUP_SIZE - 1 other such structures of its family (the largest), reaches the budget.
 */
function countFamily(family: InclusionFamily, members: SupplierRecord[], budget: number | null): FamilyPotential & { alone: SupplierRecord[] } {
  const alone: SupplierRecord[] = [];
  const small: number[] = [];
  for (const s of members) {
    const capacity = declaredCapacity(s);
    if (budget === null || capacity === null || capacity >= budget) alone.push(s);
    else small.push(capacity);
  }
  small.sort((a, b) => b - a);
  // Each one's best partners: the largest others, so the first MAX_GROUP_SIZE hold them all.
  const best = small.slice(0, MAX_GROUP_SIZE);
  const groupementOnly = small.filter((capacity, i) => {
    const partners = (i < best.length ? best.filter((_, j) => j !== i) : best.slice(0, MAX_GROUP_SIZE - 1)).reduce((sum, c) => sum + c, 0);
    return capacity + partners >= budget!;
  }).length;
  return { family, count: alone.length, groupementOnly, alone };
}

/** How far the structure's base lies from the place, in km; null when either lacks coordinates. */
function kmFrom(target: Place, s: SupplierRecord): number | null {
  const base = placeOf(s);
  if (target.latitude === null || target.longitude === null || base.latitude === null || base.longitude === null) return null;
  return distanceKm(target.latitude, target.longitude, base.latitude, base.longitude);
}

/** Anyone: the potential of a purchase described by a text, at a commune, for a budget. */
export async function inclusivePotential(
  deps: { matching: Pick<MatchingService, 'rankQuery' | 'directory'>; potentialThrottle: PotentialThrottle },
  raw: PotentialInput,
  clientAddress: string,
): Promise<InclusivePotential> {
  await countPotentialAsk(deps.potentialThrottle, clientAddress); // before the input is read, like every public limit
  return potentialOf(deps.matching, raw);
}

/** The same, unthrottled: for the service's own questions (a buyer's spend analysis). */
export function potentialOf(matching: Pick<MatchingService, 'rankQuery' | 'directory'>, raw: PotentialInput): InclusivePotential {
  const deps = { matching };
  const input = v.parseInput(potentialInput, raw);
  const target = placeOf({ communeCode: input.communeCode, latitude: null, longitude: null });
  const query: NeedQuery = {
    title: input.text,
    description: '',
    kind: 'PURCHASE',
    nafCodes: [],
    ...target,
    budgetMin: null,
    budgetMax: input.budgetMax,
    requiredLabels: [],
    preferredInclusionKinds: [],
    requiredInclusionKinds: input.requiredInclusionKinds,
  };
  const structures = eligibleOfTheTrade(deps.matching, query).flatMap((m) => {
    const s = deps.matching.directory.get(m.profileId);
    // Eligible already means within a declared radius; without one, the matcher's typical local radius.
    return s && serves(target, placeOf(s), s.interventionRadiusKm) ? [s] : [];
  });
  const counted: CountedFamily[] = FAMILIES.map((family) => {
    const { alone, ...potential } = countFamily(family, structures.filter((s) => familyOf(s.inclusionKind) === family), input.budgetMax);
    return { ...potential, alone: alone.map((s) => ({ kind: s.inclusionKind, km: kmFrom(target, s) })) };
  });
  return {
    total: counted.reduce((sum, f) => sum + f.count, 0),
    families: counted.map(({ family, count, groupementOnly }) => ({ family, count, groupementOnly })),
    recommendation: recommend(counted, input.communeCode),
  };
}
