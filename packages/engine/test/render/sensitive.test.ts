import { describe, expect, it } from 'vitest';
import { planToJson, renderPlan, type ProviderSchemas } from '../../src/render/index.js';
import { change, output, plan as makePlan, state } from '../fixtures/render/builders.js';
import { fixedTimestamp, fixtureNames, loadFixture } from './golden.js';

/** Every way a plan leaves the engine: text with and without colour, unwrapped, and JSON. */
function everyRendering(plan: Parameters<typeof renderPlan>[0], schemas?: ProviderSchemas): string[] {
  const extra = schemas === undefined ? {} : { schemas };
  return [
    renderPlan(plan, { color: false, ...extra }),
    renderPlan(plan, { color: true, ...extra }),
    renderPlan(plan, { width: 0, ...extra }),
    JSON.stringify(planToJson(plan, { timestamp: fixedTimestamp, ...extra })),
  ];
}

describe('sensitive values', () => {
  it('never appear in any rendering of the sensitive fixture: changes, drift, prior state or outputs', async () => {
    const { plan, secrets = [] } = await loadFixture('sensitive');
    expect(secrets.length).toBeGreaterThan(0);
    // The fixture really does carry them, so their absence below means something.
    const raw = JSON.stringify(plan);
    for (const secret of secrets) expect(raw).toContain(secret);
    for (const rendering of everyRendering(plan)) for (const secret of secrets) expect(rendering).not.toContain(secret);
  });

  it('never appear in any fixture: the standby password of the replace fixture stays hidden too', async () => {
    for (const name of fixtureNames()) {
      const { plan } = await loadFixture(name);
      for (const rendering of everyRendering(plan)) expect(rendering).not.toContain('Initial-Standby-Pw-1');
    }
  });

  it('are hidden by the schema even when the plan does not list them, and by the plan even when no schema knows the type', async () => {
    const { plan } = await loadFixture('sensitive');
    const text = renderPlan(plan);
    expect(plan.resourceChanges[0]?.sensitive).toEqual([]);
    expect(text).toContain('      ~ password          = (sensitive value)\n');
    expect(text).toContain('      ~ token         = (sensitive value)\n');
    const json = planToJson(plan, { timestamp: fixedTimestamp });
    expect(json.resource_changes.map((entry) => entry.change.after_sensitive)).toEqual([{ password: true }, { token: true }]);
    expect(json.prior_state.values.root_module.resources.map((entry) => entry.sensitive_values)).toEqual([{ password: true }, { token: true }]);
    expect(json.prior_state.values.outputs?.['standby_password']).toEqual({ sensitive: true, type: 'string' });
    expect(json.output_changes['standby_password']).toEqual({ actions: ['update'], after_unknown: false, before_sensitive: true, after_sensitive: true });
  });

  it('are hidden inside nested objects of lists, and when created, destroyed or known only after apply', () => {
    const schemas: ProviderSchemas = {
      managed: {
        lifeboat_vault: {
          description: 'test type',
          attributes: {
            users: {
              type: { list: { object: { name: { type: 'string', description: 'n' }, password: { type: 'string', sensitive: true, description: 'p' } } } },
              description: 'u',
            },
            key: { type: 'string', sensitive: true, description: 'k' },
          },
        },
      },
      data: {},
    };
    const plan = makePlan({
      resourceChanges: [
        change({ address: 'lifeboat_vault.new', actions: ['create'], after: { users: [{ name: 'ada', password: 'Nested-Secret-One' }] }, afterUnknown: { key: true } }),
        change({ address: 'lifeboat_vault.old', actions: ['delete'], before: { key: 'Deleted-Key-Secret', users: [{ name: 'bob', password: 'Nested-Secret-Two' }] } }),
      ],
      outputChanges: [output({ name: 'admin', actions: ['create'], after: { password: 'Output-Object-Secret' }, sensitive: true })],
      priorState: state({
        outputs: { admin: { value: { password: 'Output-Object-Secret' }, type: ['object', { password: 'string' }], sensitive: true } },
      }),
    });
    for (const rendering of everyRendering(plan, schemas)) {
      for (const secret of ['Nested-Secret-One', 'Nested-Secret-Two', 'Deleted-Key-Secret', 'Output-Object-Secret']) expect(rendering).not.toContain(secret);
    }
    const text = renderPlan(plan, { schemas });
    expect(text).toContain('              + password = (sensitive value)\n');
    expect(text).toContain('      + key   = (sensitive value)\n');
    expect(text).toContain('      - key   = (sensitive value) -> null\n');
    const json = planToJson(plan, { schemas, timestamp: fixedTimestamp });
    expect(json.resource_changes[0]?.change).toMatchObject({ after: { users: [{ name: 'ada' }] }, after_sensitive: { key: true, users: [{ password: true }] }, after_unknown: { key: true } });
  });
});
