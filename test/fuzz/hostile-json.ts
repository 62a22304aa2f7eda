/**
 * A small seeded generator of hostile JSON for the HTTP fuzz test. fast-check is not installed in
 * this workspace, so this stands in for it: the same seed gives the same requests, so a failure
 * is replayed by running with `LIFEBOAT_FUZZ_SEED=<seed>`.
 */

/** Literal JSON text spliced into a body as is: `-0`, `1e999`, nesting too deep to build. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** mulberry32: tiny, fast and good enough to drive test inputs. */
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
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

const nastyStrings: readonly string[] = [
  '',
  ' ',
  '.',
  '..',
  '/',
  '../../etc/passwd',
  'a/b',
  '..\\..\\windows',
  '\u0000',
  'x\u0000y',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e308',
  '1e309',
  '0x1F',
  'true',
  'null',
  '__proto__',
  'constructor',
  '%00',
  '%2e%2e%2f',
  '\ud800',
  '\udfff\ud800',
  '🙂👨‍👩‍👧',
  'ünïcødé',
  '日本語のテキスト',
  '\u202eevil',
  '\ufeffbom',
  '\u2028\u2029',
  "' OR 1=1 --",
  '"); DROP TABLE clusters; --',
  '\n\r\t',
  'in01-0000000000000000',
  'backup0_0000000000000000',
  'job-0000000000000000',
  'proj-0000000000000000',
  '2024-02-30T25:61:61Z',
  '2024-08-26T02:27:51Z',
  'id in [1, 2',
  'id == "x" and and',
  'id in [' + '1, '.repeat(2000) + '1]',
  '((((((((((((((((((((',
];

const nastyNumbers: readonly (number | RawJson)[] = [
  0,
  1,
  -1,
  0.5,
  -1.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  new RawJson('-0'),
  new RawJson('1e999'),
  new RawJson('-1e999'),
  new RawJson('123456789012345678901234567890'),
  new RawJson('1.0000000000000000000000001'),
];

export const nastyKeys: readonly string[] = ['__proto__', 'constructor', 'prototype', '', 'a.b', 'toString', 'hasOwnProperty', '\u0000', '🙂', 'x'.repeat(300)];

function randomUnicode(r: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    const range = r.pick([
      [0x20, 0x7e],
      [0x00, 0x1f],
      [0xa0, 0x2fff],
      [0x4e00, 0x9fff],
      [0xd800, 0xdfff],
      [0x1f300, 0x1faff],
    ] as const);
    text += String.fromCodePoint(r.int(range[0], range[1]));
  }
  return text;
}

export function randomString(r: Random): string {
  switch (r.int(0, 5)) {
    case 0:
      return randomUnicode(r, r.int(1, 40));
    case 1:
      return r.pick(['x', '/', '.', '🙂', 'é']).repeat(r.pick([10_000, 70_000, 200_000]));
    case 2:
      return `${r.pick(nastyStrings)}${r.pick(nastyStrings)}`;
    default:
      return r.pick(nastyStrings);
  }
}

export function randomNumber(r: Random): number | RawJson {
  return r.chance(0.7) ? r.pick(nastyNumbers) : r.int(-1_000_000, 1_000_000);
}

/** Any JSON value, possibly nested, huge or deep. */
export function randomJson(r: Random, depth = 0): unknown {
  const roll = r.int(0, depth > 3 ? 5 : 9);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
    case 3:
      return randomNumber(r);
    case 4:
    case 5:
      return randomString(r);
    case 6:
      return Array.from({ length: r.int(0, 4) }, () => randomJson(r, depth + 1));
    case 7:
    case 8: {
      const out: Record<string, unknown> = {};
      for (let i = r.int(0, 4); i > 0; i--) out[r.chance(0.3) ? r.pick(nastyKeys) : randomString(r).slice(0, 40)] = randomJson(r, depth + 1);
      return out;
    }
    default:
      return deeplyNested(r);
  }
}

/** Thousands of levels of objects or arrays: written as text, since building it would be slow. */
export function deeplyNested(r: Random): RawJson {
  const levels = r.pick([500, 5_000, 50_000]);
  return r.chance(0.5) ? new RawJson(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`) : new RawJson(`${'['.repeat(levels)}${']'.repeat(levels)}`);
}

/** JSON text of a value that may contain `RawJson` pieces. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
