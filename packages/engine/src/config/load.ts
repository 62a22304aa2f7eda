/**
 * Finding and reading a configuration: a CDKTF app's synthesized stack (through
 * `cdktf.out/manifest.json`), one given file, or every `*.tf.json` of a directory.
 */
import type { Dirent } from 'node:fs';
import { access, readdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { annotationDiagnostics, selectStack, stacksOfManifest } from './cdktf-manifest.js';
import type { ConfigDiagnostic } from './diagnostic.js';
import { error, warning } from './internal/diagnostics.js';
import { readJsonFile } from './json-file.js';
import { mergeFragments } from './merge.js';
import { emptyConfiguration, type Configuration } from './model.js';
import { parseDocument, type ConfigurationFragment } from './parse-document.js';

/** Where to read the configuration from. */
export interface LoadConfigurationOptions {
  /** The project directory: holding `cdktf.out/` (or being it), or holding `*.tf.json` files. */
  readonly dir: string;
  /** The CDKTF stack to read; needed when the app has several. */
  readonly stack?: string;
  /** One Terraform JSON file to read instead (e.g. a `cdk.tf.json`), relative to `dir`. */
  readonly file?: string;
}

/** The configuration (possibly partial) and every problem found while reading it. */
export interface LoadConfigurationResult {
  readonly configuration: Configuration;
  readonly diagnostics: readonly ConfigDiagnostic[];
}

/**
 * Reads a configuration. Looks, in order, for `options.file`; `cdktf.out/manifest.json` (or
 * `manifest.json` when `dir` is the `cdktf.out` directory), picking the stack; and otherwise every
 * `*.tf.json` in `dir`, merged. Never throws for a user problem: unreadable files, invalid JSON
 * (with line and column), duplicate addresses and unsupported blocks are diagnostics, and
 * everything readable is still returned so the validator can report the rest at once.
 *
 * @example
 * const { configuration, diagnostics } = await loadConfiguration({ dir: 'infra', stack: 'primary' });
 * if (hasErrors(diagnostics)) return show(diagnostics);
 */
export async function loadConfiguration(options: LoadConfigurationOptions): Promise<LoadConfigurationResult> {
  const dir = resolve(options.dir);
  const display = (path: string): string => {
    const shown = relative(dir, path);
    return (shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown).split(sep).join('/');
  };

  if (options.file !== undefined) {
    const path = resolve(dir, options.file);
    return readDocuments([path], { dir, moduleDir: dirname(path) }, display, []);
  }

  for (const manifestPath of [join(dir, 'cdktf.out', 'manifest.json'), join(dir, 'manifest.json')]) {
    if (!(await exists(manifestPath))) continue;
    const file = display(manifestPath);
    const read = await readJsonFile(manifestPath, file);
    if (!read.ok) return failed(dir, read.diagnostic);
    const listed = stacksOfManifest(read.value, file);
    if (!listed.ok) return failed(dir, listed.diagnostic);
    const selected = selectStack(listed.stacks, options.stack, file);
    if (!selected.ok) return failed(dir, selected.diagnostic);
    const outdir = dirname(manifestPath);
    const stackPath = resolve(outdir, selected.stack.synthesizedStackPath);
    const annotations = annotationDiagnostics(selected.stack, display(stackPath));
    return readDocuments([stackPath], { dir, moduleDir: resolve(outdir, selected.stack.workingDirectory), stack: selected.stack.name }, display, annotations);
  }

  if (options.stack !== undefined) {
    return failed(
      dir,
      error({
        summary: 'No CDKTF manifest',
        detail: `A stack (${JSON.stringify(options.stack)}) was asked for, but there is no cdktf.out/manifest.json in ${dir}. Run the synth first (cdktf synth), or leave the stack out to read the *.tf.json files.`,
      }),
    );
  }

  const { files, skipped } = await terraformJsonFiles(dir);
  const notes = skipped.map((path) =>
    warning({
      file: display(path),
      summary: 'Override files are not supported',
      detail: `${display(path)} is an override file, which Lifeboat does not merge; it was skipped. Move its settings into the file it overrides.`,
    }),
  );
  if (files.length === 0) {
    return failed(
      dir,
      error({
        summary: 'No configuration files',
        detail: `There is no cdktf.out/manifest.json and no *.tf.json file in ${dir}. Run the synth first (cdktf synth), or point at the directory holding your *.tf.json files.`,
      }),
      notes,
    );
  }
  return readDocuments(files, { dir, moduleDir: dir }, display, notes);
}

async function readDocuments(
  paths: readonly string[],
  source: { dir: string; moduleDir: string; stack?: string },
  display: (path: string) => string,
  earlier: readonly ConfigDiagnostic[],
): Promise<LoadConfigurationResult> {
  const diagnostics: ConfigDiagnostic[] = [...earlier];
  const fragments: ConfigurationFragment[] = [];
  const reads = await Promise.all(paths.map(async (path) => ({ file: display(path), read: await readJsonFile(path, display(path)) })));
  for (const { file, read } of reads) {
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    const parsed = parseDocument(read.value, file);
    fragments.push(parsed.fragment);
    diagnostics.push(...parsed.diagnostics);
  }
  const merged = mergeFragments(fragments, source);
  // The files that could not be read are still listed: the user asked for them.
  const configuration: Configuration = { ...merged.configuration, files: reads.map(({ file }) => file) };
  return { configuration, diagnostics: [...diagnostics, ...merged.diagnostics] };
}

/** `*.tf.json` files of `dir` in name order (as Terraform reads them), without hidden and editor backup files. */
async function terraformJsonFiles(dir: string): Promise<{ files: string[]; skipped: string[] }> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return { files: [], skipped: [] };
  }
  const names = entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith('.tf.json') && !entry.name.startsWith('.') && !entry.name.startsWith('#'))
    .map((entry) => entry.name)
    .sort();
  const isOverride = (name: string): boolean => name === 'override.tf.json' || name.endsWith('_override.tf.json');
  return { files: names.filter((name) => !isOverride(name)).map((name) => join(dir, name)), skipped: names.filter(isOverride).map((name) => join(dir, name)) };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function failed(dir: string, diagnostic: ConfigDiagnostic, earlier: readonly ConfigDiagnostic[] = []): LoadConfigurationResult {
  return { configuration: emptyConfiguration(dir), diagnostics: [...earlier, diagnostic] };
}
