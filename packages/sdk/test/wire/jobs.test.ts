import { describe, expect, it } from 'vitest';
import { JobFailedError, NotFoundError, ServerError, TimeoutError, ValidationError, type JobProgress, type SerializedJob } from '../../src/index.js';
import { job } from './fixtures.js';
import { baseUrl, clusterId, expectServer, failure, interceptHttp, jobId, makeClient, ok, recordHeaders, rejectionOf, thrownBy } from './helpers.js';

const http = interceptHttp();
const client = makeClient();
const jobPath = `/v2/jobs/${jobId}`;

/** Answers successive polls of the job with these states, in order. */
function serveStates(...states: ReturnType<typeof job>[]) {
  const scope = expectServer.bodiless();
  for (const state of states) scope.get(jobPath).reply(200, ok(state));
  return scope;
}

describe('waiting for a job', () => {
  it('polls until SUCCESSFUL, reports progress on every poll and returns the final job', async () => {
    const done = job('SUCCESSFUL', '100');
    const scope = serveStates(job('PENDING', '0'), job('IN_PROGRESS', '50'), done);
    const progress: JobProgress[] = [];

    const result = await client.jobs.handle(jobId).wait({ pollIntervalMs: 1, onProgress: (p) => progress.push(p) });

    expect(result).toEqual(done);
    expect(progress.map((p) => p.percent)).toEqual([0, 50, 100]);
    expect(progress.map((p) => p.status)).toEqual(['PENDING', 'IN_PROGRESS', 'SUCCESSFUL']);
    expect(progress.every((p) => p.jobId === jobId)).toBe(true);
    expect(scope.isDone()).toBe(true);
  });

  it('waits on the job a backup started', async () => {
    const started = { backupId: 'backup3_0a1b2c3d4e5f6a7b', backupName: 'Dedicated-01_backup3', jobId };
    expectServer.post().post(`/v2/clusters/${clusterId}/backups/create`, { backupType: 'CLUSTER' }).reply(200, ok(started));
    serveStates(job('IN_PROGRESS', '20'), job('SUCCESSFUL', '100'));

    const { job: handle } = await client.backups.create({ clusterId, backupType: 'CLUSTER' });

    await expect(handle.wait({ pollIntervalMs: 1 })).resolves.toMatchObject({ jobId, status: 'SUCCESSFUL' });
  });

  it('rejects with a JobFailedError (98005) carrying the job and its reason when the job FAILED', async () => {
    const failed = job('FAILED', '40', { reason: 'disk full in region local-1' });
    serveStates(job('IN_PROGRESS', '40'), failed);

    const error = await rejectionOf(client.jobs.handle(jobId).wait({ pollIntervalMs: 1 }));

    expect(error).toBeInstanceOf(JobFailedError);
    expect(error).toMatchObject({ code: 98005, job: failed, retryable: false });
    expect((error as Error).message).toContain('disk full in region local-1');
  });

  it('rejects with a JobFailedError (98006) when the job was CANCELED', async () => {
    const canceled = job('CANCELED', '10', { reason: 'canceled by key-7d3e2f1a' });
    serveStates(canceled);

    const error = await rejectionOf(client.jobs.handle(jobId).wait({ pollIntervalMs: 1 }));

    expect(error).toBeInstanceOf(JobFailedError);
    expect(error).toMatchObject({ code: 98006, job: canceled });
  });

  it('stops waiting after timeoutMs with a TimeoutError (98007) carrying the last state, and never cancels the job', async () => {
    const running = job('IN_PROGRESS', '30');
    expectServer.bodiless().get(jobPath).times(1).reply(200, ok(running)).get(jobPath).optionally().times(50).reply(200, ok(running));

    const error = await rejectionOf(client.jobs.handle(jobId).wait({ pollIntervalMs: 5, timeoutMs: 60 }));

    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 98007, job: running });
    expect(http.unmatched).toEqual([]);
  });

  it('stops waiting at timeoutMs even while a poll hangs', async () => {
    const running = job('IN_PROGRESS', '30');
    expectServer.bodiless().get(jobPath).reply(200, ok(running)).get(jobPath).delay(5000).optionally().reply(200, ok(running));

    const started = Date.now();
    const error = await rejectionOf(client.jobs.handle(jobId).wait({ pollIntervalMs: 5, timeoutMs: 150 }));

    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 98007, job: running });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops waiting when aborted between polls, with the signal\'s reason, and never cancels the job', async () => {
    serveStates(job('IN_PROGRESS', '30'));
    const controller = new AbortController();
    const reason = new Error('deploy window closed');

    const waiting = client.jobs.handle(jobId).wait({ pollIntervalMs: 10_000, signal: controller.signal, onProgress: () => controller.abort(reason) });

    await expect(waiting).rejects.toBe(reason);
    expect(http.unmatched).toEqual([]);
  });

  it('stops waiting when aborted during a poll, with the signal\'s reason, and never cancels the job', async () => {
    expectServer.bodiless().get(jobPath).delay(2000).reply(200, ok(job('IN_PROGRESS', '30')));
    const controller = new AbortController();
    const reason = new Error('user pressed Ctrl-C');
    setTimeout(() => controller.abort(reason), 20);

    await expect(client.jobs.handle(jobId).wait({ pollIntervalMs: 1, signal: controller.signal })).rejects.toBe(reason);
    expect(http.unmatched).toEqual([]);
  });

  it('polls again as soon as the server\'s Retry-After says, not after its own interval', async () => {
    const scope = expectServer
      .bodiless()
      .get(jobPath)
      .reply(200, ok(job('IN_PROGRESS', '60')), { 'Retry-After': '0' })
      .get(jobPath)
      .reply(200, ok(job('SUCCESSFUL', '100')));

    const before = Date.now();
    await client.jobs.handle(jobId).wait({ pollIntervalMs: 10_000, timeoutMs: 3000 });

    expect(Date.now() - before).toBeLessThan(1000);
    expect(scope.isDone()).toBe(true);
  });

  it('rides out transient 5xx answers while polling', async () => {
    const scope = expectServer
      .bodiless()
      .get(jobPath)
      .twice()
      .reply(503, failure(97006, 'Shutting down.'))
      .get(jobPath)
      .reply(200, ok(job('IN_PROGRESS', '50')))
      .get(jobPath)
      .reply(502, '<html>Bad gateway</html>')
      .get(jobPath)
      .reply(200, ok(job('SUCCESSFUL', '100')));

    await expect(makeClient({ retry: false }).jobs.handle(jobId).wait({ pollIntervalMs: 1 })).resolves.toMatchObject({ status: 'SUCCESSFUL' });
    expect(scope.isDone()).toBe(true);
  });

  it('gives up after six failed polls in a row', async () => {
    const scope = expectServer.bodiless().get(jobPath).times(6).reply(503, failure(97006, 'Shutting down.'));
    const polls = recordHeaders(scope);

    const error = await rejectionOf(makeClient({ retry: false }).jobs.handle(jobId).wait({ pollIntervalMs: 1 }));

    expect(error).toBeInstanceOf(ServerError);
    expect(polls).toHaveLength(6);
  });

  it('stops at once when the job does not exist', async () => {
    const scope = expectServer.bodiless().get(jobPath).reply(404, failure(96026, 'Job not found.'));
    const polls = recordHeaders(scope);

    await expect(client.jobs.handle(jobId).wait({ pollIntervalMs: 1 })).rejects.toBeInstanceOf(NotFoundError);
    expect(polls).toHaveLength(1);
  });
});

