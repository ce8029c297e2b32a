// The services a request can reach, built once at start and passed down through the GraphQL context.
import type { LoginThrottle } from './auth/throttle';
import type { TokenService } from './auth/tokens';
import type { Config } from './config';
import type { MatchingService } from './domain/matching';
import type { OutboxWorker } from './mail/outbox';
import type { Store } from './store/types';

export interface Services {
  readonly config: Config;
  readonly store: Store;
  readonly tokens: TokenService;
  readonly matching: MatchingService;
  /** Delivers the introduction mails; kick() after queueing some. */
  readonly outbox: OutboxWorker;
  readonly loginThrottle: LoginThrottle;
}
