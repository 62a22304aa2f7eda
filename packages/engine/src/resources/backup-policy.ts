import { NotFoundError } from '@lifeboat/sdk';
import type { BackupPolicy, Lifeboat, SetBackupPoliciesRequest } from '@lifeboat/sdk';
import { writeInBatches } from './batched-writes.js';
import type { Attributes, ResourceType } from './resource-type.js';
import { normalizeFrequency, num, retentionDays, str, unlessNotFound, validateFrequency, validateInterval, validateWindow } from './common.js';

function toState(policy: BackupPolicy): Attributes {
  return {
    id: policy.clusterId,
    cluster_id: policy.clusterId,
    enabled: policy.status === 'ENABLED',
    frequency: policy.frequency ?? null,
    start_time: policy.startTime ?? null,
    interval_minutes: policy.intervalMinutes ?? null,
    retention_days: policy.retentionDays ?? null,
    status: policy.status,
  };
}

/** The SDK request that sets the policy a configuration declares. */
function toRequest(config: Attributes): SetBackupPoliciesRequest['policies'][number] {
  const interval = config.interval_minutes == null ? undefined : num(config.interval_minutes);
  return {
    clusterId: str(config.cluster_id),
    enabled: config.enabled !== false,
    retentionDays: num(config.retention_days),
    ...(config.frequency == null ? {} : { frequency: str(normalizeFrequency(config.frequency)) }),
    ...(interval === undefined ? { startTime: str(config.start_time) } : { intervalMinutes: interval }),
  };
}

async function setPolicy(client: Lifeboat, config: Attributes, signal: AbortSignal): Promise<Attributes> {
  const request = toRequest(config);
  const result = await client.policies.set(request, { signal });
  // Servers without the `policy` extension in the answer are read back.
  return toState(result.policy ?? (await client.policies.get(request.clusterId, { signal })));
}

/** `lifeboat_backup_policy`: a cluster's automatic backup schedule. Destroying it disables it. */
export const backupPolicy: ResourceType = {
  type: 'lifeboat_backup_policy',
  mode: 'managed',
  schema: {
    description: 'A cluster\'s automatic backup schedule: on days of the week in a UTC window, or every `interval_minutes` for tight RPOs. Destroying it disables the schedule; existing backups stay until they expire.',
    attributes: {
      id: { type: 'string', computed: true, description: 'The cluster id.' },
      cluster_id: { type: 'string', required: true, forcesReplacement: true, description: 'The cluster to back up.' },
      enabled: { type: 'bool', default: true, description: 'Whether the schedule runs.' },
      frequency: { type: 'string', optional: true, computed: true, description: 'Days to back up on: "daily", "weekdays", "weekends" or days 1–7 with 1 = Monday, such as "1,3,5". Required unless `interval_minutes` is set.', validate: validateFrequency, normalize: normalizeFrequency },
      start_time: { type: 'string', description: 'UTC window in which the backup starts, "HH:mm-HH:mm". Required unless `interval_minutes` is set.', validate: validateWindow },
      interval_minutes: { type: 'number', description: 'Back up every so many minutes instead of once a day (5, 10, 15, 30, 60, 240, 720 or 1440).', validate: validateInterval },
      retention_days: retentionDays('Days an AUTO backup is kept, 1–30.', { required: true }),
      status: { type: 'string', computed: true, changesWith: ['enabled'], description: 'ENABLED or DISABLED, as the server reports it.' },
    },
    validate: (config) => {
      const problems: { attribute: string; message: string }[] = [];
      if (config.interval_minutes == null) {
        if (config.frequency == null) problems.push({ attribute: 'frequency', message: 'is required unless interval_minutes is set' });
        if (config.start_time == null) problems.push({ attribute: 'start_time', message: 'is required unless interval_minutes is set' });
      } else if (config.start_time != null) {
        problems.push({ attribute: 'start_time', message: 'cannot be combined with interval_minutes; remove one of them' });
      }
      return problems;
    },
  },
  id: (state) => str(state.cluster_id),

  async read({ client, prior, signal }) {
    try {
      // A policy disabled outside the engine is drift on `enabled`, not a deleted resource.
      return toState(await client.policies.get(str(prior.cluster_id), { signal }));
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  },

  /** One request per 100 clusters, however many policies are declared. */
  async readMany({ client, priors, signal }) {
    const results = new Map<string, Attributes | undefined>();
    const ids = [...new Set(priors.map(({ prior }) => str(prior.cluster_id)))];
    const found = new Map<string, BackupPolicy>();
    for (let i = 0; i < ids.length; i += 100) {
      const batch = ids.slice(i, i + 100);
      try {
        for (const policy of await client.policies.getMany(batch, { signal })) found.set(policy.clusterId, policy);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        // A cluster of the batch is gone: fall back to one call per cluster for this batch.
        for (const clusterId of batch) {
          const policy = await unlessNotFound(client.policies.get(clusterId, { signal }));
          if (policy) found.set(clusterId, policy);
        }
      }
    }
    for (const { address, prior } of priors) {
      const policy = found.get(str(prior.cluster_id));
      results.set(address, policy && toState(policy));
    }
    return results;
  },

  async create(request) {
    return backupPolicy.update!({ ...request, prior: {} });
  },

  async update({ client, config, signal }) {
    return setPolicy(client, config, signal);
  },

  /** One request per 100 clusters; a batch the server refuses is sent one policy at a time. */
  async writeMany(request) {
    const { client } = request;
    return writeInBatches({
      request,
      toItem: toRequest,
      sendBatch: async (items, signal) => {
        const results = await client.policies.setMany(items, { signal });
        return Promise.all(results.map(async (result) => toState(result.policy ?? (await client.policies.get(result.clusterId, { signal })))));
      },
      sendOne: (config, signal) => setPolicy(client, config, signal),
    });
  },

  async delete({ client, prior, signal }) {
    await client.policies.disable(str(prior.cluster_id), { signal }).catch((error: unknown) => {
      if (!(error instanceof NotFoundError)) throw error;
    });
  },

  async import({ client, id, signal }) {
    return toState(await client.policies.get(id, { signal }));
  },
};
