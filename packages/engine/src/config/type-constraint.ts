/**
 * Terraform type constraints of input variables, as CDKTF writes them: `string`, `number`,
 * `bool`, `any`, `list(string)`, `set(string)`, `map(number)`, `object({ name = string, size =
 * optional(number, 1) })`, `tuple([string, number])`, and the legacy bare `list` and `map`.
 */
import { parseExpression, type Expression, type JsonValue } from '../expressions/index.js';
import { literalValue } from './internal/literal.js';

/** A parsed type constraint. */
export type TypeConstraint =
  | { readonly kind: 'string' | 'number' | 'bool' | 'any' }
  | { readonly kind: 'list' | 'set' | 'map'; readonly element: TypeConstraint }
  | { readonly kind: 'object'; readonly attributes: Readonly<Record<string, ObjectAttributeType>> }
  | { readonly kind: 'tuple'; readonly elements: readonly TypeConstraint[] };

/** One attribute of an `object(…)` type. */
export interface ObjectAttributeType {
  readonly type: TypeConstraint;
  /** `optional(…)`: may be left out; it is then `default`, or null. */
  readonly optional: boolean;
  readonly default?: JsonValue;
}

/** The `any` type, for variables declared without one. */
export const anyType: TypeConstraint = { kind: 'any' };

/**
 * Parses a type constraint; `${ }` around it is accepted.
 *
 * @example
 * parseTypeConstraint('list(string)'); // { ok: true, type: { kind: 'list', element: { kind: 'string' } } }
 * parseTypeConstraint('list(strin)'); // { ok: false, reason: '"strin" is not a type; …' }
 */
export function parseTypeConstraint(text: string): { ok: true; type: TypeConstraint } | { ok: false; reason: string } {
  let source = text.trim();
  if (source.startsWith('${') && source.endsWith('}')) source = source.slice(2, -1);
  let expression: Expression;
  try {
    expression = parseExpression(source);
  } catch (cause) {
    return { ok: false, reason: `${JSON.stringify(text)} is not a type constraint (${(cause as Error).message})` };
  }
  try {
    return { ok: true, type: fromExpression(expression, source) };
  } catch (cause) {
    if (cause instanceof TypeSyntaxError) return { ok: false, reason: cause.message };
    throw cause;
  }
}

/** The canonical spelling of a type, for messages: `list(string)`. */
export function formatTypeConstraint(type: TypeConstraint): string {
  switch (type.kind) {
    case 'list':
    case 'set':
    case 'map':
      return `${type.kind}(${formatTypeConstraint(type.element)})`;
    case 'object':
      return `object({${Object.entries(type.attributes)
        .map(([name, attribute]) => `${name} = ${attribute.optional ? `optional(${formatTypeConstraint(attribute.type)})` : formatTypeConstraint(attribute.type)}`)
        .join(', ')}})`;
    case 'tuple':
      return `tuple([${type.elements.map(formatTypeConstraint).join(', ')}])`;
    default:
      return type.kind;
  }
}

/** True for `string`, `number` and `bool`: types whose `-var` and `TF_VAR_` values are taken as written. */
export function isPrimitiveType(type: TypeConstraint): boolean {
  return type.kind === 'string' || type.kind === 'number' || type.kind === 'bool';
}

class TypeSyntaxError extends Error {}

const primitives = new Set(['string', 'number', 'bool', 'any']);
const collections = new Set(['list', 'set', 'map']);
const typeNames = 'string, number, bool, any, list(…), set(…), map(…), object({…}) or tuple([…])';

function fromExpression(node: Expression, text: string): TypeConstraint {
  const written = text.slice(node.start, node.end);
  const fail = (reason: string): never => {
    throw new TypeSyntaxError(reason);
  };
  if (node.kind === 'traversal' && node.steps.length === 0) {
    if (primitives.has(node.root)) return { kind: node.root as 'string' };
    // Terraform 0.11 spellings, still accepted: a bare `list` or `map` holds any element type.
    if (collections.has(node.root)) return { kind: node.root as 'list', element: anyType };
    return fail(`${JSON.stringify(written)} is not a type; a type is ${typeNames}`);
  }
  if (node.kind === 'literal' && typeof node.value === 'string' && primitives.has(node.value)) return { kind: node.value as 'string' };
  if (node.kind !== 'call') return fail(`${JSON.stringify(written)} is not a type; a type is ${typeNames}`);
  const [argument, ...extra] = node.args;
  if (argument === undefined || extra.length > 0) return fail(`${node.name}(…) takes exactly one argument, as in ${node.name === 'object' ? 'object({ name = string })' : node.name === 'tuple' ? 'tuple([string, number])' : `${node.name}(string)`}`);
  if (collections.has(node.name)) return { kind: node.name as 'list', element: fromExpression(argument, text) };
  if (node.name === 'tuple') {
    if (argument.kind !== 'tuple') return fail('tuple(…) takes a list of types, as in tuple([string, number])');
    return { kind: 'tuple', elements: argument.items.map((item) => fromExpression(item, text)) };
  }
  if (node.name === 'object') {
    if (argument.kind !== 'object') return fail('object(…) takes an object of attribute types, as in object({ name = string })');
    const attributes: Record<string, ObjectAttributeType> = {};
    for (const item of argument.items) {
      const name = literalValue(item.key);
      if (typeof name !== 'string') return fail('object attribute names must be plain names, as in object({ name = string })');
      Object.defineProperty(attributes, name, { value: objectAttribute(item.value, text, fail), enumerable: true });
    }
    return { kind: 'object', attributes };
  }
  return fail(`${JSON.stringify(node.name)} is not a type constructor; a type is ${typeNames}`);
}

function objectAttribute(node: Expression, text: string, fail: (reason: string) => never): ObjectAttributeType {
  if (node.kind !== 'call' || node.name !== 'optional') return { type: fromExpression(node, text), optional: false };
  const [type, fallback, ...extra] = node.args;
  if (type === undefined || extra.length > 0) return fail('optional(…) takes a type and an optional default, as in optional(number, 1)');
  const attribute = { type: fromExpression(type, text), optional: true };
  if (fallback === undefined) return attribute;
  const value = literalValue(fallback);
  if (value === undefined) return fail(`the default of optional(…) must be a literal value (got ${JSON.stringify(text.slice(fallback.start, fallback.end))})`);
  return { ...attribute, default: value };
}
