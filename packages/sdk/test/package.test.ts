import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const srcDir = join(packageDir, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('the published package', () => {
  it('imports nothing Node-only, so it runs wherever fetch exists', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const offenders = sourceFiles(srcDir).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)]
        .map((match) => match[1] ?? '')
        .filter((specifier) => builtins.has(specifier))
        .map((specifier) => `${file}: ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  const built = existsSync(join(packageDir, 'dist/index.cjs'));

  it('loads with require() even where Node cannot require ES modules (Node < 20.19)', () => {
    expect(built, 'dist/ is missing: run `npm run build` first').toBe(true);
    const output = execFileSync(
      process.execPath,
      ['--no-experimental-require-module', '-e', "const { Lifeboat } = require('@lifeboat/sdk'); console.log(typeof new Lifeboat({ apiKey: 'k' }).backups.create)"],
      { cwd: packageDir, encoding: 'utf8' },
    );
    expect(output.trim()).toBe('function');
  });

  it('loads with import()', () => {
    expect(built, 'dist/ is missing: run `npm run build` first').toBe(true);
    const output = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "const { Lifeboat } = await import('@lifeboat/sdk'); console.log(typeof new Lifeboat({ apiKey: 'k' }).jobs.resume)"],
      { cwd: packageDir, encoding: 'utf8' },
    );
    expect(output.trim()).toBe('function');
  });
});
