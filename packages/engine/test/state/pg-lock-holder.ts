/**
 * Takes the Postgres state lock in its own process and keeps it, so a test can SIGKILL the
 * holder. Prints `LOCKED <id>` once it holds the lock.
 */
import { PostgresStateBackend } from '../../src/state/index.js';

const [connectionString = '', schemaName = 'lifeboat'] = process.argv.slice(2);
const backend = new PostgresStateBackend({ connectionString, schemaName });
const lock = await backend.lock('OperationTypeApply', 'held by a process that will be killed');
process.stdout.write(`LOCKED ${lock.info.ID}\n`);
setInterval(() => undefined, 60_000);
