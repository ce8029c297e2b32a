// Reading INSEE's national stock files fast: 42 million establishments and 28 million legal units, of
// which a few thousand concern the territory. csv-parse builds every field of every record (about
// 35,000 records a second here); most lines are left out on one or two fields, so lines are read as
// raw text in batches and a field is found by counting delimiters. Only the lines with a quote (about
// one in ten: a name with a comma) go through csv-parse, a batch's together (one call per line costs
// more than the parse), and a quoted field spanning lines is joined first, so that every record reads
// as csv-parse reads it. Within CSV_BOUNDS: a quote still open past a record's bound costs its first
// line only, and a line longer than any of ours stops the file.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CSV_BOUNDS, lineTooLong, RUNAWAY_REASON, UnreadableFileError, type ReadPosition } from './files';

export interface StockLine {
  /** Line number of the record's first line (the header is line 1). */
  line: number;
  text: string;
  /** A record with quotes: its fields as csv-parse reads them, null when it does not parse. */
  quoted?: string[] | null;
  /** Why it was left unparsed, when not for what csv-parse says of it. */
  reason?: string;
}

const quoteCount = (text: string): number => {
  let quotes = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) quotes += 1;
  return quotes;
};

/** Reads the quoted records of a batch with one csv-parse call (each on its own when one is malformed). */
function parseQuoted(batch: StockLine[], delimiter: string): void {
  const quoted = batch.filter((l) => l.quoted === undefined && l.text.includes('"'));
  if (quoted.length === 0) return;
  try {
    const rows = parse(quoted.map((l) => l.text).join('\n'), { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
    if (rows.length === quoted.length) {
      quoted.forEach((l, i) => (l.quoted = rows[i]!));
      return;
    }
  } catch {
    // a malformed record among them: read one by one below
  }
  for (const l of quoted) {
    try {
      l.quoted = (parse(l.text, { delimiter, relax_quotes: true }) as string[][])[0] ?? null;
    } catch {
      l.quoted = null;
    }
  }
}

// 1 MB: a batch dies young (a 4 MB one outlived the young generation and doubled the peak memory).
const CHUNK = 1024 * 1024;

/** The records of the file after its header, in batches, each record's text whole (quotes balanced). */
export async function* stockLines(file: string, delimiter: string, position: ReadPosition): AsyncGenerator<StockLine[]> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch (err) {
    throw new UnreadableFileError(file, (err as Error).message);
  }
  const base = position.bytes;
  try {
    let buffer = Buffer.alloc(CHUNK);
    let filled = 0;
    let consumed = 0;
    let lineNo = 0;
    let pending: StockLine[] = []; // the lines of a record whose quotes are still open
    let pendingLength = 0;
    const take = (line: StockLine, batch: StockLine[]): void => {
      const odd = quoteCount(line.text) % 2 === 1;
      if (pending.length) {
        pending.push(line);
        pendingLength += line.text.length + 1;
        if (odd) {
          batch.push({ line: pending[0]!.line, text: pending.map((l) => l.text).join('\n') });
          [pending, pendingLength] = [[], 0];
        } else if (pendingLength > CSV_BOUNDS.recordBytes) giveUp(batch);
        return;
      }
      if (line.text === '') return;
      if (odd) [pending, pendingLength] = [[line], line.text.length];
      else batch.push(line);
    };
    /** A quote never closed: its first line is refused, the lines after it are read again on their own. */
    const giveUp = (batch: StockLine[]): void => {
      const [first, ...rest] = pending;
      [pending, pendingLength] = [[], 0];
      batch.push({ ...first!, quoted: null, reason: RUNAWAY_REASON });
      for (const line of rest) take(line, batch);
    };
    for (;;) {
      if (filled === buffer.length) {
        if (buffer.length >= CSV_BOUNDS.lineBytes) throw lineTooLong(file, lineNo + 1);
        buffer = Buffer.concat([buffer, Buffer.alloc(buffer.length)]);
      }
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      filled += bytesRead;
      const batch: StockLine[] = [];
      let start = 0;
      for (;;) {
        let end = buffer.indexOf(0x0a, start);
        if (end === -1 || end >= filled) {
          if (bytesRead !== 0 || start >= filled) break;
          end = filled; // the last line, without its newline
        }
        lineNo += 1;
        const stop = end > start && buffer[end - 1] === 0x0d ? end - 1 : end;
        const text = buffer.toString('utf8', start, stop);
        start = end + 1;
        if (lineNo === 1) continue; // the header (read by headerOf)
        take({ line: lineNo, text }, batch);
      }
      if (bytesRead === 0) while (pending.length) giveUp(batch);
      consumed += start;
      position.bytes = base + consumed;
      parseQuoted(batch, delimiter);
      if (batch.length) yield batch;
      if (bytesRead === 0) break;
      buffer.copy(buffer, 0, start, filled);
      filled -= start;
    }
  } finally {
    await handle.close();
  }
}

/** The field at `index`, found by counting delimiters when the record has no quote (no split). */
export function cellAt({ text, quoted }: StockLine, index: number, delimiter: string): string | undefined {
  if (quoted !== undefined) return quoted?.[index];
  let start = 0;
  for (let i = 0; i < index; i += 1) {
    start = text.indexOf(delimiter, start) + 1;
    if (start === 0) return undefined;
  }
  const end = text.indexOf(delimiter, start);
  return text.slice(start, end === -1 ? text.length : end);
}

/** How many fields an unquoted record has (a torn line has fewer than its header). */
function fieldCount(text: string, delimiter: string): number {
  let n = 1;
  for (let i = text.indexOf(delimiter); i !== -1; i = text.indexOf(delimiter, i + 1)) n += 1;
  return n;
}

/** Every field of a record: split when it has no quote, else csv-parse's reading; null when it does not parse. */
export const cells = ({ text, quoted }: StockLine, delimiter: string): string[] | null => (quoted !== undefined ? quoted : text.split(delimiter));

/** Whether the record has as many fields as the header (a torn line has fewer). */
export const whole = (line: StockLine, width: number, delimiter: string): boolean =>
  line.quoted !== undefined ? line.quoted?.length === width : fieldCount(line.text, delimiter) === width;

/** The header's column positions by name. */
export function columnsOf(header: readonly string[]): Map<string, number> {
  return new Map(header.map((name, i) => [name, i]));
}
