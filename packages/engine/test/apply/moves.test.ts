import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifeboat } from '@lifeboat/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import { loadConfiguration } from '../../src/config/load.js';
import { plan } from '../../src/plan/planner.js';
import { countChanges, hasChanges, planToJson, renderPlan } from '../../src/render/index.js';
import { LocalStateBackend, parseState, serializeState, stateList } from '../../src/index.js';
import { nightlyPolicy, state } from '../fixtures/render/builders.js';

/**
 * A `moved` block with no other change: nothing is called on the server (with -refresh=false
 * nothing is read either), yet the plan is worth applying, because applying it records the new
 * address.
 */

let work: string;
let backend: LocalStateBackend;
// Never called: nothing is refreshed, created or changed.
const client = new Lifeboat({ baseUrl: 'http://127.0.0.1:9', apiKey: 'unused' });

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'lifeboat-moves-'));
  const body = { cluster_id: nightlyPolicy.cluster_id, frequency: 'daily', start_time: '02:00-04:00', retention_days: 7 };
  await writeFile(
    join(work, 'main.tf.json'),
    JSON.stringify({ resource: { lifeboat_backup_policy: { orders_nightly: body } }, moved: [{ from: 'lifeboat_backup_policy.nightly', to: 'lifeboat_backup_policy.orders_nightly' }] }),
  );
  backend = new LocalStateBackend({ path: join(work, 'terraform.tfstate') });
  const recorded = state({
    serial: 0,
    resources: [
      {
        mode: 'managed',
        type: 'lifeboat_backup_policy',
        name: 'nightly',
        provider: 'provider["registry.terraform.io/lifeboat/lifeboat"]',
        instances: [{ schema_version: 0, attributes: nightlyPolicy, sensitive_attributes: [], dependencies: [] }],
      },
    ],
  });
  await writeFile(join(work, 'terraform.tfstate'), serializeState(recorded));
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function planNow() {
  const { configuration } = await loadConfiguration({ dir: work });
  const current = parseState(serializeState((await backend.read()) ?? state()), 'test');
  return plan({ configuration, variables: {}, state: current, client, refresh: false });
}

describe('moved blocks', () => {
  it('plans a move alone as an applyable no-op that says where the object was', async () => {
    const planned = await planNow();
    expect(planned.resourceChanges.map((c) => [c.address, c.previousAddress, c.actions.join('/')])).toEqual([
      ['lifeboat_backup_policy.orders_nightly', 'lifeboat_backup_policy.nightly', 'no-op'],
    ]);
    expect(hasChanges(countChanges(planned.resourceChanges))).toBe(true);
    expect(renderPlan(planned, { color: false })).toContain('  # lifeboat_backup_policy.nightly has moved to lifeboat_backup_policy.orders_nightly\n');
    const json = planToJson(planned);
    expect(json.applyable).toBe(true);
    expect(json.resource_changes[0]).toMatchObject({ address: 'lifeboat_backup_policy.orders_nightly', previous_address: 'lifeboat_backup_policy.nightly', change: { actions: ['no-op'] } });
  });

  it('records the new address when a move-only plan is applied, after which nothing is left to do', async () => {
    const applied = await apply({ plan: await planNow(), backend, client });
    expect(applied.complete).toBe(true);
    expect(stateList(applied.state)).toEqual(['lifeboat_backup_policy.orders_nightly']);
    const next = await planNow();
    expect(next.resourceChanges.map((c) => [c.address, c.previousAddress, c.actions.join('/')])).toEqual([['lifeboat_backup_policy.orders_nightly', undefined, 'no-op']]);
    expect(hasChanges(countChanges(next.resourceChanges))).toBe(false);
    expect(renderPlan(next, { color: false })).toMatch(/^No changes\./);
  });
});
