// The store engines the suite can run on here: always the embedded one; MongoDB when a mongod
// binary is at hand (MONGOMS_SYSTEM_BINARY or mongodb-memory-server's cache), or downloaded when
// TEST_MONGOD_DOWNLOAD=on asks for it. No download by default: where MongoDB's servers are out of
// reach (our machines, CI) it would only hang.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MongoMemoryReplSet, MongoMemoryServer } from 'mongodb-memory-server';
import { openEmbeddedStore } from '../../api/store/embedded';
import { openMongoStore } from '../../api/store/mongo';
import type { Store } from '../../api/store/types';
import { runMongod } from './mongod-lookup';

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

export { MONGOD_ENV, findMongod } from './mongod-lookup';

/** The engines to run the store suite on (global-setup.ts says once when MongoDB cannot be one). */
export function availableEngines(): TestEngine[] {
  const mongod = runMongod();
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
  const mongod = runMongod();
  const embedded: ServerEngine = { name: 'embedded', env: async () => ({}), cleanup: async () => {} };
  return mongod ? [embedded, mongoServerEngine(mongod)] : [embedded];
}

/** Where two server instances share one store: the embedded engine (one instance, which must play both) or a MongoDB replica set. */
export interface ClusterEngine {
  readonly label: string;
  /** Whether a second instance may open the same store (never on the embedded engine: one process per DATA_DIR). */
  readonly shared: boolean;
  env(): Promise<Record<string, string>>;
  cleanup(): Promise<void>;
}

function replicaSetEngine(binary: string): ClusterEngine {
  let replSet: Promise<MongoMemoryReplSet> | null = null;
  let databases = 0;
  return {
    label: 'MongoDB replica set',
    shared: true,
    async env() {
      replSet ??= import('mongodb-memory-server').then(({ MongoMemoryReplSet }) =>
        MongoMemoryReplSet.create({ binary: { systemBinary: binary }, replSet: { count: 1 } }),
      );
      databases += 1;
      return { MONGODB_URI: (await replSet).getUri(`passerelle-cluster-${process.pid}-${databases}`) };
    },
    async cleanup() {
      const running = replSet;
      replSet = null;
      if (running) await (await running).stop();
    },
  };
}

/** Engines for tests of several instances: embedded always (one instance), a replica set when a mongod is at hand. */
export function availableClusterEngines(): ClusterEngine[] {
  const mongod = runMongod();
  const embedded: ClusterEngine = { label: 'embedded engine (one instance)', shared: false, env: async () => ({}), cleanup: async () => {} };
  return mongod ? [embedded, replicaSetEngine(mongod)] : [embedded];
}
