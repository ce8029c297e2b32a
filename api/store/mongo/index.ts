// MongoDB through Mongoose: one model per collection on a dedicated connection.
// Filters come from api/store/filters.ts, built from typed values; every query first checks that
// each $-operator in it was produced by a builder (../operators), then goes through Mongoose's
// sanitizeFilter with those operators marked trusted, so any other $-object is neutralised as $eq.
// strictQuery rejects unknown paths.
import mongoose, { type Connection, type Model } from 'mongoose';
import { COLLECTIONS, POLLED_BY_UPDATED_AT, fieldsToSet, fromRow, repositories, toRow, type CollectionName, type Row } from '../collections';
import { assertBuiltFilter, byPrimaryKey, isBuiltOperator } from '../operators';
import {
  DuplicateKeyError,
  type Collection,
  type Filter,
  type FindOptions,
  type Store,
  type StoredDocument,
} from '../types';
import { indexFailure } from '../indexes';
import { fromValidationError } from './errors';
import { schemaFor } from './schemas';

type Patch<T> = Partial<Omit<T, 'id' | 'createdAt'>>;

/** A write's refusal in our terms: a unique index's as DuplicateKeyError, a schema's as BAD_USER_INPUT. */
function duplicate(collection: string, err: unknown): unknown {
  const e = err as { code?: number; keyPattern?: Record<string, unknown> };
  if (e?.code !== 11000) return fromValidationError(err);
  const field = Object.keys(e.keyPattern ?? {})[0] ?? '_id';
  return new DuplicateKeyError(collection, field === '_id' ? 'id' : field);
}

/** An update whose updatedAt is the server's clock at the write ($currentDate), not this process's. */
function serverStamped(set: Record<string, unknown>): Record<string, unknown> {
  const { updatedAt: _writerClock, ...fields } = set;
  return Object.keys(fields).length > 0 ? { $set: fields, $currentDate: { updatedAt: true } } : { $currentDate: { updatedAt: true } };
}

/** A copy of a checked filter for Mongoose: builders' operators trusted, everything else sanitised. */
function forMongoose(filter: Filter): Filter {
  assertBuiltFilter(filter);
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (typeof value !== 'object' || value === null || value instanceof Date || value instanceof RegExp) return value;
    const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
    return isBuiltOperator(value) ? mongoose.trusted(out) : out;
  };
  return mongoose.sanitizeFilter(copy(filter) as Filter);
}

class MongoCollection<T extends StoredDocument> implements Collection<T> {
  private readonly serverStamped: boolean;

  constructor(
    private readonly name: CollectionName,
    private readonly model: Model<Row>,
  ) {
    this.serverStamped = POLLED_BY_UPDATED_AT.has(name);
  }

  // In a collection other instances poll by updatedAt, updatedAt is the server's clock, not the
  // writer's (see Collection): instances whose clocks differ then never hide their writes from one
  // another's index refresh. Hence an upsert that inserts only: the document validated first, as
  // create() would, its updatedAt from $currentDate.
  async insert(doc: T): Promise<T> {
    if (!this.serverStamped) {
      try {
        const created = await this.model.create(toRow(doc));
        return fromRow<T>(this.name, created.toObject());
      } catch (err) {
        throw duplicate(this.name, err);
      }
    }
    // _id comes from the filter's equality; updatedAt from the server.
    const { updatedAt: _writerClock, _id: _fromFilter, ...fields } = toRow(doc);
    try {
      await new this.model(toRow(doc)).validate();
      const written = await this.model.updateOne(forMongoose(byPrimaryKey(doc.id)), { $setOnInsert: fields, $currentDate: { updatedAt: true } }, { upsert: true });
      if (written.upsertedCount !== 1) throw new DuplicateKeyError(this.name, 'id'); // that id existed: nothing was written
    } catch (err) {
      throw duplicate(this.name, err);
    }
    const stored = await this.findById(doc.id);
    if (!stored) throw new Error(`${this.name} ${doc.id}: written, then not found`);
    return stored;
  }

