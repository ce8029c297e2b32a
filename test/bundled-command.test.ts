// scripts/bundled.js: a command runs from a bundle of its sources, built again when one of them changes.
// A small project of its own in a temporary directory, real esbuild, real processes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBundle } from '../scripts/bundled';
import { ROOT } from './helpers/cli';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function project(): { root: string; entry: string; words: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bundle-'));
  dirs.push(root);
  fs.mkdirSync(path.join(root, 'lib'));
  const entry = path.join(root, 'entry.ts');
  const words = path.join(root, 'lib', 'words.ts');
  fs.writeFileSync(
    entry,
    [
      "import { greeting, Marker } from './lib/words';",
      "import { Marker as Other, here, said } from './other';",
      'console.log(JSON.stringify({ args: process.argv.slice(2), greeting: greeting(), names: [Marker.name, Other.name], here, said }));',
    ].join('\n'),
  );
  // Two classes of one name: the bundle renames one of them, and keeps the name each says it has.
  // Another module's own folder; the name written in a string or read as a property is left as it is.
  fs.writeFileSync(
    path.join(root, 'other.ts'),
    "export class Marker {}\nexport const here = __dirname;\nconst o = { __dirname: 'propriété' };\nexport const said = `__dirname ${o.__dirname} $&`;\n",
  );
  fs.writeFileSync(
    words,
    [
      "import fs from 'node:fs';",
      "import path from 'node:path';",
      'export class Marker {}',
      "export const greeting = (): string => fs.readFileSync(path.join(__dirname, 'words.txt'), 'utf8').trim();",
    ].join('\n'),
  );
  fs.writeFileSync(path.join(root, 'lib', 'words.txt'), 'bonjour\n');
  // Saved an hour ago: a source saved just before a build is read again by the next one.
  const before = new Date(Date.now() - 3_600_000);
  for (const f of [entry, words, path.join(root, 'other.ts')]) fs.utimesSync(f, before, before);
  return { root, entry, words };
}

function run(file: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [file, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('a command run from its bundle', () => {
  it('reads files beside its sources, keeps class names, and is built again only when a source changes', async () => {
    const { root, entry, words } = project();
    const cacheDir = path.join(root, 'cache');
    const first = await ensureBundle(entry, { root, cacheDir });
    expect(first.built).toBe(true);
    expect(path.dirname(first.file)).toBe(cacheDir);
    expect(JSON.parse(run(first.file, '--format', 'csv').stdout)).toEqual({ args: ['--format', 'csv'], greeting: 'bonjour', names: ['Marker', 'Marker'], here: root, said: '__dirname propriété $&' });

    expect(await ensureBundle(entry, { root, cacheDir })).toEqual({ file: first.file, built: false });

    // A change that keeps the modification time (a copy preserving it) is seen by the size.
    const { mtime } = fs.statSync(words);
    fs.writeFileSync(words, fs.readFileSync(words, 'utf8').replace('.trim()', '.trim().toUpperCase()'));
    fs.utimesSync(words, mtime, mtime);
    const changed = await ensureBundle(entry, { root, cacheDir });
    expect(changed.built).toBe(true);
    expect(changed.file).not.toBe(first.file); // named by its content: a command started meanwhile runs the bundle it read of
    expect(JSON.parse(run(changed.file).stdout).greeting).toBe('BONJOUR');

    // A source removed: built again, and esbuild's refusal is the caller's.
    fs.rmSync(path.join(root, 'other.ts'));
    await expect(ensureBundle(entry, { root, cacheDir })).rejects.toThrow(/other/);
  });

  it('runs the command as it is written when no bundle can be built, and says so', () => {
    const { root } = project();
    const broken = path.join(root, 'broken.ts');
    fs.writeFileSync(broken, "console.log('lancé', process.argv.slice(2).join(' '));\nexport const x: number = ;\n");
    const result = run(path.join(ROOT, 'scripts', 'bundled.js'), broken, '--dry-run');
    expect(result.stderr).toContain('Commande lancée sans son paquet précompilé');
    expect(result.status).not.toBe(0); // tsx refuses the source too, with its own message
    expect(result.stderr).toMatch(/broken\.ts/);

    fs.writeFileSync(broken, "console.log('lancé', process.argv.slice(2).join(' '));\n");
    const name = path.relative(ROOT, broken).replace(/\.ts$/, '').replace(/[\\/]/g, '-');
    try {
      const fixed = run(path.join(ROOT, 'scripts', 'bundled.js'), broken, '--dry-run');
      expect(fixed).toEqual({ status: 0, stdout: 'lancé --dry-run\n', stderr: '' });
    } finally {
      const cache = path.join(ROOT, 'node_modules', '.cache', 'passerelle');
      for (const f of fs.readdirSync(cache)) if (f.startsWith(name)) fs.rmSync(path.join(cache, f));
    }
  });
});
