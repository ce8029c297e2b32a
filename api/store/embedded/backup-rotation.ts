// Scheduled backups: `--out DIR --keep N` makes DIR a folder of copies named by their date and time
// (UTC, so names sort as time does, whatever the clock change), of which the N newest are kept.
import fs from 'node:fs';
import path from 'node:path';

const PREFIX = 'passerelle-';
/** passerelle-2026-12-06T18-14-49-123Z: milliseconds, so two runs in one second never collide. */
const DATED = /^passerelle-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;

/** The name of a copy taken at `at`. */
export const datedBackupName = (at: Date): string => `${PREFIX}${at.toISOString().replace(/:/g, '-').replace('.', '-')}`;

/**
 * Removes the dated copies of `dir` beyond the `keep` newest; anything else in the folder (a copy
 * named by hand, a draft under way) is left alone. Returns the paths removed.
 */
export function pruneDatedBackups(dir: string, keep: number): string[] {
  const dated = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && DATED.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .reverse();
  const removed = dated.slice(keep).map((name) => path.join(dir, name));
  for (const old of removed) fs.rmSync(old, { recursive: true, force: true });
  return removed;
}
