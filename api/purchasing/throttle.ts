// The potential is public and asked as people type (debounced): a person never comes near this,
// a script looping over the matcher does.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { addressKey } from '../auth/throttle';
import { tooManyRequests } from '../errors';

export const POTENTIAL_ASKS_PER_MINUTE = 120;

export interface PotentialThrottle {
  /** Asks from one client address (IPv6: per /64). */
  readonly perClient: RateLimiterMemory;
}

export const createPotentialThrottle = (): PotentialThrottle => ({ perClient: new RateLimiterMemory({ points: POTENTIAL_ASKS_PER_MINUTE, duration: 60 }) });

/** Counts one ask; past the limit, TOO_MANY_REQUESTS with the seconds to wait. */
export async function countPotentialAsk(throttle: PotentialThrottle, clientAddress: string): Promise<void> {
  const refused = await throttle.perClient.consume(addressKey(clientAddress)).then(
    () => null,
    (res: unknown) => {
      if (res instanceof RateLimiterRes) return res;
      throw res;
    },
  );
  if (refused) throw tooManyRequests(Math.ceil((refused.msBeforeNext || 60_000) / 1000));
}
