// The store engines the suite can run on here: always the embedded one; MongoDB when a mongod
// binary is at hand (MONGOMS_SYSTEM_BINARY or mongodb-memory-server's cache), or downloaded when
// TEST_MONGOD_DOWNLOAD=on asks for it. No download by default: where MongoDB's servers are out of
// reach (our machines, CI) it would only hang.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MongoMemoryServer } from 'mongodb-memory-server';
import { openEmbeddedStore } from '../../api/store/embedded';
import { openMongoStore } from '../../api/store/mongo';
import type { Store } from '../../api/store/types';

export interface TestEngine {
  readonly name: Store['engine'];
  /** A store on fresh, empty storage. */
  open(): Promise<Store>;
  /** Closes what open() left open and removes its storage. */
  cleanup(): Promise<void>;
}

export const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-store-'));

function embeddedEngine(): TestEngine {
  const dirs: string[] = [];
  const stores: Store[] = [];
  return {
    name: 'embedded',
    async open() {
      const dir = tempDir();
      dirs.push(dir);
      const store = await openEmbeddedStore(dir);
      stores.push(store);
      return store;
    },
    async cleanup() {
      await Promise.all(stores.splice(0).map((s) => s.close()));
      for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Where a usable mongod is, without downloading one. Test files are collected synchronously,
 * so mongodb-memory-server's own (async) lookup runs in a short child process.
 */
function locateMongod(): string | null {
  const script = `
    const { DryMongoBinary } = require(process.argv[1]);
    DryMongoBinary.generateOptions()
      .then((options) => DryMongoBinary.locateBinary(options))
      .then((found) => process.stdout.write(found ?? ''), () => process.stdout.write(''));`;
  return runLookup(script, 20_000);
}

/** mongodb-memory-server's own download, into its cache (several minutes at most). */
function downloadMongod(): string | null {
  const script = `
    const { MongoBinary } = require(process.argv[1]);
    MongoBinary.getPath().then((found) => process.stdout.write(found ?? ''), () => process.stdout.write(''));`;
  return runLookup(script, 5 * 60_000);
}

function runLookup(script: string, timeout: number): string | null {
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

function mongoEngine(binary: string): TestEngine {
  let server: Promise<MongoMemoryServer> | null = null;
  let databases = 0;
  const stores: Store[] = [];
  return {
    name: 'mongo',
    async open() {
      server ??= import('mongodb-memory-server').then(({ MongoMemoryServer }) =>
        MongoMemoryServer.create({ binary: { systemBinary: binary } }),
      );
      databases += 1;
      const store = await openMongoStore((await server).getUri(`passerelle-test-${databases}`));
      stores.push(store);
      return store;
    },
    async cleanup() {
      await Promise.all(stores.splice(0).map((s) => s.close()));
      const running = server;
      server = null;
      if (running) await (await running).stop();
    },
  };
}

/** Where the run's mongod is, set by global-setup.ts for every test process ('' for none). */
export const MONGOD_ENV = 'PASSERELLE_TEST_MONGOD';

/** A usable mongod binary: at hand, or downloaded when TEST_MONGOD_DOWNLOAD=on asks for it. */
export function findMongod(): string | null {
  return locateMongod() ?? (process.env.TEST_MONGOD_DOWNLOAD === 'on' ? downloadMongod() : null);
}

/** The engines to run the store suite on (global-setup.ts says once when MongoDB cannot be one). */
export function availableEngines(): TestEngine[] {
  const mongod = process.env[MONGOD_ENV] ?? findMongod();
  return mongod ? [embeddedEngine(), mongoEngine(mongod)] : [embeddedEngine()];
}

/** An engine to start the whole server on: the environment that selects it, and its cleanup. */
export interface ServerEngine {
  readonly name: Store['engine'];
  /** The variables to hand startTestServer (a fresh database each time on MongoDB). */
  env(): Promise<Record<string, string>>;
  cleanup(): Promise<void>;
}

function mongoServerEngine(binary: string): ServerEngine {
  let server: Promise<MongoMemoryServer> | null = null;
  let databases = 0;
  return {
    name: 'mongo',
    async env() {
      server ??= import('mongodb-memory-server').then(({ MongoMemoryServer }) => MongoMemoryServer.create({ binary: { systemBinary: binary } }));
      databases += 1;
      return { MONGODB_URI: (await server).getUri(`passerelle-server-${process.pid}-${databases}`) };
    },
    async cleanup() {
      const running = server;
      server = null;
      if (running) await (await running).stop();
    },
  };
}

/** The engines to start the server on: embedded always, MongoDB when a mongod is at hand. */
export function availableServerEngines(): ServerEngine[] {
  const mongod = process.env[MONGOD_ENV] ?? findMongod();
  const embedded: ServerEngine = { name: 'embedded', env: async () => ({}), cleanup: async () => {} };
  return mongod ? [embedded, mongoServerEngine(mongod)] : [embedded];
}
