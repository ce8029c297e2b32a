// Reading the files an import is given: CSV streamed record by record (SIRENE stock files are
// gigabytes), with what was read so far for the progress display, and lines it cannot read
// reported rather than fatal; within bounds (CSV_BOUNDS), so that a hostile file cannot take the
// import's memory.
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { parse, type CsvError, type Info, type Options } from 'csv-parse';

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

/** Where JSON.parse stopped, in French: the line and column of the position its (English) message gives. */
function jsonSyntaxReason(err: SyntaxError, content: string): string {
  const at = /at position (\d+)/.exec(err.message);
  const position = at ? Number(at[1]) : null;
  if (/end of JSON input/.test(err.message) || (position !== null && position >= content.trimEnd().length)) return 'JSON invalide : le fichier s’arrête avant la fin du document (fichier tronqué ?)';
  if (position === null) return 'JSON invalide';
  const before = content.slice(0, position);
  const line = before.split('\n').length;
  return `JSON invalide : erreur de syntaxe ligne ${line}, colonne ${before.length - before.lastIndexOf('\n')}`;
}

/** A whole JSON file, parsed, with its size added to `position`; throws UnreadableFileError in French. */
export function readJsonFile(file: string, position: ReadPosition): unknown {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new UnreadableFileError(file, systemReason(err));
  }
  if (!isUtf8(bytes)) throw new UnreadableFileError(file, notUtf8Reason(bytes).replace('« CSV UTF-8 »', 'UTF-8'));
  const content = bytes.toString('utf8').replace(/^\ufeff/, '');
  position.bytes += bytes.length;
  try {
    return JSON.parse(content);
  } catch (err) {
    throw new UnreadableFileError(file, err instanceof SyntaxError ? jsonSyntaxReason(err, content) : (err as Error).message);
  }
}

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

/**
 * What one file may hold before it is refused or cut: a hostile or broken file must not take the
 * import's memory (a header of 10⁶ columns, a stray quote that makes the rest of a 300 MB file one
 * record). A record is a structure: its longest text is a 5,000-character description. csv-parse
 * bounds a record's text, not its separators, so a line of empty fields is bounded by its length:
 * twice a record's bound (quotes doubled) and more never is a line of ours.
 */
export const CSV_BOUNDS = Object.freeze({ headerBytes: 65_536, columns: 500, recordBytes: 1_048_576, lineBytes: 4_194_304 });

export const lineTooLong = (file: string, line: number): UnreadableFileError =>
  new UnreadableFileError(file, `ligne ${line} de plus de ${CSV_BOUNDS.lineBytes} octets : ce n’est pas une ligne de fichier CSV`);

/** Why a file's bytes are no UTF-8 text, and what to do: the import reads UTF-8 only, rather than guess. */
function notUtf8Reason(start: Buffer): string {
  const utf16 = start.length >= 2 && ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff));
  const what = utf16 ? 'texte en UTF-16' : 'texte qui n’est pas en UTF-8 (sans doute Windows-1252, l’encodage du « CSV (séparateur : point-virgule) » d’Excel)';
  return `${what} : enregistrez-le au format « CSV UTF-8 », ou convertissez-le (iconv -f ${utf16 ? 'UTF-16' : 'WINDOWS-1252'} -t UTF-8), puis relancez`;
}

/**
 * Reads a whole text file once before its import writes anything, and refuses it (UnreadableFileError)
 * where the import would stop midway, past lines already written: a line longer than
 * CSV_BOUNDS.lineBytes, or bytes that are not UTF-8 (an accent read as « � » in every profile). A
 * structure's file from a spreadsheet is small; SIRENE's stock files, gigabytes of INSEE's UTF-8, are not read twice.
 */
