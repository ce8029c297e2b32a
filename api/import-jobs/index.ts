// Imports run inside the service, for officers in the console: the embedded store belongs to the
// server, so the console cannot hand files to `npm run import` while it runs. A file is uploaded over
// GraphQL in chunks (the API's bodies are small), then read by the same formats, ImportRun and loop
// as the command: a dry run first, whose report the officer reads, then the real run. One job at a
// time; interrupting one stops it between two lines, as Ctrl-C stops the command (whole profiles
// only, and running it again finishes the work). Jobs live in this process's memory.
import fs from 'node:fs';
import path from 'node:path';
import { requireRole, type Viewer } from '../auth/guards';
import { badInput, conflict, notFound } from '../errors';
import { newId } from '../kernel';
import { feed, fileSize, UnreadableFileError, type ReadPosition, FORMATS, ImportRun, type ImportCounts, type Refusal, territory } from '../directory/imports';
import type { ImportSource, Store, SupplierRecord } from '../store/types';

export type ImportState = 'RUNNING' | 'DONE' | 'FAILED' | 'CANCELLED';

export interface ImportJob {
  id: string;
  uploadId: string;
  format: ImportSource;
  dryRun: boolean;
  state: ImportState;
  startedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
  bytesRead: number;
  bytesTotal: number;
  lines: number;
  counts: ImportCounts;
  ignoredReasons: { reason: string; count: number }[];
  refusals: readonly Refusal[];
  /** Why the run stopped on a file it could not read, in French. */
  error: string | null;
}

export interface ImportUpload {
  id: string;
  files: { name: string; bytes: number }[];
}

export interface ImportJobs {
  upload(viewer: Viewer | null, args: { uploadId?: string | null; fileName: string; chunk: string }): ImportUpload;
  start(viewer: Viewer | null, args: { uploadId: string; format: ImportSource; dryRun: boolean; communes?: readonly string[] | null; networks?: readonly string[] | null }): ImportJob;
  cancel(viewer: Viewer | null, id: string): ImportJob;
  get(viewer: Viewer | null, id: string): ImportJob | null;
  list(viewer: Viewer | null): ImportJob[];
  /** Stops the running job between two lines and waits for it (the server's stop). */
  stop(): Promise<void>;
}

export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
const MAX_CHUNK_CHARS = 512 * 1024;
const MAX_FILES = 4;
const KEPT_JOBS = 20;
/** Uploads nobody ran or finished are removed after a day. */
const UPLOAD_LIFETIME_MS = 24 * 3600 * 1000;

const staff = (viewer: Viewer | null) => requireRole(viewer, 'OFFICER', 'ADMIN');

/** An uploaded file's name as the officer gave it: its stored one is `<n>-<name>` in the upload's folder. */
const uploadedName = (stored: string): string => path.basename(stored).replace(/^\d+-/, '');

