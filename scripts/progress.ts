// Progress of a long command: a bar with rate and ETA on a terminal (cli-progress), a plain line
// every few seconds otherwise (logs, CI), so that a redirected run is still followed.
import type cliProgress from 'cli-progress';

export interface Progress {
  /** `done` of `total` bytes read, `lines` read so far. */
  update(done: number, lines: number): void;
  stop(): void;
}

const mb = (bytes: number) => (bytes / 1_048_576).toLocaleString('fr-FR', { maximumFractionDigits: 1 });

function eta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600 ? `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min` : s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

export function progress(total: number, stream: NodeJS.WriteStream = process.stderr, everyMs = 5_000): Progress {
  const started = Date.now();
  const rate = (lines: number) => Math.round(lines / Math.max(0.001, (Date.now() - started) / 1000));
  /** Time left at the average pace so far, by bytes (lines vary in length, the files' sizes are known). */
  const left = (done: number) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    return { share, remaining: share > 0 ? (((Date.now() - started) / 1000) * (1 - share)) / share : Infinity };
  };
  if (stream.isTTY) {
    // Loaded for a terminal only: a redirected run (logs, the benchmark) does without its sixteen modules.
    const { SingleBar, Presets } = require('cli-progress') as typeof cliProgress;
    const bar = new SingleBar(
      {
        stream,
        format: '{bar} {percentage} % | {lines} lignes | {rate} lignes/s | reste {left}',
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(Math.max(1, total), 0, { lines: 0, rate: 0, left: '?' });
    return {
      update: (done, lines) => bar.update(Math.min(done, total), { lines, rate: rate(lines), left: eta(left(done).remaining) }),
      stop: () => bar.stop(),
    };
  }
  let last = started;
  return {
    update(done, lines) {
      const now = Date.now();
      if (now - last < everyMs) return;
      last = now;
      const { share, remaining } = left(done);
      stream.write(`… ${lines} lignes lues, ${mb(done)} / ${mb(total)} Mo (${Math.round(share * 100)} %), ${rate(lines)} lignes/s, reste ${eta(remaining)}\n`);
    },
    stop() {},
  };
}
