/**
 * What every command gets besides its own options: output, the server connection, progress,
 * Ctrl-C, confirmation and the exit code. One value per run of the CLI, made by `main()`; no
 * global state, so tests can run commands in-process with fake streams.
 */
import { Lifeboat } from '@lifeboat/sdk';
import type { RunningServer } from '@lifeboat/server';
import { join, relative } from 'node:path';
import { confirm, type ConfirmRequest, type InputStream } from './confirm.js';
import { startEmbeddedServer } from './embedded-server.js';
import { chooseEndpoint, type EndpointChoice, type EndpointFlags, type ProviderSettings } from './endpoint.js';
import { ExitCode } from './exit-codes.js';
import { httpTraceHooks } from './http-trace.js';
import { listenForInterrupt, listenForStop, type Interrupt, type SignalSource, type StopSignal } from './interrupt.js';
import { Output } from './output.js';
import { createProgressReporter, type ProgressReporter } from './progress.js';
import { providerSettingsIn } from './provider-settings.js';
import { redactorFor, type Redactor } from './redact.js';
import { terminalOf, type Terminal, type WritableStream } from './terminal.js';
import { cliVersion } from '../version.js';

/** The global options every command has (`--endpoint`, `--api-key`, `--project`, `--debug`). */
export interface GlobalOptions extends EndpointFlags {
  readonly debug?: boolean | undefined;
}

/** What a {@link Runtime} is made from; `main()` passes the process's. */
export interface RuntimeOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdin: InputStream;
  readonly stdout: WritableStream & NodeJS.WritableStream;
  readonly stderr: WritableStream & NodeJS.WritableStream;
  readonly signals: SignalSource;
  /** Quits at once (the second Ctrl-C). */
  readonly exit: (code: number) => void;
  /** `--no-color`, known before parsing so even usage errors are uncoloured. */
  readonly noColor: boolean;
  /** The parsed global options, read when a command runs. */
  readonly globals: () => GlobalOptions;
}

/** What {@link Runtime.connect} is told. */
export interface ConnectRequest {
  /**
   * The provider block's settings, when the command has loaded a configuration (`null`: it has
   * none). @default the provider block of the configuration in the working directory, if any
   */
  readonly provider?: ProviderSettings | null | undefined;
  /** Print which server is in use as the first line of human output. @default true */
  readonly announce?: boolean | undefined;
}

/** A client for the chosen server, and what was chosen. */
export interface Connection {
  readonly client: Lifeboat;
  readonly endpoint: EndpointChoice;
  /** The server's URL (for the embedded server, its ephemeral local port). */
  readonly baseUrl: string;
  /** The project to work in: `--project`, `LIFEBOAT_PROJECT_ID`, the provider's, or the embedded server's default. */
  readonly projectId: string | undefined;
  /** The line announcing it, e.g. `Using http://127.0.0.1:7433 (from LIFEBOAT_ENDPOINT)`. */
  readonly description: string;
}

/** See the module comment. */
export class Runtime {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly output: Output;
  /** Replaces secrets (the API key in use, key-shaped strings) in text about to be shown. */
  readonly redact: Redactor;
  /** The exit code the run ends with, unless a command throws; commands set it for non-error outcomes. */
  exitCode: ExitCode = ExitCode.ok;

  readonly #options: RuntimeOptions;
  #connection: Promise<Connection> | undefined;
  #embedded: RunningServer | undefined;
  readonly #cleanups: (() => void | Promise<void>)[] = [];

