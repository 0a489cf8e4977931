/**
 * Shared by every call of one Alexa request. Spotify's rate limit is the app's, not a call's:
 * once one call is told to come back after `Retry-After`, no call of the request (the other
 * pages of a walk, the device list) goes out before then.
 */
export class RetryGate {
  private pause: Promise<void> | undefined;
  private pauseEndsAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Resolves when no pause is pending. */
  async passage(): Promise<void> {
    while (this.pause !== undefined) await this.pause;
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
}
