/**
 * One run of the CLI: normalise the arguments, build the program, run the command, print a
 * failure as one line, and return the exit code. `bin.ts` calls it with the process's streams;
 * it never exits the process itself.
 */
import { CommanderError } from 'commander';
import { hasFlag, normalizeArgs } from './runtime/args.js';
import { describeError, formatErrorDetail, formatErrorLine } from './runtime/format-error.js';
import { ExitCode } from './runtime/exit-codes.js';
import { Runtime, type GlobalOptions, type RuntimeOptions } from './runtime/runtime.js';
import { createProgram } from './program.js';

/** What {@link main} runs with: the process's arguments (without `node` and the script), environment and streams. */
export type MainOptions = Omit<RuntimeOptions, 'noColor' | 'globals'> & { readonly argv: readonly string[] };

/** Runs one command and returns the exit code. */
export async function main(options: MainOptions): Promise<number> {
  const argv = normalizeArgs(options.argv);
  // The runtime reads the global options only while a command runs, after the program exists.
  const runtime = new Runtime({ ...options, noColor: hasFlag(argv, '--no-color'), globals: () => program.opts<GlobalOptions>() });
  const program = createProgram(runtime);
  let code: number;
  try {
    await program.parseAsync(argv, { from: 'user' });
    code = runtime.exitCode;
  } catch (error) {
    // Commander has printed usage errors, help and the version already.
    if (error instanceof CommanderError) code = error.exitCode;
    else code = report(runtime, error);
  }
  try {
    await runtime.close();
  } catch (error) {
    code = Math.max(code, report(runtime, error));
  }
  return code;
}

function report(runtime: Runtime, error: unknown): number {
  const { stderr } = runtime.output;
  stderr.write(`${formatErrorLine(error, stderr.colors, runtime.redact)}\n`);
  if (runtime.debug) stderr.write(`${stderr.colors.dim(formatErrorDetail(error, runtime.redact))}\n`);
  const { exitCode } = describeError(error);
  return exitCode === ExitCode.ok ? ExitCode.error : exitCode;
}
