// What every benchmark reports the same way: the median and spread of repeated runs, the commit and
// the machine they were measured on, and its own section of docs/benchmarks.md (rewritten with
// --write), so that the figures in the docs are the scripts' output, never chosen by hand.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BENCHMARKS_DOC = path.join(__dirname, '..', 'docs', 'benchmarks.md');

/** The options every bench script takes, for node:util's parseArgs. */
export const RUN_OPTIONS = {
  runs: { type: 'string', default: '3' },
  write: { type: 'boolean', default: false },
} as const;

/** An option's value as a positive integer (a clear error otherwise), e.g. --runs. */
export function positiveInteger(value: string | undefined, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${option} attend un entier positif`);
  return n;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function summarise(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('summarise: no value');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/**
 * The short commit, "+dirty" when tracked files differ from it (the figures are then of no commit).
 * docs/benchmarks.md does not count: a bench run with --write changes it for the next one.
 */
export function commitId(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: path.join(__dirname, '..'), encoding: 'utf8' }).trim();
  try {
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude)docs/benchmarks.md') ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  /** The 1-minute load average when the benchmark started: a busy machine gives slow, spread figures. */
  loadAtStart: number;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAtStart: Number(os.loadavg()[0]!.toFixed(1)),
  };
}

/** What the figures will be of, taken when the benchmark starts. */
export interface Context {
  commit: string;
  machine: Machine;
}

export function benchContext(): Context {
  return { commit: commitId(), machine: machine() };
}

export function describeMachine(m: Machine): string {
  return `${m.cores} × ${m.cpu}, ${m.ramGiB} GiB, Node ${m.node}`;
}

/** One figure of a benchmark: its value in every run, and its goal when it has one. */
export interface Figure {
  name: string;
  unit: string;
  values: number[];
  /** Digits after the decimal point. */
  digits?: number;
  /** e.g. "≤ 5 ms"; `met` is judged on the median by the script. */
  goal?: string;
  met?: boolean;
}

export interface Report {
  /** The section's marker name in docs/benchmarks.md: <!-- bench:NAME:start --> … <!-- bench:NAME:end -->. */
  section: string;
  /** The npm script, e.g. "bench:imports". */
  script: string;
  runs: number;
  figures: Figure[];
  /** Lines under the table (what a run was, what the goals were measured at). */
  notes?: string[];
}

const format = (x: number, digits = 0) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The section as markdown: how it was run, on what, then one row per figure. */
export function renderReport(report: Report, { commit, machine: started }: Context, at = new Date(), argv = process.argv.slice(2)): string {
  const args = argv.filter((a) => a !== '--write');
  const hasGoals = report.figures.some((f) => f.goal);
  const lines = [
    `\`npm run ${report.script}${args.length ? ` -- ${args.join(' ')}` : ''}\`: ${report.runs} run${report.runs > 1 ? 's' : ''}, commit ${commit}, ` +
      `${describeMachine(started)}, load ${started.loadAtStart} at start, ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    `| figure | median | spread (min–max) |${hasGoals ? ' goal | met |' : ''}`,
    `| --- | ---: | ---: |${hasGoals ? ' --- | :---: |' : ''}`,
  ];
  for (const f of report.figures) {
    const s = summarise(f.values);
    const goal = hasGoals ? ` ${f.goal ?? ''} | ${f.met === undefined ? '' : f.met ? 'yes' : 'no'} |` : '';
    const unit = f.unit ? ` ${f.unit}` : '';
    lines.push(`| ${f.name} | ${format(s.median, f.digits)}${unit} | ${format(s.min, f.digits)}–${format(s.max, f.digits)}${unit} |${goal}`);
  }
  if (report.notes?.length) lines.push('', ...report.notes);
  return lines.join('\n');
}

/** Replaces the inside of the section's markers in `file`; the markers must be there already. */
export function writeSection(section: string, markdown: string, file = BENCHMARKS_DOC): void {
  const start = `<!-- bench:${section}:start -->`;
  const end = `<!-- bench:${section}:end -->`;
  const text = fs.readFileSync(file, 'utf8');
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${path.relative(process.cwd(), file)} : marqueurs ${start} … ${end} introuvables`);
  fs.writeFileSync(file, `${text.slice(0, i + start.length)}\n${markdown}\n${text.slice(j)}`);
}

/**
 * Prints the report (the table, then one JSON line: medians and spreads, commit, machine) and, with
 * --write, puts the table in its section of docs/benchmarks.md.
 */
export function publish(report: Report, context: Context, write: boolean): void {
  const markdown = renderReport(report, context);
  console.log(`\n${markdown}\n`);
  if (write) {
    writeSection(report.section, markdown);
    console.log(`docs/benchmarks.md : section ${report.section} réécrite`);
  }
  const figures = Object.fromEntries(report.figures.map((f) => [f.name, { ...summarise(f.values), unit: f.unit, values: f.values, ...(f.goal ? { goal: f.goal, met: f.met } : {}) }]));
  console.log(JSON.stringify({ benchmark: report.section, runs: report.runs, ...context, figures }));
}
