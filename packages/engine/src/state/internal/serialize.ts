/**
 * Key order for stored snapshots. Known fields come in the order Terraform writes them; all
 * other keys (attribute maps, unknown fields) are sorted, recursively. JavaScript always puts
 * integer-like keys ("0", "10") first in ascending order whatever the insertion order, so those
 * are not sorted as text as Terraform would; the output is still the same for the same state.
 */
import type { StateSnapshot } from '../types.js';

type JsonObject = Record<string, unknown>;

const stateOrder = ['version', 'terraform_version', 'serial', 'lineage', 'outputs', 'resources', 'check_results', 'pending'];
const resourceOrder = ['module', 'mode', 'type', 'name', 'provider', 'instances'];
const instanceOrder = [
  'index_key',
  'status',
  'deposed',
  'schema_version',
  'attributes',
  'sensitive_attributes',
  'private',
  'dependencies',
  'create_before_destroy',
];
const outputOrder = ['value', 'type', 'sensitive'];
const pendingOrder = ['address', 'action', 'idempotencyKey', 'jobId', 'objectId', 'request', 'startedAt'];

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sorted keys all the way down. */
function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (!isObject(value)) return value;
  // Object.fromEntries defines own properties, so a "__proto__" key stays data.
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => [key, sortedDeep(value[key])]),
  );
}

/** `order` first (when present), then the remaining keys sorted; `child` may order a field's value. */
function ordered(value: JsonObject, order: readonly string[], child: (key: string, value: unknown) => unknown = (_, v) => sortedDeep(v)): JsonObject {
  const known = order.filter((key) => Object.hasOwn(value, key));
  const rest = Object.keys(value)
    .filter((key) => !order.includes(key))
    .sort();
  return Object.fromEntries(
    [...known, ...rest].filter((key) => value[key] !== undefined).map((key) => [key, child(key, value[key])]),
  );
}

function orderedList(value: unknown, order: readonly string[], child?: (key: string, value: unknown) => unknown): unknown {
  return Array.isArray(value) ? value.map((item) => (isObject(item) ? ordered(item, order, child) : sortedDeep(item))) : sortedDeep(value);
}

function orderedOutputs(value: unknown): unknown {
  if (!isObject(value)) return sortedDeep(value);
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((name) => {
        const output = value[name];
        return [name, isObject(output) ? ordered(output, outputOrder) : sortedDeep(output)];
      }),
  );
}

/** A copy of the snapshot whose key insertion order is the stored order. */
export function serializeOrdered(state: StateSnapshot): JsonObject {
  return ordered(state as unknown as JsonObject, stateOrder, (key, value) => {
    switch (key) {
      case 'outputs':
        return orderedOutputs(value);
      case 'resources':
        return orderedList(value, resourceOrder, (field, fieldValue) =>
          field === 'instances' ? orderedList(fieldValue, instanceOrder) : sortedDeep(fieldValue),
        );
      case 'pending':
        return orderedList(value, pendingOrder);
      default:
        return sortedDeep(value);
    }
  });
}
