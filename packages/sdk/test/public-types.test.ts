import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  AuthenticationError,
  ConflictError,
  InvalidResponseError,
  isLifeboatError,
  Job,
  JobFailedError,
  Lifeboat,
  LifeboatError,
  NetworkError,
  NotFoundError,
  type Paginator,
  PermissionError,
  RateLimitError,
  sdkVersion,
  ServerError,
  TimeoutError,
  ValidationError,
  type Backup,
  type BackupPolicy,
  type BackupStatus,
  type BackupSummary,
  type CallOptions,
  type Cluster,
  type CollectionDescription,
  type CopyBackupResult,
  type CopyPolicy,
  type CreateBackupResult,
  type JobInfo,
  type JobProgress,
  type JobStarted,
  type LifeboatOptions,
  type Page,
  type RestoreClusterResult,
  type SerializedJob,
  type WaitOptions,
  type WithJob,
} from '@lifeboat/sdk';

/**
 * The public surface of `@lifeboat/sdk` as a user's compiler sees it. The type assertions are
 * enforced by `tsc -p packages/sdk` (part of `npm test`); at run time they are no-ops.
 */

type IsAny<T> = 0 extends 1 & T ? true : false;
/** Paths (e.g. `.job.progress`) inside a data type whose type is `any`; `never` when there are none. */
type AnyPaths<T, Path extends string = ''> =
  IsAny<T> extends true
    ? Path
    : T extends readonly (infer Item)[]
      ? AnyPaths<Item, `${Path}[]`>
      : T extends object
        ? { [K in keyof T & string]-?: AnyPaths<T[K], `${Path}.${K}`> }[keyof T & string]
        : never;

type Backups = Lifeboat['backups'];
type CreateBackupInput = Parameters<Backups['create']>[0];
const noServer = 'http://127.0.0.1:9';

describe('new Lifeboat()', () => {
  it('takes one optional LifeboatOptions object whose fields are all optional', () => {
    expectTypeOf(Lifeboat).constructorParameters.toEqualTypeOf<[options?: LifeboatOptions]>();
    expectTypeOf<keyof LifeboatOptions>().toEqualTypeOf<'baseUrl' | 'apiKey' | 'timeoutMs' | 'retry' | 'fetch' | 'hooks' | 'userAgent'>();
    expectTypeOf<Partial<LifeboatOptions>>().toEqualTypeOf<LifeboatOptions>();
    expectTypeOf(Lifeboat).toBeConstructibleWith();
    expectTypeOf(Lifeboat).toBeConstructibleWith({ baseUrl: noServer, apiKey: 'key', timeoutMs: 1000, retry: false, userAgent: 'ops' });
    expectTypeOf(Lifeboat).toBeConstructibleWith({ retry: 2 });
    expectTypeOf(Lifeboat).toBeConstructibleWith({ retry: { limit: 5, maxDelayMs: 20_000 } });
  });

  it('accepts environment variables as they are (undefined counts as not set)', () => {
    expectTypeOf(Lifeboat).toBeConstructibleWith({ baseUrl: process.env.LIFEBOAT_ENDPOINT, apiKey: process.env.LIFEBOAT_API_KEY });
    const client = new Lifeboat({ baseUrl: noServer, apiKey: 'first', userAgent: undefined });
    expect(client.options.apiKey).toBe('first');
    expect(client.extend({ apiKey: undefined, timeoutMs: 5000 }).options).toMatchObject({ apiKey: 'first', baseUrl: noServer, timeoutMs: 5000 });
  });

  it('rejects misspelt options at compile time', () => {
    const misspelt = () =>
      // @ts-expect-error baseURL is not an option; baseUrl is
      new Lifeboat({ baseURL: noServer });
    expectTypeOf(misspelt).returns.toEqualTypeOf<Lifeboat>();
  });
});

