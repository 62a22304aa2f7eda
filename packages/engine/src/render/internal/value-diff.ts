import type { UnknownMarks } from '../../plan/types.js';
import type { AttributeType } from '../../resources/schema.js';
import type { AttributeValue } from '../../state/types.js';
import { alignElements } from './list-alignment.js';
import { childMask, type SensitiveMask } from './sensitivity.js';

/**
 * The structure of a change before it is drawn, as Terraform's `computed.Diff`: every node
 * knows its action and whether it forces replacement, so rendering is a plain walk. Sensitive
 * values never enter this tree — a sensitive node keeps its action and nothing else — so no
 * renderer can print one by mistake.
 */

export type DiffAction = 'create' | 'update' | 'delete' | 'no-op';

type Path = readonly (string | number)[];

interface DiffBase {
  readonly action: DiffAction;
  /** This node's path is one of the change's `replacePaths`. */
  readonly replace: boolean;
}

export interface PrimitiveDiff extends DiffBase {
  readonly kind: 'primitive';
  readonly before: string | number | boolean | null;
  readonly after: string | number | boolean | null;
}
export interface SensitiveDiff extends DiffBase {
  readonly kind: 'sensitive';
}
export interface UnknownDiff extends DiffBase {
  readonly kind: 'unknown';
  /** The value being replaced by one known after apply, drawn as deleted. */
  readonly before: ValueDiff | undefined;
}
export interface TypeChangeDiff extends DiffBase {
  readonly kind: 'type-change';
  readonly before: ValueDiff;
  readonly after: ValueDiff;
}
export interface ListDiff extends DiffBase {
  readonly kind: 'list';
  readonly elements: readonly ValueDiff[];
}
export interface ObjectDiff extends DiffBase {
  readonly kind: 'object';
  /** Sorted by key; attributes null before and after are left out, as Terraform does. */
  readonly entries: readonly { readonly key: string; readonly diff: ValueDiff }[];
  /** Map keys are quoted and counted as elements; object keys are attribute names. */
  readonly keys: 'attribute' | 'map';
}

export type ValueDiff = PrimitiveDiff | SensitiveDiff | UnknownDiff | TypeChangeDiff | ListDiff | ObjectDiff;

/** One value to diff; `undefined` before or after means absent (null). */
export interface DiffRequest {
  readonly before: AttributeValue | undefined;
  readonly after: AttributeValue | undefined;
  readonly afterUnknown: UnknownMarks | undefined;
  readonly sensitive: SensitiveMask | undefined;
  /** The schema type, when known: tells maps from objects. */
  readonly type: AttributeType | undefined;
  readonly replacePaths: readonly Path[];
}

/** Diffs a value (a resource's attributes, an output) from before to after. */
export function diffValue(request: DiffRequest): ValueDiff {
  return diffAt(request, []);
}

type Node = Omit<DiffRequest, 'replacePaths'>;
type Obj = { readonly [key: string]: AttributeValue };

const isObject = (value: AttributeValue | undefined): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

function diffAt(request: DiffRequest, path: Path): ValueDiff {
  const replace = request.replacePaths.some((candidate) => candidate.length === path.length && candidate.every((step, i) => step === path[i]));
  const before = request.before ?? null;
  const after = request.after ?? null;
  const unknown = request.afterUnknown === true;

  if (request.sensitive === true) {
    const action: DiffAction = unknown ? (before === null ? 'create' : 'update') : wholeAction(before, after);
    return { kind: 'sensitive', action, replace };
  }
  if (unknown) {
    const previous = before === null ? undefined : diffAt({ ...request, after: null, afterUnknown: undefined, replacePaths: [] }, path);
    return { kind: 'unknown', action: before === null ? 'create' : 'update', replace, before: previous };
  }
  const beforeKind = kindOf(before);
  const afterKind = kindOf(after);
  if (beforeKind !== afterKind && beforeKind !== 'null' && afterKind !== 'null') {
    return {
      kind: 'type-change',
      action: 'update',
      replace,
      before: diffAt({ ...request, after: null, afterUnknown: undefined, replacePaths: [] }, path),
      after: diffAt({ ...request, before: null, replacePaths: [] }, path),
    };
  }
  const kind = beforeKind === 'null' ? afterKind : beforeKind;
  if (kind === 'list') return diffList(request, path, replace);
  if (kind === 'object') return diffObject(request, path, replace);
  return { kind: 'primitive', action: wholeAction(before, after), replace, before: before as PrimitiveDiff['before'], after: after as PrimitiveDiff['after'] };
}

