import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unknown } from '../../src/expressions/index.js';
import { diffInstance, plannedValues } from '../../src/plan/diff.js';
import { backup, backupPolicy, copyPolicy } from '../../src/resources/index.js';
import type { AttributeValue } from '../../src/state/types.js';

const policyState = {
  id: 'in01-a',
  cluster_id: 'in01-a',
  enabled: true,
  frequency: '1,2,3,4,5,6,7',
  start_time: '02:00-04:00',
  interval_minutes: null,
  retention_days: 7,
  status: 'ENABLED',
};
const base = { ignoreChanges: [] as string[], tainted: false, createBeforeDestroy: false };

describe('diffing one instance', () => {
  it('creates what does not exist, with computed attributes known after apply', () => {
    const result = diffInstance({ ...base, resourceType: backup, prior: undefined, config: { cluster_id: 'in01-a' } });
    expect(result.actions).toEqual(['create']);
    expect(result.after).toMatchObject({ cluster_id: 'in01-a' });
    expect(result.afterUnknown).toMatchObject({ backup_id: true, status: true, size_bytes: true });
  });

  it('plans nothing when the configuration matches, however the server spells the schedule', () => {
    const result = diffInstance({ ...base, resourceType: backupPolicy, prior: policyState, config: { cluster_id: 'in01-a', frequency: 'daily', start_time: '02:00-04:00', retention_days: 7 } });
    expect(result.actions).toEqual(['no-op']);
  });

  it('updates in place what can be updated', () => {
    const result = diffInstance({ ...base, resourceType: backupPolicy, prior: policyState, config: { cluster_id: 'in01-a', frequency: 'daily', start_time: '02:00-04:00', retention_days: 14 } });
    expect(result.actions).toEqual(['update']);
    expect(result.after).toMatchObject({ retention_days: 14 });
  });

  it('keeps computed values on an update that does not change what they follow', () => {
    const result = diffInstance({ ...base, resourceType: backupPolicy, prior: policyState, config: { cluster_id: 'in01-a', frequency: 'daily', start_time: '02:00-04:00', retention_days: 14 } });
    expect(result.afterUnknown).toEqual({});
    expect(result.after).toMatchObject({ id: 'in01-a', status: 'ENABLED' });
  });

  it('plans a computed value as known after apply when the update changes what it follows', () => {
    const result = diffInstance({ ...base, resourceType: backupPolicy, prior: policyState, config: { cluster_id: 'in01-a', enabled: false, frequency: 'daily', start_time: '02:00-04:00', retention_days: 7 } });
    expect(result.actions).toEqual(['update']);
    expect(result.afterUnknown).toEqual({ status: true });
    expect(result.after).not.toHaveProperty('status');
    expect(result.after).toMatchObject({ id: 'in01-a', enabled: false });
  });

  it('replaces when an attribute that forces replacement changes, naming it', () => {
    const prior = { id: 'in01-a/local-2', cluster_id: 'in01-a', region_id: 'local-2', retention_days: 7, applies_to: 'ALL' };
    const result = diffInstance({ ...base, resourceType: copyPolicy, prior, config: { cluster_id: 'in01-a', region_id: 'local-3', retention_days: 7 } });
    expect(result.actions).toEqual(['delete', 'create']);
    expect(result.replacePaths).toEqual([['region_id']]);
    expect(result.actionReason).toBe('replace_because_cannot_update');
    const cbd = diffInstance({ ...base, createBeforeDestroy: true, resourceType: copyPolicy, prior, config: { cluster_id: 'in01-a', region_id: 'local-3', retention_days: 7 } });
    expect(cbd.actions).toEqual(['create', 'delete']);
  });

  it('treats an unknown value as a change, and ignores attributes listed in ignore_changes', () => {
    const unknownRetention = diffInstance({ ...base, resourceType: backupPolicy, prior: policyState, config: { cluster_id: 'in01-a', frequency: 'daily', start_time: '02:00-04:00', retention_days: unknown } });
    expect(unknownRetention.actions).toEqual(['update']);
    expect(unknownRetention.afterUnknown).toMatchObject({ retention_days: true });
    const ignored = diffInstance({ ...base, ignoreChanges: ['retention_days'], resourceType: backupPolicy, prior: policyState, config: { cluster_id: 'in01-a', frequency: 'daily', start_time: '02:00-04:00', retention_days: 30 } });
    expect(ignored.actions).toEqual(['no-op']);
  });

  it('replaces a tainted instance, and deletes one no longer configured', () => {
    expect(diffInstance({ ...base, tainted: true, resourceType: backupPolicy, prior: policyState, config: { cluster_id: 'in01-a', frequency: 'daily', start_time: '02:00-04:00', retention_days: 7 } })).toMatchObject({ actions: ['delete', 'create'], actionReason: 'replace_because_tainted' });
    expect(diffInstance({ ...base, resourceType: backupPolicy, prior: policyState, config: undefined }).actions).toEqual(['delete']);
  });

  it('applying a plan to its prior state yields the desired state, and a second plan is empty', () => {
    const policyConfig = fc.record({
      retention_days: fc.integer({ min: 1, max: 30 }),
      frequency: fc.constantFrom('daily', 'weekdays', 'weekends', '1,3,5', '5,1'),
      start_time: fc.constantFrom('00:00-01:00', '02:00-04:00', '22:30-23:30'),
      enabled: fc.boolean(),
    });
    fc.assert(
      fc.property(policyConfig, fc.option(policyConfig, { nil: undefined }), (desired, priorConfig) => {
        const config = { cluster_id: 'in01-a', ...desired };
        const prior = priorConfig === undefined ? undefined : { ...policyState, ...plannedValues(backupPolicy, policyState, { cluster_id: 'in01-a', ...priorConfig }, false).after };
        const first = diffInstance({ ...base, resourceType: backupPolicy, prior, config });
        // "Apply": the provider stores the planned values, filling what was unknown.
        const applied: Record<string, AttributeValue> = { ...first.after };
        for (const name of Object.keys(first.afterUnknown)) applied[name] = name === 'status' ? 'ENABLED' : (policyState as Record<string, AttributeValue>)[name] ?? null;
        const second = diffInstance({ ...base, resourceType: backupPolicy, prior: applied, config });
        expect(second.actions).toEqual(['no-op']);
        for (const [name, value] of Object.entries(desired)) {
          const schema = backupPolicy.schema.attributes[name];
          expect(applied[name]).toEqual(schema?.normalize ? schema.normalize(value) : value);
        }
      }),
      { numRuns: 300 },
    );
  });
});
