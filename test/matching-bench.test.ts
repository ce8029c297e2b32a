// Smoke run of the matcher benchmark (scripts/bench.ts) at a small size: the figures are not
// asserted against the goals (that needs 200 000 profiles), only that the run completes and reports.
import { runBench } from '../scripts/bench';
import { measureReady } from '../scripts/ready';
import { SyntheticCorpus } from './fixtures/synthetic';

describe('matcher benchmark (smoke size)', () => {
  it('is deterministic', () => {
    const a = new SyntheticCorpus();
    const b = new SyntheticCorpus();
    expect(a.profile(123)).toEqual(b.profile(123));
    expect(a.need(7)).toEqual(b.need(7));
    const words = a.profile(5).description.split(' ').length;
    expect(words).toBeGreaterThanOrEqual(40);
    expect(words).toBeLessThanOrEqual(120);
    expect(a.vocabularySize).toBeGreaterThan(3000);
  });

  it('reports the figures of a run', () => {
    const lines: string[] = [];
    const result = runBench({ profiles: 1000, queries: 40, naturalQueries: 10, log: (l) => lines.push(l) });
    expect(Object.keys(result)).toEqual(['profiles', 'queries', 'buildMs', 'p50Ms', 'p95Ms', 'naturalScanP95Ms', 'speedup', 'heapMb']);
    for (const v of Object.values(result)) expect(Number.isFinite(v)).toBe(true);
    expect(result.profiles).toBe(1000);
    expect(lines.some((l) => l.includes('top 10 commun à 100.0 %'))).toBe(true);
  });

  it("times the server's start on a filled embedded store (readyMs), then removes it", async () => {
    const lines: string[] = [];
    const readyMs = await measureReady(50, (l) => lines.push(l));
    expect(readyMs).toBeGreaterThan(0);
    expect(lines.some((l) => l.startsWith('démarrage : /readyz répond 200 après'))).toBe(true);
  }, 120_000);
});
