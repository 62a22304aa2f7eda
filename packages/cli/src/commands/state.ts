/**
 * `lifeboat state list|show|rm|mv|pull`: read and edit what the state records, without touching
 * the server.
 */
import { serializeState, stateList, stateMv, stateRm, stateShow } from '@lifeboat/engine';
import { Option, type Command } from 'commander';
import { addStackOption, addStateOptions, type StackOptions, type StateOptions } from '../iac/options.js';
import { openStateBackendIn } from '../iac/state-backend.js';
import { jsonOption } from '../runtime/options.js';
import type { Runtime } from '../runtime/runtime.js';

/** Registers `state` and its subcommands. */
export function registerState(program: Command, runtime: Runtime): void {
  const state = program.command('state').description('Read and edit the state: what Lifeboat manages and the ids it recorded. Nothing on the server changes.');
  const backendFor = (options: StackOptions & Partial<StateOptions>) => openStateBackendIn(runtime, options);

  addStackOption(
    state
      .command('list')
      .description('List the resource instances in the state, optionally only those matching ADDRESS (an instance, a resource, or a prefix such as lifeboat_backup).')
      .argument('[address...]', 'addresses or prefixes to list')
      .addOption(new Option('--id <id>', 'only instances whose id is this'))
      .addOption(jsonOption()),
  ).action(async (addresses: string[], options: StackOptions & { id?: string; json?: boolean }) => {
    const backend = await backendFor(options);
    const listed = stateList(await backend.read(), { filter: addresses, ...(options.id === undefined ? {} : { id: options.id }) });
    if (options.json === true) runtime.output.json(listed);
    else for (const address of listed) runtime.output.line(address);
  });

  addStackOption(
    state
      .command('show')
      .description('Show one instance as the state records it; sensitive values are hidden.')
      .argument('<address>', 'the instance, e.g. lifeboat_backup.before_migration'),
  ).action(async (address: string, options: StackOptions) => {
    const backend = await backendFor(options);
    runtime.output.block(stateShow(await backend.read(), address));
  });

  addStateOptions(
    state
      .command('rm')
      .description('Forget instances: they stay on the server, and Lifeboat no longer manages them. All or nothing: an address that matches nothing is an error.')
      .argument('<address...>', 'instances, or resources (all their instances)'),
  ).action(async (addresses: string[], options: StateOptions) => {
    const backend = await backendFor(options);
    const { removed } = await stateRm(backend, addresses);
    for (const address of removed) runtime.output.line(`Removed ${address}`);
    runtime.output.line(`Successfully removed ${removed.length} resource instance(s).`);
  });

  addStateOptions(
    state
      .command('mv')
      .description('Move instances to another address, as after renaming a resource in the configuration.')
      .argument('<source>', 'the instance or resource to move')
      .argument('<destination>', 'its new address'),
  ).action(async (source: string, destination: string, options: StateOptions) => {
    const backend = await backendFor(options);
    const { moved } = await stateMv(backend, source, destination);
    for (const { from, to } of moved) runtime.output.line(`Move "${from}" to "${to}"`);
    runtime.output.line(`Successfully moved ${moved.length} object(s).`);
  });

  addStackOption(
    state
      .command('pull')
      .description('Print the whole state as JSON (it holds sensitive values in clear, as the state file does).'),
  ).action(async (options: StackOptions) => {
    const backend = await backendFor(options);
    const current = await backend.read();
    if (current !== undefined) runtime.output.block(serializeState(current));
  });
}
