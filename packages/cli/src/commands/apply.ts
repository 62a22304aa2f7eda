/**
 * `lifeboat apply [PLAN]` and `lifeboat destroy`: plan (or read a saved plan), ask, and converge,
 * with a line per operation and live progress for running jobs. Ctrl-C stops scheduling, lets
 * running operations finish or records them as pending, writes the state, and says what was
 * left running.
 */
import { apply, planToJson, readPlanFile, type Configuration, type Plan, type StateBackend } from '@lifeboat/engine';
import type { Lifeboat } from '@lifeboat/sdk';
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { reportApply } from '../iac/apply-result.js';
import { OperationView } from '../iac/operation-view.js';
import { addPlanningOptions, type PlanningOptions } from '../iac/options.js';
import { makePlan } from '../iac/planning.js';
import { prepare } from '../iac/prepare.js';
import { openStateBackend } from '../iac/state-backend.js';
import { CliError } from '../runtime/cli-error.js';
import { providerSettingsOf } from '../runtime/provider-settings.js';
import type { Runtime } from '../runtime/runtime.js';
import { planErrored, showPlan } from './plan.js';

interface ApplyCommandOptions extends PlanningOptions {
  readonly autoApprove?: boolean | undefined;
  readonly destroy?: boolean | undefined;
}

/** Registers `apply` and `destroy`. */
export function registerApply(program: Command, runtime: Runtime): void {
  const applyCommand = program
    .command('apply')
    .description('Make the changes the plan shows: plan (or read a plan saved with plan -out), ask for confirmation, and apply.')
    .argument('[plan-file]', 'a plan saved with `lifeboat plan -out=FILE`, applied exactly, without asking')
    .addOption(new Option('--auto-approve', 'apply without asking for confirmation (needed without a terminal)'))
    .addOption(new Option('--destroy', 'destroy everything the state manages, like `lifeboat destroy`'));
  addPlanningOptions(applyCommand).action((planFile: string | undefined, options: ApplyCommandOptions) => runApply(runtime, { planFile, options, destroy: options.destroy === true }));

  const destroyCommand = program
    .command('destroy')
    .description('Destroy everything the state manages: plan the deletes, ask for confirmation, and apply them.')
    .addOption(new Option('--auto-approve', 'destroy without asking for confirmation (needed without a terminal)'));
  addPlanningOptions(destroyCommand).action((options: ApplyCommandOptions) => runApply(runtime, { planFile: undefined, options, destroy: true }));
}

interface ApplyRun {
  readonly planFile: string | undefined;
  readonly options: ApplyCommandOptions;
  readonly destroy: boolean;
}

async function runApply(runtime: Runtime, run: ApplyRun): Promise<void> {
  const { options } = run;
  const json = options.json === true;
  if (json && options.autoApprove !== true && run.planFile === undefined) {
    throw new CliError({ code: 'JSON_NEEDS_AUTO_APPROVE', problem: 'With -json there is no one to ask for confirmation', fix: 'Add -auto-approve, or apply a saved plan.' });
  }
  const interrupt = runtime.interrupt();
  const view = new OperationView(runtime, json ? runtime.output.stderr : runtime.output.stdout);
  const ready = run.planFile === undefined ? await planAndConfirm(runtime, run, interrupt.signal, view) : await savedPlan(runtime, run.planFile, options);
  if (ready === undefined) return;
  const result = await apply({ plan: ready.plan, backend: ready.backend, client: ready.client, parallelism: options.parallelism, signal: interrupt.signal, hooks: view.hooks });
  view.close();
  reportApply({ runtime, plan: ready.plan, result, interrupted: interrupt.signal.aborted, json });
}

interface ReadyToApply {
  readonly plan: Plan;
  readonly backend: StateBackend;
  readonly client: Lifeboat;
}

/** Plans, shows the plan and asks; `undefined` when there is nothing to do. */
async function planAndConfirm(runtime: Runtime, run: ApplyRun, signal: AbortSignal, view: OperationView): Promise<ReadyToApply | undefined> {
  const { options } = run;
  const json = options.json === true;
  const { workspace, connection, backend } = await prepare(runtime, options);
  const planned = await makePlan({ workspace, backend, client: connection.client, options, destroy: run.destroy, signal, view });
  if (!json || planned.errored) showPlan(runtime, planned, json);
  if (planned.errored) throw planErrored();
  if (!planToJson(planned).applyable) {
    if (json) runtime.output.json({ complete: true, interrupted: false, mode: planned.mode, resources: { added: 0, changed: 0, destroyed: 0 }, succeeded: [], failed: [], skipped: [], not_started: [], left_running: [], outputs: {}, diagnostics: [] });
    return undefined;
  }
  if (options.autoApprove !== true) {
    const approved = await runtime.confirm(
      run.destroy
        ? {
            question: 'Do you really want to destroy all resources?',
            detail: '  Lifeboat will destroy all your managed infrastructure, as shown above.\n  There is no undo. Only \'yes\' will be accepted to confirm.',
            skipFlag: '-auto-approve',
          }
        : {
            question: 'Do you want to perform these actions?',
            detail: '  Lifeboat will perform the actions described above.\n  Only \'yes\' will be accepted to approve.',
            skipFlag: '-auto-approve',
          },
    );
    if (!approved) throw new CliError({ code: 'CANCELLED', problem: `${run.destroy ? 'Destroy' : 'Apply'} cancelled: the answer was not "yes", so nothing was changed`, fix: 'Run it again and answer yes to go ahead.' });
    runtime.output.line();
  }
  return { plan: planned, backend, client: connection.client };
}

/** A plan saved with `plan -out`, its server and its state. */
async function savedPlan(runtime: Runtime, planFile: string, options: ApplyCommandOptions): Promise<ReadyToApply> {
  if (options.var.length > 0 || options.varFile.length > 0 || options.target.length > 0 || options.exclude.length > 0 || options.replace.length > 0 || options.destroy === true) {
    throw new CliError({ code: 'OPTIONS_WITH_SAVED_PLAN', problem: 'A saved plan is applied exactly as planned, so -var, -var-file, -target, -exclude, -replace and -destroy cannot be given with it', fix: 'Pass them to lifeboat plan instead.' });
  }
  const planned = await readPlanFile(resolve(runtime.cwd, planFile));
  // Saved plans hold their configuration; readPlanFile has rebuilt it.
  const configuration = planned.configuration as Configuration;
  const backend = await openStateBackend({ configuration, cwd: runtime.cwd, env: runtime.env, options });
  runtime.onClose(() => backend.close());
  const connection = await runtime.connect({ provider: providerSettingsOf(configuration, planned.variables) ?? null, announce: options.json !== true });
  return { plan: planned, backend, client: connection.client };
}
