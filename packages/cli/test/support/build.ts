/**
 * Keeps the workspace's `dist/` current for tests that run the built binary: a package is
 * rebuilt when any file under its `src/` (or its package.json, or the shared tsup config) is
 * newer than the oldest file of its `dist/`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** The packages the root `build` script builds, in its order (dependencies first). */
export function builtPackages(): { name: string; dir: string }[] {
  const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const names = [...(root.scripts['build'] ?? '').matchAll(/npm run build -w (\S+)/g)].map((match) => match[1] ?? '');
  const dirs = new Map<string, string>();
  for (const entry of readdirSync(join(repoRoot, 'packages'))) {
    const dir = join(repoRoot, 'packages', entry);
    try {
      dirs.set((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string }).name, dir);
    } catch {
      // not a package
    }
  }
  return names.flatMap((name) => {
    const dir = dirs.get(name);
    return dir === undefined ? [] : [{ name, dir }];
  });
}

function mtimes(dir: string): number[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => (entry.isDirectory() ? mtimes(join(dir, entry.name)) : [statSync(join(dir, entry.name)).mtimeMs]));
}

/** Whether `dir`'s dist is missing or older than its sources. */
export function isStale(dir: string): boolean {
  const built = mtimes(join(dir, 'dist'));
  if (built.length === 0) return true;
  const sources = [...mtimes(join(dir, 'src')), statSync(join(dir, 'package.json')).mtimeMs, statSync(join(repoRoot, 'tsup.config.ts')).mtimeMs];
  return Math.max(...sources) > Math.min(...built);
}

/**
 * Rebuilds the stale packages, in build order, and returns their names. Two test runs starting
 * together take turns (a lock directory), so one never reads a dist the other is rewriting.
 */
export function rebuildStalePackages(): string[] {
  const lock = join(repoRoot, 'node_modules', '.cache', 'lifeboat-cli-build.lock');
  mkdirSync(join(lock, '..'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than the longest build is left over from a killed run.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held !== undefined && Date.now() - held.mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock}; delete it if no test run is building.`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    const rebuilt: string[] = [];
    for (const { name, dir } of builtPackages()) {
      if (!isStale(dir)) continue;
      try {
        execFileSync('npm', ['run', 'build', '-w', name], { cwd: repoRoot, stdio: 'pipe', encoding: 'utf8' });
      } catch (error) {
        const { stdout, stderr } = error as { stdout?: string; stderr?: string };
        throw new Error(`Building ${name} for the CLI tests failed:\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: error });
      }
      rebuilt.push(name);
    }
    return rebuilt;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
