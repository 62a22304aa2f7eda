/**
 * Evaluates Terraform JSON values against a scope the caller (the planner) supplies.
 */
import type { CallNode, Expression, ObjectNode, Span, Step, TemplateNode, TraversalNode } from './ast.js';
import { ExpressionError, isExpressionError, type ExpressionErrorCode } from './expression-error.js';
import { callFunction, isSupportedFunction, unsupportedFunctionReason } from './functions.js';
import { hasTemplateSyntax, parseTemplateCached } from './internal/parse-cache.js';
import { describeType, isObjectValue, numberToString, ownEntry, putEntry, valuesEqual } from './internal/values.js';
import { addressOf, type ReferenceRoot } from './references.js';
import { containsUnknown, isUnknown, unknown } from './unknown.js';
import type { JsonValue, Value } from './value.js';

/** An attribute or index step with its key evaluated. */
export type ResolvedStep = { readonly kind: 'attr'; readonly name: string } | { readonly kind: 'index'; readonly key: Value };

/** What {@link Scope.resolve} is asked for. */
export interface ResolveRequest {
  readonly root: ReferenceRoot;
  /** `lifeboat_backup.b`, `data.lifeboat_latest_backup.dr`, `var.env`, `each.value`, `count.index`… */
  readonly address: string;
  /**
   * The steps written after the address, keys evaluated (`["x"]`, `.backup_id`). For
   * information only (e.g. to record which attribute was read): the evaluator applies them to
   * the value `resolve` returns.
   */
  readonly steps: readonly ResolvedStep[];
  /** The reference as written, for messages: `lifeboat_backup.b["x"].backup_id`. */
  readonly text: string;
}

/**
 * Where references get their values. The planner implements it: a resource address resolves
 * to its object (a list of objects with `count`, a map with `for_each`), with {@link unknown}
 * for whatever is known only after apply. Errors it throws propagate unchanged.
 */
export interface Scope {
  resolve(ref: ResolveRequest): Value;
}

/**
 * Evaluates a JSON value from `*.tf.json`: every string is a template (a string that is exactly
 * one `${…}` keeps the expression's type), object keys are templates too (as HCL's JSON syntax
 * specifies), arrays and objects are walked, other values are returned as they are.
 *
 * @throws {ExpressionError} with `jsonPath` set to where the failing string is.
 * @example
 * evaluate({ name: 'nightly-${var.env}', days: '${var.days}' }, scope); // { name: 'nightly-prod', days: [1, 3] }
 */
export function evaluate(value: JsonValue, scope: Scope): Value {
  const walk = (current: JsonValue, jsonPath: readonly (string | number)[]): Value => {
    if (typeof current === 'string') return evaluateAt(current, scope, jsonPath);
    if (Array.isArray(current)) return (current as readonly JsonValue[]).map((item, index) => walk(item, [...jsonPath, index]));
    if (typeof current !== 'object' || current === null) return current;
    const out: Record<string, Value> = {};
    let unknownKey = false;
    for (const [rawKey, item] of Object.entries(current as { readonly [key: string]: JsonValue })) {
      const path = [...jsonPath, rawKey];
      const key = hasTemplateSyntax(rawKey) ? objectKey(evaluateAt(rawKey, scope, path), rawKey, path) : rawKey;
      const evaluated = walk(item, path);
      if (key === undefined) unknownKey = true;
      else putEntry(out, key, evaluated);
    }
    return unknownKey ? unknown : out;
  };
  return walk(value, []);
}

/**
 * Evaluates one string as a template: `"${var.days}"` is the list itself, `"day-${count.index}"`
 * a string.
 *
 * @throws {ExpressionError} when the text does not parse or evaluating it fails.
 * @example
 * evaluateTemplate('${format("%s-%02d", var.name, count.index)}', scope); // 'backup-07'
 */
export function evaluateTemplate(text: string, scope: Scope): Value {
  if (!hasTemplateSyntax(text)) return text;
  return new Evaluator(text, scope).template(parseTemplateCached(text));
}

