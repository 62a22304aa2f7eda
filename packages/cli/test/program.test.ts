import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliVersion } from '../src/version.js';
import { runCli } from './support/cli.js';

const packageJson = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };

describe('the lifeboat binary', () => {
  it('prints its version, with one dash or two', async () => {
    expect(cliVersion).toBe(packageJson.version);
    const [double, single] = await Promise.all([runCli(['--version']), runCli(['-version'])]);
    expect(double).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
    expect(single).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
  });

  it('shows help with the global options and the exit codes', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: lifeboat');
    for (const option of ['--endpoint <url>', '--api-key <key>', '--debug', '--no-color']) expect(result.stdout).toContain(option);
    expect(result.stdout).toContain('Exit codes: 0 ok, 1 error, 2 changes present');
  });

  it('exits 1 on an unknown option, saying so on stderr without colour', async () => {
    const result = await runCli(['--no-such-option']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("unknown option '--no-such-option'");
    expect(result.stderr).not.toContain('\u001b[');
  });
});