export function checkTextFile(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    throw new UnreadableFileError(file, systemReason(err));
  }
  const chunk = Buffer.alloc(1_048_576);
  const notUtf8 = (line: number) => new UnreadableFileError(file, `ligne ${line} : ${notUtf8Reason(chunk.subarray(0, fs.readSync(fd, chunk, 0, 2, 0)))}`);
  try {
    let line = 1;
    let length = 0; // bytes of the current line checked in earlier reads
    let carried = Buffer.alloc(0); // the line's last bytes, a character the read cut in two
    for (let at = 0; ; ) {
      const read = fs.readSync(fd, chunk, 0, chunk.length, at);
      at += read;
      if (read === 0) {
        if (!isUtf8(carried)) throw notUtf8(line);
        return;
      }
      const bytes = Buffer.concat([carried, chunk.subarray(0, read)]);
      let from = 0;
      for (let end = bytes.indexOf(0x0a); end >= 0; end = bytes.indexOf(0x0a, from)) {
        if (length + end - from > CSV_BOUNDS.lineBytes) throw lineTooLong(file, line);
        if (!isUtf8(bytes.subarray(from, end))) throw notUtf8(line);
        [line, length, from] = [line + 1, 0, end + 1];
      }
      const rest = bytes.subarray(from);
      const whole = rest.length - incompleteTail(rest);
      if (!isUtf8(rest.subarray(0, whole))) throw notUtf8(line);
      length += whole;
      carried = Buffer.from(rest.subarray(whole));
      if (length + carried.length > CSV_BOUNDS.lineBytes) throw lineTooLong(file, line);
    }
  } catch (err) {
    if (err instanceof UnreadableFileError) throw err;
    throw new UnreadableFileError(file, systemReason(err));
  } finally {
    fs.closeSync(fd);
  }
}

/** How many bytes at the end of `bytes` begin a UTF-8 character they do not finish (0 to 3). */
function incompleteTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return size > back ? back : 0;
  }
  return 0;
}

/** The first line, read within CSV_BOUNDS.headerBytes; a header past the bounds refuses the file. */
function headerLine(file: string): { text: string; delimiter: ',' | ';' } {
  const start = head(file, CSV_BOUNDS.headerBytes);
  const [text = '', rest] = start.split(/\r?\n/, 2);
  const delimiter = (text.match(/;/g)?.length ?? 0) > (text.match(/,/g)?.length ?? 0) ? ';' : ',';
  const columns = text.split(delimiter).length;
  const whole = rest !== undefined || fileSize(file) <= CSV_BOUNDS.headerBytes;
  if (columns > CSV_BOUNDS.columns) {
    throw new UnreadableFileError(file, `en-tête de ${whole ? '' : 'plus de '}${columns} colonnes : au plus ${CSV_BOUNDS.columns} colonnes acceptées`);
  }
  if (!whole) throw new UnreadableFileError(file, `en-tête de plus de ${CSV_BOUNDS.headerBytes} octets : au plus ${CSV_BOUNDS.headerBytes} octets acceptés pour la première ligne`);
  return { text, delimiter };
}

/** The header's separator: semicolon (French spreadsheets) or comma. */
export const delimiterOf = (file: string): ',' | ';' => headerLine(file).delimiter;

export function headerOf(file: string): string[] {
  const { text, delimiter } = headerLine(file);
  // as csv-parse keys the records: unquoted, then trimmed (« "description " » is description)
  return text.split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1').trim());
}

export type CsvItem =
  | { kind: 'record'; line: number; values: Record<string, string> }
  | { kind: 'broken'; line: number; reason: string };

const COLUMN_COUNT_REASON = 'nombre de colonnes différent de celui de l’en-tête';

