/**
 * `lifeboat`: the command-line entry point. Runs one command with this process's arguments and
 * streams, then sets the exit code and lets Node exit once output is flushed.
 */
import { main } from './main.js';

process.exitCode = await main({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  signals: process,
  exit: (code) => process.exit(code),
});
