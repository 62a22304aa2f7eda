import { Lifeboat, NotFoundError, PermissionError, ValidationError } from '@lifeboat/sdk';
import { describe, expect, it } from 'vitest';
import { createClusterWithRows, listBackups, useSchedulerServer } from '../scheduler/server-helpers.js';

const newServer = useSchedulerServer();
const daily = { enabled: true, frequency: '1,2,3,4,5,6,7', startTime: '02:00-03:00', retentionDays: 7 } as const;
const missingCluster = 'in01-00000000000000ff';

describe('setting the policies of many clusters in one call', () => {
  it('stores each policy as a single set would, and enabled ones take their first backup at once', async () => {
    const test = await newServer();
    const { client } = test;
    const a = await createClusterWithRows(test, 'a', 5);
    const b = await createClusterWithRows(test, 'b', 5);

    const results = await client.policies.setMany([
      { clusterId: a, ...daily, crossRegionCopies: [{ regionId: 'local-2', retentionDays: 3 }] },
      { clusterId: b, enabled: false, retentionDays: 9 },
    ]);

    expect(results.map((r) => [r.clusterId, r.status])).toEqual([[a, 'ENABLED'], [b, 'DISABLED']]);
    expect(results.map((r) => r.policy)).toEqual(await client.policies.getMany([a, b]));
    expect(results[0]?.policy).toMatchObject({ frequency: '1,2,3,4,5,6,7', retentionDays: 7, crossRegionCopies: [{ regionId: 'local-2', retentionDays: 3 }] });
    expect(results[1]?.policy).toMatchObject({ status: 'DISABLED', retentionDays: 9 });
    await test.tickAndSettle();
    // The first AUTO backup, and its copy by the policy's crossRegionCopies.
    const backups = await listBackups(test, { clusterId: a });
    expect(backups.map((backup) => [backup.creationMethod, backup.regionId]).sort()).toEqual([['AUTO', 'local-1'], ['AUTO', 'local-2']]);
    expect(await listBackups(test, { clusterId: b })).toEqual([]);
  });

  it('sets none of them when one is refused, and names the one', async () => {
    const test = await newServer();
    const { client } = test;
    const a = await createClusterWithRows(test, 'a', 5);
    await client.policies.set({ clusterId: a, enabled: false, retentionDays: 2 });

    const refused = client.policies.setMany([{ clusterId: a, ...daily }, { clusterId: missingCluster, ...daily }]);

    await expect(refused).rejects.toBeInstanceOf(NotFoundError);
    await expect(refused).rejects.toThrow(/^policies\[1\]: Cluster in01-00000000000000ff not found\..* Nothing of this call was changed/);
    expect(await client.policies.get(a)).toMatchObject({ status: 'DISABLED', retentionDays: 2 });
  });

  it('refuses a key that may not write policies, before anything is set', async () => {
    const test = await newServer();
    const { client, server } = test;
    const a = await createClusterWithRows(test, 'a', 5);
    const { apiKey } = await client.apiKeys.create({ name: 'reader', role: 'PROJECT_READ', projectIds: [server.defaultProjectId] });
    const reader = new Lifeboat({ baseUrl: server.url, apiKey });

    await expect(reader.policies.setMany([{ clusterId: a, ...daily }])).rejects.toBeInstanceOf(PermissionError);
    expect(await client.policies.get(a)).toMatchObject({ status: 'DISABLED' });
  });
});

describe('putting the copy policies of many clusters in one call', () => {
  it('creates or replaces each one and answers them with their clusters', async () => {
    const test = await newServer();
    const { client } = test;
    const a = await createClusterWithRows(test, 'a', 5);
    const b = await createClusterWithRows(test, 'b', 5);
    await client.copyPolicies.put({ clusterId: a, regionId: 'local-2', retentionDays: 1, appliesTo: 'AUTO' });

    const stored = await client.copyPolicies.putMany([
      { clusterId: a, regionId: 'local-2', retentionDays: 14, appliesTo: 'ALL' },
      { clusterId: a, regionId: 'local-3', retentionDays: 7, appliesTo: 'MANUAL' },
      { clusterId: b, regionId: 'local-2', retentionDays: 30, appliesTo: 'AUTO' },
    ]);

    expect(stored).toEqual([
      { clusterId: a, regionId: 'local-2', retentionDays: 14, appliesTo: 'ALL' },
      { clusterId: a, regionId: 'local-3', retentionDays: 7, appliesTo: 'MANUAL' },
      { clusterId: b, regionId: 'local-2', retentionDays: 30, appliesTo: 'AUTO' },
    ]);
    expect(await client.copyPolicies.list(a)).toEqual([
      { regionId: 'local-2', retentionDays: 14, appliesTo: 'ALL' },
      { regionId: 'local-3', retentionDays: 7, appliesTo: 'MANUAL' },
    ]);
  });

  it('writes none of them when one would copy into its own region, and names the one', async () => {
    const test = await newServer();
    const { client } = test;
    const a = await createClusterWithRows(test, 'a', 5);
    const b = await createClusterWithRows(test, 'b', 5);

    const refused = client.copyPolicies.putMany([
      { clusterId: a, regionId: 'local-2', retentionDays: 14, appliesTo: 'ALL' },
      { clusterId: b, regionId: 'local-1', retentionDays: 14, appliesTo: 'ALL' },
    ]);

    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toThrow(/^copyPolicies\[1\]: Cluster in01-[0-9a-f]{16} is in local-1/);
    expect(await client.copyPolicies.list(a)).toEqual([]);
  });
});
