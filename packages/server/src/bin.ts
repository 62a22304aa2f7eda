#!/usr/bin/env node
/**
 * `lifeboat-server`: runs the control plane standalone (127.0.0.1:7433 by default). Ctrl-C or
 * SIGTERM stops it gracefully: running jobs get a few seconds, the rest are handed back and
 * resume on the next start.
 */
import { join } from 'node:path';
import { loadServerConfig } from './config.js';
import { ownerKeyFile } from './bootstrap.js';
import type { Logger } from './logger.js';
import { startServer } from './server.js';

const logger: Logger = {
  info: (object, message) => console.log(`${new Date().toISOString()} ${message ?? ''} ${JSON.stringify(object)}`),
  warn: (object, message) => console.warn(`${new Date().toISOString()} WARN ${message ?? ''} ${JSON.stringify(object)}`),
  error: (object, message) => console.error(`${new Date().toISOString()} ERROR ${message ?? ''} ${JSON.stringify(object)}`),
};

const usage = `Usage: lifeboat-server [--data-dir DIR] [--port N] [--host ADDR] [--config FILE]

Runs the Lifeboat control plane (default 127.0.0.1:7433, data in ./.lifeboat).
Environment: LIFEBOAT_DATA_DIR, LIFEBOAT_PORT, LIFEBOAT_HOST, LIFEBOAT_CONFIG (flags win).
The config file is JSON: { "dataDir", "port", "host", "regions", "integrations", "rateLimitPerSecond" }.`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(usage);
  process.exit(0);
}

try {
  const config = await loadServerConfig(process.argv.slice(2), process.env);
  const server = await startServer({ ...config, logger });
  console.log(`Lifeboat server on ${server.url} (data in ${server.dataDir}).`);
  console.log(`Owner API key: ${join(server.dataDir, ownerKeyFile)}. Use it with LIFEBOAT_ENDPOINT=${server.url} LIFEBOAT_API_KEY=$(cat ${join(server.dataDir, ownerKeyFile)})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping; running jobs get a few seconds, the rest resume on the next start.`);
    void server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Error while stopping: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  console.error(`lifeboat-server: ${(error as Error).message}`);
  process.exit(1);
}
