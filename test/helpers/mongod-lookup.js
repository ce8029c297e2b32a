// Where a usable mongod is, without downloading one (or downloaded when TEST_MONGOD_DOWNLOAD=on
// asks for it). Plain CommonJS: jest.config.js needs it before any TypeScript is loaded, to decide
// whether the `mongo` project runs. mongodb-memory-server's own (async) lookup runs in a short child
// process, since configuration and test collection are synchronous.
const { execFileSync } = require('node:child_process');

const LOCATE = `
  const { DryMongoBinary } = require(process.argv[1]);
  DryMongoBinary.generateOptions()
    .then((options) => DryMongoBinary.locateBinary(options))
    .then((found) => process.stdout.write(found ?? ''), () => process.stdout.write(''));`;

const DOWNLOAD = `
  const { MongoBinary } = require(process.argv[1]);
  MongoBinary.getPath().then((found) => process.stdout.write(found ?? ''), () => process.stdout.write(''));`;

function runLookup(script, timeout) {
  try {
    const found = execFileSync(process.execPath, ['-e', script, require.resolve('mongodb-memory-server')], {
      encoding: 'utf8',
      timeout,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return found || null;
  } catch {
    return null;
  }
}

/** Where the run's mongod is, set once per run for every test process ('' for none). */
const MONGOD_ENV = 'PASSERELLE_TEST_MONGOD';

/** A usable mongod binary: at hand (MONGOMS_SYSTEM_BINARY, the cache), or downloaded when TEST_MONGOD_DOWNLOAD=on. */
function findMongod() {
  return runLookup(LOCATE, 20000) ?? (process.env.TEST_MONGOD_DOWNLOAD === 'on' ? runLookup(DOWNLOAD, 5 * 60000) : null);
}

/** The run's mongod: looked up once, then read from the environment the test processes inherit. */
function runMongod() {
  if (process.env[MONGOD_ENV] === undefined) process.env[MONGOD_ENV] = findMongod() ?? '';
  return process.env[MONGOD_ENV] || null;
}

module.exports = { MONGOD_ENV, findMongod, runMongod };
