import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasScript, runCli, runInTerminal, startCli } from '../support/cli.js';
import { seedCluster, startTestServer, type TestServer } from '../support/server.js';

/** Runs jobs as usual. */
let running: TestServer;
/** Never runs a job (no runner slots), so jobs stay PENDING for as long as a test needs. */
let stalled: TestServer;
let clusterId: string;
let stalledClusterId: string;

beforeAll(async () => {
  [running, stalled] = await Promise.all([startTestServer(), startTestServer({ runner: { concurrency: 0 } })]);
  const projectOf = async (test: TestServer) => (await test.client.projects.list())[0]?.projectId ?? '';
  [clusterId, stalledClusterId] = await Promise.all([seedCluster(running.client, await projectOf(running), 'ledger'), seedCluster(stalled.client, await projectOf(stalled), 'ledger')]);
});

afterAll(async () => {
  await Promise.all([running.close(), stalled.close()]);
});

describe('lifeboat jobs', () => {
  it('lists, describes and waits for jobs, in tables, text and JSON', async () => {
    const { backupId, job } = await running.client.backups.create({ clusterId, backupType: 'CLUSTER' });
    const env = running.env;
    const [waited, waitedJson] = await Promise.all([runCli(['jobs', 'wait', job.id], { env }), runCli(['jobs', 'wait', job.id, '--json'], { env })]);
    expect(waited.code, waited.stderr).toBe(0);
    expect(waited.stdout).toMatch(new RegExp(`backup job ${job.id} of ${clusterId}: successful after \\d+s \\(job ${job.id}\\)`));
    expect(waited.stdout).toContain('The job ended SUCCESSFUL.');
    expect(JSON.parse(waitedJson.stdout)).toMatchObject([{ jobId: job.id, status: 'SUCCESSFUL', backupId }]);

    const [listed, described] = await Promise.all([runCli(['jobs', 'list', '--cluster', clusterId, '--type', 'BACKUP'], { env }), runCli(['jobs', 'describe', job.id], { env })]);
    expect(listed.stdout).toMatch(/^JOB\s+TYPE\s+STATUS\s+PROGRESS\s+CLUSTER\s+BACKUP\s+TARGET\s+AGE\s+REASON$/m);
    expect(listed.stdout).toMatch(new RegExp(`^${job.id}\\s+BACKUP\\s+SUCCESSFUL\\s+100%\\s+${clusterId}\\s+${backupId}\\s+-\\s+\\d+s\\s+-$`, 'm'));
    expect(described.stdout).toMatch(new RegExp(`\\nJob:\\s+${job.id}\\nType:\\s+BACKUP\\nStatus:\\s+SUCCESSFUL\\nProgress:\\s+100%`));
  });

  it('exits 1 when a waited-for job failed, with its reason and code', async () => {
    const { backupId, job } = await running.client.backups.create({ clusterId, backupType: 'CLUSTER' });
    await job.wait();
    // The collection exists in the cluster, so restoring it without OVERWRITE fails.
    const restore = await running.client.backups.restoreCollection({ clusterId, backupId, destClusterId: clusterId });
    const result = await runCli(['jobs', 'wait', restore.job.id], { env: running.env });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`restore job ${restore.job.id} of ${clusterId}: failed (job ${restore.job.id})`);
    expect(result.stderr).toMatch(/^Error: Job job-\S+ \(RESTORE\) failed: default\.orders already exists.* \(code 98005\)$/m);
  });

  it.runIf(hasScript)('draws live progress bars on a terminal instead of timestamped lines', async () => {
    const result = await runInTerminal(['backups', 'create', '--cluster', clusterId, '--name', 'tty'], { env: running.env });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('█');
    expect(result.stdout).not.toMatch(/^\d{4}-\d\d-\d\dT/m);
    expect(result.stdout).toMatch(/is AVAILABLE/);
  });

  it('cancels a job, and says when there is no such job', async () => {
    const { job } = await stalled.client.backups.create({ clusterId: stalledClusterId, backupType: 'CLUSTER' });
    const [canceled, unknown] = await Promise.all([runCli(['jobs', 'cancel', job.id], { env: stalled.env }), runCli(['jobs', 'describe', 'job-00000000000000000000'], { env: stalled.env })]);
    expect(canceled.code, canceled.stderr).toBe(0);
    expect(canceled.stdout).toContain(`Cancel requested for job ${job.id}: CANCELING.`);
    expect(canceled.stdout).toContain(`Follow until they end with: lifeboat jobs wait ${job.id}`);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^Error: Job job-0+ not found\..* \(code 96026, request \S+\)$/m);
  });

  it('on Ctrl-C stops waiting, lists the jobs left running and how to pick them up, and exits 130', async () => {
    const [project] = await stalled.client.projects.list();
    const otherClusterId = await seedCluster(stalled.client, project?.projectId ?? '', 'ledger-2', 5);
    const create = startCli(['backups', 'create', '--cluster', otherClusterId], { env: stalled.env });
    await create.waitFor(/waiting for job job-\S+/);
    create.child.kill('SIGINT');
    const result = await create.done;
    expect(result.code).toBe(130);
    const jobId = /waiting for job (job-\S+)/.exec(result.stdout)?.[1] ?? '';
    expect(result.stderr).toContain('Interrupt received');
    expect(result.stderr).toContain('Stopped waiting. Still running on the server (waiting does not cancel them):');
    expect(result.stderr).toMatch(new RegExp(`^ {2}${jobId} {2}backup backup\\S+ of ${otherClusterId}$`, 'm'));
    expect(result.stderr).toContain(`Pick them up with: lifeboat jobs wait ${jobId}`);
    expect((await stalled.client.jobs.get(jobId)).status).toBe('PENDING');
  });
});
