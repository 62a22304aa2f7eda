/**
 * zod schemas for what the state layer reads back from disk or a database: snapshots, journal
 * entries and lock info. Objects are `looseObject`s: fields Terraform (or a newer Lifeboat)
 * writes that we do not know are kept, not refused, and written back unchanged.
 */
import { z } from 'zod';
import { formatInstanceAddress, parseInstanceAddress } from '../address.js';
import type { AttributeValue, JournalEntry, LockInfo, StateSnapshot } from '../types.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** True for values JSON can hold: what attributes and requests are made of. */
export function isAttributeValue(value: unknown): value is AttributeValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isAttributeValue);
  return isPlainObject(value) && Object.values(value).every(isAttributeValue);
}

// Attribute maps are checked with a predicate instead of z.record: z.record copies the object
// and silently drops a "__proto__" key, and attribute maps hold user data (tags, for_each keys).
// The predicate also keeps the parsed object itself, which is faster for large states.
const attributeValue = z.custom<AttributeValue>(isAttributeValue, { message: 'expected a JSON value' });
const attributes = z.custom<Record<string, AttributeValue>>((value) => isPlainObject(value) && isAttributeValue(value), {
  message: 'expected an object of attribute values',
});

function canonicalAddress(address: string): string | undefined {
  try {
    return formatInstanceAddress(parseInstanceAddress(address));
  } catch {
    return undefined;
  }
}

const instanceAddress = z.string().refine((address) => canonicalAddress(address) !== undefined, {
  message: 'expected a resource instance address such as type.name["key"]',
});

const sensitivePathStep = z.looseObject({ type: z.literal('get_attr'), value: z.string() });

/** Terraform's deposed keys: eight lower-case hex digits. */
const deposedKey = z.string().regex(/^[0-9a-f]{8}$/, { message: 'expected a deposed key of 8 hex digits' });

const instanceSchema = z.looseObject({
  index_key: z.union([z.string(), z.number().int().nonnegative()]).optional(),
  schema_version: z.number().int().nonnegative(),
  attributes,
  // Terraform omits both when empty.
  sensitive_attributes: z.array(z.array(sensitivePathStep)).default([]),
  dependencies: z.array(z.string()).default([]),
  status: z.literal('tainted').optional(),
  create_before_destroy: z.boolean().optional(),
  deposed: deposedKey.optional(),
});

const resourceMetaShape = {
  // Addresses here have no module part; a module resource could collide with a root one.
  module: z.undefined({ message: 'resources inside modules are not supported' }).optional(),
  mode: z.enum(['managed', 'data']),
  type: z.string().min(1),
  name: z.string().min(1),
  provider: z.string(),
};

const resourceSchema = z.looseObject({ ...resourceMetaShape, instances: z.array(instanceSchema) });

const outputSchema = z.looseObject({ value: attributeValue, type: z.unknown(), sensitive: z.boolean().optional() });
const outputsSchema = z.record(z.string(), outputSchema);

const pendingSchema = z.looseObject({
  address: instanceAddress,
  action: z.literal('create'),
  idempotencyKey: z.string().min(1),
  jobId: z.string().optional(),
  objectId: z.string().optional(),
  request: attributeValue,
  startedAt: z.string(),
});

/** A snapshot as stored. `pending` is ours and absent from Terraform-written files, hence the default. */
export const stateSchema = z.looseObject({
  version: z.literal(4),
  terraform_version: z.string(),
  serial: z.number().int().nonnegative(),
  lineage: z.string().min(1),
  outputs: outputsSchema.default({}),
  resources: z.array(resourceSchema).default([]),
  pending: z.array(pendingSchema).default([]),
  // Terraform recomputes check results on every run and we never read them: whatever is stored
  // (null, or Terraform's array) is dropped rather than modelled.
  check_results: z.unknown().transform(() => null),
}).superRefine((state, context) => {
  // Folding keys resources, instances and pending operations by address: duplicates would
  // silently collapse into one, losing the other.
  const resources = new Set<string>();
  state.resources.forEach((resource, index) => {
    const id = `${resource.mode}.${resource.type}.${resource.name}`;
    if (resources.has(id)) context.addIssue({ code: 'custom', path: ['resources', index], message: `a second resource ${resource.mode} ${resource.type}.${resource.name}` });
    resources.add(id);
    const keys = new Set<string>();
    resource.instances.forEach((instance, instanceIndex) => {
      const key = `${instance.index_key === undefined ? '' : `${typeof instance.index_key}:${instance.index_key}`}~${instance.deposed ?? ''}`;
      if (keys.has(key)) {
        context.addIssue({
          code: 'custom',
          path: ['resources', index, 'instances', instanceIndex, instance.deposed === undefined ? 'index_key' : 'deposed'],
          message: instance.deposed === undefined ? 'a second instance with this key' : 'a second deposed object with this key',
        });
      }
      keys.add(key);
    });
  });
  const pending = new Set<string>();
  state.pending.forEach((operation, index) => {
    const address = canonicalAddress(operation.address);
    // An address that does not parse is reported by its own check.
    if (address === undefined) return;
    if (pending.has(address)) context.addIssue({ code: 'custom', path: ['pending', index, 'address'], message: `a second pending operation for ${address}` });
    pending.add(address);
  });
});

/** One journal line (after the header). */
export const journalEntrySchema = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('put-instance'), address: instanceAddress, resource: z.looseObject(resourceMetaShape), instance: instanceSchema }),
  z.looseObject({ kind: z.literal('remove-instance'), address: instanceAddress, deposed: deposedKey.optional() }),
  z.looseObject({ kind: z.literal('depose-instance'), address: instanceAddress, resource: z.looseObject(resourceMetaShape), instance: instanceSchema.extend({ deposed: deposedKey }) }),
  z.looseObject({ kind: z.literal('restore-deposed'), address: instanceAddress, deposed: deposedKey, resource: z.looseObject(resourceMetaShape), instance: instanceSchema }),
  z.looseObject({ kind: z.literal('pending'), operation: pendingSchema }),
  z.looseObject({ kind: z.literal('pending-done'), address: instanceAddress }),
  z.looseObject({ kind: z.literal('outputs'), outputs: outputsSchema }),
]);

/** Lock info as stored in a lock file or a `locks` row. */
export const lockInfoSchema = z.looseObject({
  ID: z.string().min(1),
  Operation: z.string(),
  Who: z.string(),
  Version: z.string(),
  Created: z.string(),
  Path: z.string(),
  Info: z.string().optional(),
  Pid: z.number().int().optional(),
});

/** The first few problems of a failed parse, with their JSON paths: enough to find them by hand. */
export function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
    return `${path === '' ? '(top level)' : path.slice(path.startsWith('.') ? 1 : 0)}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

// Parsed JSON has no `undefined` values, so zod's `prop?: T | undefined` outputs are exactly the
// `prop?: T` shapes of types.ts; these casts are the one place that says so.

/** The parsed snapshot, typed as the state layer's shape. */
export function asSnapshot(parsed: z.output<typeof stateSchema>): StateSnapshot {
  return parsed as StateSnapshot;
}

/** The parsed journal entry, typed as the state layer's shape. */
export function asJournalEntry(parsed: z.output<typeof journalEntrySchema>): JournalEntry {
  return parsed as JournalEntry;
}

/** The parsed lock info, typed as the state layer's shape. */
export function asLockInfo(parsed: z.output<typeof lockInfoSchema>): LockInfo {
  return parsed as LockInfo;
}
