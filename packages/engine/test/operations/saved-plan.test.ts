import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import { StalePlanError } from '../../src/apply/errors.js';
import { InvalidPlanFileError, PlanFileNotFoundError } from '../../src/operations/errors/plan-file.js';
import { readPlanFile, writePlanFile } from '../../src/operations/saved-plan.js';
import { isOperationError } from '../../src/operations/errors/operation-error.js';
import { actionsOf, configure, newCluster, newWorkspace, planWorkspace, startTestServer, type TestServer } from './helpers.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
}, 60_000);

afterAll(async () => {
  await t.close();
});

const document = {
  variable: { cluster_id: { type: 'string' } },
  locals: { copy_region: 'local-2' },
  resource: {
    lifeboat_backup_policy: { nightly: { cluster_id: '${var.cluster_id}', frequency: 'daily', start_time: '02:00-04:00', retention_days: 7 } },
    lifeboat_copy_policy: { dr: { cluster_id: '${lifeboat_backup_policy.nightly.id}', region_id: '${local.copy_region}', retention_days: 14 } },
  },
  output: { copy_id: { value: '${lifeboat_copy_policy.dr.id}' } },
};

describe('saved plans', () => {
  it('a plan read back from its file applies like the plan it was made from', async () => {
    const workspace = await newWorkspace(t);
    const clusterId = await newCluster(t);
    const loaded = await configure(workspace, document, { cluster_id: clusterId });
    const planned = await planWorkspace(workspace, t.client, loaded);
    expect(actionsOf(planned)).toEqual({ 'lifeboat_backup_policy.nightly': 'create', 'lifeboat_copy_policy.dr': 'create' });

    const path = join(workspace.dir, 'release.lbplan');
    await writePlanFile(path, planned);
    // It holds variables and prior state in clear, like a state file.
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const reread = await readPlanFile(path);
    expect(reread).toEqual(planned);
    expect(reread.configuration).toMatchObject({ locals: new Map([['copy_region', 'local-2']]) });

    // The copy policy's cluster_id and the output were unknown at plan time: apply evaluates
    // them from the re-read configuration.
    const applied = await apply({ plan: reread, backend: workspace.backend, client: t.client });
    expect(applied.walk.failed.map((f) => `${f.id}: ${String(f.error)}`)).toEqual([]);
    expect(applied.complete).toBe(true);
    expect(applied.outputs.copy_id?.value).toBe(`${clusterId}/local-2`);
    expect(await t.client.copyPolicies.list(clusterId)).toEqual([{ regionId: 'local-2', retentionDays: 14, appliesTo: 'ALL' }]);
    expect(Object.values(actionsOf(await planWorkspace(workspace, t.client, loaded)))).toEqual(['no-op', 'no-op']);
  }, 60_000);

  it('apply refuses a re-read plan once the state has moved on', async () => {
    const workspace = await newWorkspace(t);
    const loaded = await configure(workspace, document, { cluster_id: await newCluster(t) });
    const path = join(workspace.dir, 'stale.lbplan');
    await writePlanFile(path, await planWorkspace(workspace, t.client, loaded));
    await apply({ plan: await planWorkspace(workspace, t.client, loaded), backend: workspace.backend, client: t.client });

    const stale = apply({ plan: await readPlanFile(path), backend: workspace.backend, client: t.client });
    await expect(stale).rejects.toBeInstanceOf(StalePlanError);
    await expect(stale).rejects.toMatchObject({ code: 'STALE_PLAN', message: expect.stringContaining('Plan again') });
  }, 60_000);

  it('replaces an existing file atomically and owner-only, leaving no temp file behind', async () => {
    const workspace = await newWorkspace(t);
    const loaded = await configure(workspace, document, { cluster_id: await newCluster(t) });
    const path = join(workspace.dir, 'plan.json');
    await writeFile(path, 'an older file', { mode: 0o644 });
    const planned = await planWorkspace(workspace, t.client, loaded);
    await writePlanFile(path, planned);
    await writePlanFile(path, planned);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readdir(workspace.dir)).sort()).toEqual(['main.tf.json', 'plan.json']);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ format: 'lifeboat-saved-plan', version: 1, plan: { lineage: planned.lineage, serial: 0 } });
  }, 60_000);
});

describe('reading a file that is not a saved plan', () => {
  const valid = async (): Promise<Record<string, unknown>> => {
    const workspace = await newWorkspace(t);
    const loaded = await configure(workspace, document, { cluster_id: 'in01-none' });
    const path = join(workspace.dir, 'valid.lbplan');
    await writePlanFile(path, await planWorkspace(workspace, t.client, loaded, { refresh: false }));
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  };
  const readText = async (text: string) => {
    const workspace = await newWorkspace(t);
    const path = join(workspace.dir, 'given.lbplan');
    await writeFile(path, text);
    return readPlanFile(path);
  };

  it.each([
    ['text that is not JSON', () => '{"format": "lifeboat-saved-plan", "version": 1, "plan": {', /not valid JSON/],
    ['a Terraform plan (a zip archive)', () => 'PK\u0003\u0004…', /Terraform plan file/],
    ['a state file', () => JSON.stringify({ version: 4, lineage: 'x', serial: 1, resources: [] }), /state file, not a plan/],
    ['JSON from elsewhere', () => JSON.stringify({ hello: 'world' }), /no "format": "lifeboat-saved-plan" marker/],
  ])('refuses %s with INVALID_PLAN_FILE', async (_what, text, message) => {
    const read = readText(text());
    await expect(read).rejects.toBeInstanceOf(InvalidPlanFileError);
    await expect(read).rejects.toMatchObject({ code: 'INVALID_PLAN_FILE', message: expect.stringMatching(message) });
  });

  it('refuses a plan written in a newer format, saying which release can apply it', async () => {
    const file = { ...(await valid()), version: 2 };
    await expect(readText(JSON.stringify(file))).rejects.toMatchObject({ code: 'INVALID_PLAN_FILE', message: expect.stringMatching(/format 2.*the Lifeboat release that wrote it/) });
  });

  it.each([
    ['without a lineage', (plan: Record<string, unknown>) => ({ ...plan, lineage: undefined }), /plan\.lineage/],
    ['with a negative serial', (plan: Record<string, unknown>) => ({ ...plan, serial: -1 }), /plan\.serial/],
    ['with an action outside the closed set', (plan: Record<string, unknown>) => ({ ...plan, resourceChanges: [{ ...(plan.resourceChanges as object[])[0], actions: ['explode'] }] }), /resourceChanges\[0\]\.actions/],
    ['whose serial differs from its prior state', (plan: Record<string, unknown>) => ({ ...plan, serial: 7 }), /made for state .* serial 7/],
  ])('refuses a damaged plan %s', async (_what, damage, message) => {
    const file = await valid();
    const read = readText(JSON.stringify({ ...file, plan: damage(file.plan as Record<string, unknown>) }));
    await expect(read).rejects.toMatchObject({ code: 'INVALID_PLAN_FILE', message: expect.stringMatching(message) });
  });

  it('says how to make a plan when the file does not exist', async () => {
    const read = readPlanFile(join(t.root, 'missing.lbplan'));
    await expect(read).rejects.toBeInstanceOf(PlanFileNotFoundError);
    await expect(read).rejects.toMatchObject({ code: 'PLAN_FILE_NOT_FOUND', message: expect.stringContaining('lifeboat plan -out=') });
    expect(isOperationError(await read.catch((error: unknown) => error))).toBe(true);
  });
});
