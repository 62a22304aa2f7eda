/**
 * `lifeboat import ADDRESS ID`: bring an object that already exists on the server under
 * management, recording it in the state without changing it.
 */
import { importResource } from '@lifeboat/engine';
import { Option, type Command } from 'commander';
import { OperationView } from '../iac/operation-view.js';
import { addStateOptions, addVariableOptions, type StateOptions, type VariableOptions } from '../iac/options.js';
import { prepare } from '../iac/prepare.js';
import type { Runtime } from '../runtime/runtime.js';

interface ImportCommandOptions extends VariableOptions, StateOptions {
  readonly json?: boolean | undefined;
}

/** Registers `import`. */
export function registerImport(program: Command, runtime: Runtime): void {
  const command = program
    .command('import')
    .description('Record an existing object in the state under ADDRESS, so Lifeboat manages it from now on. Nothing on the server changes.')
    .argument('<address>', 'the resource instance to import to, declared in the configuration, e.g. lifeboat_backup_policy.nightly')
    .argument('<id>', "the object's id, as its type expects (a policy's cluster id, a copy policy's <cluster>/<region>)")
    .addOption(new Option('--json', 'print JSON for scripts instead of text for people'));
  addStateOptions(addVariableOptions(command)).action(async (address: string, id: string, options: ImportCommandOptions) => {
    const json = options.json === true;
    const { workspace, connection, backend } = await prepare(runtime, options);
    const view = new OperationView(runtime, json ? runtime.output.stderr : runtime.output.stdout);
    const imported = await importResource({ configuration: workspace.configuration, variables: workspace.variables, backend, client: connection.client, address, id, signal: runtime.interrupt().signal, hooks: view.hooks });
    view.close();
    if (json) {
      runtime.output.json({ address: imported.address, id: imported.id });
      return;
    }
    const { colors } = runtime.output.stdout;
    runtime.output.line();
    runtime.output.line(colors.green(colors.bold('Import successful!')));
    runtime.output.line();
    runtime.output.line(`${imported.address} (id ${imported.id}) is now in the state and managed by Lifeboat. Run lifeboat plan to see how it compares with the configuration.`);
  });
}
