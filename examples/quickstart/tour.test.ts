import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const tour = fileURLToPath(new URL('tour.ts', import.meta.url));

/** Runs the main job as `npm start` does, on a data directory of its own. */
function runTour(dataDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', tour, '--data-dir', dataDir], {
      // No endpoint from the caller's environment: the tour brings its own server.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

describe('the main job (npm start)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'lifeboat-tour-')), '.lifeboat');
  });
  afterAll(async () => rm(join(dataDir, '..'), { recursive: true, force: true }));

  it('creates the demo clusters, synthesizes, plans and applies the quickstart, and passes a drill in the second region', async () => {
    const { code, output } = await runTour(dataDir);
    expect(output).toContain('demo-orders');
    expect(output).toMatch(/Plan: 5 to add, 0 to change, 0 to destroy\./);
    expect(output).toMatch(/Apply complete! Resources: 5 added, 0 changed, 0 destroyed\./);
    expect(output).toMatch(/Checked 1 collection\(s\) against the backup: all match/);
    expect(output).toMatch(/RTO: +[\d.]+ s measured/);
    expect(output).toContain('Drill:      PASSED; scratch cluster removed.');
    expect(code, output).toBe(0);
  }, 120_000);

  it('runs again on the same data with nothing to change', async () => {
    const { code, output } = await runTour(dataDir);
    expect(output).toContain('No changes. Your infrastructure matches the configuration.');
    expect(output).toContain('Drill:      PASSED');
    expect(code, output).toBe(0);
  }, 120_000);
});
