import { describe, expect, it } from 'vitest';
import {
  backupPathSchema,
  createApiKeyRequestSchema,
  createBackupRequestSchema,
  displayNameSchema,
  exportBackupRequestSchema,
  listBackupsQuerySchema,
  resourceNameSchema,
  putCopyPoliciesRequestSchema,
  setBackupPoliciesRequestSchema,
  setBackupPolicyRequestSchema,
} from '../src/index.js';

/** Paths of the issues a failed parse reports, e.g. `[['dbCollections']]`. */
function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): PropertyKey[][] {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => issue.path);
}

const enabledPolicy = { enabled: true, frequency: '1,2,3,4,5,6,7', startTime: '02:00-04:00', retentionDays: 7 };

describe('request schemas are strict', () => {
  it('rejects unknown fields in requests', () => {
    const result = createBackupRequestSchema.safeParse({ backupType: 'CLUSTER', backupTpye: 'COLLECTION' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('rejects unknown fields nested inside a request', () => {
    const body = { backupType: 'COLLECTION', dbCollections: [{ collectionNames: ['a'], collectionName: 'b' }] };
    expect(createBackupRequestSchema.safeParse(body).success).toBe(false);
  });

  it('rejects unknown fields in the other request bodies too', () => {
    expect(setBackupPolicyRequestSchema.safeParse({ enabled: false, extra: 1 }).success).toBe(false);
    expect(exportBackupRequestSchema.safeParse({ integrationId: 'archive', directory: 'a', overwrite: true }).success).toBe(false);
    expect(createApiKeyRequestSchema.safeParse({ name: 'ci', role: 'ORG_OWNER', admin: true }).success).toBe(false);
  });
});

describe('create backup request', () => {
  it('parses the hosted CLUSTER example to exactly itself', () => {
    const body = JSON.parse('{"backupType":"CLUSTER"}') as unknown;
    expect(createBackupRequestSchema.parse(body)).toStrictEqual({ backupType: 'CLUSTER' });
  });

  it('parses the hosted COLLECTION example to exactly itself', () => {
    const body = JSON.parse('{"backupType":"COLLECTION","dbCollections":[{"collectionNames":["medium_articles"]}]}') as unknown;
    expect(createBackupRequestSchema.parse(body)).toStrictEqual({
      backupType: 'COLLECTION',
      dbCollections: [{ collectionNames: ['medium_articles'] }],
    });
  });

  it('requires dbCollections for a COLLECTION backup', () => {
    expect(issuePaths(createBackupRequestSchema.safeParse({ backupType: 'COLLECTION' }))).toEqual([['dbCollections']]);
  });

  it('refuses dbCollections on a CLUSTER backup', () => {
    const result = createBackupRequestSchema.safeParse({ backupType: 'CLUSTER', dbCollections: [{ collectionNames: ['a'] }] });
    expect(issuePaths(result)).toEqual([['dbCollections']]);
  });

  it('rejects a backupType the API does not define', () => {
    expect(createBackupRequestSchema.safeParse({ backupType: 'SNAPSHOT' }).success).toBe(false);
  });
});

describe('set backup policy request', () => {
  it('accepts a list of distinct weekdays', () => {
    expect(setBackupPolicyRequestSchema.safeParse({ ...enabledPolicy, frequency: '1,3,5' }).success).toBe(true);
  });

  it.each(['0,8', '1,1', '', '1,,3', 'Mon'])('rejects the frequency %j', (frequency) => {
    expect(issuePaths(setBackupPolicyRequestSchema.safeParse({ ...enabledPolicy, frequency }))).toContainEqual(['frequency']);
  });

  it('accepts a UTC start window', () => {
    expect(setBackupPolicyRequestSchema.safeParse({ ...enabledPolicy, startTime: '02:00-04:00' }).success).toBe(true);
  });

  it.each(['24:00-01:00', '2:00-4:00', '02:60-04:00', '02:00'])('rejects the start window %j', (startTime) => {
    expect(issuePaths(setBackupPolicyRequestSchema.safeParse({ ...enabledPolicy, startTime }))).toContainEqual(['startTime']);
  });

  it.each([0, 31])('rejects retentionDays %d with the 1–30 message', (retentionDays) => {
    const result = setBackupPolicyRequestSchema.safeParse({ ...enabledPolicy, retentionDays });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(
      expect.objectContaining({ path: ['retentionDays'], message: expect.stringContaining('1–30') }),
    );
  });

  it('requires retentionDays when enabling a policy', () => {
    const { retentionDays: _omitted, ...body } = enabledPolicy;
    expect(issuePaths(setBackupPolicyRequestSchema.safeParse(body))).toEqual([['retentionDays']]);
  });

  it('disables a policy with {enabled: false} alone', () => {
    expect(setBackupPolicyRequestSchema.parse({ enabled: false })).toStrictEqual({ enabled: false });
  });

  it('accepts a supported intervalMinutes in place of frequency and window', () => {
    expect(setBackupPolicyRequestSchema.safeParse({ enabled: true, retentionDays: 7, intervalMinutes: 15 }).success).toBe(true);
  });

  it('rejects an intervalMinutes outside the supported list', () => {
    const result = setBackupPolicyRequestSchema.safeParse({ enabled: true, retentionDays: 7, intervalMinutes: 7 });
    expect(issuePaths(result)).toContainEqual(['intervalMinutes']);
  });
});

describe('batch policy writes', () => {
  const clusterId = (n: number) => `in01-${n.toString(16).padStart(16, '0')}`;

  it('checks each policy of a batch as a single set would, naming its index', () => {
    const body = { policies: [{ clusterId: clusterId(1), ...enabledPolicy }, { clusterId: clusterId(2), enabled: true, frequency: '1' }] };
    expect(issuePaths(setBackupPoliciesRequestSchema.safeParse(body))).toEqual([['policies', 1, 'retentionDays'], ['policies', 1, 'startTime']]);
  });

  it('takes 1 to 100 policies, each cluster once', () => {
    const policies = Array.from({ length: 100 }, (_, n) => ({ clusterId: clusterId(n), enabled: false }));
    expect(setBackupPoliciesRequestSchema.safeParse({ policies }).success).toBe(true);
    expect(setBackupPoliciesRequestSchema.safeParse({ policies: [...policies, { clusterId: clusterId(100), enabled: false }] }).success).toBe(false);
    expect(setBackupPoliciesRequestSchema.safeParse({ policies: [] }).success).toBe(false);
    expect(issuePaths(setBackupPoliciesRequestSchema.safeParse({ policies: [policies[0], policies[0]] }))).toEqual([['policies', 1, 'clusterId']]);
  });

  it('takes copy policies of any clusters, each cluster and region once', () => {
    const policy = { clusterId: clusterId(1), regionId: 'local-2', retentionDays: 14, appliesTo: 'ALL' };
    expect(putCopyPoliciesRequestSchema.safeParse({ copyPolicies: [policy, { ...policy, regionId: 'local-3' }] }).success).toBe(true);
    expect(issuePaths(putCopyPoliciesRequestSchema.safeParse({ copyPolicies: [policy, policy] }))).toEqual([['copyPolicies', 1]]);
    expect(issuePaths(putCopyPoliciesRequestSchema.safeParse({ copyPolicies: [{ ...policy, retentionDays: 45 }] }))).toEqual([['copyPolicies', 0, 'retentionDays']]);
  });
});

describe('create API key request', () => {
  it('requires privileges for a CUSTOM key', () => {
    const result = createApiKeyRequestSchema.safeParse({ name: 'ci', role: 'CUSTOM', projectIds: ['proj-1'] });
    expect(issuePaths(result)).toEqual([['privileges']]);
  });

  it('accepts a CUSTOM key with privileges and projects', () => {
    const body = { name: 'ci', role: 'CUSTOM', projectIds: ['proj-1'], privileges: ['backup:create'] };
    expect(createApiKeyRequestSchema.safeParse(body).success).toBe(true);
  });

  it('refuses privileges on a key whose role implies them', () => {
    const body = { name: 'ci', role: 'PROJECT_ADMIN', projectIds: ['proj-1'], privileges: ['backup:create'] };
    expect(issuePaths(createApiKeyRequestSchema.safeParse(body))).toEqual([['privileges']]);
  });

  it('refuses projectIds on an ORG_OWNER key', () => {
    const result = createApiKeyRequestSchema.safeParse({ name: 'root', role: 'ORG_OWNER', projectIds: ['proj-1'] });
    expect(issuePaths(result)).toEqual([['projectIds']]);
  });

  it('accepts an ORG_OWNER key without projects', () => {
    expect(createApiKeyRequestSchema.safeParse({ name: 'root', role: 'ORG_OWNER' }).success).toBe(true);
  });

  it('requires projectIds for a PROJECT_ADMIN key', () => {
    const result = createApiKeyRequestSchema.safeParse({ name: 'ops', role: 'PROJECT_ADMIN' });
    expect(issuePaths(result)).toEqual([['projectIds']]);
  });

  it('rejects a privilege the API does not define', () => {
    const body = { name: 'ci', role: 'CUSTOM', projectIds: ['proj-1'], privileges: ['backup:*'] };
    expect(createApiKeyRequestSchema.safeParse(body).success).toBe(false);
  });
});

describe('names that could escape a path', () => {
  const unsafeForBoth: [string, string][] = [
    ['a slash', 'a/b'],
    ['a backslash', 'a\\b'],
    ['".."', '..'],
    ['a NUL byte', 'a\u0000b'],
    ['a newline', 'a\nb'],
    ['the empty string', ''],
    ['a fullwidth solidus (U+FF0F)', 'a\uff0fb'],
    ['a fullwidth reverse solidus (U+FF3C)', 'a\uff3cb'],
    ['a two-dot leader that folds to ".." (U+2025)', '\u2025'],
    ['fullwidth full stops that fold to ".." (U+FF0E)', '\uff0e\uff0e'],
    ['a right-to-left override (U+202E)', 'gpj\u202etxt'],
    ['a zero-width space (U+200B)', 'a\u200bb'],
    ['a DEL character', 'a\u007fb'],
    ['a C1 control (U+0085)', 'a\u0085b'],
  ];

  it.each(unsafeForBoth)('resourceNameSchema rejects %s', (_label, name) => {
    expect(resourceNameSchema.safeParse(name).success).toBe(false);
  });

  it.each(unsafeForBoth)('displayNameSchema rejects %s', (_label, name) => {
    expect(displayNameSchema.safeParse(name).success).toBe(false);
  });

  it('resourceNameSchema rejects "." and names over 64 characters', () => {
    expect(resourceNameSchema.safeParse('.').success).toBe(false);
    expect(resourceNameSchema.safeParse('a'.repeat(64)).success).toBe(true);
    expect(resourceNameSchema.safeParse('a'.repeat(65)).success).toBe(false);
  });

  it('resourceNameSchema rejects non-ASCII look-alikes of plain names', () => {
    expect(resourceNameSchema.safeParse('medium\u2215articles').success).toBe(false);
    expect(resourceNameSchema.safeParse('m\u0435dium').success).toBe(false); // Cyrillic "е"
  });

  it('displayNameSchema rejects "." and names over 128 characters', () => {
    expect(displayNameSchema.safeParse('.').success).toBe(false);
    expect(displayNameSchema.safeParse('a'.repeat(128)).success).toBe(true);
    expect(displayNameSchema.safeParse('a'.repeat(129)).success).toBe(false);
  });

  it('displayNameSchema rejects leading and trailing spaces', () => {
    expect(displayNameSchema.safeParse(' nightly').success).toBe(false);
    expect(displayNameSchema.safeParse('nightly ').success).toBe(false);
  });

  it('accepts ordinary names', () => {
    expect(resourceNameSchema.safeParse('medium_articles-2').success).toBe(true);
    expect(displayNameSchema.safeParse('Dedicated-01_backup2').success).toBe(true);
    expect(displayNameSchema.safeParse('Sauvegarde de nuit — été 2024').success).toBe(true);
    expect(displayNameSchema.safeParse('v1.2 before migration').success).toBe(true);
  });
});

describe('export directory', () => {
  const exportTo = (directory: string) => exportBackupRequestSchema.safeParse({ integrationId: 'archive', directory });

  it('accepts a relative path', () => {
    expect(exportTo('exports/2024-08-26/nightly.v1').success).toBe(true);
  });

  it.each(['/etc', '/', '../outside', 'a/../../b', 'a/..', './a', 'a//b', 'a/', 'a\\b', '..\\b'])(
    'rejects the directory %j',
    (directory) => {
      expect(issuePaths(exportTo(directory))).toContainEqual(['directory']);
    },
  );
});

describe('list backups query', () => {
  it('accepts a time range in order', () => {
    const query = { startTime: '2024-08-26T02:27:51Z', endTime: '2024-08-27T02:27:51Z' };
    expect(listBackupsQuerySchema.safeParse(query).success).toBe(true);
  });

  it('rejects an endTime before startTime', () => {
    const query = { startTime: '2024-08-27T02:27:51Z', endTime: '2024-08-26T02:27:51Z' };
    expect(issuePaths(listBackupsQuerySchema.safeParse(query))).toEqual([['endTime']]);
  });

  it('takes times at second precision, as the API specifies', () => {
    const query = { startTime: '2024-08-26T02:27:51.5Z' };
    expect(issuePaths(listBackupsQuerySchema.safeParse(query))).toEqual([['startTime']]);
  });

  it('rejects a pageSize outside 1–100', () => {
    expect(listBackupsQuerySchema.safeParse({ pageSize: 0 }).success).toBe(false);
    expect(listBackupsQuerySchema.safeParse({ pageSize: 101 }).success).toBe(false);
    expect(listBackupsQuerySchema.safeParse({ pageSize: 100 }).success).toBe(true);
  });
});

describe('path parameters', () => {
  it('accepts hosted-style ids', () => {
    expect(backupPathSchema.safeParse({ clusterId: 'in01-3e5ad8adc38f0a1b', backupId: 'backup0_c7b18539b97a1d2e' }).success).toBe(true);
  });

  it.each(['a/b', '.', '..', 'backup0.json', 'has space', ' ', '', 'a%2Fb'])('rejects the id %j', (backupId) => {
    expect(issuePaths(backupPathSchema.safeParse({ clusterId: 'in01-3e5ad8adc38f0a1b', backupId }))).toEqual([['backupId']]);
  });
});
