import type { ObjectValue, Value } from './value.js';

/** Shared by every copy of the package, so values made by one copy are recognised by another. */
const brand: unique symbol = Symbol.for('@lifeboat/engine.unknown');

/**
 * A value that is only known after apply, such as the id of a backup the plan will create.
 *
 * Propagation rules (Terraform's):
 * - a template with an unknown part is unknown; a function with an unknown argument is unknown;
 *   an attribute or index step on an unknown is unknown; a conditional on an unknown condition
 *   is unknown; `==`/`!=` with an unknown anywhere inside is unknown.
 * - a list or object that merely contains unknowns stays known, with the unknowns in place, so
 *   the planner can report `after_unknown` paths ({@link unknownPaths}) and functions that only
 *   move elements around keep working: `length`, `element`, `lookup`, `concat`, `merge`,
 *   `tolist`, `tomap` see through them. Functions that must read an element (`join`, `format`,
 *   `toset`, which dedupes) are unknown when it is.
 * - `lookup` returns a found value even when its (unused) default is unknown.
 */
export interface Unknown {
  readonly [brand]: true;
  /** `(known after apply)`, as plans show it. */
  toString(): string;
}

/**
 * The one unknown value. Compare with {@link isUnknown}, not `===`, so values from another copy
 * of the package count too.
 */
export const unknown: Unknown = Object.freeze(
  Object.defineProperties({ [brand]: true as const }, {
    // Not enumerable, so test diffs and debug output show only the brand.
    toString: { value: () => '(known after apply)' },
    // An unknown must never reach state or a request body: serialising one is a bug, so say so
    // loudly instead of writing `{}`.
    toJSON: {
      value: (): never => {
        throw new TypeError('An unknown value ("known after apply") cannot be serialised; use unknownPaths(), afterUnknown() or omitUnknowns()');
      },
    },
    [Symbol.for('nodejs.util.inspect.custom')]: { value: () => '(known after apply)' },
  }),
);

/** True for {@link unknown}. */
export function isUnknown(value: unknown): value is Unknown {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/** True when `value` is unknown or holds an unknown anywhere inside. */
export function containsUnknown(value: Value): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return (value as readonly Value[]).some(containsUnknown);
  if (typeof value === 'object' && value !== null) return Object.values(value as ObjectValue).some(containsUnknown);
  return false;
}

/**
 * Paths of every unknown inside `value`, in document order: `[['backup_id'], ['tags', 'owner']]`.
 * The whole value being unknown is `[[]]`.
 *
 * @example
 * unknownPaths({ name: 'x', id: unknown }); // [['id']]
 */
export function unknownPaths(value: Value): (string | number)[][] {
  const found: (string | number)[][] = [];
  const walk = (current: Value, path: (string | number)[]): void => {
    if (isUnknown(current)) found.push(path);
    else if (Array.isArray(current)) (current as readonly Value[]).forEach((item, index) => walk(item, [...path, index]));
    else if (typeof current === 'object' && current !== null) {
      for (const [key, item] of Object.entries(current as ObjectValue)) walk(item, [...path, key]);
    }
  };
  walk(value, []);
  return found;
}

/**
 * `value` with the unknowns taken out, as Terraform writes a plan's `after`: object keys whose
 * value is unknown are left out, unknown list elements become `null` (positions must still line
 * up with {@link afterUnknown}), and a wholly unknown value is `undefined`.
 */
export function omitUnknowns(value: Value): Value | undefined {
  if (isUnknown(value)) return undefined;
  if (Array.isArray(value)) return (value as readonly Value[]).map((item) => omitUnknowns(item) ?? null);
  if (typeof value === 'object' && value !== null) {
    const known: Record<string, Value> = {};
    for (const [key, item] of Object.entries(value as ObjectValue)) {
      const kept = omitUnknowns(item);
      if (kept !== undefined) Object.defineProperty(known, key, { value: kept, enumerable: true, writable: true, configurable: true });
    }
    return known;
  }
  return value;
}

/**
 * The `after_unknown` shape of a Terraform JSON plan: `true` where a value is unknown, lists
 * mirrored element by element (`false` for known elements), objects keeping only the keys that
 * are or contain unknowns.
 *
 * @example
 * afterUnknown({ name: 'x', id: unknown, tags: ['a', unknown] }); // { id: true, tags: [false, true] }
 */
export function afterUnknown(value: Value): boolean | readonly unknown[] | { readonly [key: string]: unknown } {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return (value as readonly Value[]).map(afterUnknown);
  if (typeof value === 'object' && value !== null) {
    const marks: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as ObjectValue)) {
      const mark = afterUnknown(item);
      if (mark !== false) Object.defineProperty(marks, key, { value: mark, enumerable: true, writable: true, configurable: true });
    }
    return marks;
  }
  return false;
}
