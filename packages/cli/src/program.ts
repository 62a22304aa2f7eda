/**
 * The `lifeboat` program: global options, then every command group registered from its own
 * module (see `commands/index.ts`).
 */
import { Command } from 'commander';
import { commandGroups } from './commands/index.js';
import type { Runtime } from './runtime/runtime.js';
import { cliVersion } from './version.js';

/** Builds the command tree. Parsing and running are `main()`'s. */
export function createProgram(runtime: Runtime): Command {
  const { output } = runtime;
  const program = new Command('lifeboat')
    .description('Backup and disaster recovery as code for managed database clusters.')
    .version(cliVersion, '-v, --version', 'print the version')
    .option('--endpoint <url>', 'control plane URL (default: env LIFEBOAT_ENDPOINT, the provider block, or the embedded server on .lifeboat/)')
    .option('--api-key <key>', 'API key (default: env LIFEBOAT_API_KEY, or the provider block)')
    .option('--project <id>', 'project id (default: env LIFEBOAT_PROJECT_ID, the provider block, or the server default)')
    .option('--debug', 'on errors, show the stack; show every HTTP request (secrets redacted)')
    .option('--no-color', 'no colours (they are also off with NO_COLOR set, and when output is not a terminal)')
    .helpOption('-h, --help', 'show help')
    .addHelpCommand(false)
    .showHelpAfterError('(add --help for usage)')
    // Errors come back to main(), which prints them and picks the exit code; nothing exits here.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => output.text(text),
      writeErr: (text) => output.stderr.write(text),
      outputError: (text, write) => write(output.stderr.colors.red(text)),
    })
    .addHelpText(
      'after',
      [
        '',
        'Flags can be written with one dash or two: -auto-approve or --auto-approve.',
        'Exit codes: 0 ok, 1 error, 2 changes present (plan -detailed-exitcode), 130 interrupted.',
      ].join('\n'),
    );
  for (const register of commandGroups) register(program, runtime);
  return program;
}
