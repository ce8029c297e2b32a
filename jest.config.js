/** Jest: TypeScript through SWC (type checking is `tsc --noEmit`, run first by `npm test`). */
const ESM_PACKAGES = ['puppeteer-core', '@puppeteer/browsers', 'chromium-bidi'].join('|');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/test/helpers/teardown.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
    // puppeteer-core and its browser-protocol packages ship ES modules only, which jest cannot load on Node 20.
    [`node_modules/(${ESM_PACKAGES})/.+\\.js$`]: ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES})/)`],
  testTimeout: 30000,
};
