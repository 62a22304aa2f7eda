/**
 * References in a JSON tree: what the planner builds the dependency graph from.
 */
import type { Step, TraversalNode } from './ast.js';
import { ExpressionError, isExpressionError } from './expression-error.js';
import { hasTemplateSyntax, parseTemplateCached } from './internal/parse-cache.js';
import { forEachNode } from './internal/walk.js';
import type { JsonValue } from './value.js';

/** What a reference points at. `resource` is any `<type>.<name>`. */
export type ReferenceRoot = 'resource' | 'data' | 'var' | 'local' | 'module' | 'each' | 'count' | 'path' | 'self' | 'terraform';

/** One reference found in the configuration. */
export interface Reference {
  readonly root: ReferenceRoot;
  /**
   * The object referred to, without instance key or attribute: `lifeboat_backup.b`,
   * `data.lifeboat_latest_backup.dr`, `var.name`, `local.ids`, `module.net`, `each.value`,
   * `count.index`, `path.module`, `self`, `terraform.workspace`.
   */
  readonly address: string;
  /**
   * The first attribute read after the address (after the instance key, if any):
   * `backup_id` in `lifeboat_backup.b["x"].backup_id`, `id` in `each.value.id`.
   */
  readonly attribute?: string;
  /** The instance key written literally after a resource, data source or module: `"x"` in `b["x"]`, `0` in `b[0]`. */
  readonly instanceKey?: string | number;
  /** The reference as written, with its steps: `lifeboat_backup.b["x"].backup_id`. */
  readonly text: string;
  /** Where the string holding it sits in the JSON tree: `['tags', 'owner']`. */
  readonly jsonPath: readonly (string | number)[];
}

/**
 * Every reference in `value`, in document order, including those inside function arguments,
 * object and list literals, index keys and JSON object keys. Duplicates are kept (the planner
 * dedupes by address); `each.*`, `count.index` and `path.*` are included for completeness.
 *
 * @throws {ExpressionError} for the first string that does not parse or holds a malformed
 *   reference; use `checkExpressions` to collect every problem instead.
 * @example
 * referencesOf({ cluster_id: '${lifeboat_backup_policy.nightly.cluster_id}' });
 * // [{ root: 'resource', address: 'lifeboat_backup_policy.nightly', attribute: 'cluster_id',
 * //    text: 'lifeboat_backup_policy.nightly.cluster_id', jsonPath: ['cluster_id'] }]
 */
export function referencesOf(value: JsonValue): Reference[] {
  const found: Reference[] = [];
  const visitString = (text: string, jsonPath: readonly (string | number)[]): void => {
    if (!hasTemplateSyntax(text)) return;
    try {
      forEachNode(parseTemplateCached(text), (node) => {
        if (node.kind === 'traversal') found.push(describeReference(node, text, jsonPath));
      });
    } catch (error) {
      throw isExpressionError(error) && error.jsonPath === undefined ? error.withJsonPath(jsonPath) : error;
    }
  };
  const walk = (current: JsonValue, jsonPath: readonly (string | number)[]): void => {
    if (typeof current === 'string') visitString(current, jsonPath);
    else if (Array.isArray(current)) (current as readonly JsonValue[]).forEach((item, index) => walk(item, [...jsonPath, index]));
    else if (typeof current === 'object' && current !== null) {
      for (const [key, item] of Object.entries(current as { readonly [key: string]: JsonValue })) {
        visitString(key, [...jsonPath, key]);
        walk(item, [...jsonPath, key]);
      }
    }
  };
  walk(value, []);
  return found;
}

/** How a traversal splits into the object it names and the steps read from that object. */
export interface TraversalAddress {
  readonly root: ReferenceRoot;
  readonly address: string;
  /** How many of the traversal's steps the address used up (`lifeboat_backup.b` uses one). */
  readonly stepsUsed: number;
}

const pathNames = new Set(['module', 'root', 'cwd']);
const referenceForms = 'var.<name>, local.<name>, <resource type>.<name>, data.<type>.<name>, module.<name>, each.key, each.value, count.index or path.module';

/**
 * Splits a traversal into root, address and the remaining steps, checking the fixed forms:
 * `data` needs a type and a name, `count` has only `index`, `each` only `key` and `value`.
 *
 * @throws {ExpressionError} `reference`, pointing at the traversal, when it is malformed.
 */
export function addressOf(node: TraversalNode, text: string): TraversalAddress {
  const names: string[] = [];
  for (const step of node.steps) {
    if (step.kind !== 'attr') break;
    names.push(step.name);
  }
  const [first, second] = names;
  const fail = (reason: string): never => {
    throw new ExpressionError(reason, { code: 'reference', text, position: node.start });
  };
  switch (node.root) {
    case 'data':
      if (first === undefined || second === undefined) return fail('A data source reference needs a type and a name: data.<type>.<name>');
      return { root: 'data', address: `data.${first}.${second}`, stepsUsed: 2 };
    case 'var':
    case 'local':
    case 'module':
      if (first === undefined) return fail(`"${node.root}" must be followed by a name: ${node.root}.<name>`);
      return { root: node.root, address: `${node.root}.${first}`, stepsUsed: 1 };
    case 'each':
      if (first !== 'key' && first !== 'value') return fail('"each" has only each.key and each.value');
      return { root: 'each', address: `each.${first}`, stepsUsed: 1 };
    case 'count':
      if (first !== 'index') return fail('"count" has only count.index');
      return { root: 'count', address: 'count.index', stepsUsed: 1 };
    case 'path':
      if (first === undefined || !pathNames.has(first)) return fail('"path" has only path.module, path.root and path.cwd');
      return { root: 'path', address: `path.${first}`, stepsUsed: 1 };
    case 'terraform':
      if (first === undefined) return fail('"terraform" must be followed by an attribute: terraform.workspace');
      return { root: 'terraform', address: `terraform.${first}`, stepsUsed: 1 };
    case 'self':
      return { root: 'self', address: 'self', stepsUsed: 0 };
    default:
      if (first === undefined) return fail(`Unknown name "${node.root}": a reference is ${referenceForms}`);
      return { root: 'resource', address: `${node.root}.${first}`, stepsUsed: 1 };
  }
}

function describeReference(node: TraversalNode, text: string, jsonPath: readonly (string | number)[]): Reference {
  const { root, address, stepsUsed } = addressOf(node, text);
  let rest: readonly Step[] = node.steps.slice(stepsUsed);
  let instanceKey: string | number | undefined;
  const hasInstances = root === 'resource' || root === 'data' || root === 'module';
  const keyStep = rest[0];
  if (hasInstances && keyStep?.kind === 'index') {
    const key = keyStep.key;
    if (key.kind === 'literal' && (typeof key.value === 'string' || typeof key.value === 'number')) instanceKey = key.value;
    rest = rest.slice(1);
  }
  const attributeStep = rest[0];
  return {
    root,
    address,
    ...(attributeStep?.kind === 'attr' ? { attribute: attributeStep.name } : {}),
    ...(instanceKey === undefined ? {} : { instanceKey }),
    text: text.slice(node.start, node.end),
    jsonPath,
  };
}
