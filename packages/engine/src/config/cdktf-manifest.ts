/**
 * CDKTF's `cdktf.out/manifest.json`: which stacks the app synthesized and where each stack's
 * `cdk.tf.json` is. Shape (cdktf ≥ 0.15):
 * `{ version, stacks: { <name>: { name, constructPath, synthesizedStackPath, workingDirectory, annotations } } }`,
 * paths relative to the directory holding the manifest. Older versions wrote `stacks` as a list.
 */
import type { JsonValue } from '../expressions/index.js';
import type { ConfigDiagnostic } from './diagnostic.js';
import { error, listNames, warning } from './internal/diagnostics.js';
import { isJsonObject, showValue } from './internal/json-shape.js';
import { didYouMean } from './internal/suggest.js';

/** One stack of the manifest. */
export interface CdktfStack {
  readonly name: string;
  readonly constructPath?: string;
  /** Relative to the manifest's directory: `stacks/primary/cdk.tf.json`. */
  readonly synthesizedStackPath: string;
  /** Relative to the manifest's directory: `stacks/primary`. */
  readonly workingDirectory: string;
  /** Errors and warnings the constructs recorded at synth time (`Annotations.of(x).addError`). */
  readonly annotations: readonly { readonly level: string; readonly message: string; readonly constructPath?: string }[];
}

/**
 * The stacks of a parsed manifest, or a diagnostic when it is not shaped like one.
 *
 * @example
 * stacksOfManifest({ version: '0.20.0', stacks: { primary: { name: 'primary', synthesizedStackPath: 'stacks/primary/cdk.tf.json', workingDirectory: 'stacks/primary' } } }, 'cdktf.out/manifest.json');
 * // { ok: true, stacks: [{ name: 'primary', … }] }
 */
export function stacksOfManifest(manifest: JsonValue, file: string): { ok: true; stacks: CdktfStack[] } | { ok: false; diagnostic: ConfigDiagnostic } {
  const invalid = (why: string): { ok: false; diagnostic: ConfigDiagnostic } => ({
    ok: false,
    diagnostic: error({ file, summary: 'Invalid CDKTF manifest', detail: `${file} is not a CDKTF manifest: ${why}. Run the synth again (cdktf synth) to regenerate it.` }),
  });
  if (!isJsonObject(manifest)) return invalid(`it holds ${showValue(manifest)} instead of an object`);
  const entries = Array.isArray(manifest.stacks)
    ? (manifest.stacks as readonly JsonValue[]).map((stack) => [isJsonObject(stack) && typeof stack.name === 'string' ? stack.name : '', stack] as const)
    : isJsonObject(manifest.stacks)
      ? Object.entries(manifest.stacks)
      : undefined;
  if (entries === undefined) return invalid('it has no "stacks" object');
  const stacks: CdktfStack[] = [];
  for (const [key, stack] of entries) {
    if (!isJsonObject(stack)) return invalid(`stack ${JSON.stringify(key)} is ${showValue(stack)}`);
    const name = typeof stack.name === 'string' ? stack.name : key;
    const workingDirectory = typeof stack.workingDirectory === 'string' ? stack.workingDirectory : `stacks/${name}`;
    const synthesizedStackPath = typeof stack.synthesizedStackPath === 'string' ? stack.synthesizedStackPath : `${workingDirectory}/cdk.tf.json`;
    const annotations = Array.isArray(stack.annotations)
      ? (stack.annotations as readonly JsonValue[]).flatMap((annotation) =>
          isJsonObject(annotation) && typeof annotation.level === 'string' && typeof annotation.message === 'string'
            ? [{ level: annotation.level, message: annotation.message, ...(typeof annotation.constructPath === 'string' ? { constructPath: annotation.constructPath } : {}) }]
            : [],
        )
      : [];
    stacks.push({ name, synthesizedStackPath, workingDirectory, annotations, ...(typeof stack.constructPath === 'string' ? { constructPath: stack.constructPath } : {}) });
  }
  return { ok: true, stacks };
}

/**
 * The stack to plan: the one named, or the only one. Anything else is a diagnostic listing the
 * stacks, since guessing would plan the wrong infrastructure.
 */
export function selectStack(stacks: readonly CdktfStack[], wanted: string | undefined, file: string): { ok: true; stack: CdktfStack } | { ok: false; diagnostic: ConfigDiagnostic } {
  const names = stacks.map((stack) => stack.name);
  if (wanted !== undefined) {
    const found = stacks.find((stack) => stack.name === wanted);
    if (found !== undefined) return { ok: true, stack: found };
    return {
      ok: false,
      diagnostic: error({
        file,
        summary: 'No such stack',
        detail:
          names.length === 0
            ? `There is no stack ${JSON.stringify(wanted)}: ${file} lists no stacks. Run the synth again (cdktf synth).`
            : `There is no stack ${JSON.stringify(wanted)} in ${file}.${didYouMean(wanted, names)} The stacks are ${listNames(names)}.`,
      }),
    };
  }
  const [only, ...others] = stacks;
  if (only !== undefined && others.length === 0) return { ok: true, stack: only };
  return {
    ok: false,
    diagnostic: error({
      file,
      summary: only === undefined ? 'No stacks' : 'Several stacks',
      detail:
        only === undefined
          ? `${file} lists no stacks. Add a TerraformStack to the app and run the synth again (cdktf synth).`
          : `${file} lists ${stacks.length} stacks (${listNames(names)}); choose one by name, e.g. --stack ${names[0] ?? ''}.`,
    }),
  };
}

/** The annotations of a stack as diagnostics: `@cdktf/error` → error, `@cdktf/warn` → warning. */
export function annotationDiagnostics(stack: CdktfStack, file: string): ConfigDiagnostic[] {
  return stack.annotations.flatMap((annotation) => {
    const fields = {
      summary: 'Reported by a construct',
      detail: annotation.message,
      file,
      ...(annotation.constructPath === undefined ? {} : { constructPath: annotation.constructPath }),
    };
    if (annotation.level === '@cdktf/error') return [error(fields)];
    if (annotation.level === '@cdktf/warn') return [warning(fields)];
    return [];
  });
}