function evaluateAt(text: string, scope: Scope, jsonPath: readonly (string | number)[]): Value {
  try {
    return evaluateTemplate(text, scope);
  } catch (error) {
    throw isExpressionError(error) && error.jsonPath === undefined ? error.withJsonPath(jsonPath) : error;
  }
}

/** A JSON object key's evaluated value as a key; `undefined` when unknown. */
function objectKey(value: Value, text: string, jsonPath: readonly (string | number)[]): string | undefined {
  if (isUnknown(value)) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberToString(value);
  if (typeof value === 'boolean') return String(value);
  throw new ExpressionError(`An object key must be a string, got ${describeType(value)}`, { code: 'type', text, jsonPath });
}

class Evaluator {
  constructor(
    private readonly text: string,
    private readonly scope: Scope,
  ) {}

  private fail(reason: string, at: Span, code: ExpressionErrorCode, functionName?: string): never {
    throw new ExpressionError(reason, { code, text: this.text, position: at.start, functionName });
  }

  expression(node: Expression): Value {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'template':
        return this.template(node);
      case 'tuple':
        return node.items.map((item) => this.expression(item));
      case 'object':
        return this.object(node);
      case 'traversal':
        return this.traversal(node);
      case 'relative':
        return this.applySteps(this.expression(node.source), node.steps, this.resolveKeys(node.steps), node.start);
      case 'call':
        return this.call(node);
      case 'conditional': {
        const condition = this.expression(node.condition);
        if (isUnknown(condition)) return unknown;
        const chosen = condition === true || condition === 'true' ? true : condition === false || condition === 'false' ? false : undefined;
        if (chosen === undefined) return this.fail(`The condition must be a bool, got ${describeType(condition)}`, node.condition, 'type');
        // Only the chosen branch is evaluated, so `var.x != null ? var.x.name : ""` works.
        return this.expression(chosen ? node.whenTrue : node.whenFalse);
      }
      case 'comparison': {
        const left = this.expression(node.left);
        const right = this.expression(node.right);
        if (containsUnknown(left) || containsUnknown(right)) return unknown;
        return valuesEqual(left, right) === (node.operator === '==');
      }
    }
  }

  /** A template that is exactly one `${…}` returns the value itself; otherwise a string. */
  template(node: TemplateNode): Value {
    const [only, ...more] = node.parts;
    if (only?.kind === 'interpolation' && more.length === 0) return this.expression(only.expression);
    let out = '';
    let sawUnknown = false;
    for (const part of node.parts) {
      if (part.kind === 'text') {
        out += part.text;
        continue;
      }
      const value = this.expression(part.expression);
      if (isUnknown(value)) sawUnknown = true;
      else out += this.interpolate(value, part.expression);
    }
    return sawUnknown ? unknown : out;
  }

  private interpolate(value: Value, at: Expression): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return numberToString(value);
    if (typeof value === 'boolean') return String(value);
    if (value === null) return this.fail('Cannot put null into a string template; give a default, e.g. with lookup() or a conditional', at, 'type');
    if (Array.isArray(value)) return this.fail('Cannot put a list into a string template; use join() or pick one element, e.g. [0]', at, 'type');
    return this.fail('Cannot put a map into a string template; pick one attribute, e.g. .name', at, 'type');
  }

  private object(node: ObjectNode): Value {
    const out: Record<string, Value> = {};
    let unknownKey = false;
    for (const item of node.items) {
      const key = this.expression(item.key);
      const value = this.expression(item.value);
      if (isUnknown(key)) {
        unknownKey = true;
        continue;
      }
      if (key === null || typeof key === 'object') return this.fail(`An object key must be a string, got ${describeType(key)}`, item.key, 'type');
      const name = typeof key === 'number' ? numberToString(key) : String(key);
      if (Object.hasOwn(out, name)) return this.fail(`Duplicate key ${JSON.stringify(name)} in the object`, item.key, 'syntax');
      putEntry(out, name, value);
    }
    // Without the key the object's shape is not known either.
    return unknownKey ? unknown : out;
  }

  private traversal(node: TraversalNode): Value {
    const { root, address, stepsUsed } = addressOf(node, this.text);
    const steps = node.steps.slice(stepsUsed);
    const keys = this.resolveKeys(steps);
    const resolved = this.scope.resolve({ root, address, steps: keys, text: this.text.slice(node.start, node.end) });
    return this.applySteps(resolved, steps, keys, node.start);
  }

  private resolveKeys(steps: readonly Step[]): ResolvedStep[] {
    return steps.map((step) => (step.kind === 'attr' ? { kind: 'attr', name: step.name } : { kind: 'index', key: this.expression(step.key) }));
  }

  /**
   * Applies attribute and index steps. Messages name the value stepped into as written, from
   * `labelStart` to the step: `lifeboat_backup.b["x"] has no attribute "backup_idd"`.
   */
  private applySteps(value: Value, steps: readonly Step[], keys: readonly ResolvedStep[], labelStart: number): Value {
    let current = value;
    for (const [index, step] of steps.entries()) {
      if (isUnknown(current)) return unknown;
      const key = keys[index] as ResolvedStep;
      const label = this.text.slice(labelStart, step.start);
      current = key.kind === 'attr' ? this.attribute(current, key.name, label, step) : this.index(current, key.key, label, step);
    }
    return current;
  }

  private attribute(value: Value, name: string, label: string, at: Step): Value {
    if (isObjectValue(value)) {
      const found = ownEntry(value, name);
      if (found !== undefined) return found;
      const keys = Object.keys(value).sort();
      const has = keys.length === 0 ? 'it has no attributes' : `it has ${keys.slice(0, 12).join(', ')}${keys.length > 12 ? ', …' : ''}`;
      return this.fail(`${label} has no attribute ${JSON.stringify(name)}; ${has}`, at, 'missing');
    }
    if (Array.isArray(value)) return this.fail(`${label} is a list, so it has no attribute ${JSON.stringify(name)}; index it first, e.g. ${label}[0].${name}`, at, 'type');
    return this.fail(`${label} is ${describeType(value)}, so it has no attribute ${JSON.stringify(name)}`, at, 'type');
  }

  private index(value: Value, key: Value, label: string, at: Step): Value {
    if (isUnknown(key)) return unknown;
    if (Array.isArray(value)) {
      const items = value as readonly Value[];
      const position = typeof key === 'number' ? key : typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : undefined;
      if (position === undefined || !Number.isInteger(position)) return this.fail(`A list index must be a whole number, got ${describeKey(key)}`, at, 'type');
      if (position < 0 || position >= items.length) {
        return this.fail(`Index ${position} is out of range for ${label}, which has ${items.length} element${items.length === 1 ? '' : 's'}`, at, 'missing');
      }
      return items[position] as Value;
    }
    if (isObjectValue(value)) {
      if (typeof key !== 'string' && typeof key !== 'number') return this.fail(`A map key must be a string, got ${describeType(key)}`, at, 'type');
      const name = typeof key === 'number' ? numberToString(key) : key;
      const found = ownEntry(value, name);
      if (found === undefined) return this.fail(`${label} has no key ${JSON.stringify(name)}`, at, 'missing');
      return found;
    }
    return this.fail(`Cannot index ${describeType(value)} (${label})`, at, 'type');
  }

  private call(node: CallNode): Value {
    if (!isSupportedFunction(node.name)) return this.fail(unsupportedFunctionReason(node.name), node, 'unsupported', node.name);
    const args = node.args.map((arg) => this.expression(arg));
    if (node.expandFinal) {
      const last = args.pop() as Value;
      if (isUnknown(last)) return unknown;
      if (!Array.isArray(last)) return this.fail(`Only a list can be expanded with "...", got ${describeType(last)}`, node.args.at(-1) ?? node, 'type', node.name);
      args.push(...(last as readonly Value[]));
    }
    return callFunction({
      name: node.name,
      args,
      fail: (reason) => this.fail(reason, node, 'call', node.name),
    });
  }
}

function describeKey(key: Value): string {
  return typeof key === 'string' ? JSON.stringify(key) : typeof key === 'number' ? numberToString(key) : describeType(key);
}
