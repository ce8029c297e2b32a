// Failed logins are counted three ways (OWASP Authentication Cheat Sheet, "Login Throttling"):
// per account and per (client address, account) pair tightly, per client address loosely, so that
// one person failing from an office behind one NAT does not lock out the whole office, while guessing
// one account's password, from one address or from many, is still stopped. Past a limit, login
// answers TOO_MANY_REQUESTS until the window ends. Counters live where every instance sees them:
// in MongoDB (collection loginThrottle, expired by a TTL index) when the store is MongoDB, so N
// instances allow 10 attempts, not N×10; in the process on the embedded engine (one process per
// DATA_DIR). Should MongoDB fail to answer, each instance counts in memory meanwhile.
// An attempt takes its points BEFORE the password is checked, so attempts sent all at once cannot
// slip past the limit while their hashes are being computed; a success gives its points back.
import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { RateLimiterMemory, RateLimiterMongo, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { tooManyRequests } from '../errors';

export interface LoginThrottle {
  /** Counts one attempt; resolves to 0 when it may proceed, else the seconds to wait. */
  attempt(email: string, clientAddress: string): Promise<number>;
  /** The attempt succeeded: the account's failures are forgotten and the address gets its point back. */
  succeeded(email: string, clientAddress: string): Promise<void>;
}

export interface LoginLimits {
  /** Failures for one account, from anywhere. */
  perAccount: number;
  /** Failures for one account from one client address. */
  perAddressAndAccount: number;
  /** Failures from one client address, whatever the accounts (an office shares one). */
  perAddress: number;
  windowSeconds: number;
}

export const DEFAULT_LOGIN_LIMITS: Readonly<LoginLimits> = Object.freeze({ perAccount: 10, perAddressAndAccount: 5, perAddress: 100, windowSeconds: 15 * 60 });

/** The collection that holds the counters on MongoDB. */
export const THROTTLE_COLLECTION = 'loginThrottle';

/**
 * `shared`: the store's sharedCounters (MongoDB's connection), or null to count in this process.
 */
export function createLoginThrottle(limits: Partial<LoginLimits> = {}, shared: { readonly storeClient: unknown } | null = null): LoginThrottle {
  const { perAccount, perAddressAndAccount, perAddress, windowSeconds } = { ...DEFAULT_LOGIN_LIMITS, ...limits };
  const limiterFor = (name: string, points: number): RateLimiterAbstract => {
    const inMemory = new RateLimiterMemory({ points, duration: windowSeconds });
    if (!shared) return inMemory;
    return new RateLimiterMongo({
      storeClient: shared.storeClient,
      tableName: THROTTLE_COLLECTION,
      keyPrefix: `login-${name}`,
      points,
      duration: windowSeconds,
      insuranceLimiter: inMemory,
    });
  };
  const counters = [
    { name: 'account', limit: perAccount, key: (email: string) => emailKey(email) },
    { name: 'pair', limit: perAddressAndAccount, key: (email: string, address: string) => `pair:${addressKey(address)}:${emailKey(email)}` },
    { name: 'address', limit: perAddress, key: (_: string, address: string) => `ip:${addressKey(address)}` },
  ].map((c) => ({ ...c, limiter: limiterFor(c.name, c.limit) }));
  const [account, pair, address] = counters as [(typeof counters)[0], (typeof counters)[0], (typeof counters)[0]];
  return {
    async attempt(email, clientAddress) {
      // consume() rejects with the counter's state once its points are spent; anything else is a real error.
      const spent = (r: unknown) => {
        if (r instanceof RateLimiterRes) return r;
        throw r;
      };
      const results = await Promise.all(
        counters.map(async (c) => ({ limit: c.limit, res: await c.limiter.consume(c.key(email, clientAddress)).catch(spent) })),
      );
      const blocked = results.filter((r) => r.res.consumedPoints > r.limit).map((r) => r.res);
      return blocked.length === 0 ? 0 : Math.max(1, Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000));
    },
    async succeeded(email, clientAddress) {
      await Promise.all([
        account.limiter.delete(account.key(email, clientAddress)),
        pair.limiter.delete(pair.key(email, clientAddress)),
        address.limiter.reward(address.key(email, clientAddress), 1),
      ]);
    },
  };
}

/** Counts one request of `key`; past the limit, TOO_MANY_REQUESTS with the seconds to wait (per-client limits of public operations). */
export async function consumeOrRefuse(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) throw res;
    throw tooManyRequests(Math.ceil((res.msBeforeNext || 60_000) / 1000));
  }
}

/**
 * Counts one mail to `address`; false once its window's mails are spent. The caller then answers as
 * usual and sends nothing: whoever names someone else's address can neither flood it nor lock its owner
 * out, and the answer never tells whether the limit was reached.
 */
export async function mayMail(limiter: RateLimiterAbstract, address: string): Promise<boolean> {
  try {
    await limiter.consume(emailKey(address));
    return true;
  } catch (res) {
    if (res instanceof RateLimiterRes) return false;
    throw res;
  }
}

/** Emails are keyed by a digest: a key's size does not depend on what a client sends. */
const emailKey = (email: string): string => `email:${createHash('sha256').update(email.trim().toLowerCase()).digest('base64url')}`;

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
