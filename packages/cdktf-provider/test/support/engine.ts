import { join } from 'node:path';
import {
  apply,
  emptyState,
  LocalStateBackend,
  plan,
  renderPlan,
  resolveVariables,
  type ApplyResult,
  type Plan,
  type PlanOptions,
} from '@lifeboat/engine';
import type { Lifeboat } from '@lifeboat/sdk';
import { expect } from 'vitest';
import { describeDiagnostics, engineView } from './synth.js';

/**
 * What `lifeboat plan` and `lifeboat apply` do with a synthesized app, through the engine's API
 * (there is no CLI to call yet): load `<dir>/cdktf.out`, validate, resolve variables, plan against
 * the state in `<dir>/terraform.tfstate`, apply.
 */
export class EngineWorkspace {
  readonly backend: LocalStateBackend;

  constructor(
    readonly dir: string,
    readonly client: Lifeboat,
    /** `-var name=value` settings. */
    readonly vars: Readonly<Record<string, string>> = {},
  ) {
    this.backend = new LocalStateBackend({ path: join(dir, 'terraform.tfstate') });
  }

  /** Plans the synthesized stack; configuration problems fail the test with their text. */
  async plan(extra: Partial<PlanOptions> = {}): Promise<Plan> {
    const { configuration, diagnostics } = await engineView(this.dir);
    expect(describeDiagnostics(diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
    const variables = await resolveVariables(configuration, { vars: this.vars, env: {} });
    expect(describeDiagnostics(variables.diagnostics)).toEqual([]);
    const state = (await this.backend.read()) ?? emptyState();
    const planned = await plan({ configuration, variables: Object.fromEntries(variables.values), state, client: this.client, ...extra });
    expect(planned.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.summary}: ${d.detail}`)).toEqual([]);
    return planned;
  }

  /** Applies `planned`; any failed resource fails the test with its error. */
  async apply(planned: Plan): Promise<ApplyResult> {
    const result = await apply({ plan: planned, backend: this.backend, client: this.client });
    expect(result.walk.failed.map((failure) => `${failure.id}: ${String(failure.error)}`)).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.summary}: ${d.detail}`)).toEqual([]);
    expect(result.complete).toBe(true);
    return result;
  }
}

/** Each change's actions by address, e.g. `{ 'lifeboat_copy_policy.dr': 'delete/create' }`. */
export const actionsOf = (planned: Plan): Record<string, string> => Object.fromEntries(planned.resourceChanges.map((c) => [c.address, c.actions.join('/')]));

/** Only the changes that do something (no no-ops), as `actionsOf` shows them. */
export const changesOf = (planned: Plan): Record<string, string> => Object.fromEntries(Object.entries(actionsOf(planned)).filter(([, actions]) => actions !== 'no-op'));

/** The plan as `lifeboat plan` prints it, without colour. */
export const planText = (planned: Plan): string => renderPlan(planned, { color: false });
