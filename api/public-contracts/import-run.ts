// One DECP import run, with the directory imports' rules (../directory/imports/run.ts): each contract
// is written in one single-document operation, so a run killed at any point leaves whole contracts
// only and running it again finishes the work; a dry run writes nothing. A contract is keyed by
// its buyer's SIRET and its number: published twice (in one file or several, a run or the next),
// it is stored once.
import { DuplicateKeyError, type PublicContractRecord, type Store } from '../store/types';
import type { FeedControl, ReadPosition, ImportCounts, Refusal } from '../directory/imports';
import { readDecp, type ContractLine, type DecpOptions } from './decp';

export interface ContractImportCounts extends ImportCounts {
  /** Contracts met again in the same run (a republication): counted once. */
  duplicates: number;
}

export const contractKey = (buyerSiret: string, contractId: string): string => `${buyerSiret}-${contractId}`;

type Fields = Omit<PublicContractRecord, 'id' | 'createdAt' | 'updatedAt'>;

const fieldsOf = ({ file: _file, line: _line, ...c }: ContractLine): Fields => ({ ...c, buyerSiren: c.buyerSiret.slice(0, 9) });

const FIELDS: readonly (keyof Fields)[] = [
  'contractId', 'buyerSiret', 'buyerSiren', 'object', 'cpvCode', 'amount', 'notifiedAt', 'placeCode', 'placeType', 'socialClause', 'socialCriterion', 'reserved', 'holders',
];
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export class ContractImportRun {
  readonly counts: ContractImportCounts = { created: 0, updated: 0, unchanged: 0, refused: 0, ignored: 0, duplicates: 0 };
  readonly refusals: Refusal[] = [];
  readonly ignoredReasons = new Map<string, number>();
  private readonly seen = new Set<string>();

  private constructor(
    private readonly store: Store,
    readonly dryRun: boolean,
    private readonly at: Date,
    private readonly stored: Map<string, PublicContractRecord>,
  ) {}

  /** Reads the stored contracts once (a territory's are thousands, not millions). */
  static async open(store: Store, options: { dryRun: boolean; at?: Date }): Promise<ContractImportRun> {
    const stored = new Map((await store.publicContracts.all()).map((c) => [c.id, c]));
    return new ContractImportRun(store, options.dryRun, options.at ?? new Date(), stored);
  }

  refuse(file: string, line: number, reason: string): void {
    this.counts.refused += 1;
    this.refusals.push({ file, line, siret: '', name: '', reason });
  }

  ignore(reason: string): void {
    this.counts.ignored += 1;
    this.ignoredReasons.set(reason, (this.ignoredReasons.get(reason) ?? 0) + 1);
  }

  async apply(c: ContractLine): Promise<void> {
    const id = contractKey(c.buyerSiret, c.contractId);
    if (this.seen.has(id)) {
      this.counts.duplicates += 1;
      return;
    }
    this.seen.add(id);
    const fields = fieldsOf(c);
    const existing = this.stored.get(id);
    if (existing && FIELDS.every((f) => same(existing[f], fields[f]))) {
      this.counts.unchanged += 1;
      return;
    }
    if (!this.dryRun) {
      if (existing) await this.store.publicContracts.update(id, fields);
      else {
        try {
          await this.store.publicContracts.insert({ id, ...fields, createdAt: this.at, updatedAt: this.at });
        } catch (err) {
          // Only another process writing the same contract at once (MongoDB) gets here.
          if (!(err instanceof DuplicateKeyError)) throw err;
          this.refuse(c.file, c.line, `marché ${c.contractId} enregistré entre-temps par un autre processus : relancez l’import.`);
          return;
        }
      }
    }
    this.counts[existing ? 'updated' : 'created'] += 1;
  }
}

const YIELD_EVERY = 256;

/** The directory imports' loop (../directory/imports/feed.ts) for contracts: true when it went to the end, false when stopped. */
export async function feedContracts(run: ContractImportRun, files: readonly string[], options: DecpOptions, position: ReadPosition, control: FeedControl): Promise<boolean> {
  let lines = 0;
  for (const item of readDecp(files, options, position)) {
    lines += 1;
    if (item.kind === 'broken') run.refuse(item.file, item.line, item.reason);
    else if (item.kind === 'ignored') run.ignore(item.reason);
    else await run.apply(item.contract);
    control.progress?.(position, lines);
    if (control.stopped()) return false;
    if (lines % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return true;
}
