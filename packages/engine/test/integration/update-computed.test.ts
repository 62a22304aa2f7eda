import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lifeboat } from '@lifeboat/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import type { Plan, ResourceChange } from '../../src/plan/types.js';
import { planToJson, renderPlan } from '../../src/render/index.js';
import { LocalStateBackend, type StateSnapshot } from '../../src/state/index.js';
import { startTestServer, type TestServer } from '../operations/helpers.js';
import { actionsOf, planFrom, seedOrdersCluster } from './lifecycle-scenario.js';

/**
 * Computed attributes of an in-place update, against the real server: the plan marks as known
 * after apply only what the update can change (a policy's `status` when `enabled` changes), the
 * human and JSON renderings agree, apply records what the server answers, and one apply
 * converges — including a backup whose name is made from that status.
 */

let test: TestServer;
let client: Lifeboat;
let work: string;
let clusterId: string;
let backend: LocalStateBackend;

async function writeConfig(policy: { enabled: boolean; retention: number }): Promise<void> {
  await writeFile(
    join(work, 'main.tf.json'),
    JSON.stringify({
      variable: { cluster_id: { type: 'string' } },
      resource: {
        lifeboat_backup_policy: { nightly: { cluster_id: '${var.cluster_id}', enabled: policy.enabled, frequency: 'daily', start_time: '02:00-04:00', retention_days: policy.retention } },
        lifeboat_backup: { marker: { cluster_id: '${var.cluster_id}', backup_name: 'policy-${lifeboat_backup_policy.nightly.status}' } },
      },
      output: { policy_status: { value: '${lifeboat_backup_policy.nightly.status}' } },
    }),
  );
}

const planNow = (): Promise<Plan> => planFrom({ dir: work, clusterId, client, backend });

const changeAt = (planned: Plan, address: string): ResourceChange => {
  const found = planned.resourceChanges.find((change) => change.address === address);
  if (found === undefined) throw new Error(`no change for ${address}`);
  return found;
};

const attributesAt = (state: StateSnapshot, type: string, name: string): Record<string, unknown> => {
  const attributes = state.resources.find((r) => r.type === type && r.name === name)?.instances[0]?.attributes;
  if (attributes === undefined) throw new Error(`no ${type}.${name} in state`);
  return attributes;
};

/** Every attribute the plan knew is what apply recorded; every one it did not know is known now. */
function expectStateKeepsThePlan(change: ResourceChange, recorded: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(change.after ?? {})) expect(recorded[name], `${change.address}.${name}`).toEqual(value);
  for (const name of Object.keys(change.afterUnknown)) expect(recorded[name], `${change.address}.${name} after apply`).not.toBeNull();
}

beforeAll(async () => {
  test = await startTestServer();
  ({ client, root: work } = test);
  clusterId = await seedOrdersCluster(client, test.server.defaultProjectId);
  backend = new LocalStateBackend({ path: join(work, 'terraform.tfstate') });
}, 60_000);

afterAll(async () => {
  await test.close();
});

describe('computed attributes of in-place updates', () => {
  it('plans as unknown only what an update changes, and records what the server answers', async () => {
    await writeConfig({ enabled: true, retention: 7 });
    const created = await apply({ plan: await planNow(), backend, client });
    expect(created.complete).toBe(true);
    expect(attributesAt(created.state, 'lifeboat_backup', 'marker').backup_name).toBe('policy-ENABLED');

    // An update that leaves `enabled` alone keeps every computed value as it was.
    await writeConfig({ enabled: true, retention: 14 });
    const longer = await planNow();
    expect(actionsOf(longer)).toEqual({ 'lifeboat_backup_policy.nightly': 'update', 'lifeboat_backup.marker': 'no-op' });
    expect(changeAt(longer, 'lifeboat_backup_policy.nightly').afterUnknown).toEqual({});
    expect(changeAt(longer, 'lifeboat_backup_policy.nightly').after).toMatchObject({ status: 'ENABLED', id: clusterId });
    const kept = await apply({ plan: longer, backend, client });
    expectStateKeepsThePlan(changeAt(longer, 'lifeboat_backup_policy.nightly'), attributesAt(kept.state, 'lifeboat_backup_policy', 'nightly'));

    // Disabling changes `status`: known after apply, and so is everything made from it.
    await writeConfig({ enabled: false, retention: 14 });
    const disabling = await planNow();
    const policy = changeAt(disabling, 'lifeboat_backup_policy.nightly');
    expect(actionsOf(disabling)).toEqual({ 'lifeboat_backup_policy.nightly': 'update', 'lifeboat_backup.marker': 'update' });
    expect(policy.afterUnknown).toEqual({ status: true });
    expect(changeAt(disabling, 'lifeboat_backup.marker').afterUnknown).toEqual({ backup_name: true });
    expect(disabling.outputChanges.find((output) => output.name === 'policy_status')).toMatchObject({ actions: ['update'], afterUnknown: true });

    const json = planToJson(disabling);
    const policyJson = json.resource_changes.find((change) => change.address === 'lifeboat_backup_policy.nightly');
    expect(policyJson?.change.after_unknown).toEqual({ status: true });
    expect(policyJson?.change.after).not.toHaveProperty('status');
    const text = renderPlan(disabling, { color: false });
    expect(text).toContain('      ~ status         = "ENABLED" -> (known after apply)\n');
    expect(text).toContain('      ~ backup_name  = "policy-ENABLED" -> (known after apply)\n');

    const disabled = await apply({ plan: disabling, backend, client });
    expect(disabled.walk.failed).toEqual([]);
    expectStateKeepsThePlan(policy, attributesAt(disabled.state, 'lifeboat_backup_policy', 'nightly'));
    expect(attributesAt(disabled.state, 'lifeboat_backup_policy', 'nightly')).toMatchObject({ enabled: false, status: 'DISABLED' });
    expectStateKeepsThePlan(changeAt(disabling, 'lifeboat_backup.marker'), attributesAt(disabled.state, 'lifeboat_backup', 'marker'));
    expect(attributesAt(disabled.state, 'lifeboat_backup', 'marker').backup_name).toBe('policy-DISABLED');
    expect(disabled.outputs.policy_status?.value).toBe('DISABLED');

    // One apply converged: nothing is left to do.
    const after = await planNow();
    expect(Object.values(actionsOf(after)).every((action) => action === 'no-op')).toBe(true);
    expect(after.outputChanges.every((output) => output.actions[0] === 'no-op')).toBe(true);
  }, 120_000);
});
