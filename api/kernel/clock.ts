// The time the service's scheduled work goes by (the outbox's due rows, retries and leases, follow-ups,
// sign-in link expiry, the sweeps): passed in, so tests move it ahead instead of waiting for it.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
