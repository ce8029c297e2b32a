// The clock a test server goes by: the system's, until the test moves it ahead. It never goes back,
// so what the service stamps with the system clock is never in its future; what it schedules by
// this clock (follow-ups, retries, link expiry, sweeps) becomes due when the test says so.
import type { Clock } from '../../api/kernel';

export class TestClock implements Clock {
  private aheadMs = 0;

  now(): Date {
    return new Date(Date.now() + this.aheadMs);
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error('a test clock does not go back');
    this.aheadMs += ms;
  }

  /** Moves the clock to `at`, unless it is already past it. */
  advanceTo(at: Date | number): void {
    this.advance(Math.max(0, new Date(at).getTime() - this.now().getTime()));
  }
}
