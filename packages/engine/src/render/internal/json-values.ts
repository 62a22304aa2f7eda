import type { UnknownMarks } from '../../plan/types.js';
import { formatInstanceAddress } from '../../state/address.js';
import type { AttributeValue, ResourceInstanceState, ResourceState, StateSnapshot } from '../../state/types.js';
import type { JsonMarks, JsonOutputValue, JsonResourceValues, JsonState, JsonValues } from '../json-types.js';
import { LIFEBOAT_PROVIDER_NAME, schemaOf, type ProviderSchemas } from '../schemas.js';
import { compareInstances } from './order.js';
import { childMask, define, maskOfResource, sensitiveKeys, type SensitiveMask } from './sensitivity.js';

/**
 * Values for the JSON plan: sensitive parts taken out, and the `*_sensitive` / `after_unknown`
 * marks in Terraform's shape (`SensitiveAsBool`, `unknownAsBool`). Object keys come out sorted,
 * as Terraform's do (cty objects and Go maps marshal that way), so the same plan always gives
 * the same bytes whatever order the planner built its objects in.
 */

type Obj = { readonly [key: string]: AttributeValue };
const own = (record: Obj, key: string): AttributeValue | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

/**
 * `value` without its sensitive parts: object keys are left out (as unknown values are in a
 * plan's `after`), list elements become `null` so positions still line up with the marks, and
 * a wholly sensitive value is `undefined`.
 */
export function redact(value: AttributeValue, mask: SensitiveMask | undefined): AttributeValue | undefined {
  if (mask === true) return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, i) => redact(item, childMask(mask, i)) ?? null);
  const kept: Record<string, AttributeValue> = {};
  for (const key of Object.keys(value).sort()) {
    const redacted = redact(value[key] ?? null, childMask(mask, key));
    if (redacted !== undefined) define(kept, key, redacted);
  }
  return kept;
}

/** A copy of `value` with every object's keys sorted (nothing is sensitive in it). */
export const sortKeys = (value: AttributeValue): AttributeValue => redact(value, undefined) ?? null;

/** An object value without its sensitive attributes. */
export const redactObject = (value: Obj, mask: SensitiveMask | undefined): Obj => redact(value, mask) as Obj;

/**
 * Terraform's `before_sensitive` / `after_sensitive` / `sensitive_values`: `true` where sensitive,
 * `false` for a null or plain value, lists element by element, objects with only the keys
 * that are (or hold) sensitive values. An attribute the schema calls sensitive is marked even
 * when it is null or not known yet, so a consumer never has to guess.
 */
export function sensitiveMarks(value: AttributeValue | undefined, mask: SensitiveMask | undefined): JsonMarks {
  if (mask === true) return true;
  if (value === null || value === undefined || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.map((item, i) => sensitiveMarks(item, childMask(mask, i)));
  const marks: Record<string, JsonMarks> = {};
  for (const key of [...new Set([...Object.keys(value), ...sensitiveKeys(mask)])].sort()) {
    const mark = sensitiveMarks(own(value, key), childMask(mask, key));
    if (mark !== false) define(marks, key, mark);
  }
  return marks;
}

/** The plan's unknown marks already have Terraform's `after_unknown` shape; this only sorts their keys. */
export function unknownMarks(marks: UnknownMarks): JsonMarks {
  if (typeof marks === 'boolean') return marks;
  if (Array.isArray(marks)) return (marks as readonly UnknownMarks[]).map(unknownMarks);
  const sorted: Record<string, JsonMarks> = {};
  const record = marks as { readonly [key: string]: UnknownMarks };
  for (const key of Object.keys(record).sort()) define(sorted, key, unknownMarks(record[key] ?? false));
  return sorted;
}

/** A record with its keys sorted, for output and variable maps. */
export function sortedRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const sorted: Record<string, T> = {};
  for (const [key, value] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) define(sorted, key, value);
  return sorted;
}

/** `provider["registry.terraform.io/lifeboat/lifeboat"]` → `registry.terraform.io/lifeboat/lifeboat`. */
export function providerNameOf(provider: string): string {
  const quoted = /^provider\["([^"]+)"\]/.exec(provider);
  if (quoted?.[1] !== undefined) return quoted[1];
  return provider.includes('/') ? provider : LIFEBOAT_PROVIDER_NAME;
}

/** A state as Terraform's `<state-representation>`, sensitive values taken out. */
export function stateJson(state: StateSnapshot, schemas: ProviderSchemas): JsonState {
  const resources = state.resources
    .flatMap((resource) => resource.instances.map((instance) => instanceValues(resource, instance, schemas)))
    .sort((a, b) => compareInstances(instanceOrder(a), instanceOrder(b)));
  const outputs = sortedRecord(
    Object.entries(state.outputs).map(([name, output]): [string, JsonOutputValue] => {
      const sensitive = output.sensitive === true;
      return [name, { sensitive, ...(sensitive ? {} : { value: sortKeys(output.value) }), ...(output.type === undefined ? {} : { type: output.type }) }];
    }),
  );
  const values: JsonValues = Object.keys(outputs).length === 0 ? { root_module: { resources } } : { outputs, root_module: { resources } };
  return { format_version: '1.0', terraform_version: state.terraform_version, values };
}

const instanceOrder = (values: JsonResourceValues): { resourceAddress: string; index?: string | number; deposed?: string } => ({
  resourceAddress: `${values.mode === 'data' ? 'data.' : ''}${values.type}.${values.name}`,
  ...(values.index === undefined ? {} : { index: values.index }),
  ...(values.deposed_key === undefined ? {} : { deposed: values.deposed_key }),
});

function instanceValues(resource: ResourceState, instance: ResourceInstanceState, schemas: ProviderSchemas): JsonResourceValues {
  const mask = maskOfResource(
    schemaOf(schemas, resource.mode, resource.type),
    instance.sensitive_attributes.map((path) => path.map((step) => step.value)),
  );
  const key = instance.index_key;
  return {
    address: formatInstanceAddress({ mode: resource.mode, type: resource.type, name: resource.name, ...(key === undefined ? {} : { key }) }),
    mode: resource.mode,
    type: resource.type,
    name: resource.name,
    ...(key === undefined ? {} : { index: key }),
    provider_name: providerNameOf(resource.provider),
    schema_version: instance.schema_version,
    values: redactObject(instance.attributes, mask),
    sensitive_values: sensitiveMarks(instance.attributes, mask),
    ...(instance.dependencies.length === 0 ? {} : { depends_on: instance.dependencies }),
    ...(instance.status === 'tainted' ? { tainted: true as const } : {}),
    ...(instance.deposed === undefined ? {} : { deposed_key: instance.deposed }),
  };
}
