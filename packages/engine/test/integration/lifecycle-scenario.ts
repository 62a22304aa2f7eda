import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lifeboat } from '@lifeboat/sdk';
import { expect } from 'vitest';
import { loadConfiguration } from '../../src/config/load.js';
import { resolveVariables } from '../../src/config/variables.js';
import { plan, type PlanOptions } from '../../src/plan/planner.js';
import type { Plan } from '../../src/plan/types.js';
import { emptyState, type StateBackend } from '../../src/state/index.js';

/**
 * The scenario the lifecycle tests share, whatever the state backend: a policy, a copy policy
 * watching it, manual backups, a data source that depends on them, and an output.
 */
export async function writeLifecycleConfig(dir: string, retention: number, copyRegion: string, backups: readonly string[] = ['before_migration']): Promise<void> {
  await writeFile(
    join(dir, 'main.tf.json'),
    JSON.stringify({
      variable: { cluster_id: { type: 'string' } },
      resource: {
        lifeboat_backup_policy: { nightly: { cluster_id: '${var.cluster_id}', frequency: 'daily', start_time: '02:00-04:00', retention_days: retention } },
        lifeboat_copy_policy: { dr: { cluster_id: '${lifeboat_backup_policy.nightly.cluster_id}', region_id: copyRegion, retention_days: 14 } },
        lifeboat_backup: Object.fromEntries(backups.map((name) => [name, { cluster_id: '${var.cluster_id}' }])),
      },
      data: { lifeboat_latest_backup: { newest: { cluster_id: '${var.cluster_id}', depends_on: ['lifeboat_backup.before_migration'] } } },
      output: { backup_id: { value: '${lifeboat_backup.before_migration.backup_id}' } },
    }),
  );
}

/** A cluster `orders` with one collection of 50 rows. */
export async function seedOrdersCluster(client: Lifeboat, projectId: string): Promise<string> {
  const { clusterId } = await client.clusters.create({ projectId, regionId: 'local-1', clusterName: 'orders', cuSize: 1 });
  const data = client.dataPlane(clusterId);
  await data.collections.create({ collectionName: 'orders', schema: { fields: [{ fieldName: 'id', dataType: 'Int64', isPrimary: true }] } });
  await data.entities.insert({ collectionName: 'orders', data: Array.from({ length: 50 }, (_, id) => ({ id })) });
  return clusterId;
}

/** Loads the configuration in `dir` (which must have no errors) and plans it against `backend`. */
export async function planFrom(request: { dir: string; clusterId: string; client: Lifeboat; backend: StateBackend; extra?: Partial<PlanOptions> }): Promise<Plan> {
  const { configuration, diagnostics } = await loadConfiguration({ dir: request.dir });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const variables = await resolveVariables(configuration, { vars: { cluster_id: request.clusterId }, env: {} });
  const state = (await request.backend.read()) ?? emptyState();
  return plan({ configuration, variables: Object.fromEntries(variables.values), state, client: request.client, ...request.extra });
}

/** Each change's actions by address, e.g. `{ 'lifeboat_copy_policy.dr': 'delete/create' }`. */
export const actionsOf = (planned: Plan): Record<string, string> => Object.fromEntries(planned.resourceChanges.map((c) => [c.address, c.actions.join('/')]));
