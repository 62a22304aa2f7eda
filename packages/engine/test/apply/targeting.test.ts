import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifeboat } from '@lifeboat/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import { loadConfiguration } from '../../src/config/load.js';
import { plan, type PlanOptions } from '../../src/plan/planner.js';
import { planToJson, renderPlan } from '../../src/render/index.js';
import { emptyState, LocalStateBackend } from '../../src/state/index.js';

/**
 * `-target` and `-exclude` leave out changes the configuration asks for; Terraform says so when
 * planning and again at the end of the apply. A configuration with only an output needs no
 * server: nothing is refreshed, created or read.
 */

let work: string;
// Never called: the plans below touch no resource.
const client = new Lifeboat({ baseUrl: 'http://127.0.0.1:9', apiKey: 'unused' });

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'lifeboat-targeting-'));
  await writeFile(join(work, 'main.tf.json'), JSON.stringify({ output: { region: { value: 'local-1' } } }));
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function planWith(extra: Partial<PlanOptions>, backend?: LocalStateBackend) {
  const { configuration } = await loadConfiguration({ dir: work });
  return plan({ configuration, variables: {}, state: (await backend?.read()) ?? emptyState(), client, ...extra });
}

describe('resource targeting', () => {
  it.each([
    ['-target', { targets: ['lifeboat_backup.nightly'] }],
    ['-exclude', { excludes: ['lifeboat_backup.nightly'] }],
  ])('warns that a plan made with %s may not show every change, in text and JSON', async (_flag, options) => {
    const planned = await planWith(options);
    expect(planned.errored).toBe(false);
    expect(planned.diagnostics.map((d) => `${d.severity}: ${d.summary}`)).toEqual(['warning: Resource targeting is in effect']);
    const text = renderPlan(planned, { color: false, width: 0 });
    expect(text).toContain('\nWarning: Resource targeting is in effect\n\nYou are creating a plan with either the -target option or the -exclude option, which');
    expect(planToJson(planned).diagnostics).toEqual([
      {
        severity: 'warning',
        summary: 'Resource targeting is in effect',
        detail: expect.stringContaining('may not represent all of the changes requested by the current configuration'),
      },
    ]);
  });

  it('says nothing about targeting when the plan is not targeted', async () => {
    const planned = await planWith({});
    expect(planned.diagnostics).toEqual([]);
    expect(planToJson(planned)).not.toHaveProperty('diagnostics');
  });

  it('repeats that applied changes may be incomplete at the end of a targeted apply', async () => {
    const backend = new LocalStateBackend({ path: join(work, 'terraform.tfstate') });
    const targeted = await apply({ plan: await planWith({ targets: ['lifeboat_backup.nightly'] }), backend, client });
    expect(targeted.complete).toBe(true);
    expect(targeted.diagnostics.map((d) => d.summary)).toEqual(['Applied changes may be incomplete']);
    expect(targeted.diagnostics[0]?.detail).toContain('Run the following command to verify that no other changes are pending:\n    lifeboat plan\n');

    const whole = await apply({ plan: await planWith({}, backend), backend, client });
    expect(whole.diagnostics).toEqual([]);
  });
});
