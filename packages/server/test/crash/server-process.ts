/**
 * A server in its own process, so a test can kill it with SIGKILL. Prints one line,
 * `READY <url> <ownerApiKey>`, once it listens.
 */
import { startServer } from '../../src/index.js';

const [dataDir, port] = process.argv.slice(2);
const server = await startServer({ dataDir, port: Number(port ?? 0), runner: { leaseMs: 1500, pollMs: 20 }, rateLimitPerSecond: 10_000 });
process.stdout.write(`READY ${server.url} ${server.ownerApiKey}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
