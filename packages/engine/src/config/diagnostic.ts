/**
 * Diagnostics of the configuration layer: the engine's {@link Diagnostic} plus where in which file
 * the problem is, so the CLI can print `on cdktf.out/stacks/primary/cdk.tf.json line 12`.
 */
import type { Diagnostic } from '../plan/types.js';

/** A {@link Diagnostic} that may also name a file and a 1-based line and column in it. */
export interface ConfigDiagnostic extends Diagnostic {
  /** The file, relative to the configuration directory (or as given, for var files). */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** True when any diagnostic is an error (warnings do not stop a plan). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
