/**
 * Making a plan, shared by `plan`, `apply` and `destroy`: run the configuration's `import`
 * blocks first (as Terraform's plan does), then plan under the state lock.
 */
import { emptyState, importBlocks, plan, type Plan, type StateBackend } from '@lifeboat/engine';
import type { Lifeboat } from '@lifeboat/sdk';
import { CliError } from '../runtime/cli-error.js';
import type { OperationView } from './operation-view.js';
import type { PlanningOptions } from './options.js';
import type { Workspace } from './workspace.js';

/** What {@link makePlan} needs. */
export interface MakePlanRequest {
  readonly workspace: Workspace;
  readonly backend: StateBackend;
  readonly client: Lifeboat;
  readonly options: PlanningOptions;
  /** `destroy` for `destroy` and `plan -destroy`. */
  readonly destroy: boolean;
  readonly signal: AbortSignal;
  /** Where import progress goes (stdout for people, stderr with `--json`). */
  readonly view: OperationView;
}

/**
 * Imports what `import` blocks name, then plans.
 *
 * @throws {CliError} `IMPORT_FAILED` when an import block could not be imported (the others were).
 */
export async function makePlan(request: MakePlanRequest): Promise<Plan> {
  const { workspace, backend, client, options, signal } = request;
  const mode = request.destroy ? 'destroy' : options.refreshOnly === true ? 'refresh-only' : 'normal';
  if (mode !== 'destroy' && workspace.configuration.imports.length > 0) {
    const imported = await importBlocks({ configuration: workspace.configuration, variables: workspace.variables, backend, client, signal, hooks: request.view.hooks });
    for (const { address, error } of imported.failed) request.view.failed(address, error);
    if (!imported.complete) {
      throw new CliError({
        code: 'IMPORT_FAILED',
        problem: `${imported.failed.length === 1 ? 'An import block' : `${imported.failed.length} import blocks`} could not be imported (${imported.failed.map((f) => f.address).join(', ')}): ${imported.failed[0]?.error.message ?? ''}`,
        fix: 'Check the ids in the import blocks; the other imports were recorded.',
      });
    }
  }

  const lock = await backend.lock('OperationTypePlan', 'lifeboat plan');
  try {
    const state = (await backend.read()) ?? emptyState();
    return await plan({
      configuration: workspace.configuration,
      variables: workspace.variables,
      state,
      client,
      mode,
      refresh: options.refresh,
      parallelism: options.parallelism,
      targets: options.target,
      excludes: options.exclude,
      replace: options.replace,
      signal,
    });
  } finally {
    await lock.release();
  }
}
