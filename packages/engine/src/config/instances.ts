/**
 * `count` and `for_each`: how many instances a resource block has and what each is called.
 */
import { evaluate, isExpressionError, isUnknown, type JsonValue, type Scope, type Value } from '../expressions/index.js';
import type { ConfigDiagnostic } from './diagnostic.js';
import { describeSubject, error, type Subject } from './internal/diagnostics.js';
import type { ResourceBlock } from './model.js';

/** One instance of a block. */
export interface ResourceInstance {
  /** The instance address: `lifeboat_backup.b`, `lifeboat_backup.b[0]`, `lifeboat_backup.b["in01-a"]`. */
  readonly address: string;
  /** The `count` index or `for_each` key; absent for a block with neither. */
  readonly key?: string | number;
  /** `each.key` and `each.value`, for `for_each`. */
  readonly each?: { readonly key: string; readonly value: Value };
  /** `count.index`, for `count`. */
  readonly countIndex?: number;
}

/** The instances, in order (count: by index; for_each: in the collection's order), and the problems. */
export interface ExpandInstancesResult {
  readonly instances: readonly ResourceInstance[];
  readonly diagnostics: readonly ConfigDiagnostic[];
}

/** What {@link expandInstances} needs of a block. */
export type ExpandableBlock = Pick<ResourceBlock, 'address' | 'count' | 'forEach'> & { readonly constructPath?: string | undefined; readonly file?: string | undefined };

/**
 * The most instances one block may expand to. Far above any real configuration (a backup policy
 * per cluster of a large fleet), and low enough that a mistaken count (2^53) is an error, not a
 * process that runs out of memory listing instances.
 */
const maxInstances = 100_000;

const unknownDetail = (what: 'count' | 'for_each', subject: Subject): string =>
  `${what} of ${describeSubject(subject)} depends on values known only after apply, so the number of instances cannot be planned; use -target first to apply the resources it depends on, then plan again.`;

/**
 * Evaluates `count` or `for_each` of `block` in `scope` and lists its instances. A block with
 * neither has one instance without a key. Problems are diagnostics, and then there are no
 * instances: `count` that is not a whole number ≥ 0, `for_each` that is not a map or a set of
 * strings, or either being unknown until apply. Errors thrown by `scope` that are not expression
 * errors are bugs and propagate.
 *
 * @example
 * expandInstances({ address: 'lifeboat_copy_policy.dr', forEach: '${toset(var.clusters)}' }, scope);
 * // { instances: [{ address: 'lifeboat_copy_policy.dr["in01-a"]', key: 'in01-a', each: { key: 'in01-a', value: 'in01-a' } }, …], diagnostics: [] }
 */
export function expandInstances(block: ExpandableBlock, scope: Scope): ExpandInstancesResult {
  const subject: Subject = { address: block.address, constructPath: block.constructPath, file: block.file };
  if (block.count !== undefined && block.forEach !== undefined) {
    return fail(subject, 'count', 'Invalid combination of "count" and "for_each"', `${describeSubject(subject)} sets both count and for_each; use one: count for n alike instances, for_each for one instance per key.`);
  }
  if (block.count !== undefined) return expandCount(block, block.count, scope, subject);
  if (block.forEach !== undefined) return expandForEach(block, block.forEach, scope, subject);
  return { instances: [{ address: block.address }], diagnostics: [] };
}

/**
 * An instance address as Terraform writes it: `x[0]`, `x["k"]`. String keys are JSON string
 * literals, as the state layer writes them, so any key survives a round trip.
 *
 * @example
 * instanceAddress('lifeboat_backup.b', 'eu "west"'); // 'lifeboat_backup.b["eu \\"west\\""]'
 */
export function instanceAddress(blockAddress: string, key?: string | number): string {
  if (key === undefined) return blockAddress;
  return `${blockAddress}[${typeof key === 'number' ? String(key) : JSON.stringify(key)}]`;
}

