/**
 * Plan-time checks of one instance's evaluated arguments: what {@link validateConfiguration}
 * could not check because it was written as an expression. Literal arguments were checked
 * statically and are not reported again, so a plan shows each problem once.
 */
import { containsUnknown, formatJsonPath, type Value } from '../expressions/index.js';
import { resourceTypeOf } from '../resources/index.js';
import type { AttributeValue } from '../state/types.js';
import { convertValue } from './convert.js';
import type { ConfigDiagnostic } from './diagnostic.js';
import { isComputedOnly, typeOfAttribute } from './internal/attribute-type.js';
import { describeSubject, error, type Subject } from './internal/diagnostics.js';
import { containsTemplate } from './internal/json-shape.js';
import type { ResourceBlock } from './model.js';

/** One instance's evaluated arguments. */
export interface CheckInstanceRequest {
  readonly block: ResourceBlock;
  /** The instance address (`lifeboat_backup.b["x"]`), for messages; the block's when absent. */
  readonly address?: string;
  /** `evaluate(block.body, scope)` for this instance: may hold unknowns. */
  readonly values: { readonly [key: string]: Value };
}

/** The arguments converted to their declared types, and the problems found. */
export interface CheckInstanceResult {
  /**
   * `values` with each known argument converted to its attribute's type (`"14"` → 14 for a number,
   * `7` → `"7"` for a string), so the diff compares like with like. Unknowns are kept in place.
   */
  readonly values: { readonly [key: string]: Value };
  readonly diagnostics: readonly ConfigDiagnostic[];
}

/**
 * Converts and checks an instance's evaluated arguments against the resource type's schema:
 * types and per-attribute `validate` rules of arguments written as expressions, required
 * arguments whose expression evaluated to null, and the schema's cross-argument rules when the
 * block has expressions and every value is now known. A block of an unknown type is returned
 * unchanged (validateConfiguration reported it).
 *
 * @example
 * const { values, diagnostics } = checkInstanceValues({ block, address: 'lifeboat_backup_policy.nightly["in01-a"]', values: evaluated });
 * // values.retention_days === 14 (from "${var.days}" = "14"); or a diagnostic
 * // "retention_days must be … (got 45) in lifeboat_backup_policy.nightly["in01-a"] (primary/nightly)."
 */
export function checkInstanceValues(request: CheckInstanceRequest): CheckInstanceResult {
  const { block } = request;
  const schema = resourceTypeOf(block.mode, block.type)?.schema;
  if (schema === undefined) return { values: request.values, diagnostics: [] };
  const subject: Subject = { address: request.address ?? block.address, constructPath: block.constructPath, file: block.file };
  const where = describeSubject(subject);
  const diagnostics: ConfigDiagnostic[] = [];
  const converted: Record<string, Value> = {};
  const fromExpression = (name: string): boolean => Object.hasOwn(block.body, name) && containsTemplate(block.body[name] ?? null);

  for (const [name, value] of Object.entries(request.values)) {
    const attribute = Object.hasOwn(schema.attributes, name) ? schema.attributes[name] : undefined;
    if (attribute === undefined || isComputedOnly(attribute)) {
      // Reported statically; keep the value so nothing silently disappears.
      Object.defineProperty(converted, name, { value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    const result = convertValue(value, typeOfAttribute(attribute.type), { extraAttributes: 'error', templatesAreUnknown: false });
    Object.defineProperty(converted, name, { value: result.value, enumerable: true, writable: true, configurable: true });
    if (!fromExpression(name)) continue;
    for (const problem of result.problems) {
      const path = formatJsonPath([name, ...problem.path]);
      const summary = problem.kind === 'type' ? 'Incorrect attribute value type' : problem.kind === 'missing' ? 'Missing required argument' : 'Unsupported argument';
      const message = problem.kind === 'missing' ? 'is required, but the evaluated value has none' : problem.message;
      diagnostics.push(error({ ...subject, attribute: path, summary, detail: `${path} ${message} in ${where} (from ${JSON.stringify(block.body[name])}).` }));
    }
    if (result.problems.length === 0 && result.value !== null && !containsUnknown(result.value)) {
      const message = attribute.validate?.(result.value as AttributeValue);
      if (message !== undefined) diagnostics.push(error({ ...subject, attribute: name, summary: 'Invalid value', detail: `${name} ${message} in ${where}.` }));
    }
  }

  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (attribute.required !== true || !fromExpression(name) || request.values[name] !== null) continue;
    diagnostics.push(
      error({
        ...subject,
        attribute: name,
        summary: 'Missing required argument',
        detail: `The argument "${name}" is required in ${where}, but its expression ${JSON.stringify(block.body[name])} evaluated to null. Give it a value.`,
      }),
    );
  }

  const hasExpressions = Object.values(block.body).some(containsTemplate);
  const allKnown = !Object.values(converted).some(containsUnknown);
  if (schema.validate !== undefined && hasExpressions && allKnown && diagnostics.length === 0) {
    const config: Record<string, AttributeValue> = {};
    for (const [name, attribute] of Object.entries(schema.attributes)) {
      const value = Object.hasOwn(converted, name) ? (converted[name] as AttributeValue) : attribute.default;
      if (value !== undefined) config[name] = value;
    }
    for (const problem of schema.validate(config)) {
      diagnostics.push(error({ ...subject, attribute: problem.attribute, summary: 'Invalid combination of arguments', detail: `${problem.attribute} ${problem.message} in ${where}.` }));
    }
  }
  return { values: converted, diagnostics };
}
