// The store engine the server-based tests of this jest project run on. jest.config.js defines an
// `embedded` project (every test file) and, when a mongod is at hand, a `mongo` project that runs
// the domain and GraphQL test files again with PASSERELLE_TEST_ENGINE=mongo: startTestServer then
// gives each DATA_DIR a database of its own on a mongod started once per test file, so a restart
// on the same DATA_DIR finds its data again, as on the embedded engine.
import path from 'node:path';
import type { MongoMemoryServer } from 'mongodb-memory-server';
import { openStore } from '../../api/store';
import type { Store } from '../../api/store/types';
import { runMongod } from './mongod-lookup';

export const PROJECT_ENGINE_ENV = 'PASSERELLE_TEST_ENGINE';

export const projectEngine = (): Store['engine'] => (process.env[PROJECT_ENGINE_ENV] === 'mongo' ? 'mongo' : 'embedded');

let mongod: Promise<MongoMemoryServer> | null = null;

/** The variables that put a server's (or a script's) store where this project keeps DATA_DIR's data. */
export async function storeEnvFor(dataDir: string): Promise<Record<string, string>> {
  if (projectEngine() !== 'mongo') return { DATA_DIR: dataDir };
  const binary = runMongod();
  if (!binary) throw new Error('the mongo project runs only where a mongod is at hand (jest.config.js)');
  mongod ??= import('mongodb-memory-server').then(({ MongoMemoryServer }) => MongoMemoryServer.create({ binary: { systemBinary: binary } }));
  return { DATA_DIR: dataDir, MONGODB_URI: (await mongod).getUri(`p-${path.basename(dataDir)}`) };
}

/** A store on this project's engine for DATA_DIR, as the server would open it. */
export async function openProjectStore(dataDir: string): Promise<Store> {
  const env = await storeEnvFor(dataDir);
  return openStore({ mongodbUri: env.MONGODB_URI ?? null, dataDir });
}

/** Stops this test file's mongod, if it started one (teardown.ts, after the servers). */
export async function stopProjectMongod(): Promise<void> {
  const running = mongod;
  mongod = null;
  if (running) await (await running).stop();
}