  constructor(options: RuntimeOptions) {
    this.#options = options;
    this.env = options.env;
    this.cwd = options.cwd;
    const terminal = (stream: WritableStream): Terminal => terminalOf(stream, { env: options.env, noColor: options.noColor });
    this.output = new Output({ stdout: terminal(options.stdout), stderr: terminal(options.stderr) });
    this.redact = redactorFor(() => [this.#options.globals().apiKey, this.env['LIFEBOAT_API_KEY'], this.#embedded?.ownerApiKey]);
  }

  /** `--debug`: stacks on errors, and the HTTP trace on stderr. */
  get debug(): boolean {
    return this.#options.globals().debug === true;
  }

  /** A line on stderr only with `--debug`, redacted. */
  debugLog(line: string): void {
    if (this.debug) this.output.stderr.write(`${this.output.stderr.colors.dim(this.redact(line))}\n`);
  }

  /**
   * Connects to the control plane chosen by flags > environment > provider block > embedded
   * server (started here, and closed when the run ends), and announces it as the first line of
   * human output. Connects once per run; later calls return the same connection.
   */
  connect(request: ConnectRequest = {}): Promise<Connection> {
    this.#connection ??= this.#connect(request);
    return this.#connection;
  }

  async #connect(request: ConnectRequest): Promise<Connection> {
    const provider = request.provider === undefined ? await providerSettingsIn(this.cwd, this.env) : (request.provider ?? undefined);
    const dataDir = join(this.cwd, '.lifeboat');
    const endpoint = chooseEndpoint({ flags: this.#options.globals(), env: this.env, provider, dataDir });
    let baseUrl: string;
    let apiKey: string | undefined;
    let projectId = endpoint.projectId;
    let description: string;
    if (endpoint.kind === 'embedded') {
      const shown = `${relative(this.cwd, dataDir) || '.'}/`;
      this.#embedded = await startEmbeddedServer(dataDir, shown);
      baseUrl = this.#embedded.url;
      apiKey = this.#embedded.ownerApiKey;
      projectId ??= this.#embedded.defaultProjectId;
      description = `Using the embedded server on ${shown} (${baseUrl}); set LIFEBOAT_ENDPOINT to use another`;
    } else {
      baseUrl = endpoint.baseUrl;
      apiKey = endpoint.apiKey;
      description = `Using ${baseUrl} (${endpoint.origin})`;
    }
    const client = new Lifeboat({
      baseUrl,
      apiKey,
      userAgent: `lifeboat-cli/${cliVersion}`,
      ...(this.debug ? { hooks: httpTraceHooks((line) => this.debugLog(line), this.redact) } : {}),
    });
    if (request.announce !== false) this.output.line(this.output.stdout.colors.dim(description));
    return { client, endpoint, baseUrl, projectId, description };
  }

  /**
   * Progress on `terminal` (default stdout): live bars on a terminal, timestamped lines
   * elsewhere. Closed when the run ends.
   */
  progress(terminal: Terminal = this.output.stdout): ProgressReporter {
    const reporter = createProgressReporter(terminal);
    this.#cleanups.push(() => reporter.close());
    return reporter;
  }

  /** Starts watching for Ctrl-C; see `interrupt.ts`. Stops when the run ends. */
  interrupt(): Interrupt {
    const interrupt = listenForInterrupt({
      source: this.#options.signals,
      note: (line) => this.output.note(this.output.stderr.colors.yellow(line)),
      quit: () => this.#options.exit(ExitCode.interrupted),
    });
    this.#cleanups.push(() => interrupt.dispose());
    return interrupt;
  }

  /**
   * For commands that run until stopped (`lifeboat server`): resolves on the first SIGINT or
   * SIGTERM; a second one quits at once. Stops listening when the run ends.
   */
  untilStopped(): Promise<StopSignal> {
    const listener = listenForStop({
      source: this.#options.signals,
      note: (line) => this.output.note(this.output.stderr.colors.yellow(line)),
      quit: () => this.#options.exit(ExitCode.interrupted),
    });
    this.#cleanups.push(() => listener.dispose());
    return listener.stopped;
  }

  /** Asks a yes/no question on the terminal; refuses without one. See `confirm.ts`. */
  confirm(request: Omit<ConfirmRequest, 'input' | 'output'>): Promise<boolean> {
    return confirm({ ...request, input: this.#options.stdin, output: this.#options.stdout });
  }

  /** Runs `cleanup` when the run ends (closing a state backend, a file), before the embedded server stops. */
  onClose(cleanup: () => void | Promise<void>): void {
    this.#cleanups.push(cleanup);
  }

  /**
   * Ends the run: stops progress and signal handlers, runs `onClose` cleanups (last first), and
   * closes the embedded server. Every step runs even if one fails; the first failure is thrown.
   */
  async close(): Promise<void> {
    const failures: unknown[] = [];
    for (const cleanup of this.#cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        failures.push(error);
      }
    }
    const embedded = this.#embedded;
    this.#embedded = undefined;
    await embedded?.close().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw failures[0];
  }
}
