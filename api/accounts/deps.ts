// What the accounts' functions reach: the directory's, the tokens, and the sign-in links' mail and limits.
import type { RateLimiterMemory } from 'rate-limiter-flexible';
import type { LoginThrottle } from '../auth/throttle';
import type { TokenService } from '../auth/tokens';
import type { Config } from '../config';
import type { DirectoryDeps } from '../directory';
import type { Clock } from '../kernel';
import type { LinkSigner } from '../links';
import type { MailTransport } from '../mail';

export interface AccessLinks {
  readonly transport: MailTransport;
  readonly perAddress: RateLimiterMemory;
  readonly perClient: RateLimiterMemory;
  /** A link's lifetime goes by it. */
  readonly clock: Clock;
  /** The sign-in mails asked for and not yet sent or given up (see mailsSettled). */
  readonly sending: Set<Promise<void>>;
}

export interface AccountDeps extends DirectoryDeps {
  readonly config: Config;
  readonly tokens: TokenService;
  readonly loginThrottle: LoginThrottle;
  readonly links: LinkSigner;
  readonly publicUrl: string;
  readonly accessLinks: AccessLinks;
}
