/**
 * fast-check generators for journal entries. Addresses come from a small pool so that
 * sequences put, replace and remove the same instances often.
 */
import fc from 'fast-check';
import { formatInstanceAddress, type AttributeValue, type InstanceAddress, type JournalEntry, type OutputState } from '../../src/state/index.js';

const provider = 'provider["registry.terraform.io/lifeboat/lifeboat"]';

/** JSON values as they come back from JSON (no -0, no undefined), including awkward keys and strings. */
export const attributeValue: fc.Arbitrary<AttributeValue> = fc
  .jsonValue({ maxDepth: 3 })
  .map((value) => JSON.parse(JSON.stringify(value)) as AttributeValue);

const attributes = fc.dictionary(fc.oneof(fc.constantFrom('id', 'cluster_id', 'retention_days', 'tags', '__proto__', '10', '2'), fc.string()), attributeValue, {
  maxKeys: 4,
});

const address: fc.Arbitrary<InstanceAddress> = fc.record(
  {
    mode: fc.constantFrom('managed' as const, 'managed' as const, 'data' as const),
    type: fc.constantFrom('lifeboat_backup', 'lifeboat_backup_policy', 'lifeboat_cluster'),
    name: fc.constantFrom('a', 'b'),
    key: fc.oneof(fc.constantFrom(0, 1, 2), fc.constantFrom('x', '0', 'a"b\\c', 'ü ☃')),
  },
  { requiredKeys: ['mode', 'type', 'name'] },
);

const addressText = address.map(formatInstanceAddress);

/** No key (the current object) most often, else one of two deposed keys. */
const deposedKey = fc.option(fc.constantFrom('1a2b3c4d', '00ff00ff'), { nil: undefined, freq: 3 });

const putInstance: fc.Arbitrary<JournalEntry> = fc
  .record({
    address,
    schemaVersion: fc.nat(2),
    attributes,
    sensitive: fc.boolean(),
    dependencies: fc.array(addressText, { maxLength: 2 }),
    tainted: fc.boolean(),
    provider: fc.constantFrom(provider, 'provider["registry.terraform.io/lifeboat/other"]'),
    deposed: deposedKey,
  })
  .map(({ address: target, schemaVersion, attributes: values, sensitive, dependencies, tainted, provider: resourceProvider, deposed }) => ({
    kind: 'put-instance' as const,
    address: formatInstanceAddress(target),
    resource: { mode: target.mode, type: target.type, name: target.name, provider: resourceProvider },
    instance: {
      ...(target.key === undefined ? {} : { index_key: target.key }),
      schema_version: schemaVersion,
      attributes: values,
      sensitive_attributes: sensitive ? [[{ type: 'get_attr' as const, value: 'password' }]] : [],
      dependencies,
      ...(tainted ? { status: 'tainted' as const } : {}),
      ...(deposed === undefined ? {} : { deposed }),
    },
  }));

/** Deposing and restoring move one object between an instance's current and deposed places. */
const deposeOrRestore: fc.Arbitrary<JournalEntry> = fc
  .tuple(putInstance, fc.constantFrom('1a2b3c4d', '00ff00ff'), fc.boolean())
  .map(([entry, key, depose]): JournalEntry => {
    if (entry.kind !== 'put-instance') return entry;
    const { deposed: _ignored, ...instance } = entry.instance;
    return depose
      ? { kind: 'depose-instance', address: entry.address, resource: entry.resource, instance: { ...instance, deposed: key } }
      : { kind: 'restore-deposed', address: entry.address, deposed: key, resource: entry.resource, instance };
  });

const pending: fc.Arbitrary<JournalEntry> = fc
  .record({ address: addressText, key: fc.uuid(), jobId: fc.option(fc.string({ minLength: 1 }), { nil: undefined }), request: attributeValue })
  .map(({ address: target, key, jobId, request }) => ({
    kind: 'pending' as const,
    operation: {
      address: target,
      action: 'create' as const,
      idempotencyKey: key,
      ...(jobId === undefined ? {} : { jobId }),
      request,
      startedAt: '2025-01-01T00:00:00.000Z',
    },
  }));

const outputs: fc.Arbitrary<JournalEntry> = fc
  .dictionary(fc.constantFrom('backup_id', 'standby_address', 'password'), fc.record({ value: attributeValue, sensitive: fc.boolean() }), { maxKeys: 3 })
  .map((values) => ({
    kind: 'outputs' as const,
    outputs: Object.fromEntries(
      Object.entries(values).map(([name, { value, sensitive }]): [string, OutputState] => [name, { value, type: 'string', ...(sensitive ? { sensitive } : {}) }]),
    ),
  }));

/** Any journal entry, weighted towards instance changes. */
export const journalEntry: fc.Arbitrary<JournalEntry> = fc.oneof(
  { arbitrary: putInstance, weight: 4 },
  {
    arbitrary: fc.tuple(addressText, deposedKey).map(([target, deposed]): JournalEntry => ({ kind: 'remove-instance', address: target, ...(deposed === undefined ? {} : { deposed }) })),
    weight: 2,
  },
  { arbitrary: deposeOrRestore, weight: 1 },
  { arbitrary: pending, weight: 2 },
  { arbitrary: addressText.map((target): JournalEntry => ({ kind: 'pending-done', address: target })), weight: 1 },
  { arbitrary: outputs, weight: 1 },
);

/** Sequences of entries, as an apply records them. */
export const journalEntries = fc.array(journalEntry, { maxLength: 30 });
