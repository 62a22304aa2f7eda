import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { longMode, runSeed } from './run-options.js';

/** Where each suite leaves its figures for `test/report.ts` (git-ignored). */
export const figuresDir = join(dirname(fileURLToPath(import.meta.url)), '..', '.figures');

/** What one suite tried and what held, as `docs/reliability.md` shows it. */
export interface SuiteReport {
  /** File name of the figures, and the suite's place in the document (see `report.ts`). */
  readonly suite: string;
  readonly title: string;
  /** The line the suite prints, e.g. `crash trials: 100 passed, 0 failed`. */
  readonly summary: string;
  /** What was done, in a sentence or two. */
  readonly tried: string;
  /** The properties that held, one per item. */
  readonly held: readonly string[];
  /** Counts and measurements, as label and value. */
  readonly figures: readonly (readonly [label: string, value: string | number])[];
  readonly durationMs: number;
}

/** A recorded report with the run it came from. */
export interface RecordedReport extends SuiteReport {
  readonly seed: number;
  readonly mode: 'ci' | 'long';
}

/** Prints a suite's figures and writes them where the report script reads them. */
export async function recordReport(report: SuiteReport): Promise<void> {
  const recorded: RecordedReport = { ...report, seed: runSeed, mode: longMode ? 'long' : 'ci' };
  console.log([report.summary, ...report.figures.map(([label, value]) => `  ${label}: ${value}`)].join('\n'));
  await mkdir(figuresDir, { recursive: true });
  const path = join(figuresDir, `${report.suite}.json`);
  await writeFile(`${path}.tmp`, `${JSON.stringify(recorded, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
}

/** The value at `fraction` (0–1) of sorted `values`, nearest rank. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] as number;
}

/** `{ a: 2, b: 1 }` as `a 2, b 1`, largest first. */
export function formatCounts(counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length === 0 ? 'none' : entries.map(([name, count]) => `${name} ${count}`).join(', ');
}

/** Adds one to `counts[name]`. */
export function count(counts: Record<string, number>, name: string, by = 1): void {
  counts[name] = (counts[name] ?? 0) + by;
}