  // One by one: each goes through insert()'s server-stamped path (see above).
  async insertMany(docs: T[]): Promise<T[]> {
    const stored: T[] = [];
    for (const doc of docs) stored.push(await this.insert(doc));
    return stored;
  }

  // Every method is async: a refused filter rejects the promise, it never throws before the caller's await.
  async findById(id: string): Promise<T | null> {
    return this.findOne(byPrimaryKey(id));
  }

  async findOne(filter: Filter): Promise<T | null> {
    const row = await this.model.findOne(forMongoose(filter)).lean<Record<string, unknown>>();
    return row ? fromRow<T>(this.name, row) : null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const query = this.model.find(forMongoose(filter));
    if (options.sort) query.sort(options.sort);
    if (options.skip) query.skip(options.skip);
    if (options.limit) query.limit(options.limit);
    const rows = await query.lean<Record<string, unknown>[]>();
    return rows.map((row) => fromRow<T>(this.name, row));
  }

  async all(): Promise<T[]> {
    return this.find({});
  }

  async ids(filter: Filter): Promise<string[]> {
    const rows = await this.model.find(forMongoose(filter), { _id: 1 }).lean<Array<{ _id: string }>>();
    return rows.map((r) => String(r._id));
  }

  async count(filter: Filter): Promise<number> {
    return this.model.countDocuments(forMongoose(filter)).exec();
  }

  async update(id: string, patch: Patch<T>): Promise<T | null> {
    return this.findOneAndUpdate(byPrimaryKey(id), patch);
  }

  async findOneAndUpdate(filter: Filter, patch: Patch<T>): Promise<T | null> {
    try {
      const row = await this.model
        .findOneAndUpdate(forMongoose(filter), serverStamped(fieldsToSet(patch)), { returnDocument: 'after', runValidators: true })
        .lean<Record<string, unknown>>();
      return row ? fromRow<T>(this.name, row) : null;
    } catch (err) {
      throw duplicate(this.name, err);
    }
  }

  async remove(id: string): Promise<boolean> {
    return this.removeOne(byPrimaryKey(id));
  }

  async removeOne(filter: Filter): Promise<boolean> {
    return (await this.model.deleteOne(forMongoose(filter))).deletedCount > 0;
  }
}

/** The schema's indexes, one at a time (Mongoose's autoIndex is off: see schemas.ts), each failure named. */
async function buildIndexes(model: Model<Row>): Promise<void> {
  for (const [fields, options] of model.schema.indexes()) {
    const { _autoIndex, ...indexOptions } = options as Record<string, unknown>;
    try {
      await model.collection.createIndex(fields as Record<string, 1 | -1>, indexOptions);
    } catch (err) {
      throw indexFailure(model.collection.collectionName, fields, err);
    }
  }
}

export async function openMongoStore(uri: string): Promise<Store> {
  const connection: Connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    const models = new Map(COLLECTIONS.map((name) => [name, connection.model<Row>(name, schemaFor(name))]));
    // Builds missing indexes before the first write, so uniqueness holds from the start; one that
    // cannot be built on the stored data stops the start with a French line naming it.
    await Promise.all([...models.values()].map((model) => model.init()));
    for (const model of models.values()) await buildIndexes(model);
    const collection = <T extends StoredDocument>(name: CollectionName) => new MongoCollection<T>(name, models.get(name)!);
    return {
      engine: 'mongo',
      ...repositories(collection),
      compact: async () => {}, // the server reclaims deleted documents' space itself (docs/operations.md: the oplog keeps erased data longer)
      sharedCounters: { storeClient: connection }, // the login throttle's counters: collection loginThrottle, with a TTL index
      // The server's clock, the one $currentDate stamps updatedAt with: `hello` reports it.
      async now() {
        const hello = await connection.db!.command({ hello: 1 }); // any database answers it; no admin right needed
        return hello.localTime instanceof Date ? hello.localTime : new Date();
      },
      close: () => connection.close(),
    };
  } catch (err) {
    await connection.close();
    throw err;
  }
}
