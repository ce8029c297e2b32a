// Our npm scripts run as operators run them: a child process, with the node options package.json gives.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDataDir } from './server';

export const ROOT = path.join(__dirname, '..', '..');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** What package.json puts between node and the script (`node scripts/bundled.js scripts/import.ts`: the launcher), or tsx's default. */
function nodeOptions(script: string): string[] {
  const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const command = new RegExp(`^node ((?:\\S+ )+)scripts/${script}\\.ts$`).exec(scripts[script] ?? '');
  return command ? command[1]!.trim().split(' ') : ['--import', 'tsx'];
}

export function spawnScript(script: string, args: readonly string[], env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...nodeOptions(script), path.join('scripts', `${script}.ts`), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, SAMPLE_DATA: 'off', ...env },
  });
}

/** Runs the script to its end and collects what it printed. */
export function runScript(script: string, args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  const child = spawnScript(script, args, env);
  return collect(child);
}

export function collect(child: ChildProcessWithoutNullStreams): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  // Decoded as a stream: a character cut between two chunks of the pipe is joined, not two U+FFFD.
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Temporary directories for the scripts' files, removed once the test file's tests are done. */
export function scratchDirs(): () => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  return () => {
    const dir = tempDataDir();
    dirs.push(dir);
    return dir;
  };
}
