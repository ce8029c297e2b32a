// The potential is public and asked as people type (debounced): a person never comes near this,
// a script looping over the matcher does.
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { addressKey, consumeOrRefuse } from '../auth/throttle';

export const POTENTIAL_ASKS_PER_MINUTE = 120;

export interface PotentialThrottle {
  /** Asks from one client address (IPv6: per /64). */
  readonly perClient: RateLimiterMemory;
}

export const createPotentialThrottle = (): PotentialThrottle => ({ perClient: new RateLimiterMemory({ points: POTENTIAL_ASKS_PER_MINUTE, duration: 60 }) });

/** Counts one ask; past the limit, TOO_MANY_REQUESTS with the seconds to wait. */
export const countPotentialAsk = (throttle: PotentialThrottle, clientAddress: string): Promise<void> => consumeOrRefuse(throttle.perClient, addressKey(clientAddress));
