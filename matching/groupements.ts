// Groupements (co-traitance): when no single eligible structure covers a need, because its budget
// is above every one's capacity or it spans several trades, groups of 2 to 4 that together do.
import { euros } from './explain';
import type { Match } from './types';

export interface GroupCandidate {
  match: Match;
  name: string;
  nafCodes: string[];
  maxContractValue: number | null;
}

export interface GroupNeed {
  nafCodes: string[];
  budgetMin: number | null;
  budgetMax: number | null;
}

export interface Group {
  members: GroupCandidate[];
  score: number;
  reasons: string[];
}

export const MIN_GROUP_SIZE = 2;
export const MAX_GROUP_SIZE = 4;
// The best eligible candidates only: C(12, 4) = 495 groups at most, and weaker ones add little.
export const MAX_GROUP_CANDIDATES = 12;

/**
 * A trade is a NAF group: "81.2" for cleaning (81.21Z, 81.22Z), "81.3" for green spaces (81.30Z),
 * "56.2" for catering. The division ("81") would make a cleaning company cover green spaces.
 */
export const tradeOf = (code: string): string => code.slice(0, 4);

export function needTrades(need: GroupNeed): string[] {
  return [...new Set(need.nafCodes.map(tradeOf))];
}

export const needBudget = (need: GroupNeed): number | null => need.budgetMax ?? need.budgetMin;

const capacity = (c: GroupCandidate): number => c.maxContractValue ?? 0;

function covers(members: GroupCandidate[], trades: string[], budget: number | null): boolean {
  const held = new Set(members.flatMap((m) => m.nafCodes.map(tradeOf)));
  if (!trades.every((t) => held.has(t))) return false;
  return budget === null || members.reduce((sum, m) => sum + capacity(m), 0) >= budget;
}

/** Every member needed: without any one of them the group no longer covers the need. */
function minimal(members: GroupCandidate[], trades: string[], budget: number | null): boolean {
  return members.every((_, i) => !covers(members.filter((__, j) => j !== i), trades, budget));
}

function* combinations<T>(items: T[], size: number, start = 0, prefix: T[] = []): Generator<T[]> {
  if (prefix.length === size) {
    yield prefix;
    return;
  }
  for (let i = start; i <= items.length - (size - prefix.length); i += 1) yield* combinations(items, size, i + 1, [...prefix, items[i]]);
}

/** Whether a group is wanted at all: budget above every capacity, or several trades. */
export function needsGroupement(need: GroupNeed, eligible: GroupCandidate[]): boolean {
  const budget = needBudget(need);
  const trades = needTrades(need);
  if (eligible.some((c) => covers([c], trades, budget))) return false;
  return trades.length >= 2 || (budget !== null && eligible.every((c) => capacity(c) < budget));
}

/** The valid groups among the given candidates (eligible ones only), best first: mean member score. */
export function proposeGroupements(need: GroupNeed, candidates: GroupCandidate[], limit: number, tradeLabel: (code: string) => string): Group[] {
  const eligible = candidates.filter((c) => c.match.eligible).slice(0, MAX_GROUP_CANDIDATES);
  if (!needsGroupement(need, eligible)) return [];
  const trades = needTrades(need);
  const budget = needBudget(need);
  const groups: Group[] = [];
  for (let size = MIN_GROUP_SIZE; size <= MAX_GROUP_SIZE; size += 1) {
    for (const members of combinations(eligible, size)) {
      if (!covers(members, trades, budget) || !minimal(members, trades, budget)) continue;
      const score = Math.round((members.reduce((s, m) => s + m.match.score, 0) / size) * 10_000) / 10_000;
      groups.push({ members, score, reasons: members.map((m) => memberReason(m, need, tradeLabel)) });
    }
  }
  groups.sort((a, b) => b.score - a.score || a.members.length - b.members.length);
  return groups.slice(0, limit);
}

/** What one member brings to a group: the need's trades it holds, else (one trade) more capacity. */
export function memberPart(m: Pick<GroupCandidate, 'nafCodes'>, need: GroupNeed, tradeLabel: (code: string) => string): string {
  const held = new Set(m.nafCodes.map(tradeOf));
  const parts = need.nafCodes.filter((c) => held.has(tradeOf(c))).map(tradeLabel);
  // A need without NAF codes: the member's own trade says what it would take on.
  if (need.nafCodes.length === 0 && m.nafCodes.length > 0) parts.push(tradeLabel(m.nafCodes[0]!));
  return parts.length ? [...new Set(parts)].join(', ') : 'renfort de capacité';
}

export const capacityFr = (value: number | null): string => (value !== null ? euros(value) : 'non renseignée');

function memberReason(m: GroupCandidate, need: GroupNeed, tradeLabel: (code: string) => string): string {
  return `${m.name} : ${memberPart(m, need, tradeLabel)} (capacité ${capacityFr(m.maxContractValue)})`;
}
