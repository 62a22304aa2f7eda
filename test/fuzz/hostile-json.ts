/**
 * Hostile JSON for the API fuzz suite, drawn through fast-check (`fc.gen()`), so a failing case
 * is replayed from its seed and shrunk towards a smaller one.
 */
import fc from 'fast-check';

/** Literal JSON text spliced into a body as is: `-0`, `1e999`, nesting too deep to build. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** The choices a generator makes; each one is a fast-check draw. */
export interface Draw {
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A float in [0, 1). */
  next(): number;
  /** Any string of code points, lone surrogates included. */
  unicode(maxLength: number): string;
}

/**
 * A `Draw` over a fast-check generator: shrinking moves each choice towards its first option.
 * Choices are drawn without fast-check's bias towards small values, which would otherwise take
 * the first option far more often than its odds; integers keep it, to reach the edges.
 */
export function drawFrom(g: fc.GeneratorValue): Draw {
  const uniform = (max: number): number => g(() => fc.noBias(fc.integer({ min: 0, max })));
  return {
    int: (min, max) => g(fc.integer, { min, max }),
    chance: (p) => uniform(999) < p * 1000,
    pick: <T>(items: readonly T[]): T => items[uniform(items.length - 1)] as T,
    next: () => uniform(2 ** 31 - 1) / 2 ** 31,
    unicode: (maxLength) => g(fc.string, { unit: 'binary', minLength: 1, maxLength }),
  };
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

export function randomString(r: Draw): string {
  switch (r.int(0, 5)) {
    case 0:
      return r.unicode(40);
    case 1:
      return r.pick(['x', '/', '.', '🙂', 'é']).repeat(r.pick([10_000, 70_000, 200_000]));
    case 2:
      return `${r.pick(nastyStrings)}${r.pick(nastyStrings)}`;
    default:
      return r.pick(nastyStrings);
  }
}

export function randomNumber(r: Draw): number | RawJson {
  return r.chance(0.7) ? r.pick(nastyNumbers) : r.int(-1_000_000, 1_000_000);
}

/** Any JSON value, possibly nested, huge or deep. */
export function randomJson(r: Draw, depth = 0): unknown {
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
export function deeplyNested(r: Draw): RawJson {
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
