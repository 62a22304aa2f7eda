/**
 * `lifeboat`: the command-line entry point. Runs one command with this process's arguments and
 * streams, then sets the exit code and lets Node exit once output is flushed.
 */
import { main } from './main.js';

// A reader that goes away (`lifeboat backups list | head -1`) closes the pipe. What the command
// writes after that is dropped, and the command runs to its end: an apply stopped halfway
// because nobody reads its output any more would leave work half done.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

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
