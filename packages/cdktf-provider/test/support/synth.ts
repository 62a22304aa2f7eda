import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasErrors, loadConfiguration, validateConfiguration, type ConfigDiagnostic, type Configuration } from '@lifeboat/engine';
import { App, TerraformStack } from 'cdktf';
import { onTestFinished } from 'vitest';

/** The Terraform JSON of one synthesized stack. */
export type StackJson = Record<string, unknown>;

/** One block of the JSON, e.g. `blockOf(json, 'resource', 'lifeboat_backup_policy', 'orders')`. */
export function blockOf(json: StackJson, ...path: string[]): Record<string, unknown> | undefined {
  let at: unknown = json;
  for (const key of path) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return at as Record<string, unknown> | undefined;
}

/** The names declared under `resource.<type>` (or `data.<type>`). */
export const namesOf = (json: StackJson, kind: 'resource' | 'data', type: string): string[] => Object.keys(blockOf(json, kind, type) ?? {});

/** A temporary directory removed when the current test finishes. */
export async function tempDir(prefix = 'lifeboat-cdktf-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Synthesizes `build`'s stacks in-process into `<dir>/cdktf.out`, as `cdktf synth` would, so the
 * engine can load the result from `dir`. Validation errors throw, as they do for `cdktf synth`.
 */
export function synthApp(dir: string, build: (app: App) => void, options: { skipValidation?: boolean } = {}): void {
  mkdirSync(dir, { recursive: true });
  const app = new App({ outdir: join(dir, 'cdktf.out'), ...options });
  build(app);
  app.synth();
}

/** Synthesizes one stack named `stack` built by `build` into a fresh directory and returns its JSON. */
export async function synthStack(build: (stack: TerraformStack) => void, options: { skipValidation?: boolean } = {}): Promise<{ dir: string; json: StackJson }> {
  const dir = await tempDir();
  synthApp(dir, (app) => build(new TerraformStack(app, 'stack')), options);
  const json = JSON.parse(await readFile(join(dir, 'cdktf.out', 'stacks', 'stack', 'cdk.tf.json'), 'utf8')) as StackJson;
  return { dir, json };
}

/** Loads the synthesized stack in `dir` with the engine and validates it: what `lifeboat plan` checks first. */
export async function engineView(dir: string, stack?: string): Promise<{ configuration: Configuration; diagnostics: ConfigDiagnostic[] }> {
  const loaded = await loadConfiguration({ dir, ...(stack === undefined ? {} : { stack }) });
  const diagnostics = [...loaded.diagnostics, ...(hasErrors(loaded.diagnostics) ? [] : validateConfiguration(loaded.configuration))];
  return { configuration: loaded.configuration, diagnostics };
}

/** Diagnostics as `severity: summary — detail` lines, for readable assertion failures. */
export const describeDiagnostics = (diagnostics: readonly ConfigDiagnostic[]): string[] => diagnostics.map((d) => `${d.severity}: ${d.summary} — ${d.detail}`);
