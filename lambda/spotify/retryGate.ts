import type { RateLimited } from './errors';

/**
 * Shared by every call of one Alexa request. Spotify's rate limit is the app's, not a call's:
 * once one call is told to come back after `Retry-After`, no call of the request (the other
 * pages of a walk, the device list) goes out before then; and once a wait does not fit the
 * request's budget, none goes out at all.
 */
export class RetryGate {
  private pause: Promise<void> | undefined;
  private pauseEndsAt = 0;
  private refusal: RateLimited | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /** Resolves when no pause is pending; rejects with the 429 that could not be waited out. */
  async passage(): Promise<void> {
    while (this.pause !== undefined && this.refusal === undefined) await this.pause;
    if (this.refusal !== undefined) throw this.refusal;
  }

  /** Holds every call back for `waitMs`, unless a longer pause is already pending. */
  hold(waitMs: number, sleep: (ms: number) => Promise<void>): void {
    const endsAt = this.now() + waitMs;
    if (this.pause !== undefined && endsAt <= this.pauseEndsAt) return;
    this.pauseEndsAt = endsAt;
    const pause: Promise<void> = sleep(waitMs).then(() => {
      if (this.pause === pause) this.pause = undefined;
    });
    this.pause = pause;
  }

  /** Spotify asked for a wait longer than the request has: every later call fails with `error`. */
  refuse(error: RateLimited): void {
    this.refusal ??= error;
  }
}
