// Start-up on an existing database whose data an index cannot be built on: one French line naming
// the index and why, on every engine, instead of the driver's raw error.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { indexFailure } from '../api/store/indexes';
import { StoreIndexError } from '../api/store/types';
import { availableServerEngines } from './helpers/engines';
import { ROOT } from './helpers/process';
import { startTestServer, tempDataDir } from './helpers/server';

const stamp = { $$date: Date.parse('2025-01-02T03:04:05.000Z') };
const twin = (id: string) => ({ _id: id, id, email: 'doublon@exemple.fr', passwordHash: 'x', role: 'COMPANY', organisationId: null, createdAt: stamp, updatedAt: stamp });

/** A DATA_DIR whose users datafile holds two accounts with one email (hand-edited, or restored from two backups). */
function dataDirWithTwins(): string {
  const dir = tempDataDir();
  fs.mkdirSync(path.join(dir, 'db'));
  fs.writeFileSync(path.join(dir, 'db', 'users.db'), `${JSON.stringify(twin('u1'))}\n${JSON.stringify(twin('u2'))}\n`);
  return dir;
}

const DUPLICATES = /^Démarrage impossible : l'index « email_1 » de la collection « users » n'a pas pu être créé : plusieurs documents ont la même valeur de « email »/;

describe('index failures', () => {
  it("name the index and the reason for MongoDB's errors", () => {
    const dup = new mongoose.mongo.MongoServerError({ message: 'E11000 duplicate key error collection: db.users index: email_1 dup key: { email: "a@b.fr" }', code: 11000, codeName: 'DuplicateKey' });
    const failure = indexFailure('users', { email: 1 }, dup);
    expect(failure).toBeInstanceOf(StoreIndexError);
    expect((failure as Error).message).toMatch(DUPLICATES);
    expect((failure as Error).message).not.toContain('a@b.fr'); // no personal data in the log

    const changed = new mongoose.mongo.MongoServerError({ message: 'An existing index has the same name as the requested index', code: 86, codeName: 'IndexKeySpecsConflict' });
    expect((indexFailure('suppliers', { sortKey: 1, id: 1 }, changed) as Error).message).toBe(
      "Démarrage impossible : l'index « sortKey_1_id_1 » de la collection « suppliers » n'a pas pu être créé : un index existant sur « sortKey », « id » " +
        'a une autre définition (IndexKeySpecsConflict). Supprimez-le (db.suppliers.dropIndex("sortKey_1_id_1")) : il sera recréé, tel que défini, au démarrage.',
    );
    const other = new Error('réseau');
    expect(indexFailure('users', { email: 1 }, other)).toBe(other);
  });

  it('stop the process with that one line', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: '0', SAMPLE_DATA: 'off', DATA_DIR: dataDirWithTwins() },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(DUPLICATES)]);
  });
});

describe.each(availableServerEngines().map((e) => [e.name, e] as const))('start-up on existing data on the %s engine', (name, engine) => {
  afterAll(() => engine.cleanup());

  it('refuses duplicates a unique index forbids, naming the index', async () => {
    const env = await engine.env();
    let dataDir = tempDataDir();
    if (name === 'embedded') dataDir = dataDirWithTwins();
    else {
      const raw = await mongoose.createConnection(env.MONGODB_URI!).asPromise();
      const date = new Date(stamp.$$date);
      await raw.collection('users').insertMany([{ ...twin('u1'), createdAt: date, updatedAt: date }, { ...twin('u2'), createdAt: date, updatedAt: date }] as never[]);
      await raw.close();
    }
    const failure = await startTestServer(env, dataDir).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(StoreIndexError);
    expect((failure as Error).message).toMatch(DUPLICATES);
  });

  it('refuses an index of the same name defined otherwise (MongoDB), naming it', async () => {
    const env = await engine.env();
    if (name === 'embedded') return expect(env).toEqual({}); // nedb keeps no index definition on disk: nothing can differ
    const raw = await mongoose.createConnection(env.MONGODB_URI!).asPromise();
    await raw.collection('suppliers').createIndex({ sortKey: 1 }, { unique: true });
    await raw.close();
    const failure = await startTestServer(env).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(StoreIndexError);
    expect((failure as Error).message).toMatch(/^Démarrage impossible : l'index « sortKey_1 » de la collection « suppliers » n'a pas pu être créé : un index existant/);
  });
});
