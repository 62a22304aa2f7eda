import { ExitCode } from './exit-codes.js';

/** Marks CLI errors across copies of the module. */
const brand = Symbol.for('lifeboat.cli-error');

/** What a {@link CliError} is made of. */
export interface CliErrorDetails {
  /** A stable code in upper snake case, e.g. `NO_TTY_FOR_CONFIRMATION`. */
  readonly code: string;
  /** What went wrong, as a sentence without the fix. */
  readonly problem: string;
  /** What to do about it, as a sentence. */
  readonly fix?: string | undefined;
  /** @default ExitCode.error */
  readonly exitCode?: ExitCode | undefined;
  readonly cause?: unknown;
}

/**
 * A problem the CLI itself finds (bad flags, a missing file, a refused confirmation). Commands
 * throw it; the runtime prints it as one line with its code and exits with `exitCode`.
 *
 * @example
 * throw new CliError({ code: 'NO_CDKTF_JSON', problem: 'There is no cdktf.json in /work/app', fix: 'Run lifeboat synth in the directory of your CDKTF app.' });
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly code: string;
  readonly fix: string | undefined;
  readonly exitCode: ExitCode;

  constructor(details: CliErrorDetails) {
    super(sentence(details.problem) + (details.fix === undefined ? '' : ` ${sentence(details.fix)}`), details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.fix = details.fix;
    this.exitCode = details.exitCode ?? ExitCode.error;
    Object.defineProperty(this, brand, { value: true });
  }
}

/** True for a {@link CliError} from any copy of the module. */
export function isCliError(error: unknown): error is CliError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[brand] === true;
}

/** `text`, ending with a full stop unless it already ends a sentence. */
export const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);
