// Rows written before a field existed lack it. Every engine reads each row through its
// collection's normaliser, which gives such a field the value it has always meant for those rows,
// so that every document the store returns has its record type's whole shape and no reader has to
// know what an absent field means. Nothing is rewritten on disk: a row keeps its stored form until
// the domain updates it (and an old backup restored, or an older instance's write, reads the same).
import type { NeedRecord, OutboxRecord, OutcomeRecord, ShortlistRecord, SupplierRecord, UserRecord } from './types';

type Row = Record<string, unknown>;
/** Completes, in place, a document just read (a fresh copy of the stored row). */
export type Normaliser = (doc: Row) => void;

/** Each field's value when the row has none (a function: arrays must not be shared between rows). */
type Defaults<T> = { readonly [K in keyof T]?: (doc: T) => T[K] };

function fill<T>(defaults: Defaults<T>): Normaliser {
  const entries = Object.entries(defaults) as [string, (doc: T) => unknown][];
  return (doc) => {
    for (const [field, value] of entries) if (doc[field] === undefined) doc[field] = value(doc as T);
  };
}

const none: Normaliser = () => {};

/** Both steps, in order. */
const both =
  (first: Normaliser, second: Normaliser): Normaliser =>
  (doc) => {
    first(doc);
    second(doc);
  };

/**
 * A profile's provenance entries made one object per origin and instant, in place: a profile written
 * at once gives each of its fields an equal entry, a dozen objects (and dates) that the process
 * keeps for every structure of the directory, a quarter of a large directory's objects, which every
 * full garbage collection walks. Entries are never modified in place (a change writes new ones).
 */
function shareProvenance(doc: Row): void {
  const provenance = doc.provenance as Record<string, { origin?: unknown; at?: unknown }> | undefined;
  if (!provenance || typeof provenance !== 'object' || Object.isFrozen(provenance)) return; // an import's, shared already
  const kept: { origin: unknown; time: number; entry: { origin?: unknown; at?: unknown } }[] = [];
  for (const field of Object.keys(provenance)) {
    const entry = provenance[field];
    if (!entry || !(entry.at instanceof Date)) continue;
    const time = entry.at.getTime();
    const same = kept.find((k) => k.origin === entry.origin && k.time === time);
    if (same) provenance[field] = same.entry;
    else kept.push({ origin: entry.origin, time, entry });
  }
}

/**
 * What an engine that keeps its rows in memory (the embedded one) shares within each row it keeps:
 * nedb copies a row on every write and parses it anew at every start, so a profile's provenance
 * entries are a dozen objects again in the rows it holds, whatever the documents it was given.
 */
export const KEPT_ROW_SHARING: Readonly<Partial<Record<string, Normaliser>>> = { suppliers: shareProvenance };

/** One per collection, applied by ./collections.ts fromRow (which fails to compile if one is missing). */
export const NORMALISERS = {
  // Written before detachments existed: never detached, no session revoked.
  users: fill<UserRecord>({ detachedAt: () => null, tokenVersion: () => 0 }),
  organisations: none, // siret is absent by design on organisations that are not public buyers
  // provenance stays absent on profiles written before imports: its absence means "every filled field was edited".
  suppliers: both(
    fill<SupplierRecord>({
      pendingChanges: () => null,
      declarationReview: () => null,
      sources: () => [],
      retiredAt: () => null,
      firstSignInAt: () => null,
      completedAt: () => null,
      linkVersion: () => 0, // the links mailed before versions existed carry none, read as 0
    }),
    shareProvenance,
  ),
  needs: fill<NeedRecord>({
    requiredInclusionKinds: () => [],
    addressedTo: () => null,
    introducedAt: () => null,
    // Needs written before confirmation existed were all posted by signed-in users: confirmed at creation.
    confirmedAt: (need) => need.createdAt,
    withdrawnAt: () => null,
    withdrawalReason: () => null,
    closedAt: () => null,
    closingNote: () => null,
    endedBy: () => null,
    internalNote: () => null,
  }),
  shortlists: fill<ShortlistRecord>({ groupement: () => false, notice: () => null }),
  // Rows written before mail kinds existed are all introductions.
  outbox: fill<OutboxRecord>({ kind: () => 'INTRODUCTION', needId: () => null }),
  outcomes: fill<OutcomeRecord>({ insertionHours: () => null }),
  responses: none,
  accessLinks: none,
  retiredSirets: none,
  publicContracts: none,
  spendAnalyses: none,
  accountEvents: none,
} as const;

