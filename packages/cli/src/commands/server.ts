/**
 * `lifeboat server`: the control plane in the foreground, as `lifeboat-server` runs it, for a
 * team or CI to share. Settings: flags > environment (`LIFEBOAT_DATA_DIR`, `LIFEBOAT_PORT`,
 * `LIFEBOAT_HOST`, `LIFEBOAT_CONFIG`) > the config file > defaults (127.0.0.1:7433, `.lifeboat`).
 * Ctrl-C or SIGTERM stops it cleanly: running jobs get a few seconds, the rest resume on the next
 * start.
 */
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Logger, RunningServer } from '@lifeboat/server';
import { CliError } from '../runtime/cli-error.js';
import type { Runtime } from '../runtime/runtime.js';

interface ServerFlags {
  readonly dataDir?: string;
  readonly port?: string;
  readonly host?: string;
  readonly config?: string;
}

export function registerServer(program: Command, runtime: Runtime): void {
  program
    .command('server')
    .description('Run the Lifeboat control plane in the foreground until Ctrl-C or SIGTERM.')
    .option('--data-dir <dir>', 'where metadata, cluster data and region stores live (default: env LIFEBOAT_DATA_DIR, the config file, or .lifeboat)')
    .option('--port <n>', 'port to listen on, 0 for any free one (default: env LIFEBOAT_PORT, the config file, or 7433)')
    .option('--host <address>', 'address to listen on (default: env LIFEBOAT_HOST, the config file, or 127.0.0.1)')
    .option('--config <file>', 'JSON file: { "dataDir", "port", "host", "regions", "integrations", "rateLimitPerSecond" } (default: env LIFEBOAT_CONFIG)')
    .action(async (flags: ServerFlags) => {
      // Loaded only here: the server (Fastify, SQLite) is most of the CLI's start-up time.
      const { loadServerConfig, ownerKeyFile, startServer } = await import('@lifeboat/server');
      const argv = Object.entries({ '--data-dir': flags.dataDir, '--port': flags.port, '--host': flags.host, '--config': flags.config }).flatMap(([flag, value]) =>
        value === undefined ? [] : [`${flag}=${value}`],
      );
      let config: Awaited<ReturnType<typeof loadServerConfig>>;
      try {
        config = await loadServerConfig(argv, runtime.env);
      } catch (error) {
        throw new CliError({ code: 'INVALID_SERVER_CONFIG', problem: (error as Error).message, fix: 'Run lifeboat server --help for the settings it takes.', cause: error });
      }
      const dataDir = resolve(runtime.cwd, config.dataDir);
      let server: RunningServer;
      try {
        server = await startServer({ ...config, dataDir, logger: stderrLogger(runtime) });
      } catch (error) {
        throw new CliError({
          code: 'SERVER_START_FAILED',
          problem: `The server could not start on ${config.host}:${config.port} with data in ${dataDir}: ${(error as Error).message}`,
          fix: 'Choose another --port if it is taken; if another server uses the data directory, stop it or pass another --data-dir.',
          cause: error,
        });
      }
      const keyFile = relative(runtime.cwd, join(server.dataDir, ownerKeyFile)) || ownerKeyFile;
      const { output } = runtime;
      output.line(`Lifeboat server on ${server.url} (data in ${server.dataDir}).`);
      output.line(`Owner API key: ${keyFile} (readable only by you).`);
      output.line(`Point the CLI at it: export LIFEBOAT_ENDPOINT=${server.url} LIFEBOAT_API_KEY="$(cat ${keyFile})"`);
      output.line('Stop it with Ctrl-C.');
      const signal = await runtime.untilStopped();
      output.note(`${signal}: stopping; running jobs get a few seconds, the rest resume on the next start.`);
      await server.close();
      output.note('Stopped.');
    });
}

/** The server's log on stderr, one timestamped line per event, secrets redacted. */
function stderrLogger(runtime: Runtime): Logger {
  const write = (level: string) => (object: Record<string, unknown>, message?: string) =>
    runtime.output.note(runtime.redact(`${new Date().toISOString()} ${level} ${message ?? ''} ${JSON.stringify(object)}`));
  return { info: write('INFO'), warn: write('WARN'), error: write('ERROR') };
}
