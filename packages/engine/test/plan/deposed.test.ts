import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifeboat } from '@lifeboat/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfiguration } from '../../src/config/load.js';
import { plan, type PlanOptions } from '../../src/plan/planner.js';
import { countChanges, renderPlan } from '../../src/render/index.js';
import { applyJournal, emptyState, type JournalEntry } from '../../src/state/index.js';
import { nightlyPolicy } from '../fixtures/render/builders.js';

/**
 * Planning with deposed objects in the state (left by an unfinished create_before_destroy).
 * With -refresh=false nothing is read from the server, so none is needed.
 */

let work: string;
const client = new Lifeboat({ baseUrl: 'http://127.0.0.1:9', apiKey: 'unused' });
const provider = 'provider["registry.terraform.io/lifeboat/lifeboat"]';
const resource = { mode: 'managed' as const, type: 'lifeboat_backup_policy', name: 'nightly', provider };
const object = (id: string, deposed?: string): JournalEntry => ({
  kind: 'put-instance',
  address: 'lifeboat_backup_policy.nightly',
  resource,
  instance: { schema_version: 0, attributes: { ...nightlyPolicy, id, cluster_id: id }, sensitive_attributes: [], dependencies: [], ...(deposed === undefined ? {} : { deposed }) },
});
const state = applyJournal({ ...emptyState('lineage'), serial: 2 }, [object(nightlyPolicy.id), object('in01-old', '1a2b3c4d')]);

async function planWith(body: Record<string, unknown>, extra: Partial<PlanOptions> = {}) {
  await writeFile(join(work, 'main.tf.json'), JSON.stringify(body));
  const { configuration } = await loadConfiguration({ dir: work });
  return plan({ configuration, variables: {}, state, client, refresh: false, ...extra });
}

const policy = (extra: Record<string, unknown> = {}) => ({
  resource: { lifeboat_backup_policy: { nightly: { cluster_id: nightlyPolicy.cluster_id, frequency: 'daily', start_time: '02:00-04:00', retention_days: 7, ...extra } } },
});
const summary = (planned: Awaited<ReturnType<typeof planWith>>) => planned.resourceChanges.map((c) => [c.address, c.deposed, c.actions.join('/')]);

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'lifeboat-plan-deposed-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('planning deposed objects', () => {
  it('destroys a deposed object whatever the configuration says, leaving the current object alone', async () => {
    const planned = await planWith(policy());
    expect(summary(planned)).toEqual([
      ['lifeboat_backup_policy.nightly', undefined, 'no-op'],
      ['lifeboat_backup_policy.nightly', '1a2b3c4d', 'delete'],
    ]);
    expect(planned.resourceChanges[1]?.before).toMatchObject({ cluster_id: 'in01-old' });
    expect(countChanges(planned.resourceChanges)).toMatchObject({ add: 0, change: 0, destroy: 1 });
    expect(renderPlan(planned, { color: false })).toContain('  # lifeboat_backup_policy.nightly (deposed object 1a2b3c4d) will be destroyed\n');
  });

  it('is not held back by prevent_destroy, which protects the instance and not what its replacement left', async () => {
    const planned = await planWith(policy({ lifecycle: { prevent_destroy: true } }));
    expect(planned.errored).toBe(false);
    expect(summary(planned)).toContainEqual(['lifeboat_backup_policy.nightly', '1a2b3c4d', 'delete']);
  });

  it('destroys deposed objects with the rest in a destroy plan, and leaves them in a refresh-only plan', async () => {
    expect(summary(await planWith(policy(), { mode: 'destroy' }))).toEqual([
      ['lifeboat_backup_policy.nightly', undefined, 'delete'],
      ['lifeboat_backup_policy.nightly', '1a2b3c4d', 'delete'],
    ]);
    expect(summary(await planWith(policy(), { mode: 'refresh-only' }))).toEqual([]);
  });

  it('moves deposed objects with their instance when a moved block renames it', async () => {
    const renamed = { lifeboat_backup_policy: { orders: policy().resource.lifeboat_backup_policy.nightly } };
    const planned = await planWith({ resource: renamed, moved: [{ from: 'lifeboat_backup_policy.nightly', to: 'lifeboat_backup_policy.orders' }] });
    expect(summary(planned)).toEqual([
      ['lifeboat_backup_policy.orders', undefined, 'no-op'],
      ['lifeboat_backup_policy.orders', '1a2b3c4d', 'delete'],
    ]);
  });
});
