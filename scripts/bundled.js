// node scripts/bundled.js scripts/COMMAND.ts [ARGS...]
// Runs a TypeScript command from one JavaScript file of the project's own modules, bundled by esbuild
// (packages stay in node_modules, loaded as usual) and built again only when one of its sources changed.
// `npm run import` is timed from the process's start (docs/benchmarks.md): under tsx, which resolves,
// reads and transforms its sixty modules one by one at every start, a 20,000-line import took a tenth
// longer. Plain JavaScript, since it runs before any TypeScript loader. When the bundle cannot be built
// or kept (a read-only node_modules, a source esbuild refuses) the command runs under tsx, as before.
// For commands that run when loaded: inside the bundle, `require.main` is this launcher.
'use strict';
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'passerelle');

/** What a bundle depends on besides its sources: this file (its build options), esbuild's version, node's. */
function recipe() {
  const esbuild = JSON.parse(fs.readFileSync(require.resolve('esbuild/package.json'), 'utf8')).version;
  return createHash('sha256').update(fs.readFileSync(__filename)).update(`${esbuild} ${process.versions.node}`).digest('hex');
}

/**
 * Modules that read files beside themselves keep reading them there: a module naming `__dirname` or
 * `__filename` gets constants of its own holding its source's paths (esbuild renames them apart).
 * @type {import('esbuild').Plugin}
 */
const ownPaths = {
  name: 'own-paths',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const own = [
        /\b__dirname\b/.test(source) ? `const __dirname = ${JSON.stringify(path.dirname(args.path))};` : '',
        /\b__filename\b/.test(source) ? `const __filename = ${JSON.stringify(args.path)};` : '',
      ].join('');
      // On the first line, so that the source's lines keep their numbers.
      return { contents: own + source, loader: 'ts' };
    });
  },
};

/** @typedef {{ recipe: string; bundle: string; inputs: Record<string, [number, number]> }} Meta */

/** Read besides the sources: esbuild's settings, and the packages installed. */
const SETTINGS = ['tsconfig.json', 'package.json'];

/** @param {string} file @returns {[number, number]} its modification time and size */
const stamp = (file) => {
  const stat = fs.statSync(file);
  return [stat.mtimeMs, stat.size];
};

/**
 * Whether the bundle described by `meta` was built from the sources as they are: this recipe, and
 * every source with the modification time and size it had (none removed).
 * @param {Meta | null} meta
 * @param {string} root
 * @param {string} current the recipe today
 */
function isFresh(meta, root, current) {
  if (!meta || meta.recipe !== current) return false;
  try {
    return Object.entries(meta.inputs).every(([input, [mtime, size]]) => {
      const [now, length] = stamp(path.join(root, input));
      return now === mtime && length === size;
    });
  } catch {
    return false;
  }
}

/** @param {string} file @param {string | Uint8Array} contents */
function writeWhole(file, contents) {
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, contents);
  fs.renameSync(partial, file);
}

/**
 * The bundle of `entry` in `cacheDir`, built first when missing or stale. Named by its content and
 * named in turn by the description written last (under a temporary name, then renamed): two
 * commands started together never run a half-written bundle, nor one another build describes.
 * @param {string} entry absolute path of the TypeScript entry
 * @param {{ root?: string; cacheDir?: string }} [options]
 * @returns {Promise<{ file: string; built: boolean }>}
 */
async function ensureBundle(entry, { root = ROOT, cacheDir = CACHE } = {}) {
  const name = path.relative(root, entry).replace(/\.ts$/, '').replace(/[\\/]/g, '-');
  const metaFile = path.join(cacheDir, `${name}.json`);
  /** @type {Meta | null} */
  let meta = null;
  try {
    meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
  } catch {
    // never built
  }
  const current = recipe();
  if (meta && isFresh(meta, root, current) && fs.existsSync(path.join(cacheDir, meta.bundle))) return { file: path.join(cacheDir, meta.bundle), built: false };

  const esbuild = require('esbuild');
  fs.mkdirSync(cacheDir, { recursive: true });
  const startedAt = Date.now();
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    keepNames: true, // class and function names as in the sources (error names, logs)
    sourcemap: 'linked', // read by node --enable-source-maps
    metafile: true,
    outfile: path.join(cacheDir, `${name}.js`), // renamed by its content below; its map keeps this name
    write: false,
    plugins: [ownPaths],
    logLevel: 'silent',
  });
  const code = result.outputFiles.find((output) => !output.path.endsWith('.map'));
  const map = result.outputFiles.find((output) => output.path.endsWith('.map'));
  if (!code) throw new Error(`esbuild n’a rien produit pour ${entry}`);
  const bundle = `${name}.${createHash('sha256').update(code.contents).digest('hex').slice(0, 16)}.js`;
  if (map) writeWhole(map.path, map.contents);
  writeWhole(path.join(cacheDir, bundle), code.contents);
  /** @type {Meta['inputs']} */
  const inputs = {};
  for (const input of [...Object.keys(result.metafile.inputs), ...SETTINGS.filter((f) => fs.existsSync(path.join(root, f)))]) {
    const [mtime, size] = stamp(path.join(root, input));
    // Saved while the build read it, or just before (a file's time may lag the clock): its bytes in
    // the bundle may be the older ones, built again next time.
    inputs[input] = [mtime >= startedAt - 2000 ? -1 : mtime, size];
  }
  writeWhole(metaFile, JSON.stringify({ recipe: current, bundle, inputs }));
  // Earlier bundles of this command, unless another build has just named one of them.
  for (const f of fs.readdirSync(cacheDir)) {
    if (f === bundle || !f.startsWith(`${name}.`) || !/^[0-9a-f]{16}\.js$/.test(f.slice(name.length + 1))) continue;
    const written = fs.statSync(path.join(cacheDir, f), { throwIfNoEntry: false })?.mtimeMs ?? Date.now(); // another build's removal
    if (Date.now() - written > 60_000) fs.rmSync(path.join(cacheDir, f), { force: true });
  }
  return { file: path.join(cacheDir, bundle), built: true };
}

module.exports = { ensureBundle };

if (require.main === module) {
  const entry = path.resolve(process.argv[2] ?? '');
  ensureBundle(entry)
    .then(
      ({ file }) => file,
      (err) => {
        console.error(`(Commande lancée sans son paquet précompilé : ${err instanceof Error ? err.message.split('\n')[0] : err})`);
        require('tsx/cjs');
        return entry;
      },
    )
    .then((file) => {
      // The command reads its arguments as if it had been started itself.
      process.argv.splice(1, 2, file);
      require(file);
    });
}