describe('canceling, saving and resuming a job', () => {
  it('job.cancel() POSTs an empty object to /v2/jobs/{jobId}/cancel', async () => {
    const scope = expectServer.post().post(`${jobPath}/cancel`, {}).reply(200, ok({ jobId, status: 'CANCELING' }));

    await expect(client.jobs.handle(jobId).cancel()).resolves.toEqual({ jobId, status: 'CANCELING' });
    expect(scope.isDone()).toBe(true);
  });

  it('serializes a job to plain JSON that names it', async () => {
    const started = { backupId: 'backup3_0a1b2c3d4e5f6a7b', backupName: 'Dedicated-01_backup3', jobId };
    expectServer.post().post(`/v2/clusters/${clusterId}/backups/create`).reply(200, ok(started));
    const { job: handle } = await client.backups.create({ clusterId, backupType: 'CLUSTER' });

    const saved = handle.serialize();

    expect(JSON.parse(JSON.stringify(saved))).toStrictEqual(saved);
    expect(saved).toMatchObject({ kind: 'lifeboat.job', version: 1, jobId, baseUrl, operationId: 'createBackup' });
    expect(Number.isNaN(Date.parse(saved.startedAt))).toBe(false);
    expect(JSON.parse(JSON.stringify(handle))).toStrictEqual(saved);
  });

  it.each([
    { form: 'object', store: (saved: SerializedJob) => JSON.parse(JSON.stringify(saved)) as SerializedJob },
    { form: 'JSON text', store: (saved: SerializedJob) => JSON.stringify(saved) },
  ])('a second client resumes a saved job ($form) and waits for it to finish', async ({ store }) => {
    const saved = store(client.jobs.handle(jobId).serialize());
    const scope = serveStates(job('IN_PROGRESS', '70'), job('SUCCESSFUL', '100'));

    const resumed = makeClient().jobs.resume(saved);

    expect(resumed.id).toBe(jobId);
    await expect(resumed.wait({ pollIntervalMs: 1 })).resolves.toMatchObject({ jobId, status: 'SUCCESSFUL' });
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    { what: 'text that is not JSON', value: 'job-031a8e3587ba7f9c' },
    { what: 'another kind of object', value: { kind: 'lifeboat.backup', version: 1, jobId } },
    { what: 'a newer version', value: { kind: 'lifeboat.job', version: 2, jobId, baseUrl, startedAt: '2024-08-26T02:27:51Z' } },
    { what: 'no job id', value: '{"kind":"lifeboat.job","version":1,"baseUrl":"http://lifeboat.test","startedAt":"2024-08-26T02:27:51Z"}' },
  ])('refuses to resume $what with a ValidationError, nothing sent', ({ value }) => {
    const error = thrownBy(() => client.jobs.resume(value as SerializedJob));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ source: 'client', code: 98003 });
    expect(http.unmatched).toEqual([]);
  });
});