function expandCount(block: ExpandableBlock, expression: JsonValue, scope: Scope, subject: Subject): ExpandInstancesResult {
  const evaluated = evaluateMeta(expression, scope, 'count', subject);
  if (!evaluated.ok) return evaluated.result;
  let count = evaluated.value;
  if (isUnknown(count)) return fail(subject, 'count', 'Invalid count argument', unknownDetail('count', subject));
  // Terraform converts "3" to 3 here, as everywhere a number is expected.
  if (typeof count === 'string' && /^\d+$/.test(count.trim())) count = Number(count.trim());
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    const got = count === null ? 'null' : typeof count === 'object' ? (Array.isArray(count) ? 'a list' : 'a map') : JSON.stringify(count);
    return fail(subject, 'count', 'Invalid count argument', `count of ${describeSubject(subject)} must be a whole number ≥ 0 (got ${got}); for one instance per element of a list, use for_each = toset(…) instead.`);
  }
  const instances: ResourceInstance[] = [];
  if (count > maxInstances) {
    return fail(
      subject,
      'count',
      'Invalid count argument',
      `count of ${describeSubject(subject)} is ${count}; one block may have at most ${maxInstances.toLocaleString('en')} instances. Check the expression, or split the block.`,
    );
  }
  for (let index = 0; index < count; index++) instances.push({ address: instanceAddress(block.address, index), key: index, countIndex: index });
  return { instances, diagnostics: [] };
}

function expandForEach(block: ExpandableBlock, expression: JsonValue, scope: Scope, subject: Subject): ExpandInstancesResult {
  const evaluated = evaluateMeta(expression, scope, 'for_each', subject);
  if (!evaluated.ok) return evaluated.result;
  const collection = evaluated.value;
  if (isUnknown(collection)) return fail(subject, 'for_each', 'Invalid for_each argument', unknownDetail('for_each', subject));
  const unsuitable = (why: string): ExpandInstancesResult =>
    fail(subject, 'for_each', 'Invalid for_each argument', `for_each of ${describeSubject(subject)} must be a map or a set of strings; ${why}.`);

  if (Array.isArray(collection)) {
    const items = collection as readonly Value[];
    if (items.some(isUnknown)) return fail(subject, 'for_each', 'Invalid for_each argument', unknownDetail('for_each', subject));
    const wrong = items.findIndex((item) => typeof item !== 'string');
    if (wrong !== -1) return unsuitable(`element ${wrong} is ${describe(items[wrong] as Value)}. Give strings, e.g. toset(["a", "b"]), or a map`);
    // A list works like toset(list): duplicates would be two instances with one address.
    const keys = [...new Set(items as readonly string[])];
    return { instances: keys.map((key) => ({ address: instanceAddress(block.address, key), key, each: { key, value: key } })), diagnostics: [] };
  }
  if (typeof collection === 'object' && collection !== null) {
    // Terraform orders map keys lexically (JavaScript would put integer-like keys first).
    const entries = Object.entries(collection as { readonly [key: string]: Value }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { instances: entries.map(([key, value]) => ({ address: instanceAddress(block.address, key), key, each: { key, value } })), diagnostics: [] };
  }
  return unsuitable(`got ${describe(collection)}. Wrap a list in toset(…), or give a map`);
}

function evaluateMeta(expression: JsonValue, scope: Scope, attribute: 'count' | 'for_each', subject: Subject): { ok: true; value: Value } | { ok: false; result: ExpandInstancesResult } {
  try {
    return { ok: true, value: evaluate(expression, scope) };
  } catch (cause) {
    if (!isExpressionError(cause)) throw cause;
    return {
      ok: false,
      result: fail(subject, attribute, `Invalid ${attribute} argument`, `${attribute} of ${describeSubject(subject)} cannot be evaluated: ${cause.message}.`),
    };
  }
}

function fail(subject: Subject, attribute: string, summary: string, detail: string): ExpandInstancesResult {
  return { instances: [], diagnostics: [error({ ...subject, attribute, summary, detail })] };
}

function describe(value: Value): string {
  if (value === null) return 'null';
  if (isUnknown(value)) return 'unknown';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value === 'string' ? 'the string' : typeof value === 'number' ? 'the number' : 'the bool'} ${JSON.stringify(value)}`;
}