function brokenReason(err: CsvError): string {
  switch (err.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return COLUMN_COUNT_REASON;
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

/** The byte just after the line break that ends the line holding byte `from`; null at the end of the file. */
function nextLineStart(file: string, from: number): number | null {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(65_536);
    for (let at = from; ; ) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, at);
      if (read === 0) return null;
      const i = buffer.subarray(0, read).indexOf(0x0a);
      if (i >= 0) return at + i + 1;
      at += read;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The first byte from `from` on that is not a line break (the start of the next record past empty lines). */
function blankLinesEnd(file: string, from: number): number {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(65_536);
    for (let at = from; ; ) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, at);
      for (let i = 0; i < read; i += 1) if (buffer[i] !== 0x0a && buffer[i] !== 0x0d) return at + i;
      if (read === 0) return at;
      at += read;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** A place in the file: a byte offset, and the number of lines before it. */
interface Place {
  bytes: number;
  lines: number;
}

/** A record read, with where it starts and the bytes read up to its end. */
interface Read {
  line: number;
  values: Record<string, string>;
  bytes: number;
}

/** A quote opened and never closed: the rest of the file would be one record. */
const RUNAWAY = new Set(['CSV_MAX_RECORD_SIZE', 'CSV_QUOTE_NOT_CLOSED']);
export const RUNAWAY_REASON = `guillemet ouvert et jamais refermé (enregistrement de plus de ${CSV_BOUNDS.recordBytes} octets ou jusqu’à la fin du fichier) : cette ligne est ignorée, la lecture reprend à la suivante`;

/**
 * The records of a CSV file with a header line, keyed by column name, streamed; a record that does
 * not parse comes out as `broken` with the line it starts on and a French reason. Records are bounded
 * (CSV_BOUNDS): past a stray quote that never closes, reading resumes on the line after the one where
 * that record started, so one bad line costs that line only. Its lines' lengths are bounded by
 * checkTextFile, which every reader runs on the file before its first line.
 */
export async function* csvRecords(file: string, position: ReadPosition): AsyncGenerator<CsvItem> {
  const { delimiter } = headerLine(file);
  const base = position.bytes;
  let header: string[] | null = null;
  let from: Place | null = { bytes: 0, lines: 0 };
  while (from) {
    const runaway: Place | null = yield* segment(from);
    from = null;
    if (runaway && !header) throw new UnreadableFileError(file, 'en-tête illisible : guillemet ouvert et jamais refermé');
    if (runaway) {
      const next = nextLineStart(file, runaway.bytes);
      if (next !== null) from = { bytes: next, lines: runaway.lines };
    }
  }
  position.bytes = base + fileSize(file);

  /** Reads from `start` until the end of the file, or until a runaway record, whose start it returns. */
  async function* segment(start: Place): AsyncGenerator<CsvItem, Place | null> {
    const atHead = start.bytes === 0;
    // Where the last record (read or refused) ended, in the segment: the next one starts after it and
    // after the empty lines csv-parse skipped since (`skipped`, its count of them then).
    let end: Place = atHead ? { bytes: nextLineStart(file, 0) ?? 0, lines: 1 } : { bytes: 0, lines: 0 };
    let skipped = 0;
    // csv-parse counts a "\r" inside a quoted field as a line of its own ("\r\n" as two): so many, so far, to take off
    let counted = 0;
    const lineOf = (at: Info): number => start.lines + end.lines + 1 + (at.empty_lines - skipped);
    const ended = (at: Info): void => {
      end = { bytes: at.bytes, lines: at.lines - counted };
      skipped = at.empty_lines;
    };
    const broken: CsvItem[] = [];
    let runaway: Place | null = null;
    const stream = fs.createReadStream(file, { start: start.bytes });
    // Records as arrays, and no raw text or info object for each (csv-parse copies every byte for
    // `raw`): a third of its time. The header's names key them, and the column count is checked here.
    const options: Options<Read, string[]> = {
      bom: atHead,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: CSV_BOUNDS.recordBytes,
      on_record: (record: string[], at: Info) => {
        if (runaway) return null; // the parser's idea of quoting is wrong past it
        if (!header) {
          header = record.map((h) => h.trim());
          skipped = at.empty_lines;
          return null;
        }
        const line = lineOf(at);
        for (const value of record) if (value.includes('\r')) counted += value.split('\r').length - 1;
        ended(at);
        if (record.length !== header.length) {
          broken.push({ kind: 'broken', line, reason: COLUMN_COUNT_REASON });
          return null;
        }
        const values: Record<string, string> = {};
        for (let i = 0; i < record.length; i += 1) values[header[i]!] = record[i]!;
        return { line, values, bytes: at.bytes };
      },
      on_skip: (err) => {
        if (!err || runaway) return undefined;
        const at = err as CsvError & Info;
        const line = lineOf(at);
        broken.push({ kind: 'broken', line, reason: RUNAWAY.has(err.code) ? RUNAWAY_REASON : brokenReason(err) });
        if (RUNAWAY.has(err.code)) {
          runaway = { bytes: blankLinesEnd(file, start.bytes + end.bytes), lines: line };
          setImmediate(stop); // not from inside the parser's own call
        } else {
          ended(at);
        }
        return undefined;
      },
    };
    const parser = parse(options as unknown as Options); // its typings tie what on_record returns to the record type
    const stop = () => {
      stream.unpipe(parser);
      stream.destroy();
      if (!parser.writableEnded) parser.end();
    };
    stream.on('error', (err) => parser.destroy(new UnreadableFileError(file, systemReason(err))));
    stream.pipe(parser);
    try {
      for await (const read of parser as AsyncIterable<Read>) {
        position.bytes = base + start.bytes + read.bytes;
        while (broken.length) yield broken.shift()!;
        yield { kind: 'record', line: read.line, values: read.values };
      }
    } catch (err) {
      if (err instanceof UnreadableFileError) throw err;
      throw new UnreadableFileError(file, (err as Error).message);
    } finally {
      stream.destroy();
    }
    while (broken.length) yield broken.shift()!;
    return runaway;
  }
}
