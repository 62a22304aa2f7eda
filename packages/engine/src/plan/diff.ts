import { isUnknown, type Value } from '../expressions/index.js';
import { deepEqual } from '../internal/deep-equal.js';
import type { ResourceType } from '../resources/resource-type.js';
import { isConfigurable, type AttributeSchema } from '../resources/schema.js';
import type { AttributeValue } from '../state/types.js';
import type { ActionReason, ChangeActions, UnknownMarks } from './types.js';

/** What the planner knows about one instance when it decides what to do with it. */
export interface DiffRequest {
  readonly resourceType: ResourceType;
  /** Refreshed state; `undefined` when the object does not exist. */
  readonly prior: Readonly<Record<string, AttributeValue>> | undefined;
  /** Evaluated configuration (may hold unknowns); `undefined` when the instance is not configured. */
  readonly config: Readonly<Record<string, Value>> | undefined;
  /** `lifecycle.ignore_changes`: attribute names, or `all`. */
  readonly ignoreChanges: readonly string[] | 'all';
  readonly tainted: boolean;
  /** `-replace=ADDR` or a `replace_triggered_by` reference changed. */
  readonly replaceRequested?: 'replace_by_request' | 'replace_by_triggers' | undefined;
  readonly createBeforeDestroy: boolean;
}

export interface DiffResult {
  readonly actions: ChangeActions;
  readonly actionReason?: ActionReason;
  /** Known planned values. */
  readonly after: Readonly<Record<string, AttributeValue>> | null;
  readonly afterUnknown: Readonly<Record<string, UnknownMarks>>;
  readonly replacePaths: readonly (readonly string[])[];
}

const equal = (a: AttributeValue | undefined, b: AttributeValue | undefined): boolean => deepEqual(a, b);

function normalized(schema: AttributeSchema, value: AttributeValue): AttributeValue {
  return schema.normalize ? schema.normalize(value) : value;
}

/**
 * The planned value of each attribute, Terraform's way: configuration wins when given; an
 * absent optional attribute takes its default; a computed one keeps its prior value (or becomes
 * "known after apply" on create); anything else is null.
 */
export function plannedValues(
  resourceType: ResourceType,
  prior: Readonly<Record<string, AttributeValue>> | undefined,
  config: Readonly<Record<string, Value>>,
  creating: boolean,
): { after: Record<string, AttributeValue>; unknown: Record<string, UnknownMarks> } {
  const after: Record<string, AttributeValue> = {};
  const unknown: Record<string, UnknownMarks> = {};
  for (const [name, schema] of Object.entries(resourceType.schema.attributes)) {
    const configured = config[name];
    if (configured !== undefined && configured !== null) {
      if (isUnknown(configured)) unknown[name] = true;
      else after[name] = normalized(schema, configured as AttributeValue);
      continue;
    }
    if (schema.default !== undefined) after[name] = schema.default;
    else if (schema.computed === true) {
      if (creating || prior === undefined || prior[name] === undefined) unknown[name] = true;
      else after[name] = prior[name] ?? null;
    } else after[name] = null;
  }
  return { after, unknown };
}

/**
 * Decides the action for one instance: create, no-op, update in place, replace (and which
 * attributes force it), or delete. Only attributes a user can set are compared, so values the
 * server computes never cause noise.
 */
export function diffInstance(request: DiffRequest): DiffResult {
  const { resourceType, prior, config } = request;
  if (config === undefined) {
    return { actions: ['delete'], after: null, afterUnknown: {}, replacePaths: [] };
  }
  if (prior === undefined) {
    const { after, unknown } = plannedValues(resourceType, undefined, config, true);
    return { actions: ['create'], after, afterUnknown: unknown, replacePaths: [] };
  }

  const replaceActions: ChangeActions = request.createBeforeDestroy ? ['create', 'delete'] : ['delete', 'create'];
  if (request.tainted || request.replaceRequested !== undefined) {
    const { after, unknown } = plannedValues(resourceType, undefined, config, true);
    return { actions: replaceActions, actionReason: request.tainted ? 'replace_because_tainted' : (request.replaceRequested ?? 'replace_by_request'), after, afterUnknown: unknown, replacePaths: [] };
  }

  const { after, unknown } = plannedValues(resourceType, prior, config, false);
  const ignored = (name: string) => request.ignoreChanges === 'all' || request.ignoreChanges.includes(name);
  const changed: string[] = [];
  for (const [name, schema] of Object.entries(resourceType.schema.attributes)) {
    const settable = isConfigurable(schema) || (config[name] !== undefined && config[name] !== null);
    if (!settable) continue;
    if (ignored(name)) {
      if (prior[name] !== undefined) after[name] = prior[name] ?? null;
      delete unknown[name];
      continue;
    }
    const before = prior[name] === undefined || prior[name] === null ? prior[name] : normalized(schema, prior[name] ?? null);
    if (unknown[name] === true || !equal(before, after[name])) changed.push(name);
  }
  if (changed.length === 0) {
    // Nothing to do: the planned state is exactly the prior one.
    return { actions: ['no-op'], after: { ...prior }, afterUnknown: {}, replacePaths: [] };
  }
  const forcing = changed.filter((name) => resourceType.schema.attributes[name]?.forcesReplacement === true || resourceType.update === undefined);
  if (forcing.length > 0) {
    const fresh = plannedValues(resourceType, prior, config, true);
    return { actions: replaceActions, actionReason: 'replace_because_cannot_update', after: fresh.after, afterUnknown: fresh.unknown, replacePaths: forcing.map((name) => [name]) };
  }
  recomputedBy(resourceType, config, changed, after, unknown);
  return { actions: ['update'], after, afterUnknown: unknown, replacePaths: [] };
}

/**
 * Marks as known after apply the computed attributes the update recomputes (`changesWith`
 * names a changed attribute), unless the configuration sets them: planning their prior value
 * would promise a value the server is about to replace.
 */
function recomputedBy(
  resourceType: ResourceType,
  config: Readonly<Record<string, Value>>,
  changed: readonly string[],
  after: Record<string, AttributeValue>,
  unknown: Record<string, UnknownMarks>,
): void {
  for (const [name, schema] of Object.entries(resourceType.schema.attributes)) {
    if (schema.computed !== true || (config[name] !== undefined && config[name] !== null)) continue;
    if (!(schema.changesWith ?? []).some((source) => changed.includes(source))) continue;
    delete after[name];
    unknown[name] = true;
  }
}
