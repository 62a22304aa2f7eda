/**
 * The functions CDKTF emits most. Anything else is an `unsupported` error naming the function
 * and listing these, so a user knows at once what to change.
 */
import { formatValues } from './format.js';
import { toStringArg, toWholeNumberArg, type Fail } from './internal/convert.js';
import { canonicalKey, compareCodePoints, describeType, isObjectValue, ownEntry, putEntry } from './internal/values.js';
import { containsUnknown, isUnknown, unknown } from './unknown.js';
import type { ObjectValue, Value } from './value.js';

interface FunctionDefinition {
  /** How the function is called, for arity messages. */
  readonly signature: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  /**
   * Argument positions that may be unknown without making the result unknown. Only `lookup`'s
   * default: an unused default does not matter.
   */
  readonly unknownAllowedAt?: readonly number[];
  readonly run: (args: readonly Value[], fail: Fail) => Value;
}

const definitions: Readonly<Record<string, FunctionDefinition>> = {
  concat: { signature: 'concat(list, ...)', minArgs: 0, maxArgs: Infinity, run: concat },
  element: { signature: 'element(list, index)', minArgs: 2, maxArgs: 2, run: element },
  format: { signature: 'format(spec, values...)', minArgs: 1, maxArgs: Infinity, run: ([spec, ...values], fail) => formatValues(toStringArg(spec as Value, 'the format string', fail), values, fail) },
  join: { signature: 'join(separator, list, ...)', minArgs: 2, maxArgs: Infinity, run: join },
  length: { signature: 'length(value)', minArgs: 1, maxArgs: 1, run: ([value], fail) => length(value as Value, fail) },
  lookup: { signature: 'lookup(map, key, default?)', minArgs: 2, maxArgs: 3, unknownAllowedAt: [2], run: lookup },
  merge: { signature: 'merge(map, ...)', minArgs: 0, maxArgs: Infinity, run: merge },
  tolist: { signature: 'tolist(value)', minArgs: 1, maxArgs: 1, run: ([value], fail) => toList(value as Value, fail) },
  tomap: { signature: 'tomap(value)', minArgs: 1, maxArgs: 1, run: ([value], fail) => toMap(value as Value, fail) },
  toset: { signature: 'toset(value)', minArgs: 1, maxArgs: 1, run: ([value], fail) => toSet(value as Value, fail) },
};

/** Names of the supported functions, sorted. */
export const supportedFunctions: readonly string[] = Object.keys(definitions).sort();

/** True when `name` is one of {@link supportedFunctions}. */
export function isSupportedFunction(name: string): boolean {
  return Object.hasOwn(definitions, name);
}

/** The message for a call to a function this engine does not have. */
export function unsupportedFunctionReason(name: string): string {
  return `Function ${JSON.stringify(name)} is not supported; the supported functions are ${supportedFunctions.join(', ')}`;
}

/** The arity message for `name` called with `count` arguments, or `undefined` when the count is right. */
export function arityProblem(name: string, count: number): string | undefined {
  const definition = definitions[name];
  if (definition === undefined || (count >= definition.minArgs && count <= definition.maxArgs)) return undefined;
  const expected =
    definition.maxArgs === Infinity ? `at least ${definition.minArgs}` : definition.minArgs === definition.maxArgs ? `${definition.minArgs}` : `${definition.minArgs} or ${definition.maxArgs}`;
  return `${name}() takes ${expected} argument${expected === '1' ? '' : 's'} (${definition.signature}), got ${count}`;
}

/** One call: the function, its evaluated arguments, and how to report a problem. */
export interface FunctionCall {
  readonly name: string;
  readonly args: readonly Value[];
  /** Throws the caller's error (with position and text) for this reason. */
  readonly fail: Fail;
}

/**
 * Calls a supported function. An unknown argument makes the result unknown, except where
 * {@link FunctionDefinition.unknownAllowedAt} says otherwise; unknowns inside lists and maps are
 * the function's business (see `unknown.ts`).
 */
export function callFunction(call: FunctionCall): Value {
  const definition = definitions[call.name];
  if (definition === undefined) return call.fail(unsupportedFunctionReason(call.name));
  const arity = arityProblem(call.name, call.args.length);
  if (arity !== undefined) return call.fail(arity);
  if (call.args.some((arg, index) => isUnknown(arg) && !definition.unknownAllowedAt?.includes(index))) return unknown;
  return definition.run(call.args, (reason) => call.fail(`${call.name}(): ${reason}`));
}

function concat(lists: readonly Value[], fail: Fail): Value {
  const out: Value[] = [];
  lists.forEach((list, index) => {
    if (!Array.isArray(list)) fail(`argument ${index + 1} must be a list, got ${describeType(list)}`);
    out.push(...(list as readonly Value[]));
  });
  return out;
}

/** Terraform's `element` wraps around: index 5 of a 3-element list is element 2. */
function element([list, index]: readonly Value[], fail: Fail): Value {
  if (!Array.isArray(list)) return fail(`the first argument must be a list, got ${describeType(list as Value)}`);
  const items = list as readonly Value[];
  const position = toWholeNumberArg(index as Value, 'the index', fail);
  if (position < 0) fail(`the index must not be negative, got ${position}`);
  if (items.length === 0) fail('cannot take an element of an empty list');
  return items[position % items.length] as Value;
}

