// Failed logins are counted per email and per client address; past the limit, login answers
// TOO_MANY_REQUESTS until the window ends. Counters live in the process (one per instance).
import { isIPv6 } from 'node:net';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface LoginThrottle {
  /** Seconds to wait before trying again, or 0 when the attempt may proceed. */
  retryAfter(email: string, clientAddress: string): Promise<number>;
  recordFailure(email: string, clientAddress: string): Promise<void>;
  recordSuccess(email: string): Promise<void>;
}

export function createLoginThrottle(maxFailures = 10, windowSeconds = 15 * 60): LoginThrottle {
  const limiter = new RateLimiterMemory({ points: maxFailures, duration: windowSeconds });
  const keys = (email: string, clientAddress: string) => [`email:${email.trim().toLowerCase()}`, `ip:${addressKey(clientAddress)}`];
  return {
    async retryAfter(email, clientAddress) {
      const states = await Promise.all(keys(email, clientAddress).map((k) => limiter.get(k)));
      const blocked = states.filter((s): s is RateLimiterRes => s !== null && s.consumedPoints >= maxFailures);
      return blocked.length === 0 ? 0 : Math.ceil(Math.max(...blocked.map((s) => s.msBeforeNext)) / 1000);
    },
    async recordFailure(email, clientAddress) {
      // consume() rejects once the points are spent; the count is what matters here.
      await Promise.all(keys(email, clientAddress).map((k) => limiter.consume(k).catch(() => undefined)));
    },
    async recordSuccess(email) {
      await limiter.delete(keys(email, '')[0]!);
    },
  };
}

/**
 * The client a counter belongs to: an IPv4 address (IPv4-mapped IPv6 included) as it is; an IPv6
 * address by its /64 network, since one subscriber usually holds a whole /64 and could otherwise
 * rotate addresses to dodge the per-address limit.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
