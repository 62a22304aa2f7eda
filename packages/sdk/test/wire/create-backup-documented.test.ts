import { describe, expect, it } from 'vitest';
import { expectServer, interceptHttp, makeClient, recordBodies } from './helpers.js';

/**
 * The hosted service documents Create Backup with these two bodies and this answer. A client
 * that adds a field (even `null` or a default) is no longer wire-compatible with it.
 */
const clusterId = 'in01-3e5ad8adc38f0a1b';
const documentedAnswer = {
  code: 0,
  data: { backupId: 'backup0_c7b18539b97xxxx', backupName: 'Dedicated-01_backup2', jobId: 'job-031a8e3587ba7zqkadxxxx' },
};

interceptHttp();
const client = makeClient();

describe('Create Backup as the hosted service documents it', () => {
  it('sends {"backupType":"CLUSTER"} and nothing else for a cluster backup', async () => {
    const scope = expectServer.post().post(`/v2/clusters/${clusterId}/backups/create`).reply(200, documentedAnswer);
    const bodies = recordBodies(scope);

    const result = await client.backups.create({ clusterId, backupType: 'CLUSTER' });

    expect(bodies).toHaveLength(1);
    expect(JSON.parse(bodies[0]!)).toStrictEqual({ backupType: 'CLUSTER' });
    expect(result).toMatchObject(documentedAnswer.data);
    expect(result.job.id).toBe('job-031a8e3587ba7zqkadxxxx');
    expect(scope.isDone()).toBe(true);
  });

  it('sends the documented collection body and nothing else for a collection backup', async () => {
    const scope = expectServer.post().post(`/v2/clusters/${clusterId}/backups/create`).reply(200, documentedAnswer);
    const bodies = recordBodies(scope);

    const result = await client.backups.create({
      clusterId,
      backupType: 'COLLECTION',
      dbCollections: [{ collectionNames: ['medium_articles'] }],
    });

    expect(bodies).toHaveLength(1);
    expect(JSON.parse(bodies[0]!)).toStrictEqual({ backupType: 'COLLECTION', dbCollections: [{ collectionNames: ['medium_articles'] }] });
    expect(result.backupId).toBe('backup0_c7b18539b97xxxx');
    expect(result.backupName).toBe('Dedicated-01_backup2');
    expect(result.jobId).toBe('job-031a8e3587ba7zqkadxxxx');
    expect(result.job.id).toBe(result.jobId);
    expect(scope.isDone()).toBe(true);
  });
});
