/**
 * Token buckets per API key and endpoint: `perSecond` requests a second with bursts of the same
 * size. Past it a caller is told how long to wait (Retry-After), so well-behaved clients back off
 * instead of hammering.
 */
export class RateLimiter {
  readonly #perSecond: number;
  readonly #buckets = new Map<string, { tokens: number; updated: number }>();

  constructor(perSecond: number) {
    this.#perSecond = perSecond;
  }

  /** Takes a token; returns 0 when allowed, else the seconds to wait. */
  take(key: string, now: number): number {
    if (!Number.isFinite(this.#perSecond)) return 0;
    const bucket = this.#buckets.get(key) ?? { tokens: this.#perSecond, updated: now };
    const refilled = Math.min(this.#perSecond, bucket.tokens + ((now - bucket.updated) / 1000) * this.#perSecond);
    if (refilled >= 1) {
      this.#buckets.set(key, { tokens: refilled - 1, updated: now });
      return 0;
    }
    this.#buckets.set(key, { tokens: refilled, updated: now });
    return Math.max(1, Math.ceil((1 - refilled) / this.#perSecond));
  }
}
