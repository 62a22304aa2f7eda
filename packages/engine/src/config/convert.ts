/**
 * Converting a JSON value to a type constraint, with Terraform's conversions: a number or bool
 * where a string is wanted becomes its text, `"45"` becomes 45 where a number is wanted, `"true"`
 * becomes true where a bool is wanted. Used for variable values and literal resource arguments.
 */
import { containsUnknown, formatJsonPath, isUnknown, type JsonValue, type Value } from '../expressions/index.js';
import { isTemplate, showValue } from './internal/json-shape.js';
import { formatTypeConstraint, type TypeConstraint } from './type-constraint.js';

/** One problem found while converting, at `path` inside the value. */
export interface ConversionProblem {
  readonly path: readonly (string | number)[];
  /** `type`: wrong kind of value; `unsupported`: an object attribute the type does not have; `missing`: a required one left out. */
  readonly kind: 'type' | 'unsupported' | 'missing';
  /** Says what was expected and what was given: `must be a number (got "abc")`. */
  readonly message: string;
  /** For `unsupported` and `missing`: the attribute's name; for `unsupported`, also the ones that exist. */
  readonly attribute?: string;
  readonly known?: readonly string[];
}

/** How to convert. */
export interface ConversionOptions {
  /**
   * `drop` (variables: Terraform drops attributes an object type does not declare) or `error`
   * (resource arguments: an unknown nested argument is a mistake).
   */
  readonly extraAttributes: 'drop' | 'error';
  /**
   * Treat strings holding `${…}` as values known later: accepted anywhere, left unconverted. (An
   * evaluated {@link Value}'s unknowns are always treated so.)
   */
  readonly templatesAreUnknown: boolean;
}

const numberPattern = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Converts `value` to `type`. Every problem is collected; `value` is the converted value as far as
 * it could be converted. Unknown values (and, with `templatesAreUnknown`, `${…}` strings) are
 * accepted where any type is expected and left as they are.
 *
 * @example
 * convertValue(['a', 7], { kind: 'list', element: { kind: 'string' } }, options);
 * // { value: ['a', '7'], problems: [] }
 * convertValue('abc', { kind: 'number' }, options);
 * // { value: 'abc', problems: [{ path: [], kind: 'type', message: 'must be a number (got "abc")' }] }
 */
export function convertValue(value: JsonValue, type: TypeConstraint, options: ConversionOptions): { value: JsonValue; problems: ConversionProblem[] };
export function convertValue(value: Value, type: TypeConstraint, options: ConversionOptions): { value: Value; problems: ConversionProblem[] };
export function convertValue(value: Value, type: TypeConstraint, options: ConversionOptions): { value: Value; problems: ConversionProblem[] } {
  const problems: ConversionProblem[] = [];
  const convert = (current: Value, expected: TypeConstraint, path: readonly (string | number)[]): Value => {
    if (current === null || expected.kind === 'any' || isUnknown(current)) return current;
    if (options.templatesAreUnknown && typeof current === 'string' && isTemplate(current)) return current;
    const wrong = (what: string): Value => {
      problems.push({ path, kind: 'type', message: `must be ${what} (got ${showKnown(current)})` });
      return current;
    };
    switch (expected.kind) {
      case 'string':
        if (typeof current === 'string') return current;
        if (typeof current === 'number' || typeof current === 'boolean') return String(current);
        return wrong('a string');
      case 'number':
        if (typeof current === 'number') return current;
        if (typeof current === 'string' && numberPattern.test(current.trim())) return Number(current.trim());
        return wrong('a number');
      case 'bool':
        if (typeof current === 'boolean') return current;
        if (current === 'true' || current === 'false') return current === 'true';
        return wrong('true or false');
      case 'list':
      case 'set': {
        if (!Array.isArray(current)) return wrong(`a list (${formatTypeConstraint(expected)})`);
        const items = (current as readonly Value[]).map((item, index) => convert(item, expected.element, [...path, index]));
        return expected.kind === 'set' ? toSet(items) : items;
      }
      case 'tuple': {
        const items = current as readonly Value[];
        if (!Array.isArray(current) || items.length !== expected.elements.length) return wrong(`a list of ${expected.elements.length} elements (${formatTypeConstraint(expected)})`);
        return items.map((item, index) => convert(item, expected.elements[index] ?? { kind: 'any' }, [...path, index]));
      }
      case 'map': {
        if (!isObject(current)) return wrong(`a map (${formatTypeConstraint(expected)})`);
        const out: Record<string, Value> = {};
        for (const [key, item] of Object.entries(current)) define(out, key, convert(item, expected.element, [...path, key]));
        return out;
      }
      case 'object': {
        if (!isObject(current)) return wrong(`an object (${formatTypeConstraint(expected)})`);
        if (options.templatesAreUnknown && Object.keys(current).some(isTemplate)) return current;
        const out: Record<string, Value> = {};
        const known = Object.keys(expected.attributes);
        for (const [key, item] of Object.entries(current)) {
          const attribute = Object.hasOwn(expected.attributes, key) ? expected.attributes[key] : undefined;
          if (attribute === undefined) {
            if (options.extraAttributes === 'error' && key !== '//') problems.push({ path: [...path, key], kind: 'unsupported', attribute: key, known, message: `is not an attribute of ${formatTypeConstraint(expected)}` });
            continue;
          }
          define(out, key, convert(item, attribute.type, [...path, key]));
        }
        for (const [key, attribute] of Object.entries(expected.attributes)) {
          if (Object.hasOwn(out, key)) continue;
          if (!attribute.optional) problems.push({ path: [...path, key], kind: 'missing', attribute: key, message: `is required in ${path.length === 0 ? 'the value' : formatJsonPath(path)}` });
          else define(out, key, attribute.default ?? null);
        }
        return out;
      }
    }
  };
  return { value: convert(value, type, []), problems };
}

/** A set's elements: duplicates removed, strings and numbers in Terraform's (lexical) order. */
function toSet(items: readonly Value[]): Value[] {
  // With an unknown element, duplicates cannot be told apart yet.
  if (items.some(containsUnknown)) return [...items];
  const seen = new Set<string>();
  const unique = items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.every((item): item is string => typeof item === 'string')) return unique.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (unique.every((item): item is number => typeof item === 'number')) return unique.sort((a, b) => a - b);
  return unique;
}

function isObject(value: Value): value is { readonly [key: string]: Value } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value);
}

/** A known value as messages show it; unknown parts (which never fail a conversion) shown as such. */
function showKnown(value: Value): string {
  try {
    return showValue(value as JsonValue);
  } catch {
    return 'a value containing unknowns';
  }
}

function define(object: Record<string, Value>, key: string, value: Value): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}
