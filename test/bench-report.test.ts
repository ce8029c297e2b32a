// What every bench script reports (scripts/bench-report.ts): the median and spread of its runs, the
// commit and the machine, and its own section of the benchmarks page, rewritten in place.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchContext, positiveInteger, renderReport, summarise, writeSection, type Context } from '../scripts/bench-report';

const context: Context = { commit: 'abc1234', machine: { cpu: 'Test CPU', cores: 2, ramGiB: 8, node: 'v20.20.2', loadAtStart: 0.4 } };

describe('bench report', () => {
  it('gives the median and the min-max spread of the runs, whatever their order', () => {
    expect(summarise([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5 });
    expect(summarise([4, 1, 2, 10])).toEqual({ median: 3, min: 1, max: 10 });
    expect(summarise([7])).toEqual({ median: 7, min: 7, max: 7 });
    expect(() => summarise([])).toThrow();
  });

  it('refuses a count of runs that is not a positive integer, naming the option', () => {
    expect(positiveInteger('3', 'runs')).toBe(3);
    for (const bad of ['0', '-1', '2.5', 'abc', undefined]) expect(() => positiveInteger(bad, 'runs')).toThrow('--runs attend un entier positif');
  });

  it('describes this checkout and this machine', () => {
    const { commit, machine } = benchContext();
    expect(commit).toMatch(/^[0-9a-f]{7,}(\+dirty)?$/);
    expect(machine.cores).toBe(os.cpus().length);
    expect(machine.node).toBe(process.version);
    expect(machine.ramGiB).toBeGreaterThan(0);
  });

  it('writes one row per figure with its median, spread, goal and verdict, under the commit and the machine', () => {
    const markdown = renderReport(
      {
        section: 'matcher',
        script: 'bench',
        runs: 3,
        figures: [
          { name: 'full match, p95', unit: 'ms', values: [4.9, 5.4, 4.6], digits: 2, goal: '≤ 5 ms', met: true },
          { name: 'requests/s', unit: '', values: [1900, 2100, 2000] },
        ],
        notes: ['A note.'],
      },
      context,
      new Date('2026-12-06T18:00:00Z'),
      ['--profiles', '20000', '--runs', '3', '--write'],
    );
    expect(markdown.split('\n')[0]).toBe('`npm run bench -- --profiles 20000 --runs 3`: 3 runs, commit abc1234, 2 × Test CPU, 8 GiB, Node v20.20.2, load 0.4 at start, 2026-12-06 18:00 UTC.');
    expect(markdown).toContain('| full match, p95 | 4.90 ms | 4.60–5.40 ms | ≤ 5 ms | yes |');
    expect(markdown).toContain('| requests/s | 2,000 | 1,900–2,100 |  |  |');
    expect(markdown.endsWith('A note.')).toBe(true);
  });

  it('replaces only its own section between the markers, again and again, and refuses a file without them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-report-'));
    try {
      const file = path.join(dir, 'benchmarks.md');
      const before = '# Benchmarks\n\n<!-- bench:load:start -->\nold load\n<!-- bench:load:end -->\n\ntext\n\n<!-- bench:matcher:start -->\nold\nfigures\n<!-- bench:matcher:end -->\n\nafter\n';
      fs.writeFileSync(file, before);
      writeSection('matcher', '| new | table |', file);
      writeSection('matcher', '| newer | table |', file);
      expect(fs.readFileSync(file, 'utf8')).toBe(before.replace('old\nfigures', '| newer | table |'));
      expect(() => writeSection('console', 'x', file)).toThrow('<!-- bench:console:start -->');
      expect(fs.readFileSync(file, 'utf8')).toBe(before.replace('old\nfigures', '| newer | table |'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
