/**
 * The configuration layer: loading Terraform JSON (CDKTF stacks or `*.tf.json`), the parsed
 * model, input variables, static validation and `count`/`for_each` expansion.
 */
export type {
  Configuration,
  ImportBlock,
  JsonObject,
  Lifecycle,
  MovedBlock,
  OutputDeclaration,
  ProviderBlock,
  ResourceBlock,
  ResourceMode,
  Timeouts,
  VariableDeclaration,
} from './model.js';
export { emptyConfiguration } from './model.js';
export { parseDuration } from './duration.js';
export { hasErrors, type ConfigDiagnostic } from './diagnostic.js';
export { loadConfiguration, type LoadConfigurationOptions, type LoadConfigurationResult } from './load.js';
export { parseDocument, type ConfigurationFragment } from './parse-document.js';
export { mergeFragments, type MergeSource } from './merge.js';
export { configurationFromJson, configurationToJson, type ConfigurationJson } from './serialize.js';
export { formatTypeConstraint, parseTypeConstraint, type ObjectAttributeType, type TypeConstraint } from './type-constraint.js';
export { autoVarFiles, parseTfvars, readVarFile, type VarFileContents, type VarFileEntry } from './var-files.js';
export { parseVarFlag, resolveVariables, type ResolvedVariables, type ResolveVariablesOptions, type VariableSource } from './variables.js';
export { validateConfiguration } from './validate.js';
export { checkInstanceValues, type CheckInstanceRequest, type CheckInstanceResult } from './check-instance.js';
export { expandInstances, instanceAddress, type ExpandableBlock, type ExpandInstancesResult, type ResourceInstance } from './instances.js';