describe('backups', () => {
  it('create requires clusterId and backupType and returns the ids with a Job', () => {
    expectTypeOf<{ clusterId: string; backupType: 'CLUSTER' }>().toExtend<CreateBackupInput>();
    expectTypeOf<{ backupType: 'CLUSTER' }>().not.toExtend<CreateBackupInput>();
    expectTypeOf<{ clusterId: string }>().not.toExtend<CreateBackupInput>();
    expectTypeOf<CreateBackupInput['backupType']>().toEqualTypeOf<'CLUSTER' | 'COLLECTION'>();
    expectTypeOf<Backups['create']>().parameter(1).toEqualTypeOf<CallOptions | undefined>();

    expectTypeOf<Backups['create']>().returns.toEqualTypeOf<Promise<WithJob<CreateBackupResult>>>();
    expectTypeOf<Backups['create']>().returns.resolves.not.toBeAny();
    expectTypeOf<Backups['create']>().returns.resolves.toHaveProperty('job').toEqualTypeOf<Job>();
    expectTypeOf<Backups['create']>().returns.resolves.toHaveProperty('backupId').toEqualTypeOf<string>();
    expectTypeOf<Backups['create']>().returns.resolves.toHaveProperty('jobId').toEqualTypeOf<string>();
  });

  it('every long-running call returns a Job handle', () => {
    expectTypeOf<Backups['copy']>().returns.toEqualTypeOf<Promise<WithJob<CopyBackupResult>>>();
    expectTypeOf<Backups['restoreCluster']>().returns.toEqualTypeOf<Promise<WithJob<RestoreClusterResult>>>();
    expectTypeOf<Backups['restoreCollection']>().returns.toEqualTypeOf<Promise<WithJob<JobStarted>>>();
    expectTypeOf<Backups['export']>().returns.toEqualTypeOf<Promise<WithJob<JobStarted>>>();
    expectTypeOf<Backups['verify']>().returns.toEqualTypeOf<Promise<WithJob<JobStarted>>>();
  });

  it('list returns a Paginator whose items and pages are BackupSummary', () => {
    expectTypeOf<Backups['list']>().returns.toEqualTypeOf<Paginator<BackupSummary>>();
    expectTypeOf<Backups['list']>().returns.not.toBeAny();
    const iterate = async (client: Lifeboat) => {
      for await (const backup of client.backups.list({ clusterId: 'in01-3e5ad8adc38f0a1b' })) {
        expectTypeOf(backup).toEqualTypeOf<BackupSummary>();
      }
      for await (const page of client.backups.list().pages()) {
        expectTypeOf(page).toEqualTypeOf<Page<BackupSummary>>();
        expectTypeOf(page.nextCursor).toEqualTypeOf<string | null>();
      }
    };
    expectTypeOf(iterate).returns.resolves.toBeVoid();
    expectTypeOf<Backups['findLatest']>().returns.toEqualTypeOf<Promise<BackupSummary | undefined>>();
  });

  it("a backup's status accepts the known values and, leniently, any other string", () => {
    expectTypeOf<'AVAILABLE'>().toExtend<BackupSummary['status']>();
    expectTypeOf<BackupStatus>().toExtend<BackupSummary['status']>();
    expectTypeOf<string>().toExtend<BackupSummary['status']>();
    expectTypeOf<BackupSummary['status']>().toExtend<string>();
    expectTypeOf<BackupSummary['status']>().not.toBeAny();
  });
});

describe('Job', () => {
  it('wait takes WaitOptions and resolves with the final JobInfo', () => {
    expectTypeOf<Job['wait']>().returns.toEqualTypeOf<Promise<JobInfo>>();
    expectTypeOf<Job['wait']>().parameter(0).toEqualTypeOf<WaitOptions | undefined>();
    expectTypeOf<Job['wait']>().toBeCallableWith({
      signal: AbortSignal.timeout(1000),
      timeoutMs: 60_000,
      onProgress: (progress: JobProgress) => void progress,
    });
    expectTypeOf<JobProgress['percent']>().toEqualTypeOf<number>();
    expectTypeOf<JobProgress['bytesDone']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<JobProgress['bytesTotal']>().toEqualTypeOf<number | undefined>();
  });

  it('serializes to SerializedJob, which jobs.resume() turns back into a Job', () => {
    expectTypeOf<Job['serialize']>().returns.toEqualTypeOf<SerializedJob>();
    expectTypeOf<Lifeboat['jobs']['resume']>().parameter(0).toEqualTypeOf<SerializedJob | string>();
    expectTypeOf<Lifeboat['jobs']['resume']>().returns.toEqualTypeOf<Job>();

    const client = new Lifeboat({ baseUrl: noServer, apiKey: 'key' });
    const saved = JSON.stringify(client.jobs.handle('job-031a8e3587ba7f9c').serialize());
    const resumed = client.jobs.resume(saved);
    expect(resumed).toBeInstanceOf(Job);
    expect(resumed.id).toBe('job-031a8e3587ba7f9c');
  });
});

