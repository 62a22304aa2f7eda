/**
 * The configuration an IaC command works on: loaded from the working directory (a CDKTF app's
 * `cdktf.out`, or `*.tf.json`), validated, with its input variables resolved. Problems are shown
 * together, as Terraform shows them, before anything talks to a server.
 */
import { autoVarFiles, diagnosticsToJson, hasErrors, loadConfiguration, parseVarFlag, renderDiagnostics, resolveVariables, validateConfiguration, type ConfigDiagnostic, type Configuration, type Value } from '@lifeboat/engine';
import { CliError } from '../runtime/cli-error.js';
import type { ProviderSettings } from '../runtime/endpoint.js';
import { providerSettingsOf } from '../runtime/provider-settings.js';
import type { Runtime } from '../runtime/runtime.js';
import type { VariableOptions } from './options.js';

/** A loaded, valid configuration and its variables. */
export interface Workspace {
  readonly configuration: Configuration;
  readonly variables: Readonly<Record<string, Value>>;
  /** The `provider "lifeboat"` block's settings, for choosing the server. */
  readonly provider: ProviderSettings | undefined;
}

/** What {@link loadWorkspace} reads. */
export interface LoadWorkspaceRequest {
  readonly runtime: Runtime;
  readonly stack?: string | undefined;
  /** `-var` and `-var-file`; without them, only defaults, `TF_VAR_*` and the automatic var files count. */
  readonly variables?: VariableOptions | undefined;
  /** Print diagnostics as JSON (on stdout) instead of for people (on stderr). */
  readonly json?: boolean | undefined;
}

/**
 * Loads and checks the configuration in the working directory. Warnings are shown and the
 * command goes on; errors are shown and it stops.
 *
 * @throws {CliError} `INVALID_CONFIGURATION` after showing the errors.
 */
export async function loadWorkspace(request: LoadWorkspaceRequest): Promise<Workspace> {
  const { runtime } = request;
  const loaded = await loadConfiguration({ dir: runtime.cwd, ...(request.stack === undefined ? {} : { stack: request.stack }) });
  const diagnostics: ConfigDiagnostic[] = [...loaded.diagnostics];
  if (!hasErrors(diagnostics)) diagnostics.push(...validateConfiguration(loaded.configuration));

  const vars: Record<string, string> = {};
  for (const flag of request.variables?.var ?? []) {
    const parsed = parseVarFlag(flag);
    if (parsed === undefined) throw new CliError({ code: 'INVALID_VAR_FLAG', problem: `-var ${JSON.stringify(flag)} has no "="`, fix: "Write it as -var 'name=value'." });
    vars[parsed[0]] = parsed[1];
  }
  const varFiles = [...(await autoVarFiles(runtime.cwd)), ...(request.variables?.varFile ?? [])];
  const resolved = await resolveVariables(loaded.configuration, { vars, varFiles, env: runtime.env });
  diagnostics.push(...resolved.diagnostics);

  showDiagnostics(runtime, diagnostics, request.json === true);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  if (errors > 0) {
    throw new CliError({
      code: 'INVALID_CONFIGURATION',
      problem: `The configuration has ${errors === 1 ? 'an error' : `${errors} errors`} (shown above)`,
      fix: 'Fix them and run the command again.',
    });
  }
  const variables = Object.fromEntries(resolved.values);
  return { configuration: loaded.configuration, variables, provider: providerSettingsOf(loaded.configuration, variables) };
}

/** Diagnostics for people on stderr, or as `{ "diagnostics": [...] }` on stdout with `--json` when any is an error. */
export function showDiagnostics(runtime: Runtime, diagnostics: readonly ConfigDiagnostic[], json: boolean): void {
  if (diagnostics.length === 0) return;
  if (json) {
    if (hasErrors(diagnostics)) runtime.output.json({ errored: true, diagnostics: diagnosticsToJson(diagnostics) });
    return;
  }
  const { stderr } = runtime.output;
  stderr.write(`${renderDiagnostics(diagnostics, { color: stderr.colors.isColorSupported, width: stderr.columns })}\n`);
}
