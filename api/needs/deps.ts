// What the needs' functions reach: the directory's, plus the mail queue and the anonymous posts' limits.
import type { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Config } from '../config';
import type { DirectoryDeps } from '../directory';
import type { LinkSigner } from '../links';
import type { OutboxWorker } from '../mail';

export interface AnonymousPosting {
  /** Posts from one client address (IPv6: per /64), whatever the addresses given. */
  readonly perClient: RateLimiterMemory;
  /** Confirmation mails to one contact address, from anywhere (past it, posts are kept unmailed). */
  readonly perAddress: RateLimiterMemory;
}

export interface NeedDeps extends DirectoryDeps {
  readonly config: Config;
  /** kick() after queueing a mail. */
  readonly outbox: OutboxWorker;
  readonly links: LinkSigner;
  /** Every link in a mail starts with it. */
  readonly publicUrl: string;
  readonly anonymousPosting: AnonymousPosting;
}
