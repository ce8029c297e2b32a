// What both engines share about the collections: their names, their indexes, and how
// our documents map to stored rows (primary key `_id` = our `id`, kept in both fields).
import type {
  AccessLinkRecord,
  AccountEventRecord,
  Collection,
  NeedRecord,
  OrganisationRecord,
  OutboxRecord,
  OutcomeRecord,
  PublicContractRecord,
  ResponseRecord,
  RetiredSiretRecord,
  ShortlistRecord,
  SpendAnalysisRecord,
  Store,
  StoredDocument,
  SupplierRecord,
  UserRecord,
} from './types';
import { NORMALISERS } from './normalise';

export const COLLECTIONS = ['users', 'organisations', 'suppliers', 'needs', 'shortlists', 'outbox', 'outcomes', 'responses', 'accessLinks', 'retiredSirets', 'publicContracts', 'spendAnalyses', 'accountEvents'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export type Repositories = Omit<Store, 'engine' | 'compact' | 'now' | 'sharedCounters' | 'close'>;

/** A store's typed repositories, from an engine's way of opening one collection. */
export function repositories(open: <T extends StoredDocument>(name: CollectionName) => Collection<T>): Repositories {
  return {
    users: open<UserRecord>('users'),
    organisations: open<OrganisationRecord>('organisations'),
    suppliers: open<SupplierRecord>('suppliers'),
    needs: open<NeedRecord>('needs'),
    shortlists: open<ShortlistRecord>('shortlists'),
    outbox: open<OutboxRecord>('outbox'),
    outcomes: open<OutcomeRecord>('outcomes'),
    responses: open<ResponseRecord>('responses'),
    accessLinks: open<AccessLinkRecord>('accessLinks'),
    retiredSirets: open<RetiredSiretRecord>('retiredSirets'),
    publicContracts: open<PublicContractRecord>('publicContracts'),
    spendAnalyses: open<SpendAnalysisRecord>('spendAnalyses'),
    accountEvents: open<AccountEventRecord>('accountEvents'),
  };
}

export interface IndexSpec {
  readonly field: string;
  readonly unique?: boolean;
  /** Unique only among documents where the field is a string: null may occur many times. */
  readonly nullable?: boolean;
  /**
   * MongoDB only: on the embedded engine nothing asks by this field (the directory's name order is
   * served from memory, and only MongoDB instances poll each other's writes), and each index is
   * a tree of every document to build at every start.
   */
  readonly mongoOnly?: boolean;
}

export const INDEXES: Readonly<Record<CollectionName, readonly IndexSpec[]>> = {
  users: [{ field: 'email', unique: true }],
  organisations: [],
  // One profile per structure's organisation (staff-created ones get an organisation each); a
  // deleted structure's stub has none.
  // updatedAt: every instance asks for the profiles written since its watermark every few seconds.
  suppliers: [
    { field: 'siret', unique: true, nullable: true },
    { field: 'organisationId', unique: true, nullable: true },
    { field: 'sortKey', mongoOnly: true },
    { field: 'updatedAt', mongoOnly: true },
  ],
  needs: [{ field: 'createdAt' }],
  shortlists: [{ field: 'openDraftOf', unique: true, nullable: true }, { field: 'needId' }, { field: 'status' }],
  outbox: [{ field: 'state' }, { field: 'shortlistId' }],
  outcomes: [{ field: 'shortlistId' }],
  responses: [{ field: 'shortlistId' }, { field: 'supplierId' }],
  accessLinks: [{ field: 'email' }, { field: 'expiresAt' }],
  // Keyed by the SIRET itself: the primary key is the one index it needs.
  retiredSirets: [],
  // The review reads a period's contracts; a public buyer its own (all its establishments).
  publicContracts: [{ field: 'notifiedAt' }, { field: 'buyerSiren' }],
  spendAnalyses: [{ field: 'organisationId' }],
  accountEvents: [{ field: 'organisationId' }],
};

/**
 * Compound indexes for the keyset orders of api/store/filters.ts (DIRECTORY_ORDER, NEEDS_ORDER and
 * AWAITING_ORDER, INTRODUCTIONS_ORDER), so that MongoDB walks a page in order instead of sorting
 * in memory; read backwards for the newest-first orders. MongoDB only: nedb sorts in memory anyway.
 */
export const KEYSET_INDEXES: Readonly<Record<CollectionName, readonly (readonly string[])[]>> = {
  users: [],
  organisations: [],
  suppliers: [['sortKey', 'id']],
  needs: [['createdAt', 'id']],
  shortlists: [['createdAt', 'id']],
  outbox: [],
  outcomes: [],
  responses: [],
  accessLinks: [],
  retiredSirets: [],
  publicContracts: [],
  spendAnalyses: [],
  accountEvents: [],
};

/**
 * The collections other instances poll by updatedAt (the matcher index's refresh): on MongoDB
 * their inserts too get the server's clock, not the writer's. Updates get it in every collection.
 */
export const POLLED_BY_UPDATED_AT: ReadonlySet<CollectionName> = new Set<CollectionName>(['suppliers']);

export type Row = Record<string, unknown> & { _id: string };

export const toRow = (doc: StoredDocument): Row => ({ ...doc, _id: doc.id });

/** The document a stored row holds, completed by its collection's normaliser (./normalise.ts). */
export function fromRow<T extends StoredDocument>(name: CollectionName, row: Record<string, unknown>): T {
  const { _id, __v, ...doc } = row;
  NORMALISERS[name](doc); // indexed by every CollectionName: a collection without one does not compile
  return doc as unknown as T;
}

/**
 * The `$set` of an update: the given fields (undefined ones dropped, the identity and creation
 * date never rewritten) and a fresh updatedAt.
 */
export function fieldsToSet(patch: object): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined && key !== 'id' && key !== '_id' && key !== 'createdAt') set[key] = value;
  }
  set.updatedAt = new Date();
  return set;
}
