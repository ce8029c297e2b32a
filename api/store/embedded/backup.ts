// A consistent copy of the embedded store, the server running or not. nedb only ever appends a
// line per write, and rewrites a file whole by renaming a new one into place (compaction): so a
// pass that reads every datafile between two identical looks at all of them (same inode, size and
// modification time) holds the state of one instant, as a crash at that instant would leave it,
// which the server already knows how to start from (outbox recovery, sample marker).
import fs from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../collections';
import { FILE_MODES } from './append';
import { openEmbeddedStore } from './index';
import { isAlive } from './lock';

/** Besides the datafiles: the development JWT secret, so that tokens stay valid after a restore. */
const EXTRA_FILES = ['jwt-secret'];
const ATTEMPTS = 200;

export class BackupError extends Error {
  override name = 'BackupError';
}

const look = (file: string): string => {
  try {
    const s = fs.statSync(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw err;
  }
};

const readOrNull = (file: string): Buffer | null => {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
};

/** One pass: the datafiles' content, or null when one of them moved while it was read. */
function snapshot(files: readonly string[]): Map<string, Buffer | null> | null {
  const before = files.map(look);
  const content = new Map(files.map((f) => [f, readOrNull(f)]));
  const after = files.map(look);
  return before.every((b, i) => b === after[i]) ? content : null;
}

/** A last line without its newline: a write in progress, or a crash's torn line (dropped, as opening the store would). */
function withoutTornTail(data: Buffer): Buffer {
  if (data.length === 0 || data[data.length - 1] === 0x0a) return data;
  const start = data.lastIndexOf(0x0a) + 1;
  try {
    JSON.parse(data.subarray(start).toString('utf8'));
    return Buffer.concat([data, Buffer.from('\n')]);
  } catch {
    return data.subarray(0, start);
  }
}

/**
 * Drafts (`<name>.partial-<pid>`, each a full copy of the data) that a backup killed before its end
 * left beside `outDir`: removed when their process is gone. Returns their paths.
 */
export function removeStalePartials(outDir: string): string[] {
  const parent = path.dirname(path.resolve(outDir));
  let names: string[];
  try {
    names = fs.readdirSync(parent);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(/\.partial-(\d+)$/.exec(name)?.[1] ?? 0);
    const draft = path.join(parent, name);
    // Our own pid on a draft is a previous life's (pid reuse in containers): this run has made none yet.
    if (!pid || (pid !== process.pid && isAlive(pid)) || !fs.existsSync(path.join(draft, 'db'))) continue;
    fs.rmSync(draft, { recursive: true, force: true });
    removed.push(draft);
  }
  return removed;
}

export interface BackupResult {
  dir: string;
  /** Documents per collection in the copy, as read back by opening it. */
  counts: Record<string, number>;
}

/** Copies the store of `dataDir` into `outDir` (created; refused when it exists and is not empty). */
export async function backupEmbeddedStore(dataDir: string, outDir: string): Promise<BackupResult> {
  const target = path.resolve(outDir);
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) throw new BackupError(`Le dossier ${target} existe déjà et n’est pas vide : choisissez un nouveau dossier.`);
  const source = path.resolve(dataDir);
  if (!fs.existsSync(path.join(source, 'db'))) throw new BackupError(`Aucune base dans ${source} (pas de dossier db/) : vérifiez DATA_DIR.`);
  const files = COLLECTIONS.map((name) => path.join(source, 'db', `${name}.db`));

  let content: Map<string, Buffer | null> | null = null;
  // A busy server may write during a pass: try again, a little later each time.
  for (let attempt = 0; attempt < ATTEMPTS && !content; attempt += 1) {
    content = snapshot(files);
    if (!content) await new Promise((r) => setTimeout(r, Math.min(200, 5 * (attempt + 1))));
  }
  if (!content) throw new BackupError('Le serveur écrit sans interruption : aucune copie cohérente n’a pu être prise. Réessayez dans un moment plus calme.');

  // Written aside, checked by opening it as the server would, then renamed into place: a backup is whole or absent.
  const draft = `${target}.partial-${process.pid}`;
  fs.rmSync(draft, { recursive: true, force: true });
  fs.mkdirSync(path.join(draft, 'db'), { recursive: true, mode: FILE_MODES.dirMode });
  fs.chmodSync(draft, FILE_MODES.dirMode); // the copy's own folder, whatever the umask made of it
  try {
    for (const [file, data] of content) if (data) fs.writeFileSync(path.join(draft, 'db', path.basename(file)), withoutTornTail(data), { mode: FILE_MODES.fileMode });
    for (const extra of EXTRA_FILES) {
      const data = readOrNull(path.join(source, extra));
      if (data) fs.writeFileSync(path.join(draft, extra), data, { mode: FILE_MODES.fileMode });
    }
    const copy = await openEmbeddedStore(draft);
    const counts: Record<string, number> = {};
    try {
      for (const name of COLLECTIONS) counts[name] = await copy[name].count({});
    } finally {
      await copy.close();
    }
    if (fs.existsSync(target)) fs.rmdirSync(target);
    fs.renameSync(draft, target);
    return { dir: target, counts };
  } catch (err) {
    fs.rmSync(draft, { recursive: true, force: true });
    throw err;
  }
}
