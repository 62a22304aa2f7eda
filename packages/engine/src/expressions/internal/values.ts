/**
 * Small helpers over {@link Value}: type tests, safe object building, equality, number text.
 * Objects come from user JSON, so keys such as `__proto__` or `constructor` are ordinary keys:
 * reads go through `Object.hasOwn` and writes through `defineProperty`.
 */
import { isUnknown } from '../unknown.js';
import type { ObjectValue, Value } from '../value.js';

/** True for a map/object value (not a list, not null, not unknown). */
export function isObjectValue(value: Value): value is ObjectValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value);
}

/** True for a list/tuple/set value. */
export function isListValue(value: Value): value is readonly Value[] {
  return Array.isArray(value);
}

/** The value's own entry `key`, or `undefined` when there is none (never an inherited one). */
export function ownEntry(object: ObjectValue, key: string): Value | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Sets `object[key]` as an own data property, even for `__proto__`. */
export function putEntry(object: Record<string, Value>, key: string, value: Value): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A name for the value's type, as messages use it: `a string`, `a list`, `null`. */
export function describeType(value: Value): string {
  if (value === null) return 'null';
  if (isUnknown(value)) return 'an unknown value';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a bool';
    default:
      return 'a map';
  }
}

/** Structural equality of known values; `==` treats an unknown anywhere as unknown before calling this. */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = a as readonly Value[];
    const right = b as readonly Value[];
    return left.length === right.length && left.every((item, index) => valuesEqual(item, right[index] as Value));
  }
  if (isObjectValue(a) && isObjectValue(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && valuesEqual(a[key] as Value, b[key] as Value));
  }
  return false;
}

/** A string that is equal for equal values (keys sorted), to deduplicate complex set elements. */
export function canonicalKey(value: Value): string {
  if (Array.isArray(value)) return `[${(value as readonly Value[]).map(canonicalKey).join(',')}]`;
  if (isObjectValue(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalKey(value[key] as Value)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A number as Terraform writes it in a string: plain decimal, never exponent notation
 * (`1e21` → `1000000000000000000000`, `1e-7` → `0.0000001`), `-0` as `0`.
 */
export function numberToString(value: number): string {
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign = '', lead = '', fraction = '', exponentText = '0'] = match;
  const digits = lead + fraction;
  const pointAt = 1 + Number(exponentText);
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${'0'.repeat(pointAt - digits.length)}`;
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/** Orders strings by Unicode code point, as Terraform (Go, comparing UTF-8 bytes) does. */
export function compareCodePoints(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done === true || y.done === true) return x.done === y.done ? 0 : x.done === true ? -1 : 1;
    const difference = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
}
