import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import type { Plan } from '../../src/plan/types.js';

/**
 * Golden files: `UPDATE_GOLDEN=1 npx vitest run --project engine test/render` rewrites them from
 * the current output; otherwise a test fails when the output differs. Review the diff of the
 * rewritten files before committing them.
 */
export const updatingGolden = process.env.UPDATE_GOLDEN === '1';

export const fixturesDir = fileURLToPath(new URL('../fixtures/render/', import.meta.url));

export function expectGolden(actual: string, file: string): void {
  if (updatingGolden) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`${file} does not exist yet; run the tests with UPDATE_GOLDEN=1 to write it, then review it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Every fixture folder with a `plan.ts`, by name. */
export const fixtureNames = (): string[] =>
  readdirSync(fixturesDir)
    .filter((name) => statSync(join(fixturesDir, name)).isDirectory() && existsSync(join(fixturesDir, name, 'plan.ts')))
    .sort();

export async function loadFixture(name: string): Promise<{ plan: Plan; secrets?: readonly string[] }> {
  return (await import(pathToFileURL(join(fixturesDir, name, 'plan.ts')).href)) as { plan: Plan; secrets?: readonly string[] };
}

/** Fixed, so JSON goldens do not change with the clock. */
export const fixedTimestamp = new Date('2026-01-06T08:00:00Z');
