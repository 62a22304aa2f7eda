/**
 * How a failure is shown: one line saying what went wrong and what to do, with the error code
 * and, for server errors, the request id to quote; `--debug` adds the stack and the causes.
 */
import { isEngineError } from '@lifeboat/engine';
import { isLifeboatError } from '@lifeboat/sdk';
import { isCliError, sentence } from './cli-error.js';
import { ExitCode } from './exit-codes.js';
import type { Redactor } from './redact.js';
import type { Colors } from './terminal.js';

/** The parts of an error the CLI shows. */
export interface DescribedError {
  readonly message: string;
  /** The stable code: the SDK's numeric code, or an engine or CLI code. */
  readonly code: string;
  readonly requestId: string | undefined;
  readonly exitCode: ExitCode;
}

/** Reads what to show from any thrown value: SDK, engine and CLI errors, or anything else. */
export function describeError(error: unknown): DescribedError {
  if (isLifeboatError(error)) return { message: error.message, code: String(error.code), requestId: error.requestId, exitCode: ExitCode.error };
  if (isEngineError(error)) return { message: error.message, code: error.code, requestId: undefined, exitCode: ExitCode.error };
  if (isCliError(error)) return { message: error.message, code: error.code, requestId: undefined, exitCode: error.exitCode };
  if (error instanceof Error && error.name === 'AbortError') {
    return { message: 'Interrupted.', code: 'INTERRUPTED', requestId: undefined, exitCode: ExitCode.interrupted };
  }
  const message = error instanceof Error ? error.message : String(error);
  // Not one of ours: a bug or an environment problem. The code says so, and --debug shows where.
  return { message: `${sentence(message)} Run again with --debug for details.`, code: 'UNEXPECTED', requestId: undefined, exitCode: ExitCode.error };
}

/** The error line, e.g. `Error: No backup b-1 in cluster c-1. List them with … (code 65006, request req-9)`. */
export function formatErrorLine(error: unknown, colors: Colors, redact: Redactor): string {
  const described = describeError(error);
  const context = [`code ${described.code}`, ...(described.requestId === undefined ? [] : [`request ${described.requestId}`])].join(', ');
  const message = redact(described.message.replace(/\s*\n\s*/g, ' '));
  return `${colors.red(colors.bold('Error:'))} ${message} ${colors.dim(`(${context})`)}`;
}

/** With `--debug`: the stack of the error and of each cause, redacted. */
export function formatErrorDetail(error: unknown, redact: Redactor): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    parts.push(depth === 0 ? stackOf(current) : `Caused by: ${stackOf(current)}`);
    current = current instanceof Error ? current.cause : undefined;
  }
  return redact(parts.join('\n'));
}

function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}
