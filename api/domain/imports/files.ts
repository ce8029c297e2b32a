// Reading the files an import is given: CSV streamed record by record (SIRENE stock files are
// gigabytes), with what was read so far for the progress display, and lines it cannot read
// reported rather than fatal.
import fs from 'node:fs';
import { parse, type CsvError } from 'csv-parse';

/** An input file the import cannot use at all: the run stops with this French message, exit code 1. */
export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
  constructor(readonly file: string, reason: string) {
    super(`Fichier illisible : ${file} (${reason}).`);
  }
}

const systemReason = (err: unknown): string => {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'introuvable';
  if (code === 'EACCES' || code === 'EPERM') return 'lecture refusée';
  if (code === 'EISDIR') return "c'est un dossier";
  return (err as Error).message;
};

/** The first bytes of the file (to tell formats and separators apart); throws UnreadableFileError. */
export function head(file: string, bytes = 65_536): string {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    throw new UnreadableFileError(file, systemReason(err));
  }
  try {
    const buffer = Buffer.alloc(bytes);
    const read = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read).toString('utf8').replace(/^\ufeff/, '');
  } catch (err) {
    throw new UnreadableFileError(file, systemReason(err));
  } finally {
    fs.closeSync(fd);
  }
}

export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch (err) {
    throw new UnreadableFileError(file, systemReason(err));
  }
}

/** The header's separator: semicolon (French spreadsheets) or comma. */
export function delimiterOf(file: string): ',' | ';' {
  const first = head(file).split(/\r?\n/, 1)[0] ?? '';
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
}

export function headerOf(file: string): string[] {
  const first = head(file).split(/\r?\n/, 1)[0] ?? '';
  const delimiter = delimiterOf(file);
  return first.split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
}

export type CsvItem =
  | { kind: 'record'; line: number; values: Record<string, string> }
  | { kind: 'broken'; line: number; reason: string };

function brokenReason(err: CsvError): string {
  switch (err.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return 'nombre de colonnes différent de celui de l’en-tête';
    case 'CSV_QUOTE_NOT_CLOSED':
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'guillemets mal fermés';
    default:
      return 'ligne illisible';
  }
}

/** Counts the bytes read from a file, for the progress display. */
export interface ReadPosition {
  bytes: number;
}

/**
 * The records of a CSV file with a header line, keyed by column name, streamed; a line that does
 * not parse comes out as `broken` with its line number and a French reason.
 */
export async function* csvRecords(file: string, position: ReadPosition): AsyncGenerator<CsvItem> {
  const delimiter = delimiterOf(file);
  const broken: CsvItem[] = [];
  const parser = parse({
    bom: true,
    delimiter,
    columns: (header: string[]) => header.map((h) => h.trim()),
    info: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (err) broken.push({ kind: 'broken', line: (err as CsvError & { lines?: number }).lines ?? 0, reason: brokenReason(err) });
      return undefined;
    },
  });
  const stream = fs.createReadStream(file);
  // Bytes the parser has consumed (not read ahead), so that the progress moves line by line.
  const base = position.bytes;
  stream.on('error', (err) => parser.destroy(new UnreadableFileError(file, systemReason(err))));
  stream.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; bytes: number } }>) {
      position.bytes = base + item.info.bytes;
      while (broken.length) yield broken.shift()!;
      yield { kind: 'record', line: item.info.lines, values: item.record };
    }
  } catch (err) {
    if (err instanceof UnreadableFileError) throw err;
    throw new UnreadableFileError(file, (err as Error).message);
  } finally {
    stream.destroy();
  }
  position.bytes = base + fs.statSync(file).size;
  while (broken.length) yield broken.shift()!;
}
