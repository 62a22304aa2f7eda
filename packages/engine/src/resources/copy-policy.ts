import { NotFoundError, type CopyPolicy, type CopyPolicyScope, type Lifeboat, type PutCopyPoliciesRequest } from '@lifeboat/sdk';
import { writeInBatches } from './batched-writes.js';
import type { Attributes, ResourceType } from './resource-type.js';
import { num, oneOf, retentionDays, str, unlessNotFound } from './common.js';

const toState = (clusterId: string, policy: CopyPolicy): Attributes => ({
  id: `${clusterId}/${policy.regionId}`,
  cluster_id: clusterId,
  region_id: policy.regionId,
  retention_days: policy.retentionDays,
  applies_to: policy.appliesTo,
});

/** The SDK request that puts the copy policy a configuration declares. */
function toRequest(config: Attributes): PutCopyPoliciesRequest['copyPolicies'][number] {
  return { clusterId: str(config.cluster_id), regionId: str(config.region_id), retentionDays: num(config.retention_days), appliesTo: str(config.applies_to ?? 'ALL') as CopyPolicyScope };
}

async function putPolicy(client: Lifeboat, config: Attributes, signal: AbortSignal): Promise<Attributes> {
  const request = toRequest(config);
  return toState(request.clusterId, await client.copyPolicies.put(request, { signal }));
}

/** `lifeboat_copy_policy`: copy a cluster's backups to another region. */
export const copyPolicy: ResourceType = {
  type: 'lifeboat_copy_policy',
  mode: 'managed',
  schema: {
    description: 'Copies a cluster\'s backups to another region after each backup, keeping the copies for `retention_days`. Only blobs missing in that region move.',
    attributes: {
      id: { type: 'string', computed: true, description: '`<cluster_id>/<region_id>`.' },
      cluster_id: { type: 'string', required: true, forcesReplacement: true, description: 'The cluster whose backups are copied.' },
      region_id: { type: 'string', required: true, forcesReplacement: true, description: 'The region to copy to; not the cluster\'s own.' },
      retention_days: retentionDays('Days a copy is kept, 1–30.', { required: true }),
      applies_to: { type: 'string', default: 'ALL', description: 'Which backups to copy: AUTO, MANUAL or ALL.', validate: oneOf(['AUTO', 'MANUAL', 'ALL']) },
    },
  },
  id: (state) => `${str(state.cluster_id)}/${str(state.region_id)}`,

  async read(request) {
    const results = await copyPolicy.readMany!({ ...request, priors: [{ address: request.address, prior: request.prior }] });
    return results.get(request.address);
  },

  /** One request per 100 clusters, however many copy policies they have. */
  async readMany({ client, priors, signal }) {
    const byCluster = new Map<string, readonly CopyPolicy[] | undefined>();
    const clusterIds = [...new Set(priors.map(({ prior }) => str(prior.cluster_id)))];
    for (let i = 0; i < clusterIds.length; i += 100) {
      const batch = clusterIds.slice(i, i + 100);
      const policies = await unlessNotFound(client.policies.getMany(batch, { signal }));
      if (policies !== undefined && policies.every((p) => p.copyPolicies !== undefined)) {
        for (const policy of policies) byCluster.set(policy.clusterId, policy.copyPolicies);
        continue;
      }
      // A cluster of the batch is gone, or the server predates the batched view: one call each.
      for (const clusterId of batch) byCluster.set(clusterId, await unlessNotFound(client.copyPolicies.list(clusterId, { signal })));
    }
    const results = new Map<string, Attributes | undefined>();
    for (const { address, prior } of priors) {
      const clusterId = str(prior.cluster_id);
      const policy = byCluster.get(clusterId)?.find((p) => p.regionId === str(prior.region_id));
      results.set(address, policy && toState(clusterId, policy));
    }
    return results;
  },

  async create(request) {
    return copyPolicy.update!({ ...request, prior: {} });
  },

  async update({ client, config, signal }) {
    return putPolicy(client, config, signal);
  },

  /** One request per 100 policies, of any clusters; a batch the server refuses is sent one at a time. */
  async writeMany(request) {
    const { client } = request;
    return writeInBatches({
      request,
      toItem: toRequest,
      sendBatch: async (items, signal) => (await client.copyPolicies.putMany(items, { signal })).map((policy) => toState(policy.clusterId, policy)),
      sendOne: (config, signal) => putPolicy(client, config, signal),
    });
  },

  async delete({ client, prior, signal }) {
    await client.copyPolicies.delete({ clusterId: str(prior.cluster_id), regionId: str(prior.region_id) }, { signal }).catch((error: unknown) => {
      if (!(error instanceof NotFoundError)) throw error;
    });
  },

  async import({ client, id, signal }) {
    const [clusterId, regionId] = id.split('/');
    const policy = (await client.copyPolicies.list(clusterId ?? '', { signal })).find((p) => p.regionId === regionId);
    if (policy === undefined || clusterId === undefined) throw new Error(`No copy policy ${id}: import ids are <cluster_id>/<region_id>.`);
    return toState(clusterId, policy);
  },
};
