// Every CSV the service writes (the directory export, the import's refusal report, the yearly report
// and its download in the console) goes through writeCsv, so that a cell someone else typed cannot
// run as a spreadsheet formula when the file is opened (OWASP "CSV Injection"): a text cell starting
// with =, +, -, @, a tab or a carriage return gets a leading apostrophe. The import of our own
// template takes it off again (readProtectedCell), so export → import → export gives the same file.
import { stringify, type Options } from 'csv-stringify/sync';

/** A cell a spreadsheet would read as a formula; leading apostrophes included, see below. */
const FORMULA = /^'*[=+\-@\t\r]/;
/** What the import takes back: one apostrophe in front of what FORMULA protects. */
const PROTECTED = /^'+[=+\-@\t\r]/;
/**
 * A plain number ("-5", "+3", "-12,50", "1.5e3") is no formula: it stays as it is, so that amounts
 * and coordinates remain numbers in the spreadsheet. "-2+3" or "-1+cmd|…" are not plain numbers.
 */
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

/**
 * The cell as written. A value that already starts with apostrophes before a formula character gets
 * one more, so that taking one off on import always gives back the value exactly.
 */
export const protectCell = (text: string): string => (FORMULA.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text);

/** The value a protected cell of ours was written from. */
export const readProtectedCell = (cell: string): string => (PROTECTED.test(cell) ? cell.slice(1) : cell);

export interface CsvFormat {
  /** For a French spreadsheet (Excel set to French): semicolons between columns, decimal commas. */
  excelFr?: boolean;
}

/** CSV text (csv-stringify) whose text cells are protected; numbers are written as numbers (with a decimal comma for Excel FR). */
export const writeCsv = (rows: readonly (readonly unknown[])[], format: CsvFormat = {}): string => {
  const options: Options = { cast: { string: protectCell } };
  if (format.excelFr) Object.assign(options, { delimiter: ';', cast: { string: protectCell, number: (n: number) => String(n).replace('.', ',') } });
  return stringify(rows as unknown[][], options);
};
