// The outbox worker: delivers the mail rows of the store, one claimed row at a time.
// A row is claimed by an atomic findOneAndUpdate that sets a lease (state SENDING, owner, expiry);
// it is marked SENT only while that lease is still ours. A worker that dies mid-send leaves a
// lease that runs out, and the row is claimed again: the mail may then go twice, with the same
// Message-ID, which mail clients show once. What to send is the caller's (see DeliveryHooks).
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { systemClock, type Clock } from '../kernel';
import { claimable, leasedBy } from '../store/filters';
import type { OutboxRecord, Store } from '../store/types';
import type { MailTransport, OutgoingMail } from './transport';

export interface DeliveryHooks {
  /**
   * The mail for a row; or why there is none any more (`gone`: a permanent failure, FAILED); or why
   * it is not to be sent at all, on purpose (`skip`: DROPPED, e.g. a follow-up already answered;
   * `to` then replaces the address kept on the row, e.g. when its recipient erased their data).
   */
  compose(row: OutboxRecord): Promise<OutgoingMail | { gone: string } | { skip: string; to?: string }>;
  /** Called once a row is SENT. */
  delivered(row: OutboxRecord): Promise<void>;
  /** Finishes what a crash interrupted: at the worker's start, then every recoverEveryMs. */
  recover(): Promise<void>;
}

export interface OutboxOptions {
  pollIntervalMs: number;
  giveUpAfterMs: number;
  /** Longer than any send can take: every SMTP step is bounded in transport.ts. */
  leaseMs?: number;
  recoverEveryMs?: number;
  /** What is due, retries, leases and the give-up deadline go by it (the system clock by default). */
  clock?: Clock;
}

export interface OutboxLog {
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

/** Backoff after the n-th failed attempt: 2 s, 4 s, 8 s… capped at 5 minutes. */
export const retryDelayMs = (attempts: number): number => Math.min(2000 * 2 ** Math.max(0, attempts - 1), 5 * 60_000);

const describe = (err: unknown): string => {
  const e = err as { message?: string; response?: string };
  return String(e?.response ?? e?.message ?? err).slice(0, 1000);
};

export class OutboxWorker {
  private readonly owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly leaseMs: number;
  private readonly recoverEveryMs: number;
  private readonly clock: Clock;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private kicked = false;
  private stopped = true;
  private recoveredAt: number | null = null;

  constructor(
    private readonly store: Store,
    private readonly transport: MailTransport,
    private readonly hooks: DeliveryHooks,
    private readonly options: OutboxOptions,
    private readonly log: OutboxLog,
  ) {
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.recoverEveryMs = options.recoverEveryMs ?? 60_000;
    this.clock = options.clock ?? systemClock;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Between start() and stop(): what /readyz reports. */
  isRunning(): boolean {
    return !this.stopped;
  }

  /** Looks for due mails now rather than at the next poll (called right after an approval). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.kicked = true;
    else this.schedule(0);
  }

  /**
   * One pass now, after the one in flight (which may have looked before the caller made rows due):
   * resolves once every row due at the clock's time is settled (sent, dropped, failed or put off).
   * The recovery pass runs in it when recoverEveryMs has gone by on the clock.
   */
  async runDue(): Promise<void> {
    if (this.stopped) throw new Error("Boîte d'envoi : runDue() sur un envoi arrêté");
    while (this.running) await this.running;
    if (this.timer) clearTimeout(this.timer);
    await this.pass();
  }

  /** No new claim after this; resolves once the send in flight (if any) is marked. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    this.transport.close();
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pass(), delayMs);
  }

  private pass(): Promise<void> {
    this.timer = null;
    const running = this.drain()
      .catch((err) => this.log.error("Boîte d'envoi : passage interrompu", err))
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        const again = this.kicked;
        this.kicked = false;
        this.schedule(again ? 0 : this.options.pollIntervalMs);
      });
    this.running = running;
    return running;
  }

  private async drain(): Promise<void> {
    if (this.recoveredAt === null || this.clock.now().getTime() - this.recoveredAt >= this.recoverEveryMs) {
      await this.hooks.recover();
      this.recoveredAt = this.clock.now().getTime();
    }
    while (!this.stopped) {
      const now = this.clock.now();
      const row = await this.store.outbox.findOneAndUpdate(claimable(now), {
        state: 'SENDING',
        leaseOwner: this.owner,
        leaseUntil: new Date(now.getTime() + this.leaseMs),
      });
      if (!row) return;
      await this.deliver(row);
    }
  }

  private async deliver(row: OutboxRecord): Promise<void> {
    const started = this.clock.now();
    let failure: { error: string; permanent: boolean } | null = null;
    try {
      const mail = await this.hooks.compose(row);
      if ('skip' in mail) {
        const dropped = await this.store.outbox.findOneAndUpdate(leasedBy(row.id, this.owner), { state: 'DROPPED', lastError: mail.skip, leaseOwner: null, leaseUntil: null, ...(mail.to ? { to: mail.to } : {}) });
        // An address taken off at sending (its recipient erased its data) leaves the files too.
        if (dropped && mail.to !== undefined && mail.to !== row.to) await this.store.compact();
        return;
      }
      if ('gone' in mail) failure = { error: mail.gone, permanent: true };
      else await this.transport.send(mail);
    } catch (err) {
      failure = { error: describe(err), permanent: false };
    }
    const attempts = row.attempts + 1;
    const firstAttemptAt = row.firstAttemptAt ?? started;
    const done = { attempts, firstAttemptAt, leaseOwner: null, leaseUntil: null };
    const { outbox } = this.store;

    if (!failure) {
      const sent = await outbox.findOneAndUpdate(leasedBy(row.id, this.owner), { ...done, state: 'SENT', sentAt: this.clock.now(), lastError: null });
      if (sent) await this.hooks.delivered(sent);
      else this.log.info(`Boîte d'envoi : ${row.id} envoyé, mais un autre processus l'avait repris entre-temps.`);
      return;
    }
    const now = this.clock.now().getTime();
    const deadline = firstAttemptAt.getTime() + this.options.giveUpAfterMs;
    if (failure.permanent || now >= deadline) {
      await outbox.findOneAndUpdate(leasedBy(row.id, this.owner), { ...done, state: 'FAILED', lastError: failure.error });
      this.log.error(`Boîte d'envoi : abandon de ${row.id} après ${attempts} tentative(s) : ${failure.error}`);
      return;
    }
    // The last retry falls on the deadline itself, so a mail is given up on time, not a backoff later.
    const next = Math.min(now + retryDelayMs(attempts), deadline);
    await outbox.findOneAndUpdate(leasedBy(row.id, this.owner), { ...done, state: 'PENDING', nextAttemptAt: new Date(next), lastError: failure.error });
    this.log.info(`Boîte d'envoi : ${row.id} non envoyé (tentative ${attempts}), nouvel essai dans ${Math.round((next - now) / 1000)} s : ${failure.error}`);
  }
}
