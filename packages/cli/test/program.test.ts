import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliVersion } from '../src/version.js';
import { binPath, runCli } from './support/cli.js';

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

  it('runs to its end without a stack trace when the reader of its output goes away (`| head`)', async () => {
    // stdout's reading end is closed before the binary writes a byte, so every write fails with EPIPE.
    const child = spawn(process.execPath, [binPath, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
