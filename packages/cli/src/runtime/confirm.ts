/**
 * Interactive confirmation (apply, destroy): asked only on a terminal. Without one, a command
 * that needs confirmation refuses, so a script never hangs waiting for input it cannot give.
 */
import { createInterface } from 'node:readline/promises';
import { CliError } from './cli-error.js';

/** The input side of the terminal. */
export interface InputStream extends NodeJS.ReadableStream {
  readonly isTTY?: boolean | undefined;
}

/** What {@link confirm} asks. */
export interface ConfirmRequest {
  readonly input: InputStream;
  readonly output: NodeJS.WritableStream;
  /** The question, e.g. `Do you want to perform these actions?`. */
  readonly question: string;
  /** Lines explaining it, shown before the prompt. */
  readonly detail: string;
  /** The flag that skips the question, named in the refusal, e.g. `-auto-approve`. */
  readonly skipFlag: string;
}

/**
 * Asks, and resolves `true` only for the answer `yes` (as Terraform: anything else cancels).
 *
 * @throws {CliError} `CONFIRMATION_NEEDS_TTY` when stdin is not a terminal.
 */
export async function confirm(request: ConfirmRequest): Promise<boolean> {
  if (request.input.isTTY !== true) {
    throw new CliError({
      code: 'CONFIRMATION_NEEDS_TTY',
      problem: 'This command asks for confirmation, and there is no terminal to ask on (stdin is not a TTY)',
      fix: `Pass ${request.skipFlag} to go ahead without asking, or run it in a terminal.`,
    });
  }
  const prompt = createInterface({ input: request.input, output: request.output, terminal: true });
  try {
    request.output.write(`\n${request.question}\n${request.detail}\n\n`);
    const answer = await prompt.question('  Enter a value: ');
    return answer.trim() === 'yes';
  } finally {
    prompt.close();
  }
}
