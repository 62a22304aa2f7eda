/**
 * Argument conversions shared by the functions, following Terraform's automatic conversions:
 * numbers and bools become strings where a string is wanted, numeric strings become numbers.
 */
import type { Value } from '../value.js';
import { describeType, numberToString } from './values.js';

/** Reports a problem with a function's arguments; the caller adds the function name and position. */
export type Fail = (reason: string) => never;

/** `value` as a string, or a failure naming `what` (e.g. `the key`). */
export function toStringArg(value: Value, what: string, fail: Fail): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberToString(value);
  if (typeof value === 'boolean') return String(value);
  return fail(`${what} must be a string, got ${describeType(value)}`);
}

const numericString = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** `value` as a number; numeric strings such as `"2"` convert. */
export function toNumberArg(value: Value, what: string, fail: Fail): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && numericString.test(value)) return Number(value);
  return fail(`${what} must be a number, got ${typeof value === 'string' ? JSON.stringify(value) : describeType(value)}`);
}

/** `value` as a whole number. */
export function toWholeNumberArg(value: Value, what: string, fail: Fail): number {
  const number = toNumberArg(value, what, fail);
  if (!Number.isInteger(number)) fail(`${what} must be a whole number, got ${numberToString(number)}`);
  return number;
}