function kindOf(value: AttributeValue): 'null' | 'list' | 'object' | 'primitive' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' ? 'object' : 'primitive';
}

function wholeAction(before: AttributeValue, after: AttributeValue): DiffAction {
  if (before === null) return after === null ? 'no-op' : 'create';
  if (after === null) return 'delete';
  return deepEqual(before, after) ? 'no-op' : 'update';
}

/** A list or object is unchanged when every element is: an added or removed element is itself a change. */
function collectionAction(request: Node, children: readonly ValueDiff[]): DiffAction {
  if (request.before == null) return 'create';
  if (request.after == null) return 'delete';
  return children.every((child) => child.action === 'no-op') ? 'no-op' : 'update';
}

function diffList(request: DiffRequest, path: Path, replace: boolean): ListDiff {
  const before = Array.isArray(request.before) ? request.before : [];
  const after = Array.isArray(request.after) ? request.after : [];
  const marks: readonly UnknownMarks[] = Array.isArray(request.afterUnknown) ? request.afterUnknown : [];
  const elementType = elementTypeOf(request.type);
  const elementMask = childMask(request.sensitive, 0);
  const pairs = alignElements({
    beforeLength: before.length,
    afterLength: after.length,
    equal: (b, a) => !hasUnknown(marks[a]) && deepEqual(before[b] ?? null, after[a] ?? null),
    bothObjects: (b, a) => isObject(before[b]) && isObject(after[a]),
  });
  const elements = pairs.map((pair) =>
    diffAt(
      {
        before: pair.before === undefined ? undefined : before[pair.before],
        after: pair.after === undefined ? undefined : after[pair.after],
        afterUnknown: pair.after === undefined ? undefined : marks[pair.after],
        sensitive: elementMask,
        type: elementType,
        replacePaths: request.replacePaths,
      },
      [...path, pair.after ?? pair.before ?? 0],
    ),
  );
  return { kind: 'list', action: collectionAction(request, elements), replace, elements };
}

function diffObject(request: DiffRequest, path: Path, replace: boolean): ObjectDiff {
  const before = isObject(request.before) ? request.before : {};
  const after = isObject(request.after) ? request.after : {};
  const marks = isObject(request.afterUnknown as AttributeValue) ? (request.afterUnknown as { readonly [key: string]: UnknownMarks }) : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(marks)])].sort();
  const entries: { key: string; diff: ValueDiff }[] = [];
  for (const key of keys) {
    const child: Node = {
      before: own(before, key),
      after: own(after, key),
      afterUnknown: own(marks, key),
      sensitive: childMask(request.sensitive, key),
      type: attributeTypeOf(request.type, key),
    };
    if (child.before == null && child.after == null && child.afterUnknown !== true) continue;
    entries.push({ key, diff: diffAt({ ...child, replacePaths: request.replacePaths }, [...path, key]) });
  }
  const keysKind = typeof request.type === 'object' && 'map' in request.type ? 'map' : 'attribute';
  return { kind: 'object', action: collectionAction(request, entries.map((entry) => entry.diff)), replace, entries, keys: keysKind };
}

const own = <T>(record: { readonly [key: string]: T }, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

function elementTypeOf(type: AttributeType | undefined): AttributeType | undefined {
  if (type === undefined || typeof type === 'string') return undefined;
  if ('list' in type) return type.list;
  if ('set' in type) return type.set;
  return undefined;
}

function attributeTypeOf(type: AttributeType | undefined, key: string): AttributeType | undefined {
  if (type === undefined || typeof type === 'string') return undefined;
  if ('map' in type) return type.map;
  if ('object' in type) return own(type.object, key)?.type;
  return undefined;
}

function hasUnknown(marks: UnknownMarks | undefined): boolean {
  if (marks === undefined || marks === false) return false;
  if (marks === true) return true;
  return Object.values(marks).some(hasUnknown);
}

/** Structural equality of JSON values (key order ignored). */
export function deepEqual(a: AttributeValue, b: AttributeValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i] ?? null));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key] ?? null, b[key] ?? null));
  }
  return false;
}
