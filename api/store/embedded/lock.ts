// One process per data directory: `store.lock` holds the owner's pid.
import fs from 'node:fs';
import path from 'node:path';
import { StoreLockedError } from '../types';

/** Lock files this process holds: its own pid in a lock it does not hold is a previous life's (pid reuse in containers). */
const held = new Set<string>();

const errorCode = (err: unknown): string | undefined => (err as NodeJS.ErrnoException).code;

/**
 * Creates the lock file with its content in one step, so no one ever reads it empty: the pid is
 * written to a private file that is then hard-linked into place (fails if the lock exists).
 * Where hard links are not supported, falls back to an exclusive create.
 */
function create(file: string, content: string): boolean {
  const draft = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(draft, content);
    fs.linkSync(draft, file);
    return true;
  } catch (err) {
    if (errorCode(err) === 'EEXIST') return false;
    try {
      fs.writeFileSync(file, content, { flag: 'wx' });
      return true;
    } catch (fallbackErr) {
      if (errorCode(fallbackErr) === 'EEXIST') return false;
      throw fallbackErr;
    }
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null;
    throw err;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === 'EPERM'; // alive, owned by another user
  }
}

/** The pid holding the lock, or null when the content is garbage or names no live process. */
function liveHolder(file: string, content: string): number | null {
  if (!/^\d+$/.test(content.trim())) return null;
  const pid = Number(content);
  if (pid === process.pid) return held.has(file) ? pid : null;
  return pid > 0 && isAlive(pid) ? pid : null;
}

/**
 * Removes a stale lock, unless another process replaced it since we read it: the file is moved
 * aside atomically first, and put back if it is no longer the one we judged stale.
 */
function removeStale(file: string, judged: string): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    fs.renameSync(file, aside);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return;
    throw err;
  }
  try {
    if (fs.readFileSync(aside, 'utf8') !== judged) fs.linkSync(aside, file);
  } catch {
    // a lock created in the meantime stays; the one moved aside is dropped
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

/** The live process holding dataDir's lock, or null (none, or a stale one): nothing is written. */
export function lockHolder(dataDir: string): number | null {
  const file = path.resolve(dataDir, 'store.lock');
  const content = read(file);
  return content === null ? null : liveHolder(file, content);
}

/** Takes the lock on dataDir or throws StoreLockedError; returns the release function. */
export function acquireLock(dataDir: string): () => void {
  const file = path.resolve(dataDir, 'store.lock');
  const mine = String(process.pid);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (!create(file, mine)) {
      const content = read(file);
      if (content === null) continue; // released meanwhile
      const pid = liveHolder(file, content);
      if (pid !== null) throw new StoreLockedError(dataDir, pid);
      removeStale(file, content);
      continue;
    }
    held.add(file);
    const release = (): void => {
      process.off('exit', release);
      if (!held.delete(file)) return;
      try {
        if (read(file) === mine) fs.rmSync(file, { force: true });
      } catch {
        // best effort: a lock left behind names a dead pid and is taken over at the next start
      }
    };
    process.on('exit', release);
    return release;
  }
  // Only reached when other processes keep winning the race for a stale lock.
  throw new StoreLockedError(dataDir, Number(read(file)) || 0);
}
