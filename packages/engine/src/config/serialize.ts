/**
 * A configuration as plain JSON and back, for saved plans: a plan records the configuration it
 * was made from, so apply evaluates what was unknown at plan time against the same blocks.
 */
import type { JsonValue } from '../expressions/index.js';
import type { Configuration, OutputDeclaration, VariableDeclaration } from './model.js';

/** {@link Configuration} with its maps as `[name, value]` lists: what `JSON.stringify` can write. */
export interface ConfigurationJson extends Omit<Configuration, 'requiredProviders' | 'variables' | 'locals' | 'outputs'> {
  readonly requiredProviders: readonly (readonly [string, JsonValue])[];
  readonly variables: readonly (readonly [string, VariableDeclaration])[];
  readonly locals: readonly (readonly [string, JsonValue])[];
  readonly outputs: readonly (readonly [string, OutputDeclaration])[];
}

/**
 * The configuration as JSON-safe data (map order kept).
 *
 * @example
 * const saved = JSON.stringify(configurationToJson(configuration));
 * configurationFromJson(JSON.parse(saved)); // equal to configuration
 */
export function configurationToJson(configuration: Configuration): ConfigurationJson {
  return {
    ...configuration,
    requiredProviders: [...configuration.requiredProviders],
    variables: [...configuration.variables],
    locals: [...configuration.locals],
    outputs: [...configuration.outputs],
  };
}

/** The inverse of {@link configurationToJson}. The plan reader validates the file before this. */
export function configurationFromJson(json: ConfigurationJson): Configuration {
  return {
    ...json,
    requiredProviders: new Map(json.requiredProviders),
    variables: new Map(json.variables),
    locals: new Map(json.locals),
    outputs: new Map(json.outputs),
  };
}