function join([separator, ...lists]: readonly Value[], fail: Fail): Value {
  const glue = toStringArg(separator as Value, 'the separator', fail);
  const parts: string[] = [];
  for (const [listIndex, list] of lists.entries()) {
    if (!Array.isArray(list)) return fail(`argument ${listIndex + 2} must be a list, got ${describeType(list)}`);
    for (const [itemIndex, item] of (list as readonly Value[]).entries()) {
      if (isUnknown(item)) return unknown;
      if (item === null) return fail(`element ${itemIndex} of the list is null; join() needs strings`);
      parts.push(toStringArg(item, `element ${itemIndex} of the list`, fail));
    }
  }
  return parts.join(glue);
}

let graphemes: Intl.Segmenter | undefined;

/** Lengths of strings count characters as users see them (grapheme clusters), as Terraform does. */
function length(value: Value, fail: Fail): Value {
  if (typeof value === 'string') {
    graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    let count = 0;
    for (const _ of graphemes.segment(value)) count += 1;
    return count;
  }
  if (Array.isArray(value)) return value.length;
  if (isObjectValue(value)) return Object.keys(value).length;
  return fail(`needs a string, list or map, got ${describeType(value)}`);
}

function lookup([map, key, fallback]: readonly Value[], fail: Fail): Value {
  if (!isObjectValue(map as Value)) {
    return fail(`the first argument must be a map, got ${describeType(map as Value)}${Array.isArray(map) ? '; for a list use element() or an index' : ''}`);
  }
  const name = toStringArg(key as Value, 'the key', fail);
  const found = ownEntry(map as ObjectValue, name);
  if (found !== undefined) return found;
  if (fallback !== undefined) return fallback;
  return fail(`the map has no key ${JSON.stringify(name)} and no default was given; pass one as the third argument`);
}

/** Later maps win; `null` arguments are skipped, as in Terraform. */
function merge(maps: readonly Value[], fail: Fail): Value {
  const out: Record<string, Value> = {};
  maps.forEach((map, index) => {
    if (map === null) return;
    if (!isObjectValue(map)) fail(`argument ${index + 1} must be a map, got ${describeType(map)}`);
    for (const [key, item] of Object.entries(map)) putEntry(out, key, item);
  });
  return out;
}

function toList(value: Value, fail: Fail): Value {
  if (value === null) return null;
  if (!Array.isArray(value)) return fail(`cannot convert ${describeType(value)} to a list`);
  return unifyElements(value as readonly Value[], fail);
}

function toMap(value: Value, fail: Fail): Value {
  if (value === null) return null;
  if (!isObjectValue(value)) return fail(`cannot convert ${describeType(value)} to a map`);
  const keys = Object.keys(value);
  const unified = unifyElements(Object.values(value), fail);
  const out: Record<string, Value> = {};
  keys.forEach((key, index) => putEntry(out, key, unified[index] as Value));
  return out;
}

/**
 * A set: duplicates removed and ordered as Terraform orders sets (strings by code point,
 * numbers ascending, `false` before `true`). Sets of lists or maps keep first-seen order
 * (Terraform's is by hash, which nobody can rely on). A set with an unknown element is unknown:
 * it could be a duplicate.
 */
function toSet(value: Value, fail: Fail): Value {
  if (value === null) return null;
  if (!Array.isArray(value)) return fail(`cannot convert ${describeType(value)} to a set`);
  const items = value as readonly Value[];
  if (items.some(containsUnknown)) return unknown;
  const nullAt = items.indexOf(null);
  if (nullAt !== -1) fail(`element ${nullAt} is null; a set cannot contain null`);
  const seen = new Set<string>();
  const unique = unifyElements(items, fail).filter((item) => {
    const key = canonicalKey(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const first = unique[0];
  if (typeof first === 'string') return (unique as string[]).sort(compareCodePoints);
  if (typeof first === 'number') return (unique as number[]).sort((a, b) => a - b);
  if (typeof first === 'boolean') return (unique as boolean[]).sort((a, b) => Number(a) - Number(b));
  return unique;
}

/**
 * Terraform's element type unification for `tolist`/`toset`/`tomap`: when strings are mixed
 * with numbers or bools, everything becomes a string; numbers with bools, or primitives with
 * lists/maps, have no common type. Nulls and unknowns fit any type.
 */
function unifyElements(items: readonly Value[], fail: Fail): Value[] {
  const kinds = new Set<string>();
  for (const item of items) {
    if (item === null || isUnknown(item)) continue;
    kinds.add(typeof item === 'object' ? 'collection' : typeof item);
  }
  if (kinds.size <= 1) return [...items];
  if (kinds.has('collection') || !kinds.has('string')) {
    return fail(`all elements must have one type, but there are ${[...kinds].map((kind) => (kind === 'collection' ? 'lists/maps' : kind === 'boolean' ? 'bools' : `${kind}s`)).join(' and ')}`);
  }
  return items.map((item) => (typeof item === 'number' || typeof item === 'boolean' ? toStringArg(item, 'an element', fail) : item));
}
