/**
 * Checks the `${…}` expressions inside one JSON value (a resource argument, `count`, an output, a
 * local): each must parse, call only supported functions, and refer only to things that are
 * declared and can be referred to from there.
 */
import { checkExpressions, formatJsonPath, referencesOf, type ExpressionError, type JsonValue, type Reference } from '../expressions/index.js';
import { resourceTypeOf } from '../resources/index.js';
import type { ConfigDiagnostic } from './diagnostic.js';
import { describeSubject, error, type Subject } from './internal/diagnostics.js';
import { isJsonObject, isTemplate } from './internal/json-shape.js';
import { didYouMean } from './internal/suggest.js';
import type { Configuration, ResourceBlock } from './model.js';

/** What is declared, by address: `lifeboat_backup.b`, `data.lifeboat_cluster.c`, `var.x`, `local.y`. */
export interface Declarations {
  readonly resources: ReadonlyMap<string, ResourceBlock>;
  readonly variables: ReadonlySet<string>;
  readonly locals: ReadonlySet<string>;
}

/** Where the value sits, and which references are allowed there. */
export interface ExpressionContext {
  readonly subject: Subject;
  readonly declarations: Declarations;
  /** `each.key`/`each.value` are allowed: the block has `for_each`. */
  readonly each: boolean;
  /** `count.index` is allowed: the block has `count`. */
  readonly count: boolean;
  /** The block's own address, which it must not refer to. */
  readonly self?: string;
}

/** The declarations of a configuration, for {@link checkValueExpressions}. */
export function declarationsOf(config: Configuration): Declarations {
  return {
    resources: new Map(config.resources.map((block) => [block.address, block])),
    variables: new Set(config.variables.keys()),
    locals: new Set(config.locals.keys()),
  };
}

/**
 * Every problem with the expressions in `value`, which sits at `path` (e.g. `['cluster_id']`) in
 * the block `context.subject` names.
 */
export function checkValueExpressions(value: JsonValue, path: readonly (string | number)[], context: ExpressionContext): ConfigDiagnostic[] {
  const diagnostics: ConfigDiagnostic[] = [];
  const visit = (text: string, at: readonly (string | number)[]): void => {
    if (!isTemplate(text)) return;
    const problems = checkExpressions(text);
    if (problems.length > 0) {
      for (const problem of problems) diagnostics.push(expressionDiagnostic(problem, at, context.subject));
      return;
    }
    for (const reference of referencesOf(text)) {
      const found = checkReference(reference, at, context);
      if (found !== undefined) diagnostics.push(found);
    }
  };
  const walk = (current: JsonValue, at: readonly (string | number)[]): void => {
    if (typeof current === 'string') visit(current, at);
    else if (Array.isArray(current)) (current as readonly JsonValue[]).forEach((item, index) => walk(item, [...at, index]));
    else if (isJsonObject(current)) {
      for (const [key, item] of Object.entries(current)) {
        visit(key, [...at, key]);
        walk(item, [...at, key]);
      }
    }
  };
  walk(value, path);
  return diagnostics;
}

const summaries: Readonly<Record<ExpressionError['code'], string>> = {
  syntax: 'Invalid expression',
  unsupported: 'Unsupported expression',
  reference: 'Invalid reference',
  call: 'Invalid function argument',
  type: 'Invalid expression',
  missing: 'Invalid expression',
};

function expressionDiagnostic(problem: ExpressionError, path: readonly (string | number)[], subject: Subject): ConfigDiagnostic {
  const attribute = formatJsonPath(path);
  const where = attribute === '' ? `in ${describeSubject(subject)}` : `in ${attribute} of ${describeSubject(subject)}`;
  const fields = { ...subject, ...(attribute === '' ? {} : { attribute }) };
  if (problem.code === 'unsupported' && problem.functionName !== undefined) {
    return error({
      ...fields,
      summary: 'Call to unknown function',
      detail: `${problem.message} ${where}. Use one of the supported functions, or compute the value in your CDKTF code.`,
    });
  }
  return error({ ...fields, summary: summaries[problem.code], detail: `${problem.message} ${where}.` });
}

