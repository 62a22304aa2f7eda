/**
 * `lifeboat force-unlock LOCK_ID`: remove a state lock left by a process that died. The id (from
 * the "Error acquiring the state lock" message) guards against removing a lock taken since.
 */
import { Option, type Command } from 'commander';
import { addStackOption, type StackOptions } from '../iac/options.js';
import { openStateBackendIn } from '../iac/state-backend.js';
import { CliError } from '../runtime/cli-error.js';
import type { Runtime } from '../runtime/runtime.js';

/** Registers `force-unlock`. */
export function registerForceUnlock(program: Command, runtime: Runtime): void {
  addStackOption(
    program
      .command('force-unlock')
      .description('Remove the state lock with this id, whoever holds it. Only for a lock whose holder is gone: two writers can damage the state.')
      .argument('<lock-id>', 'the lock id, as the lock error shows it')
      .addOption(new Option('--force', 'do not ask for confirmation (needed without a terminal)')),
  ).action(async (lockId: string, options: StackOptions & { force?: boolean }) => {
    const backend = await openStateBackendIn(runtime, options);
    if (options.force !== true) {
      const approved = await runtime.confirm({
        question: 'Do you really want to force-unlock?',
        detail: "  Lifeboat will remove the lock on the state. This lets other commands write the state\n  even though it may still be in use. Only 'yes' will be accepted to confirm.",
        skipFlag: '-force',
      });
      if (!approved) throw new CliError({ code: 'CANCELLED', problem: 'Force-unlock cancelled: the answer was not "yes", so the lock is still held', fix: 'Run it again and answer yes to remove it.' });
    }
    await backend.forceUnlock(lockId);
    runtime.output.line(runtime.output.stdout.colors.green(`Lifeboat state has been successfully unlocked (lock ${lockId} on ${backend.describe()}).`));
  });
}
