// Capacity: can the structure take a contract of the need's size? The declared maximum contract
// value decides; the headcount is a secondary signal, and the only one when no maximum is declared.

export const CAPACITY_UNKNOWN = 0.5;

// Rough order of magnitude for an ESS structure: a contract of about 20 000 € per employee.
// Used only to estimate, with little weight, a capacity nobody declared.
export const CONTRACT_VALUE_PER_EMPLOYEE = 20_000;

// A budget this many times the capacity scores 0; at the capacity itself it scores PARTIAL_FIT.
const OVERLOAD_RATIO_AT_ZERO = 4;
const PARTIAL_FIT = 0.75;
const EMPLOYEE_SHARE_WHEN_DECLARED = 0.15;

export type CapacityBasis = 'no-budget' | 'declared' | 'employees' | 'unknown';

export interface CapacityResult {
  score: number;
  basis: CapacityBasis;
  budgetMin: number | null;
  budgetMax: number | null;
  maxContractValue: number | null;
  employees: number | null;
}

/**
 * Fit of a capacity against a budget range [low, high]: 1 when even the top of the range fits,
 * PARTIAL_FIT → 1 across the range, then decreasing with log(low / capacity) to 0 at 4 times.
 */
export function budgetFit(capacity: number, low: number, high: number): number {
  if (capacity >= high) return 1;
  if (capacity >= low) return high > low ? PARTIAL_FIT + (1 - PARTIAL_FIT) * ((capacity - low) / (high - low)) : 1;
  const overload = Math.log(low / capacity) / Math.log(OVERLOAD_RATIO_AT_ZERO);
  return Math.max(0, PARTIAL_FIT * (1 - overload));
}

const known = (v: number | null): v is number => v !== null && Number.isFinite(v) && v > 0;

// Written out, not spread from a base object nor built by a closure: either costs microseconds on
// Node 20, and this runs for every candidate of every match.
function result(score: number, basis: CapacityBasis, budgetMin: number | null, budgetMax: number | null, maxContractValue: number | null, employees: number | null): CapacityResult {
  return { score, basis, budgetMin, budgetMax, maxContractValue, employees };
}

export function capacityScore(
  budgetMin: number | null,
  budgetMax: number | null,
  maxContractValue: number | null,
  employees: number | null,
): CapacityResult {
  const low = known(budgetMin) ? budgetMin : known(budgetMax) ? budgetMax : null;
  const high = known(budgetMax) ? Math.max(budgetMax, low ?? 0) : low;
  if (low === null || high === null) return result(CAPACITY_UNKNOWN, 'no-budget', budgetMin, budgetMax, maxContractValue, employees);
  const byStaff = known(employees) ? budgetFit(employees * CONTRACT_VALUE_PER_EMPLOYEE, low, high) : null;
  if (known(maxContractValue)) {
    const declared = budgetFit(maxContractValue, low, high);
    return result(byStaff === null ? declared : (1 - EMPLOYEE_SHARE_WHEN_DECLARED) * declared + EMPLOYEE_SHARE_WHEN_DECLARED * byStaff, 'declared', budgetMin, budgetMax, maxContractValue, employees);
  }
  // An estimate stays close to neutral: between 0.25 and 0.75.
  if (byStaff !== null) return result(CAPACITY_UNKNOWN + (byStaff - 0.5) / 2, 'employees', budgetMin, budgetMax, maxContractValue, employees);
  return result(CAPACITY_UNKNOWN, 'unknown', budgetMin, budgetMax, maxContractValue, employees);
}
