// Feeding a format's items to an import run: the one loop `npm run import` and the console's
// imports share. It stops between two lines when asked (every profile written is whole), and hands
// the event loop back now and then so that a server running it keeps answering.
import type { ReadPosition } from './files';
import type { FormatOptions, FormatReader } from './formats';
import type { ImportRun } from './run';

export interface FeedControl {
  /** Asked before each line: true stops the run there. */
  stopped(): boolean;
  /** After each line, with the bytes read so far and the lines seen. */
  progress?(position: ReadPosition, lines: number): void;
}

const YIELD_EVERY = 256;

/** Runs the files through `run`; true when it went to the end, false when stopped. */
export async function feed(run: ImportRun, read: FormatReader, files: readonly string[], options: FormatOptions, position: ReadPosition, control: FeedControl): Promise<boolean> {
  let lines = 0;
  let items = 0;
  let finished = true;
  try {
    for await (const item of read(files, options, position)) {
      lines += (item.kind === 'read' || item.kind === 'ignored' ? item.count : undefined) ?? 1;
      if (item.kind === 'broken') run.refuse(item.file, item.line, item.reason, item.fields);
      else if (item.kind === 'ignored') run.ignore(item.reason, item.count);
      else if (item.kind === 'line') await run.apply(item.line);
      control.progress?.(position, lines);
      if (control.stopped()) {
        finished = false;
        break;
      }
      if (++items % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await run.settle();
  } catch (err) {
    // The profiles counted as created are written, whatever stopped the loop; the error told is the loop's.
    await run.finish().catch(() => {});
    throw err;
  }
  await run.finish();
  // Refusals in the files' order, then by line (the CSV reader reports a torn line as soon as it meets it).
  run.refusals.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line);
  return finished;
}
