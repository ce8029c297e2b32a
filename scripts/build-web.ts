// npm run build:web [-- --force]: builds the console (web/) into web/dist with Vite, unless web/dist is
// newer than every source of it. Run by `npm start` (prestart) and by the browser tests, so a fresh
// clone needs nothing but `npm ci && npm start`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');
const WEB = path.join(ROOT, 'web');
const BUILT = path.join(WEB, 'dist', 'index.html');
// Files outside web/src that the bundle reads (the French vocabulary, the public documents) count as sources too.
const SOURCES = [path.join(WEB, 'src'), path.join(WEB, 'index.html'), path.join(WEB, 'public.html'), path.join(WEB, 'embed.html'), path.join(WEB, 'vite.config.mts'), path.join(ROOT, 'api', 'reference', 'vocabulary.ts'), path.join(ROOT, 'graphql', 'public-operations.ts'), path.join(ROOT, 'package-lock.json')];

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

export function webIsBuilt(): boolean {
  return fs.existsSync(BUILT) && fs.statSync(BUILT).mtimeMs >= Math.max(...SOURCES.map(newest));
}

/** Builds web/dist when missing or older than its sources; returns whether it built. */
export function buildWeb(force = false): boolean {
  if (!force && webIsBuilt()) return false;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn', '-c', path.join(WEB, 'vite.config.mts')], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return true;
}

if (require.main === module) {
  const built = buildWeb(process.argv.includes('--force'));
  console.log(built ? 'Console construite dans web/dist.' : 'Console déjà à jour (web/dist).');
}
