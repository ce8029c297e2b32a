// What the accounts' functions reach: the directory's, the tokens, and the sign-in links' mail and limits.
import type { RateLimiterMemory } from 'rate-limiter-flexible';
import type { LoginThrottle } from '../auth/throttle';
import type { TokenService } from '../auth/tokens';
import type { Config } from '../config';
import type { DirectoryDeps } from '../directory';
import type { LinkSigner } from '../links';
import type { MailTransport } from '../mail';

export interface AccessLinks {
  readonly transport: MailTransport;
  readonly perAddress: RateLimiterMemory;
  readonly perClient: RateLimiterMemory;
}

export interface AccountDeps extends DirectoryDeps {
  readonly config: Config;
  readonly tokens: TokenService;
  readonly loginThrottle: LoginThrottle;
  readonly links: LinkSigner;
  readonly publicUrl: string;
  readonly accessLinks: AccessLinks;
}
