// A Collection on one nedb datastore. nedb runs each datastore's operations one at a time
// (its executor queue), so a single `update` call is atomic with respect to every other one.
import type Datastore from '@seald-io/nedb';
import { fieldsToSet, fromRow, toRow, type CollectionName, type IndexSpec } from '../collections';
import { assertBuiltFilter, byPrimaryKey } from '../operators';
import { checkKeys } from './keys';
import { DuplicateKeyError, type Collection, type Filter, type FindOptions, type StoredDocument } from '../types';

type Patch<T> = Partial<Omit<T, 'id' | 'createdAt'>>;

type Row = Record<string, unknown>;
/** The steps of nedb's Datastore#_insertAsync (4.1.2, pinned as datafile.ts says). */
interface InsertInternals {
  executor: { pushAsync(task: () => Promise<void>): Promise<void> };
  _insertInCache(rows: Row[]): void;
  persistence: { persistNewStateAsync(rows: Row[]): Promise<void> };
}

export class EmbeddedCollection<T extends StoredDocument> implements Collection<T> {
  private readonly nullable: string[];
  private readonly unique: string[];

  constructor(
    private readonly name: CollectionName,
    private readonly db: Datastore,
    indexes: readonly IndexSpec[],
  ) {
    this.nullable = indexes.filter((i) => i.nullable).map((i) => i.field);
    this.unique = ['id', ...indexes.filter((i) => i.unique).map((i) => i.field)];
  }

  // A null in a nullable unique field is left out of the stored row, and restored on the way out.
  // It is left out by an object rest: a deletion, or a copy key by key, would turn the row into a
  // dictionary object (V8 gives up fast properties after a dozen keyed stores), which takes four
  // times the memory, and which nedb then checks, indexes and serialises more slowly (every imported
  // profile has a null organisationId: a third of an import's heap was these dictionaries).
  private encode(doc: T): Record<string, unknown> {
    let values = doc as Record<string, unknown>;
    for (const field of this.nullable) {
      if (values[field] === null) {
        const { [field]: _null, ...rest } = values;
        values = rest;
      }
    }
    if (values === doc) return toRow(doc);
    values._id = doc.id;
    return values;
  }

  private decode(row: unknown): T {
    const doc = fromRow<T>(this.name, row as Record<string, unknown>) as Record<string, unknown>;
    for (const field of this.nullable) if (!(field in doc)) doc[field] = null;
    return doc as T;
  }

  private modifier(patch: Patch<T>): Record<string, unknown> {
    const $set = fieldsToSet(patch);
    const $unset: Record<string, true> = {};
    for (const field of this.nullable) {
      if ($set[field] === null) {
        delete $set[field];
        $unset[field] = true;
      }
    }
    return Object.keys($unset).length ? { $set, $unset } : { $set };
  }

  /** nedb reports the duplicated value, not the index: find which unique field holds it. */
  private duplicate(err: unknown, written: object): unknown {
    const e = err as { errorType?: string; key?: unknown };
    if (e?.errorType !== 'uniqueViolated') return err;
    const values = written as Record<string, unknown>;
    const field = this.unique.find((f) => values[f] !== undefined && values[f] === e.key) ?? 'id';
    return new DuplicateKeyError(this.name, field);
  }

  async insert(doc: T): Promise<T> {
    try {
      return this.decode(await this.db.insertAsync(this.encode(doc)));
    } catch (err) {
      throw this.duplicate(err, doc);
    }
  }

  async insertMany(docs: T[]): Promise<T[]> {
    if (docs.length === 0) return [];
    const db = this.db as unknown as InsertInternals;
    try {
      // nedb's insertAsync less its copies: the documents are handed over (see Collection#insertMany),
      // so they are stored as given instead of deep-copied on the way in (and their copies again on the
      // way out): nearly a fifth of an import's write path, and the garbage of it. Their keys are
      // checked as nedb checks them.
      const rows = docs.map((d) => this.encode(d));
      await db.executor.pushAsync(async () => {
        rows.forEach(checkKeys);
        db._insertInCache(rows);
        await db.persistence.persistNewStateAsync(rows);
      });
      return docs;
    } catch (err) {
      const e = err as { key?: unknown };
      throw this.duplicate(err, docs.find((d) => Object.values(this.encode(d)).includes(e?.key)) ?? docs[0]!);
    }
  }

  async findById(id: string): Promise<T | null> {
    return this.findOne(byPrimaryKey(id));
  }

  async findOne(filter: Filter): Promise<T | null> {
    assertBuiltFilter(filter);
    const row: unknown = await this.db.findOneAsync(filter).execAsync();
    return row ? this.decode(row) : null;
  }

  async ids(filter: Filter): Promise<string[]> {
    assertBuiltFilter(filter);
    const rows: Array<{ _id: string }> = await this.db.findAsync(filter, { _id: 1 });
    return rows.map((r) => r._id);
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    assertBuiltFilter(filter);
    let cursor = this.db.findAsync(filter);
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    const rows = (await cursor.execAsync()) as unknown as unknown[];
    return rows.map((row) => this.decode(row));
  }

  async all(): Promise<T[]> {
    // nedb's find copies each document deeply: at 200,000 structures, 3.8 s of the start against 0.4.
    return this.db.getAllData().map((row) => this.decode(row));
  }

  async count(filter: Filter): Promise<number> {
    assertBuiltFilter(filter);
    return this.db.countAsync(filter).execAsync() as unknown as Promise<number>;
  }

  async update(id: string, patch: Patch<T>): Promise<T | null> {
    return this.findOneAndUpdate(byPrimaryKey(id), patch);
  }

  async findOneAndUpdate(filter: Filter, patch: Patch<T>): Promise<T | null> {
    assertBuiltFilter(filter);
    try {
      // One queued operation finds and modifies: no other write can slip in between.
      const { affectedDocuments } = await this.db.updateAsync(filter, this.modifier(patch), { multi: false, returnUpdatedDocs: true });
      return affectedDocuments ? this.decode(affectedDocuments) : null;
    } catch (err) {
      throw this.duplicate(err, patch);
    }
  }

  async remove(id: string): Promise<boolean> {
    return this.removeOne(byPrimaryKey(id));
  }

  async removeOne(filter: Filter): Promise<boolean> {
    assertBuiltFilter(filter);
    return (await this.db.removeAsync(filter, { multi: false })) > 0;
  }
}