describe('errors', () => {
  it('every error class extends LifeboatError and has a literal name', () => {
    expectTypeOf<AuthenticationError>().toExtend<LifeboatError>();
    expectTypeOf<ConflictError>().toExtend<LifeboatError>();
    expectTypeOf<InvalidResponseError>().toExtend<LifeboatError>();
    expectTypeOf<JobFailedError>().toExtend<LifeboatError>();
    expectTypeOf<NetworkError>().toExtend<LifeboatError>();
    expectTypeOf<NotFoundError>().toExtend<LifeboatError>();
    expectTypeOf<PermissionError>().toExtend<LifeboatError>();
    expectTypeOf<RateLimitError>().toExtend<LifeboatError>();
    expectTypeOf<ServerError>().toExtend<LifeboatError>();
    expectTypeOf<TimeoutError>().toExtend<LifeboatError>();
    expectTypeOf<ValidationError>().toExtend<LifeboatError>();
    expectTypeOf<LifeboatError>().toExtend<Error>();

    expectTypeOf<AuthenticationError['name']>().toEqualTypeOf<'AuthenticationError'>();
    expectTypeOf<ConflictError['name']>().toEqualTypeOf<'ConflictError'>();
    expectTypeOf<InvalidResponseError['name']>().toEqualTypeOf<'InvalidResponseError'>();
    expectTypeOf<JobFailedError['name']>().toEqualTypeOf<'JobFailedError'>();
    expectTypeOf<NetworkError['name']>().toEqualTypeOf<'NetworkError'>();
    expectTypeOf<NotFoundError['name']>().toEqualTypeOf<'NotFoundError'>();
    expectTypeOf<PermissionError['name']>().toEqualTypeOf<'PermissionError'>();
    expectTypeOf<RateLimitError['name']>().toEqualTypeOf<'RateLimitError'>();
    expectTypeOf<ServerError['name']>().toEqualTypeOf<'ServerError'>();
    expectTypeOf<TimeoutError['name']>().toEqualTypeOf<'TimeoutError'>();
    expectTypeOf<ValidationError['name']>().toEqualTypeOf<'ValidationError'>();
  });

  it('every error reports its own name at run time and is recognised as a LifeboatError', () => {
    const details = { code: 97000 };
    const job: JobInfo = { jobId: 'job-1', type: 'BACKUP', status: 'FAILED', progress: '40', startTime: null, endTime: null, reason: 'disk full' };
    const errors = [
      new AuthenticationError('m', details),
      new ConflictError('m', details),
      new InvalidResponseError('m', details),
      new JobFailedError('m', { ...details, job }),
      new NetworkError('m', details),
      new NotFoundError('m', details),
      new PermissionError('m', details),
      new RateLimitError('m', details),
      new ServerError('m', details),
      new TimeoutError('m', details),
      new ValidationError('m', { source: 'server' }),
    ];
    expect(errors.map((error) => error.name)).toEqual([
      'AuthenticationError',
      'ConflictError',
      'InvalidResponseError',
      'JobFailedError',
      'NetworkError',
      'NotFoundError',
      'PermissionError',
      'RateLimitError',
      'ServerError',
      'TimeoutError',
      'ValidationError',
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(LifeboatError);
      expect(isLifeboatError(error)).toBe(true);
    }
  });

  it('errors carry code, requestId and retryable; subclasses add their context', () => {
    expectTypeOf<LifeboatError['code']>().toEqualTypeOf<number>();
    expectTypeOf<LifeboatError['requestId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<LifeboatError['retryable']>().toEqualTypeOf<boolean>();
    expectTypeOf<ValidationError['field']>().toEqualTypeOf<string>();
    expectTypeOf<JobFailedError['job']>().toEqualTypeOf<JobInfo>();
    expectTypeOf<TimeoutError['job']>().toEqualTypeOf<JobInfo | undefined>();
    expectTypeOf<RateLimitError['retryAfterMs']>().toEqualTypeOf<number | undefined>();
  });

  it('isLifeboatError recognises SDK errors, also from another copy of the package', () => {
    const notFound = new NotFoundError('Backup not found.', { code: 97010, httpStatus: 404, requestId: 'req-1' });
    expect(isLifeboatError(notFound)).toBe(true);
    expect(notFound).toBeInstanceOf(LifeboatError);
    expect(notFound).toMatchObject({ name: 'NotFoundError', code: 97010, requestId: 'req-1', retryable: false });
    expect(isLifeboatError(new Error('plain'))).toBe(false);
    expect(isLifeboatError({ name: 'NotFoundError', code: 97010 })).toBe(false);

    const fromOtherCopy = Object.defineProperty(new Error('elsewhere'), Symbol.for('@lifeboat/sdk.error'), { value: true });
    expect(isLifeboatError(fromOtherCopy)).toBe(true);

    const unknown: unknown = notFound;
    if (isLifeboatError(unknown)) expectTypeOf(unknown).toEqualTypeOf<LifeboatError>();
  });

  it('ValidationError names the first offending field', () => {
    const error = new ValidationError('Invalid input.', {
      source: 'client',
      issues: [
        { path: 'retentionDays', message: 'must be 1–30 days' },
        { path: 'frequency', message: 'is required' },
      ],
    });
    expect(error).toMatchObject({ name: 'ValidationError', field: 'retentionDays', code: 98003, retryable: false });
  });
});

describe('no any in public types', () => {
  it('the main results are fully typed', () => {
    expectTypeOf<Lifeboat['backups']['get']>().returns.resolves.not.toBeAny();
    expectTypeOf<Lifeboat['clusters']['list']>().returns.not.toBeAny();
    expectTypeOf<Lifeboat['jobs']['get']>().returns.resolves.not.toBeAny();
    expectTypeOf<Lifeboat['policies']['get']>().returns.resolves.not.toBeAny();
    expectTypeOf<Lifeboat['regions']['list']>().returns.resolves.not.toBeAny();
    expectTypeOf<Job['wait']>().returns.resolves.not.toBeAny();
    expectTypeOf<Job['serialize']>().returns.not.toBeAny();
    expectTypeOf<Lifeboat['dataPlane']>().returns.not.toBeAny();

    expectTypeOf<AnyPaths<BackupSummary>>().toBeNever();
    expectTypeOf<AnyPaths<Backup>>().toBeNever();
    expectTypeOf<AnyPaths<JobInfo>>().toBeNever();
    expectTypeOf<AnyPaths<JobProgress>>().toBeNever();
    expectTypeOf<AnyPaths<SerializedJob>>().toBeNever();
    expectTypeOf<AnyPaths<Cluster>>().toBeNever();
    expectTypeOf<AnyPaths<CreateBackupResult>>().toBeNever();
    expectTypeOf<AnyPaths<RestoreClusterResult>>().toBeNever();
    expectTypeOf<AnyPaths<BackupPolicy>>().toBeNever();
    expectTypeOf<AnyPaths<CopyPolicy>>().toBeNever();
    expectTypeOf<AnyPaths<CollectionDescription>>().toBeNever();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- proves AnyPaths finds a nested any
    expectTypeOf<AnyPaths<{ leak: { deep: any[] } }>>().toEqualTypeOf<'.leak.deep[]'>();
  });
});

describe('sdkVersion', () => {
  it('is the version in package.json', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expectTypeOf(sdkVersion).toBeString();
    expect(sdkVersion).toBe(manifest.version);
  });
});
