/**
 * `npm run test:reliability [-- --long] [-- --seed <n>]`: runs the reliability project, then
 * rewrites `docs/reliability.md` from the figures its suites recorded. The page is only rewritten
 * when every suite passed.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figuresDir } from './support/figures.js';
import { renderReport } from './report.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const usage = 'Usage: npm run test:reliability [-- --long] [-- --seed <n>]';

const env: Record<string, string | undefined> = { ...process.env };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--long') env.LIFEBOAT_RELIABILITY_LONG = '1';
  else if (arg === '--seed' && args[i + 1] !== undefined) env.LIFEBOAT_SEED = args[++i];
  else {
    console.error(`Unknown argument ${arg ?? ''}. ${usage}`);
    process.exit(2);
  }
}

await rm(figuresDir, { recursive: true, force: true });
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const started = Date.now();
const code = await new Promise<number>((resolve) => {
  const child = spawn(process.execPath, [vitest, 'run', '--project', 'reliability'], { cwd: root, env, stdio: 'inherit' });
  child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal === null ? 1 : 128)));
});
if (code !== 0) {
  console.error(`The reliability suites failed (exit ${code}); docs/reliability.md was left as it was.`);
  process.exit(code);
}
await renderReport({ outputPath: join(root, 'docs', 'reliability.md'), totalMs: Date.now() - started });
console.log(`Wrote docs/reliability.md (${((Date.now() - started) / 1000).toFixed(0)} s).`);
