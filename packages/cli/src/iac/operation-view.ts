/**
 * How apply, destroy and import look while they run: one line per operation as it starts and
 * ends (`lifeboat_backup.b: Creating...`, `…: Creation complete after 4s [id=bk-1]`), as
 * Terraform prints them, and a live bar (or timestamped lines) for each running job. It
 * implements the engine's hooks; the engine never prints.
 */
import type { EngineHooks } from '@lifeboat/engine';
import type { ProgressReporter } from '../runtime/progress.js';
import type { Runtime } from '../runtime/runtime.js';
import type { Terminal } from '../runtime/terminal.js';
import { formatDuration } from '../runtime/units.js';

const starting: Readonly<Record<string, string>> = {
  create: 'Creating...',
  update: 'Modifying...',
  delete: 'Destroying...',
  'delete/create': 'Replacing...',
  'create/delete': 'Replacing...',
  read: 'Reading...',
  import: 'Importing...',
};

const finished: Readonly<Record<string, string>> = {
  create: 'Creation complete',
  update: 'Modifications complete',
  delete: 'Destruction complete',
  'delete/create': 'Replacement complete',
  'create/delete': 'Replacement complete',
  read: 'Read complete',
  import: 'Import complete',
};

const failing: Readonly<Record<string, string>> = {
  create: 'Creation failed',
  update: 'Modifications failed',
  delete: 'Destruction failed',
  'delete/create': 'Replacement failed',
  'create/delete': 'Replacement failed',
  read: 'Read failed',
  import: 'Import failed',
};

const isAbort = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';

/** See the module comment. */
export class OperationView {
  readonly hooks: EngineHooks;
  readonly #progress: ProgressReporter;
  readonly #terminal: Terminal;

  constructor(runtime: Runtime, terminal: Terminal) {
    this.#terminal = terminal;
    this.#progress = runtime.progress(terminal);
    const { bold, red, yellow } = terminal.colors;
    this.hooks = {
      onResourceStart: ({ address, action }) => this.#progress.start(address, address, `${bold(`${address}:`)} ${starting[action] ?? `${action}...`}`),
      onResourceProgress: ({ address, progress }) => this.#progress.update(address, progress),
      onResourceDone: ({ address, action, elapsedMs, id }) =>
        this.#progress.finish(address, `${bold(`${address}:`)} ${finished[action] ?? `${action} complete`} after ${formatDuration(elapsedMs)}${id === undefined ? '' : ` [id=${id}]`}`),
      onResourceError: ({ address, action, error }) => {
        const elapsed = this.#elapsed(address);
        this.#progress.fail(
          address,
          isAbort(error)
            ? `${bold(`${address}:`)} ${yellow(`interrupted after ${elapsed}`)}`
            : `${bold(`${address}:`)} ${red(`${failing[action] ?? `${action} failed`} after ${elapsed}`)}`,
        );
      },
    };
  }

  /** A failure reported outside the hooks (an import block that could not be resolved). */
  failed(address: string, error: Error): void {
    this.#progress.log(`${this.#terminal.colors.bold(`${address}:`)} ${this.#terminal.colors.red(error.message)}`);
  }

  /** Stops the live bars, before the summary is printed. */
  close(): void {
    this.#progress.close();
  }

  #elapsed(address: string): string {
    const running = this.#progress.running().find((operation) => operation.id === address);
    return formatDuration(running === undefined ? 0 : Date.now() - running.startedAt);
  }
}
