// Spend analysis for a buyer: what the rest of the server may use.
export { analyseSpend, deleteSpendAnalysis, gapPotential, isPublicBuyer, spendAnalyses, spendAnalysis } from './analyse';
export { spendCsv } from './csv';
export { oethDeduction, spendFigures, type OethInputs } from './figures';
export { MAX_CSV_CHARS, MAX_SPEND_LINES } from './read';
