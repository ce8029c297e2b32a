// MongoDB through Mongoose: one model per collection on a dedicated connection.
// Filters are passed as they are. No sanitizeFilter: it would strip the $in/$or/$gt our own
// filter builders use; safety comes from filters being built only from typed values
// (api/store/filters.ts) and from strictQuery rejecting unknown paths.
import mongoose, { type Connection, type Model } from 'mongoose';
import { COLLECTIONS, fieldsToSet, fromRow, toRow, type CollectionName, type Row } from '../collections';
import {
  DuplicateKeyError,
  type Collection,
  type Filter,
  type FindOptions,
  type NeedRecord,
  type OrganisationRecord,
  type Store,
  type StoredDocument,
  type SupplierRecord,
  type UserRecord,
} from '../types';
import { schemaFor } from './schemas';

type Patch<T> = Partial<Omit<T, 'id' | 'createdAt'>>;

function duplicate(collection: string, err: unknown): unknown {
  const e = err as { code?: number; keyPattern?: Record<string, unknown> };
  if (e?.code !== 11000) return err;
  const field = Object.keys(e.keyPattern ?? {})[0] ?? '_id';
  return new DuplicateKeyError(collection, field === '_id' ? 'id' : field);
}

class MongoCollection<T extends StoredDocument> implements Collection<T> {
  constructor(
    private readonly name: string,
    private readonly model: Model<Row>,
  ) {}

  async insert(doc: T): Promise<T> {
    try {
      const created = await this.model.create(toRow(doc));
      return fromRow<T>(created.toObject());
    } catch (err) {
      throw duplicate(this.name, err);
    }
  }

  findById(id: string): Promise<T | null> {
    return this.findOne({ _id: id });
  }

  async findOne(filter: Filter): Promise<T | null> {
    const row = await this.model.findOne(filter).lean<Record<string, unknown>>();
    return row ? fromRow<T>(row) : null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const query = this.model.find(filter);
    if (options.sort) query.sort(options.sort);
    if (options.skip) query.skip(options.skip);
    if (options.limit) query.limit(options.limit);
    const rows = await query.lean<Record<string, unknown>[]>();
    return rows.map((row) => fromRow<T>(row));
  }

  count(filter: Filter): Promise<number> {
    return this.model.countDocuments(filter).exec();
  }

  update(id: string, patch: Patch<T>): Promise<T | null> {
    return this.findOneAndUpdate({ _id: id }, patch);
  }

  async findOneAndUpdate(filter: Filter, patch: Patch<T>): Promise<T | null> {
    try {
      const row = await this.model
        .findOneAndUpdate(filter, { $set: fieldsToSet(patch) }, { returnDocument: 'after', runValidators: true })
        .lean<Record<string, unknown>>();
      return row ? fromRow<T>(row) : null;
    } catch (err) {
      throw duplicate(this.name, err);
    }
  }

  async remove(id: string): Promise<boolean> {
    return (await this.model.deleteOne({ _id: id })).deletedCount > 0;
  }
}

export async function openMongoStore(uri: string): Promise<Store> {
  const connection: Connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    const models = new Map(COLLECTIONS.map((name) => [name, connection.model<Row>(name, schemaFor(name))]));
    // Builds missing indexes before the first write, so uniqueness holds from the start.
    await Promise.all([...models.values()].map((model) => model.init()));
    const collection = <T extends StoredDocument>(name: CollectionName) => new MongoCollection<T>(name, models.get(name)!);
    return {
      engine: 'mongo',
      users: collection<UserRecord>('users'),
      organisations: collection<OrganisationRecord>('organisations'),
      suppliers: collection<SupplierRecord>('suppliers'),
      needs: collection<NeedRecord>('needs'),
      close: () => connection.close(),
    };
  } catch (err) {
    await connection.close();
    throw err;
  }
}