function checkReference(reference: Reference, path: readonly (string | number)[], context: ExpressionContext): ConfigDiagnostic | undefined {
  const { subject, declarations } = context;
  const attribute = formatJsonPath(path);
  // A local value is its own expression: there is no attribute to name.
  const where = attribute === '' ? describeSubject(subject) : `${attribute} of ${describeSubject(subject)}`;
  const fail = (summary: string, detail: string): ConfigDiagnostic => error({ ...subject, ...(attribute === '' ? {} : { attribute }), summary, detail });
  switch (reference.root) {
    case 'resource':
    case 'data':
      return checkResourceReference(reference, where, context, fail);
    case 'var':
      if (declarations.variables.has(reference.address.slice(4))) return undefined;
      return fail(
        'Reference to undeclared input variable',
        `${where} refers to ${reference.address}, but no such variable is declared.${didYouMean(reference.address, [...declarations.variables].map((name) => `var.${name}`))} Declare it with a variable block (in CDKTF: new TerraformVariable(…)), or correct the reference.`,
      );
    case 'local':
      if (declarations.locals.has(reference.address.slice(6))) return undefined;
      return fail(
        'Reference to undeclared local value',
        `${where} refers to ${reference.address}, but no such local value is declared.${didYouMean(reference.address, [...declarations.locals].map((name) => `local.${name}`))} Declare it under "locals", or correct the reference.`,
      );
    case 'each':
      if (context.each) return undefined;
      return fail('Reference to "each" in context without for_each', `${where} uses ${reference.text}, but each.key and each.value exist only in a resource or data block with for_each. Add for_each to the block, or use a fixed value.`);
    case 'count':
      if (context.count) return undefined;
      return fail('Reference to "count" in non-counted context', `${where} uses ${reference.text}, but count.index exists only in a resource or data block with count. Add count to the block, or use a fixed value.`);
    case 'self':
      return fail('Invalid "self" reference', `${where} uses self, which Terraform allows only in provisioners, and Lifeboat has none. Refer to the resource by its address instead.`);
    case 'module':
      return fail('Reference to undeclared module', `${where} refers to ${reference.address}, but Lifeboat configurations have no modules. Refer to the resource directly.`);
    default:
      // path.* and terraform.* are provided by the planner's scope.
      return undefined;
  }
}

function checkResourceReference(reference: Reference, where: string, context: ExpressionContext, fail: (summary: string, detail: string) => ConfigDiagnostic): ConfigDiagnostic | undefined {
  const { declarations } = context;
  const target = declarations.resources.get(reference.address);
  if (target === undefined) {
    const asData = reference.root === 'resource' && declarations.resources.has(`data.${reference.address}`) ? ` Did you mean data.${reference.address}? Data sources are referred to with "data.".` : '';
    const suggestion = asData || didYouMean(reference.address, declarations.resources.keys());
    const kind = reference.root === 'data' ? 'data source' : 'resource';
    return fail('Reference to undeclared resource', `${where} refers to ${reference.address}, but no such ${kind} is declared.${suggestion} Declare it, or correct the reference.`);
  }
  if (reference.address === context.self) {
    return fail('Self-referential block', `${where} refers to ${reference.text}, the block itself; a block cannot use its own attributes. Use a variable or a local value instead.`);
  }
  const indexed = /^\s*(\[|\.\d)/.test(reference.text.slice(reference.address.length));
  const expanded = target.count !== undefined ? 'count' : target.forEach !== undefined ? 'for_each' : undefined;
  if (expanded !== undefined && !indexed && reference.attribute !== undefined) {
    const example = expanded === 'count' ? `${reference.address}[0].${reference.attribute}` : `${reference.address}[each.key].${reference.attribute}`;
    return fail(
      'Missing resource instance key',
      `${where} reads ${reference.text}, but ${reference.address} has ${expanded} set, so its attributes belong to its instances. Pick one, e.g. ${example}.`,
    );
  }
  if (expanded === undefined && indexed) {
    return fail('Unexpected resource instance key', `${where} reads ${reference.text}, but ${reference.address} has neither count nor for_each, so it has a single instance. Remove the index.`);
  }
  const schema = resourceTypeOf(target.mode, target.type)?.schema;
  if (schema !== undefined && reference.attribute !== undefined && !Object.hasOwn(schema.attributes, reference.attribute)) {
    const names = Object.keys(schema.attributes);
    return fail(
      'Unsupported attribute',
      `${where} reads ${reference.text}, but ${target.type} has no attribute ${JSON.stringify(reference.attribute)}.${didYouMean(reference.attribute, names)} Its attributes are ${names.join(', ')}.`,
    );
  }
  return undefined;
}
