import { describe, expect, it } from 'vitest';
import {
  backupSchema,
  backupSummarySchema,
  createBackupResponseSchema,
  jobSchema,
  listBackupsResponseSchema,
} from '../src/index.js';

const summary = {
  backupId: 'backup0_c7b18539b97a1d2e',
  backupName: 'Dedicated-01_backup2',
  clusterId: 'in01-3e5ad8adc38f0a1b',
  clusterName: 'Dedicated-01',
  projectId: 'proj-4f1e2d3c4b5a6978',
  backupType: 'CLUSTER',
  creationMethod: 'MANUAL',
  status: 'AVAILABLE',
  size: 1048576,
  createTime: '2024-08-26T02:27:51Z',
  expireTime: null,
};

const backup = {
  ...summary,
  regionId: 'local-1',
  dbCollections: [
    {
      dbName: 'default',
      collections: [
        { collectionName: 'medium_articles', description: '', status: 'LOADED', rowCount: 5979, partitions: ['_default'] },
      ],
    },
  ],
};

const job = {
  jobId: 'job-031a8e3587ba7f9c',
  type: 'BACKUP',
  status: 'IN_PROGRESS',
  progress: '40',
  startTime: '2024-08-26T02:27:51Z',
  endTime: null,
  reason: '',
};

describe('response schemas are lenient', () => {
  it('drops fields a newer server adds', () => {
    const parsed = backupSchema.parse({ ...backup, futureField: { nested: true } });
    expect(parsed).not.toHaveProperty('futureField');
    expect(parsed).toStrictEqual(backupSchema.parse(backup));
  });

  it('drops unknown fields nested in a response', () => {
    const withExtra = {
      ...backup,
      dbCollections: [{ ...backup.dbCollections[0], shardCount: 2 }],
    };
    expect(backupSchema.parse(withExtra).dbCollections[0]).not.toHaveProperty('shardCount');
  });

  it('passes an unknown backup status through as a string', () => {
    expect(backupSummarySchema.parse({ ...summary, status: 'ARCHIVED' }).status).toBe('ARCHIVED');
  });

  it('passes an unknown backup type through as a string', () => {
    expect(backupSummarySchema.parse({ ...summary, backupType: 'SNAPSHOT' }).backupType).toBe('SNAPSHOT');
  });

  it('passes an unknown job status and type through as strings', () => {
    const parsed = jobSchema.parse({ ...job, status: 'PAUSED', type: 'SNAPSHOT' });
    expect(parsed.status).toBe('PAUSED');
    expect(parsed.type).toBe('SNAPSHOT');
  });

  it('still rejects an enum field that is not a string', () => {
    expect(backupSummarySchema.safeParse({ ...summary, status: 3 }).success).toBe(false);
  });
});

describe('documented responses', () => {
  it('parses the hosted create-backup response', () => {
    const data = JSON.parse(
      '{"backupId":"backup0_c7b18539b97xxxx","backupName":"Dedicated-01_backup2","jobId":"job-031a8e3587ba7zqkadxxxx"}',
    ) as unknown;
    expect(createBackupResponseSchema.parse(data)).toStrictEqual({
      backupId: 'backup0_c7b18539b97xxxx',
      backupName: 'Dedicated-01_backup2',
      jobId: 'job-031a8e3587ba7zqkadxxxx',
    });
  });

  it('parses a page of backups with its paging fields', () => {
    const page = listBackupsResponseSchema.parse({ count: 11, currentPage: 2, pageSize: 10, backups: [summary] });
    expect(page).toMatchObject({ count: 11, currentPage: 2, pageSize: 10 });
    expect(page.backups).toHaveLength(1);
  });

  it('parses a running job whose endTime is still null', () => {
    expect(jobSchema.parse(job).endTime).toBeNull();
  });
});

describe('responses missing required fields', () => {
  it('rejects a create-backup response without backupId', () => {
    const result = createBackupResponseSchema.safeParse({ backupName: 'Dedicated-01_backup2', jobId: 'job-1' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['backupId']]);
  });

  it('rejects a backup without its dbCollections', () => {
    const { dbCollections: _omitted, ...incomplete } = backup;
    expect(backupSchema.safeParse(incomplete).success).toBe(false);
  });

  it('rejects a page without its paging fields', () => {
    expect(listBackupsResponseSchema.safeParse({ backups: [summary] }).success).toBe(false);
  });
});