export function createImportJobs(deps: { store: Store; dataDir: string; written: (record: SupplierRecord) => void; log: { error(message: string, err?: unknown): void } }): ImportJobs {
  const root = path.join(deps.dataDir, 'imports');
  const jobs: ImportJob[] = [];
  let running: { job: ImportJob; stop: boolean; done: Promise<void> } | null = null;

  const folderOf = (uploadId: string) => {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(uploadId)) throw notFound('Fichier envoyé introuvable : renvoyez-le.');
    return path.join(root, uploadId);
  };

  function filesOf(uploadId: string): string[] {
    const folder = folderOf(uploadId);
    if (!fs.existsSync(folder)) throw notFound('Fichier envoyé introuvable : renvoyez-le.');
    return fs.readdirSync(folder).sort().map((f) => path.join(folder, f));
  }

  function sweep(now: number): void {
    if (!fs.existsSync(root)) return;
    for (const id of fs.readdirSync(root)) {
      const folder = path.join(root, id);
      if (running?.job.uploadId === id) continue;
      if (now - fs.statSync(folder).mtimeMs > UPLOAD_LIFETIME_MS) fs.rmSync(folder, { recursive: true, force: true });
    }
  }

  function upload(viewer: Viewer | null, { uploadId, fileName, chunk }: { uploadId?: string | null; fileName: string; chunk: string }): ImportUpload {
    staff(viewer);
    const name = path.basename(fileName.trim()).replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120);
    if (!name) throw badInput('fileName', '« fileName » : donnez le nom du fichier.');
    if (chunk.length > MAX_CHUNK_CHARS) throw badInput('chunk', `« chunk » : ${MAX_CHUNK_CHARS} caractères au plus par envoi.`);
    const id = uploadId ?? newId();
    if (!uploadId) sweep(Date.now());
    const folder = folderOf(id);
    if (uploadId && !fs.existsSync(folder)) throw notFound('Fichier envoyé introuvable : renvoyez-le.');
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const existing = fs.readdirSync(folder);
    // Files keep the order they were sent in (a SIRENE pair is told apart by its header, not its order).
    const stored = existing.find((f) => uploadedName(f) === name) ?? `${existing.length}-${name}`;
    if (!existing.includes(stored) && existing.length >= MAX_FILES) throw badInput('fileName', `« fileName » : ${MAX_FILES} fichiers au plus par import.`);
    const total = existing.reduce((sum, f) => sum + fs.statSync(path.join(folder, f)).size, 0);
    if (total + Buffer.byteLength(chunk) > MAX_UPLOAD_BYTES) {
      throw badInput('chunk', `« chunk » : un import depuis la console compte ${MAX_UPLOAD_BYTES / 1024 / 1024} Mo au plus ; au-delà, utilisez npm run import.`);
    }
    fs.appendFileSync(path.join(folder, stored), chunk, { mode: 0o600 });
    return { id, files: fs.readdirSync(folder).sort().map((f) => ({ name: uploadedName(f), bytes: fs.statSync(path.join(folder, f)).size })) };
  }

  async function execute(job: ImportJob, files: string[], communes: ReadonlySet<string>, networks: ReadonlySet<string>, control: { stop: boolean }): Promise<void> {
    try {
      const run = await ImportRun.open(deps.store, job.format, { dryRun: job.dryRun, written: deps.written });
      const position: ReadPosition = { bytes: 0 };
      const finished = await feed(run, FORMATS[job.format], files, { communes, networks }, position, {
        stopped: () => control.stop,
        progress: (at, lines) => {
          job.bytesRead = at.bytes;
          job.lines = lines;
          job.counts = { ...run.counts };
        },
      });
      Object.assign(job, {
        state: finished ? 'DONE' : 'CANCELLED',
        counts: { ...run.counts },
        ignoredReasons: [...run.ignoredReasons].map(([reason, count]) => ({ reason, count })),
        refusals: run.refusals,
      });
      // Names in reports are the ones the officer uploaded, not the folder's.
      for (const r of run.refusals) r.file = uploadedName(r.file);
      if (finished && !job.dryRun) fs.rmSync(folderOf(job.uploadId), { recursive: true, force: true });
    } catch (err) {
      job.state = 'FAILED';
      job.error = err instanceof UnreadableFileError ? err.message.replace(err.file, uploadedName(err.file)) : 'Erreur inattendue pendant l’import : il s’est arrêté, les profils déjà écrits sont complets.';
      if (!(err instanceof UnreadableFileError)) throw err;
    } finally {
      job.finishedAt = new Date();
    }
  }

  function start(viewer: Viewer | null, args: Parameters<ImportJobs['start']>[1]): ImportJob {
    const who = staff(viewer);
    if (running) throw conflict('Un import est déjà en cours : attendez sa fin ou interrompez-le.');
    if (!FORMATS[args.format]) throw badInput('format', '« format » : csv, sirene ou inclusion.');
    const communes = territory(args.communes?.length ? args.communes.join(',') : undefined, undefined);
    if (typeof communes === 'string') throw badInput('communes', communes.replace('--communes', '« communes »'));
    const files = filesOf(args.uploadId);
    if (files.length === 0) throw badInput('uploadId', '« uploadId » : aucun fichier reçu.');
    const job: ImportJob = {
      id: newId(),
      uploadId: args.uploadId,
      format: args.format,
      dryRun: args.dryRun,
      state: 'RUNNING',
      startedBy: who.userId,
      startedAt: new Date(),
      finishedAt: null,
      bytesRead: 0,
      bytesTotal: files.reduce((sum, f) => sum + fileSize(f), 0),
      lines: 0,
      counts: { created: 0, updated: 0, unchanged: 0, refused: 0, ignored: 0 },
      ignoredReasons: [],
      refusals: [],
      error: null,
    };
    jobs.unshift(job);
    jobs.length = Math.min(jobs.length, KEPT_JOBS);
    const control = { job, stop: false, done: Promise.resolve() };
    const networks = new Set((args.networks ?? []).map((n) => n.trim().toLowerCase()).filter(Boolean));
    control.done = execute(job, files, communes, networks, control)
      .catch((err: unknown) => deps.log.error('Import interrompu par une erreur', err))
      .finally(() => {
        if (running === control) running = null;
      });
    running = control;
    return job;
  }

  const get = (viewer: Viewer | null, id: string) => (staff(viewer), jobs.find((j) => j.id === id) ?? null);

  return {
    upload,
    start,
    get,
    list: (viewer) => (staff(viewer), [...jobs]),
    cancel(viewer, id) {
      const job = get(viewer, id);
      if (!job) throw notFound('Import introuvable.');
      if (running?.job === job) running.stop = true;
      return job;
    },
    async stop() {
      if (!running) return;
      running.stop = true;
      await running.done;
    },
  };
}
