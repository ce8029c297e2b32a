// What the directory's functions reach: the store and the matcher's in-memory index.
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Place } from '../../matching/components/location';
import type { Match, NeedQuery } from '../../matching/types';
import type { NeedRecord, Store, SupplierRecord } from '../store/types';
import type { DirectoryIndex } from './directory-index';

export interface MatchingService {
  upsert(supplier: SupplierRecord): void;
  remove(supplierId: string): void;
  rank(need: NeedRecord, limit: number): Match[];
  /** As rank(), for a purchase described but not stored (api/purchasing: its potential before it is posted). */
  rankQuery(query: NeedQuery, limit: number): Match[];
  /** The need's sectors: its NAF codes, else those the matcher infers from its text (`inferred`). */
  sectorsOf(need: NeedRecord): { nafCodes: string[]; inferred: boolean };
  /** These structures scored for the need as rank() would score them (unknown ids left out). */
  scoreFor(need: NeedRecord, supplierIds: readonly string[]): Match[];
  /** Catches up with writes made by other instances (MongoDB deployments); api/server.ts polls it. */
  refresh(): Promise<void>;
  /** No refresh starts any more; resolves once the one in flight, if any, is over (before the store closes). */
  stop(): Promise<void>;
  readonly size: number;
  /** The public directory in memory, written with the matcher's index (same writes, same refresh). */
  readonly directory: DirectoryIndex<Place>;
}

export interface DirectoryDeps {
  readonly store: Store;
  readonly matching: MatchingService;
  /** A structure's user's tries at a new contact address (see ownableContact in ./suppliers.ts). */
  readonly contactChanges: RateLimiterAbstract;
}
