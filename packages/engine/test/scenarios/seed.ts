import type { Lifeboat, SetBackupPolicyRequest } from '@lifeboat/sdk';
import { Placeholders } from './placeholders.js';

/** A backup policy as `setup.json` writes it: the SDK's request, keyed by cluster name. */
export type PolicySetup = SetBackupPolicyRequest;

/** A copy policy as `setup.json` writes it. */
export interface CopyPolicySetup {
  readonly cluster: string;
  readonly regionId: string;
  readonly retentionDays: number;
  /** @default "ALL" */
  readonly appliesTo?: 'AUTO' | 'MANUAL' | 'ALL';
}

/** Changes that stand for what someone did on the server after the state was recorded. */
export interface OutsideChanges {
  readonly policies?: Readonly<Record<string, PolicySetup>>;
  readonly copyPolicies?: readonly CopyPolicySetup[];
}

/**
 * `setup.json`: what exists on the server before the plan, made through the SDK so refresh reads
 * real objects. Everything is created in the case's own project, so cluster names repeat freely
 * between cases.
 */
export interface ScenarioSetup {
  /** Clusters by name, each with an optional number of rows in an `items` collection. */
  readonly clusters?: Readonly<Record<string, { readonly rows?: number }>>;
  /** MANUAL CLUSTER backups by name, taken (and waited for) in the order listed. */
  readonly backups?: Readonly<Record<string, { readonly cluster: string }>>;
  /** Backup policies by cluster name. */
  readonly policies?: Readonly<Record<string, PolicySetup>>;
  readonly copyPolicies?: readonly CopyPolicySetup[];
  /**
   * Applied last: the drift. A case without it must have a state that matches the server
   * exactly, which the runner checks.
   */
  readonly changedOutside?: OutsideChanges;
}

export interface SeedRequest {
  readonly client: Lifeboat;
  readonly setup: ScenarioSetup;
  readonly projectId: string;
  readonly serverUrl: string;
}

/**
 * Creates what `setup.json` describes and returns the placeholders for it: `{{cluster:NAME}}`,
 * `{{backup:NAME}}`, `{{project}}` and `{{server}}` (the base URL, part of connect addresses).
 * Backups are taken before policies are enabled, since enabling one starts an AUTO backup and
 * a MANUAL one cannot start while it runs.
 */
export async function seed({ client, setup, projectId, serverUrl }: SeedRequest): Promise<Placeholders> {
  const placeholders = new Placeholders();
  placeholders.set('project', projectId);
  placeholders.set('server', serverUrl);
  const clusterIds = new Map<string, string>();
  const clusterId = (name: string): string => {
    const id = clusterIds.get(name);
    if (id === undefined) throw new Error(`setup.json refers to cluster ${JSON.stringify(name)}, which is not under "clusters"`);
    return id;
  };

  for (const [name, { rows = 0 }] of Object.entries(setup.clusters ?? {})) {
    const created = await client.clusters.create({ projectId, regionId: 'local-1', clusterName: name, cuSize: 1 });
    clusterIds.set(name, created.clusterId);
    placeholders.set(`cluster:${name}`, created.clusterId);
    if (rows > 0) {
      const data = client.dataPlane(created.clusterId);
      await data.collections.create({ collectionName: 'items', schema: { fields: [{ fieldName: 'id', dataType: 'Int64', isPrimary: true }] } });
      await data.entities.insert({ collectionName: 'items', data: Array.from({ length: rows }, (_, id) => ({ id })) });
    }
  }

  for (const [name, { cluster }] of Object.entries(setup.backups ?? {})) {
    const started = await client.backups.create({ clusterId: clusterId(cluster), backupType: 'CLUSTER', backupName: name });
    await started.job.wait({ pollIntervalMs: 20, maxPollIntervalMs: 100 });
    placeholders.set(`backup:${name}`, started.backupId);
  }

  const change = async (changes: OutsideChanges): Promise<void> => {
    for (const [cluster, policy] of Object.entries(changes.policies ?? {})) await client.policies.set({ clusterId: clusterId(cluster), ...policy });
    for (const { cluster, regionId, retentionDays, appliesTo = 'ALL' } of changes.copyPolicies ?? []) {
      await client.copyPolicies.put({ clusterId: clusterId(cluster), regionId, retentionDays, appliesTo });
    }
  };
  await change(setup);
  if (setup.changedOutside !== undefined) await change(setup.changedOutside);
  return placeholders;
}
