/**
 * `lifeboat plan`: what apply would change, for people or as `terraform show -json` JSON, and
 * optionally saved for `lifeboat apply FILE`.
 */
import { planToJson, renderPlan, writePlanFile, type Plan } from '@lifeboat/engine';
import { Option, type Command } from 'commander';
import { addPlanningOptions, type PlanningOptions } from '../iac/options.js';
import { OperationView } from '../iac/operation-view.js';
import { makePlan } from '../iac/planning.js';
import { prepare } from '../iac/prepare.js';
import { CliError } from '../runtime/cli-error.js';
import { ExitCode } from '../runtime/exit-codes.js';
import type { Runtime } from '../runtime/runtime.js';

interface PlanCommandOptions extends PlanningOptions {
  readonly destroy?: boolean | undefined;
  readonly out?: string | undefined;
  readonly detailedExitcode?: boolean | undefined;
}

/** Registers `plan`. */
export function registerPlan(program: Command, runtime: Runtime): void {
  const command = program
    .command('plan')
    .description('Show what apply would change: refresh live objects, diff them against the configuration, and print the plan.')
    .addOption(new Option('--destroy', 'plan to destroy everything the state manages'))
    .addOption(new Option('--out <file>', 'save the plan, to apply exactly it with `lifeboat apply FILE`'))
    .addOption(new Option('--detailed-exitcode', 'exit 0 when there are no changes, 2 when there are, 1 on error'));
  addPlanningOptions(command).action((options: PlanCommandOptions) => runPlan(runtime, options));
}

async function runPlan(runtime: Runtime, options: PlanCommandOptions): Promise<void> {
  const json = options.json === true;
  const { workspace, connection, backend } = await prepare(runtime, options);
  const interrupt = runtime.interrupt();
  const view = new OperationView(runtime, json ? runtime.output.stderr : runtime.output.stdout);
  const planned = await makePlan({ workspace, backend, client: connection.client, options, destroy: options.destroy === true, signal: interrupt.signal, view });
  view.close();
  showPlan(runtime, planned, json);
  if (planned.errored) throw planErrored();
  if (options.out !== undefined) {
    await writePlanFile(options.out, planned);
    if (!json) {
      runtime.output.line();
      runtime.output.line(`Saved the plan to: ${options.out}`);
      runtime.output.line();
      runtime.output.line('To perform exactly these actions, run the following command to apply:');
      runtime.output.line(`    lifeboat apply ${JSON.stringify(options.out)}`);
    }
  }
  if (options.detailedExitcode === true && planToJson(planned).applyable) runtime.exitCode = ExitCode.changes;
}

/** The plan for people on stdout, or its `terraform show -json` form. */
export function showPlan(runtime: Runtime, planned: Plan, json: boolean): void {
  if (json) {
    runtime.output.json(planToJson(planned));
    return;
  }
  const { stdout } = runtime.output;
  runtime.output.line();
  runtime.output.block(renderPlan(planned, { color: stdout.colors.isColorSupported, width: stdout.columns }));
}

/** The error a plan with errors ends in (its diagnostics were shown with the plan). */
export function planErrored(): CliError {
  return new CliError({ code: 'PLAN_FAILED', problem: 'The plan has errors (shown above), so nothing can be applied', fix: 'Fix them and plan again.' });
}
