import { describe, expect, it } from 'vitest';
import { applyJournal, emptyState, parseState, serializeState, StateCorruptError, type JournalEntry, type ResourceInstanceState, type StateSnapshot } from '../../src/state/index.js';

/**
 * Deposed objects: what a `create_before_destroy` replacement leaves in the state until the old
 * object is deleted, recorded as Terraform records them (`instances[].deposed`).
 */

const provider = 'provider["registry.terraform.io/lifeboat/lifeboat"]';
const resource = { mode: 'managed' as const, type: 'lifeboat_cluster_restore', name: 'standby', provider };
const address = 'lifeboat_cluster_restore.standby';
const object = (id: string, extra: Partial<ResourceInstanceState> = {}): ResourceInstanceState => ({
  schema_version: 0,
  attributes: { id, cluster_id: id },
  sensitive_attributes: [],
  dependencies: [],
  ...extra,
});
const old = object('in01-old', { create_before_destroy: true });
const replacement = object('in01-new', { create_before_destroy: true });

const put = (instance: ResourceInstanceState): JournalEntry => ({ kind: 'put-instance', address, resource, instance });
const depose: JournalEntry = { kind: 'depose-instance', address, resource, instance: { ...old, deposed: '1a2b3c4d' } };
const start: StateSnapshot = applyJournal({ ...emptyState('lineage'), serial: 3 }, [put(old)]);
const operation = { address, action: 'create' as const, idempotencyKey: 'key-1', request: { cluster_name: 'standby' }, startedAt: '2026-01-06T08:00:00Z' };

describe('deposed objects in the state', () => {
  it('deposes the current object in one entry, so its replacement is recorded beside it', () => {
    const deposed = applyJournal(start, [depose]);
    expect(deposed.resources[0]?.instances).toEqual([{ ...old, deposed: '1a2b3c4d' }]);
    const replaced = applyJournal(deposed, [put(replacement)]);
    // The current object first, then the deposed ones by key.
    expect(replaced.resources[0]?.instances).toEqual([replacement, { ...old, deposed: '1a2b3c4d' }]);
  });

  it('keeps the old object when the apply is killed between the replacement and the delete', () => {
    // What the journal holds when a SIGKILL lands after the new object is recorded: the delete
    // of the old one never started, and the next plan must still find it.
    const killed = applyJournal(start, [
      depose,
      { kind: 'pending', operation },
      { kind: 'pending', operation: { ...operation, objectId: 'in01-new' } },
      put(replacement),
      { kind: 'pending-done', address },
    ]);
    expect(killed.resources[0]?.instances.map((i) => [i.attributes.id, i.deposed])).toEqual([
      ['in01-new', undefined],
      ['in01-old', '1a2b3c4d'],
    ]);
    expect(killed.pending).toEqual([]);
  });

  it('keeps the old object when the apply is killed while the replacement is being created', () => {
    const killed = applyJournal(start, [depose, { kind: 'pending', operation }]);
    expect(killed.resources[0]?.instances).toEqual([{ ...old, deposed: '1a2b3c4d' }]);
    expect(killed.pending).toEqual([operation]);
  });

  it('removes a deposed object by its key, and the current one without a key', () => {
    const both = applyJournal(start, [depose, put(replacement)]);
    const cleaned = applyJournal(both, [{ kind: 'remove-instance', address, deposed: '1a2b3c4d' }]);
    expect(cleaned.resources[0]?.instances).toEqual([replacement]);
    // The resource stays while a deposed object is left, even without a current one.
    const onlyDeposed = applyJournal(both, [{ kind: 'remove-instance', address }]);
    expect(onlyDeposed.resources[0]?.instances).toEqual([{ ...old, deposed: '1a2b3c4d' }]);
    expect(applyJournal(onlyDeposed, [{ kind: 'remove-instance', address, deposed: '1a2b3c4d' }]).resources).toEqual([]);
  });

  it('restores a deposed object as the current one when its replacement never stood', () => {
    const restored = applyJournal(start, [depose, { kind: 'pending', operation }, { kind: 'restore-deposed', address, deposed: '1a2b3c4d', resource, instance: old }]);
    expect(restored.resources).toEqual(start.resources);
  });

  it('folds the same deposing entries a second time to the same state', () => {
    const entries: JournalEntry[] = [depose, put(replacement)];
    const once = applyJournal(start, entries);
    expect(applyJournal(once, entries)).toEqual(once);
  });

  it('writes deposed objects as Terraform does and reads them back', () => {
    const state = applyJournal(start, [depose, put(replacement)]);
    const text = serializeState(state);
    expect(text).toContain('"deposed": "1a2b3c4d",\n          "schema_version": 0');
    expect(parseState(text, 'terraform.tfstate')).toEqual(state);
  });

  it('refuses a deposed key that is not 8 hex digits, or two deposed objects with one key', () => {
    const stored = JSON.parse(serializeState(applyJournal(start, [depose]))) as { resources: { instances: Record<string, unknown>[] }[] };
    const instances = stored.resources[0]?.instances ?? [];
    const bad = { ...stored, resources: [{ ...stored.resources[0], instances: [{ ...instances[0], deposed: 'xyz' }] }] };
    expect(() => parseState(JSON.stringify(bad), 'bad.tfstate')).toThrow(StateCorruptError);
    const twice = { ...stored, resources: [{ ...stored.resources[0], instances: [instances[0], instances[0]] }] };
    expect(() => parseState(JSON.stringify(twice), 'twice.tfstate')).toThrow(/a second deposed object with this key/);
  });
});
