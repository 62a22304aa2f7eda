/**
 * How a run of the reliability suites is configured: one seed for every suite (fixed, so CI runs
 * the same trials each time; `LIFEBOAT_SEED` replays or varies them, `LIFEBOAT_SEED=random` picks
 * a fresh one) and the trial counts of the CI or the long mode (`LIFEBOAT_RELIABILITY_LONG=1`,
 * or `npm run test:reliability -- --long`).
 */

/** The seed CI uses. */
export const defaultSeed = 20_251_121;

function seedFromEnvironment(value: string | undefined): number {
  if (value === undefined || value === '') return defaultSeed;
  if (value === 'random') return Math.floor(Math.random() * 2 ** 32);
  const seed = Number(value);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new Error(`LIFEBOAT_SEED must be an integer from 0 to 4294967295, or "random" (got ${JSON.stringify(value)}).`);
  }
  return seed;
}

/** The seed of this run; every suite derives its own stream from it and prints it. */
export const runSeed = seedFromEnvironment(process.env.LIFEBOAT_SEED);

/** Whether the long mode is on: many more trials, for runs outside CI. */
export const longMode = process.env.LIFEBOAT_RELIABILITY_LONG === '1';

/** The number of trials for this mode. */
export function trialCount(counts: { readonly ci: number; readonly long: number }): number {
  return longMode ? counts.long : counts.ci;
}

/** A seed of its own for each suite, so replaying one suite does not depend on the others. */
export function suiteSeed(suite: string): number {
  let hash = 7;
  for (const char of suite) hash = Math.imul(hash, 31) + char.charCodeAt(0);
  return (runSeed ^ hash) >>> 0;
}

/** How to replay a run, for titles and failure messages. */
export function replayHint(): string {
  return `seed ${runSeed}; replay with LIFEBOAT_SEED=${runSeed}${longMode ? ' LIFEBOAT_RELIABILITY_LONG=1' : ''}`;
}

/** mulberry32: tiny, fast and good enough to choose trials and kill points. */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() needs at least one item');
    return items[Math.floor(this.next() * items.length)] as T;
  }
}
