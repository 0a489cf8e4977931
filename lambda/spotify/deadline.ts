/**
 * One deadline for everything a single Alexa request asks of Spotify. Alexa gives up after
 * 8 s, so every call and every retry is fitted into what is left of it.
 */
export class Deadline {
  private constructor(
    private readonly at: number,
    private readonly now: () => number,
  ) {}

  /** A deadline `budgetMs` from now, or sooner when `remainingMs` (the Lambda context's) says less is left. */
  static after(budgetMs: number, remainingMs?: number, now: () => number = Date.now): Deadline {
    const usable = remainingMs === undefined ? budgetMs : Math.min(budgetMs, remainingMs);
    return new Deadline(now() + Math.max(0, usable), now);
  }

  remainingMs(): number {
    return Math.max(0, this.at - this.now());
  }
}
