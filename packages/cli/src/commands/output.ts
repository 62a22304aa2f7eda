/**
 * `lifeboat output [NAME]`: the outputs the last apply recorded in the state, for people, as
 * Terraform's `output -json`, or one value raw for shell scripts.
 */
import { readOutputs } from '@lifeboat/engine';
import { Option, type Command } from 'commander';
import { addStackOption, type StackOptions } from '../iac/options.js';
import { formatOutputs, formatValue, outputsJson } from '../iac/outputs.js';
import { openStateBackendIn } from '../iac/state-backend.js';
import { CliError } from '../runtime/cli-error.js';
import { jsonOption } from '../runtime/options.js';
import type { Runtime } from '../runtime/runtime.js';

interface OutputCommandOptions extends StackOptions {
  readonly json?: boolean | undefined;
  readonly raw?: boolean | undefined;
}

/** Registers `output`. */
export function registerOutput(program: Command, runtime: Runtime): void {
  addStackOption(
    program
      .command('output')
      .description('Show the outputs recorded by the last apply, or one of them by name (sensitive values are hidden in the list and shown by name).')
      .argument('[name]', 'one output')
      .addOption(jsonOption())
      .addOption(new Option('--raw', "print one output's string, number or bool value as is, without quotes or newline, for shell scripts")),
  ).action(async (name: string | undefined, options: OutputCommandOptions) => {
    const backend = await openStateBackendIn(runtime, options);
    const state = await backend.read();
    if (name === undefined) {
      if (options.raw === true) throw new CliError({ code: 'RAW_NEEDS_NAME', problem: '-raw prints one output, and no name was given', fix: 'Give the output name: lifeboat output -raw NAME.' });
      const outputs = readOutputs(state);
      if (options.json === true) runtime.output.json(outputsJson(outputs));
      else if (Object.keys(outputs).length === 0) runtime.output.note('No outputs found: the state has none. Declare outputs in the configuration and run lifeboat apply.');
      else runtime.output.line(formatOutputs(outputs));
      return;
    }
    const output = readOutputs(state, name);
    if (options.json === true) runtime.output.json(output.value);
    else if (options.raw === true) {
      const { value } = output;
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw new CliError({ code: 'RAW_NEEDS_PRIMITIVE', problem: `Output ${name} is not a string, number or bool, so -raw cannot print it`, fix: 'Use -json for lists and maps.' });
      }
      runtime.output.text(String(value));
    } else runtime.output.line(formatValue(output.value));
  });
}
