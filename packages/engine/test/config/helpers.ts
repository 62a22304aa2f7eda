import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import type { JsonValue, Scope, Value } from '../../src/expressions/index.js';
import { mergeFragments, parseDocument, type ConfigDiagnostic, type Configuration } from '../../src/config/index.js';

/** A fixture folder under test/fixtures/config. */
export function fixture(name: string): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'config', name);
}

/** A configuration from one in-memory document, with the load diagnostics. */
export function configOf(document: JsonValue, file = 'main.tf.json'): { configuration: Configuration; diagnostics: ConfigDiagnostic[] } {
  const parsed = parseDocument(document, file);
  const merged = mergeFragments([parsed.fragment], { dir: '/work', moduleDir: '/work' });
  return { configuration: merged.configuration, diagnostics: [...parsed.diagnostics, ...merged.diagnostics] };
}

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temp dir holding `files` (path → text), removed after the test. */
export async function tempDir(files: Readonly<Record<string, string>> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lifeboat-config-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** A scope over fixed values by address (`var.n`, `local.x`, `lifeboat_backup.b`). */
export function scopeOf(values: Readonly<Record<string, Value>>): Scope {
  return {
    resolve(ref) {
      if (!Object.hasOwn(values, ref.address)) throw new Error(`test scope has no value for ${ref.address}`);
      return values[ref.address] as Value;
    },
  };
}

/** Only the fields people read, for compact assertions. */
export function brief(diagnostics: readonly ConfigDiagnostic[]): { severity: string; summary: string; address?: string; attribute?: string }[] {
  return diagnostics.map((d) => ({
    severity: d.severity,
    summary: d.summary,
    ...(d.address === undefined ? {} : { address: d.address }),
    ...(d.attribute === undefined ? {} : { attribute: d.attribute }),
  }));
}
