// The services a request can reach, built once at start and passed down through the GraphQL context.
import type { LinkSigner } from './links';
import type { AccessLinks } from './accounts';
import type { AnonymousPosting } from './needs';
import type { LoginThrottle } from './auth/throttle';
import type { TokenService } from './auth/tokens';
import type { Config } from './config';
import type { MatchingService } from './directory';
import type { ImportJobs } from './import-jobs';
import type { OutboxWorker } from './mail';
import type { PotentialThrottle } from './purchasing';
import type { Store } from './store/types';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';

export interface Services {
  readonly config: Config;
  readonly store: Store;
  readonly tokens: TokenService;
  readonly matching: MatchingService;
  /** Delivers the introduction mails; kick() after queueing some. */
  readonly outbox: OutboxWorker;
  readonly loginThrottle: LoginThrottle;
  /** Signs and checks the links in mails (answers from structures). */
  readonly links: LinkSigner;
  /** PUBLIC_URL, or http://localhost:<port bound>: every link in a mail starts with it. */
  readonly publicUrl: string;
  /** Mails one-time sign-in links (requestAccessLink), rate limited per address and per client. */
  readonly accessLinks: AccessLinks;
  /** Rate limits of needs posted without an account, per client and per contact address. */
  readonly anonymousPosting: AnonymousPosting;
  /** The console's imports, run inside the service one at a time. */
  readonly imports: ImportJobs;
  /** Rate limit of the public inclusivePotential, per client. */
  readonly potentialThrottle: PotentialThrottle;
  /** Rate limit of a structure's user's new contact addresses (whether one is taken is told). */
  readonly contactChanges: RateLimiterAbstract;
}
