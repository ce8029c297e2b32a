// The figures of an analysis, from its counted lines (summed in cents: no floating drift), and what
// its purchases from the secteur protégé deduct from a firm's OETH contribution.
import { badInput } from '../errors';
import type { SpendAnalysisRecord, SpendFamily } from '../store/types';

export interface SpendFigures {
  lines: number;
  totalAmount: number;
  essAmount: number;
  siaeAmount: number;
  protectedAmount: number;
  essShare: number;
  siaeShare: number;
  protectedShare: number;
}

export function spendFigures(a: Pick<SpendAnalysisRecord, 'entries'>): SpendFigures {
  const cents = (keep: (family: SpendFamily | null) => boolean) => a.entries.reduce((sum, e) => (keep(e.family) ? sum + Math.round(e.amount * 100) : sum), 0);
  const total = cents(() => true);
  const ess = cents((f) => f !== null);
  const siae = cents((f) => f === 'SIAE');
  const protectedSector = cents((f) => f === 'PROTECTED');
  const share = (part: number) => (total > 0 ? part / total : 0);
  return {
    lines: a.entries.length,
    totalAmount: total / 100,
    essAmount: ess / 100,
    siaeAmount: siae / 100,
    protectedAmount: protectedSector / 100,
    essShare: share(ess),
    siaeShare: share(siae),
    protectedShare: share(protectedSector),
  };
}

/** What the file does not tell, asked of the firm rather than assumed. */
export interface OethInputs {
  /** Share of the purchases' price that is labour cost, as the ESAT's or EA's invoices state it (0-1). */
  labourCostShare: number;
  /** The firm's OETH contribution before this deduction, in euros. */
  contribution: number;
  /** Share of the firm's workforce that are recognised disabled workers (0-1). */
  disabledWorkforceRate: number;
}

export const OETH_RULE =
  'Les achats auprès d’ESAT, d’entreprises adaptées (EA, EATT) et de travailleurs indépendants handicapés se déduisent de la contribution OETH ' +
  'à hauteur de 30 % du coût de la main-d’œuvre de ces achats (article L5212-10-1 du Code du travail), dans la limite de 50 % de la contribution, ' +
  'ou de 75 % pour une entreprise qui emploie au moins 3,5 % de travailleurs handicapés.';

const LABOUR_RATE = 0.3;
const CAP = 0.5;
const CAP_WELL_EMPLOYING = 0.75;
const WELL_EMPLOYING_RATE = 0.035;

function share(field: keyof OethInputs, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) throw badInput(field, `« ${field} » : une part entre 0 et 1 (par exemple 0,4 pour 40 %).`);
  return value;
}

export function oethDeduction(protectedAmount: number, inputs: OethInputs) {
  const labourCostShare = share('labourCostShare', inputs.labourCostShare);
  const disabledWorkforceRate = share('disabledWorkforceRate', inputs.disabledWorkforceRate);
  if (!Number.isFinite(inputs.contribution) || inputs.contribution < 0) throw badInput('contribution', '« contribution » : un montant en euros, positif ou nul.');
  const round = (n: number) => Math.round(n * 100) / 100;
  const labourCost = round(protectedAmount * labourCostShare);
  const capRate = disabledWorkforceRate >= WELL_EMPLOYING_RATE ? CAP_WELL_EMPLOYING : CAP;
  const cap = round(inputs.contribution * capRate);
  const beforeCap = round(labourCost * LABOUR_RATE);
  return { labourCost, beforeCap, capRate, cap, deduction: Math.min(beforeCap, cap), capped: beforeCap > cap, rule: OETH_RULE };
}
