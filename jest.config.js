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

// The whole suite on the embedded engine; the domain and GraphQL suite on MongoDB too when a
// mongod is at hand (MONGOMS_SYSTEM_BINARY=/usr/bin/mongod npm test; see README, "Running on MongoDB").
module.exports = {
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  testTimeout: 30000, // a run-wide option: jest ignores it in a project
  projects: [
    { displayName: 'embedded', ...project },
    ...(runMongod()
      ? [{ displayName: 'mongo', ...project, testMatch: serverTestFiles().map((f) => `**/test/${f}`), setupFiles: ['<rootDir>/test/helpers/use-mongo.js'] }]
      : []),
  ],
};
