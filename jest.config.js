/** Jest: TypeScript through SWC (type checking is `tsc --noEmit`, run first by `npm test`). */
const fs = require('node:fs');
const path = require('node:path');
const { runMongod } = require('./test/helpers/mongod-lookup.js');

const ESM_PACKAGES = ['puppeteer-core', '@puppeteer/browsers', 'chromium-bidi'].join('|');

const project = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/helpers/teardown.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
    // puppeteer-core and its browser-protocol packages ship ES modules only, which jest cannot load on Node 20.
    [`node_modules/(${ESM_PACKAGES})/.+\\.js$`]: ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES})/)`],
};

/**
 * Files the `mongo` project leaves out: they test the embedded engine's own datafiles, lock and
 * scripts run on DATA_DIR, or the sample data (never loaded into MongoDB): those named here, and
 * any that opens the embedded store itself or runs a script or the service as a process. The
 * console's browser walk runs once: the API under it is covered on both engines by the other files.
 */
const EMBEDDED_ONLY = new Set(['lifecycle.test.ts', 'imports.test.ts', 'auth.test.ts', 'store-faults.test.ts', 'console.test.ts', 'public-pages.test.ts', 'link-pages.test.ts', 'web-codegen.test.ts']);
const EMBEDDED_MARKS = /from '(\.\.\/api\/store\/embedded|\.\/helpers\/cli|\.\/helpers\/process)'/;

/**
 * The domain and GraphQL test files, run again on MongoDB: those that start the server, except
 * the ones that already run on every engine themselves (availableEngines / availableServerEngines).
 */
function serverTestFiles() {
  const dir = path.join(__dirname, 'test');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts') && !EMBEDDED_ONLY.has(f))
    .filter((f) => {
      const source = fs.readFileSync(path.join(dir, f), 'utf8');
      return source.includes('startTestServer(') && !/available(Server)?Engines\(/.test(source) && !EMBEDDED_MARKS.test(source);
    });
}

/**
 * `npm run test:quick` (TEST_QUICK=1), the inner loop: the embedded engine only, and no file that
 * drives a browser or starts a process, told by what it imports, itself or through any module of
 * ours it imports (puppeteer-core, child_process). The mongod lookup is not followed: quick runs
 * pin the engine to the embedded one, so it never runs.
 */
const QUICK = process.env.TEST_QUICK === '1';
const SLOW_IMPORT = /^(node:)?child_process$|^puppeteer-core$/;
const NOT_FOLLOWED = new Set([path.join(__dirname, 'test', 'helpers', 'mongod-lookup.js')]);
const IMPORTS = /^\s*(?:import|export)\s+(type\s)?[^;'"]*?\bfrom\s+'([^']+)'|^\s*import\s+'([^']+)'|\bimport\('([^']+)'\)|\brequire\('([^']+)'\)/gm;

const importsCache = new Map();
/** What a module imports at run time (type-only imports left out), relative ones resolved to files. */
function importsOf(file) {
  if (!importsCache.has(file)) {
    const found = [];
    for (const m of fs.readFileSync(file, 'utf8').matchAll(IMPORTS)) {
      if (m[1]) continue;
      const spec = m[2] ?? m[3] ?? m[4] ?? m[5];
      if (!spec.startsWith('.')) found.push(spec);
      else {
        const base = path.resolve(path.dirname(file), spec);
        const target = [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, path.join(base, 'index.ts')].find((f) => /\.(ts|tsx|js)$/.test(f) && fs.existsSync(f));
        if (target) found.push(target);
      }
    }
    importsCache.set(file, found);
  }
  return importsCache.get(file);
}

function browsesOrSpawns(file, seen = new Set()) {
  seen.add(file);
  return importsOf(file).some((spec) =>
    path.isAbsolute(spec) ? !seen.has(spec) && !NOT_FOLLOWED.has(spec) && browsesOrSpawns(spec, seen) : SLOW_IMPORT.test(spec),
  );
}

function quickTestFiles() {
  const dir = path.join(__dirname, 'test');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts') && !browsesOrSpawns(path.join(dir, f)));
}

if (QUICK) process.env.PASSERELLE_TEST_MONGOD = ''; // see mongod-lookup.js: no MongoDB, no lookup

// The whole suite on the embedded engine; the domain and GraphQL suite on MongoDB too when a
// mongod is at hand (MONGOMS_SYSTEM_BINARY=/usr/bin/mongod npm test; see README, "Running on MongoDB").
module.exports = {
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  testTimeout: 30000, // a run-wide option: jest ignores it in a project
  // One file per core, not jest's default of one fewer: the files wait on servers, Chromium and the
  // SMTP peer far more than they compute (on 2 cores: 6.5 min instead of 12, every file passing).
  maxWorkers: '100%',
  projects: [
    { displayName: 'embedded', ...project, ...(QUICK ? { testMatch: quickTestFiles().map((f) => `**/test/${f}`) } : {}) },
    ...(runMongod()
      ? [{ displayName: 'mongo', ...project, testMatch: serverTestFiles().map((f) => `**/test/${f}`), setupFiles: ['<rootDir>/test/helpers/use-mongo.js'] }]
      : []),
  ],
};
