/**
 * The `provider "lifeboat"` block's settings (`endpoint`, `api_key`, `project_id`), evaluated
 * with the input variables, for endpoint resolution.
 */
import { evaluate, loadConfiguration, resolveVariables, type Configuration, type Value } from '@lifeboat/engine';
import { CliError } from './cli-error.js';
import type { ProviderSettings } from './endpoint.js';

/**
 * The default (unaliased) `lifeboat` provider block's settings, or `undefined` when there is
 * none. References to variables are resolved; anything else a provider setting cannot use.
 *
 * @throws {CliError} `INVALID_PROVIDER_BLOCK` when a setting is not a string or cannot be evaluated.
 */
export function providerSettingsOf(configuration: Configuration, variables: Readonly<Record<string, Value>>): ProviderSettings | undefined {
  const block = configuration.providers.find((provider) => provider.name === 'lifeboat' && provider.alias === undefined);
  if (block === undefined) return undefined;
  const setting = (name: string): string | undefined => {
    const raw = block.config[name];
    if (raw === undefined || raw === null) return undefined;
    let value: Value;
    try {
      value = evaluate(raw, {
        resolve: (ref) => {
          if (ref.root !== 'var') throw new Error(`${ref.text} cannot be used here; a provider setting may use only variables`);
          const name = ref.address.slice('var.'.length);
          if (!(name in variables)) throw new Error(`${ref.text} has no value`);
          return variables[name] ?? null;
        },
      });
    } catch (error) {
      throw new CliError({ code: 'INVALID_PROVIDER_BLOCK', problem: `The lifeboat provider block in ${block.file} has an invalid ${name}: ${(error as Error).message}`, fix: `Set ${name} to a string or a variable reference.`, cause: error });
    }
    if (value === null) return undefined;
    if (typeof value !== 'string') throw new CliError({ code: 'INVALID_PROVIDER_BLOCK', problem: `The lifeboat provider block in ${block.file} sets ${name} to ${JSON.stringify(value)}, which is not a string`, fix: `Set ${name} to a string.` });
    return value;
  };
  return { endpoint: setting('endpoint'), apiKey: setting('api_key'), projectId: setting('project_id'), file: block.file };
}

/**
 * For commands that do not load a configuration themselves (backups, jobs, …): the provider
 * block of the configuration in `dir`, if there is one, with variables from their defaults and
 * `TF_VAR_*`. A directory without a configuration, or one that does not load, has none.
 */
export async function providerSettingsIn(dir: string, env: Readonly<Record<string, string | undefined>>): Promise<ProviderSettings | undefined> {
  const { configuration } = await loadConfiguration({ dir });
  if (!configuration.providers.some((provider) => provider.name === 'lifeboat')) return undefined;
  const variables = await resolveVariables(configuration, { env });
  return providerSettingsOf(configuration, Object.fromEntries(variables.values));
}
