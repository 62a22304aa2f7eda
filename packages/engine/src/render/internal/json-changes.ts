import type { OutputChange, Plan, ResourceChange } from '../../plan/types.js';
import type { JsonChange, JsonConfiguration, JsonOutputValue, JsonResourceChange, JsonResourceValues, JsonValues } from '../json-types.js';
import { LIFEBOAT_PROVIDER_NAME, schemaOf, type ProviderSchemas } from '../schemas.js';
import type { AttributeValue } from '../../state/types.js';
import { redact, redactObject, sensitiveMarks, sortedRecord, sortKeys, unknownMarks } from './json-values.js';
import { maskOfResource, type SensitiveMask } from './sensitivity.js';

/** The change-shaped parts of the JSON plan: resource changes, drift, outputs, planned values, configuration. */

const maskOf = (change: ResourceChange, schemas: ProviderSchemas): SensitiveMask | undefined =>
  maskOfResource(schemaOf(schemas, change.mode, change.type), change.sensitive.map((name) => [name]));

const identity = (change: ResourceChange) => ({
  address: change.address,
  mode: change.mode,
  type: change.type,
  name: change.name,
  ...(change.index === undefined ? {} : { index: change.index }),
  provider_name: LIFEBOAT_PROVIDER_NAME,
});

/** One entry of `resource_changes` or `resource_drift`. */
export function resourceChangeJson(change: ResourceChange, schemas: ProviderSchemas): JsonResourceChange {
  const mask = maskOf(change, schemas);
  const before = change.before === null ? null : redact(change.before, mask);
  const after = change.after === null ? null : redact(change.after, mask);
  const json: JsonChange = {
    actions: change.actions,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
    // Terraform writes `{}` for a deleted object: nothing about it is unknown.
    after_unknown: change.after === null ? {} : unknownMarks(change.afterUnknown),
    before_sensitive: sensitiveMarks(change.before, mask),
    after_sensitive: sensitiveMarks(change.after, mask),
    ...(change.replacePaths.length === 0 ? {} : { replace_paths: change.replacePaths }),
  };
  // Where Terraform writes them: `previous_address` right after `address`, `deposed` after `provider_name`.
  const moved = change.previousAddress === undefined ? {} : { previous_address: change.previousAddress };
  const deposed = change.deposed === undefined ? {} : { deposed: change.deposed };
  const { address, ...rest } = identity(change);
  return { address, ...moved, ...rest, ...deposed, change: json, ...(change.actionReason === undefined ? {} : { action_reason: change.actionReason }) };
}

/** `output_changes`: a sensitive output's values are left out whole; an unknown `after` is left out, as Terraform does. */
export function outputChangesJson(outputs: readonly OutputChange[]): Record<string, JsonChange> {
  return sortedRecord(
    outputs.map((output): [string, JsonChange] => [
      output.name,
      {
        actions: output.actions,
        ...(output.sensitive ? {} : { before: sortedValue(output.before) }),
        ...(output.sensitive || output.afterUnknown ? {} : { after: sortedValue(output.after) }),
        after_unknown: output.afterUnknown,
        before_sensitive: output.sensitive,
        after_sensitive: output.sensitive,
      },
    ]),
  );
}

/** An output value with its object keys sorted; absent is `null`. */
const sortedValue = (value: AttributeValue | undefined): AttributeValue => (value === undefined ? null : sortKeys(value));

/** `planned_values`: what is known of every instance and output after apply; deleted ones are gone. */
export function plannedValuesJson(changes: readonly ResourceChange[], outputs: readonly OutputChange[], schemas: ProviderSchemas): JsonValues {
  const resources: JsonResourceValues[] = [];
  for (const change of changes) {
    if (change.after === null) continue;
    const mask = maskOf(change, schemas);
    resources.push({ ...identity(change), schema_version: 0, values: redactObject(change.after, mask), sensitive_values: sensitiveMarks(change.after, mask) });
  }
  const planned = sortedRecord(
    outputs
      .filter((output) => output.actions[0] !== 'delete')
      .map((output): [string, JsonOutputValue] => [output.name, { sensitive: output.sensitive, ...(output.sensitive || output.afterUnknown ? {} : { value: sortedValue(output.after) }) }]),
  );
  return Object.keys(planned).length === 0 ? { root_module: { resources } } : { outputs: planned, root_module: { resources } };
}

/**
 * A minimal configuration: the provider, each configured resource once, and the outputs —
 * enough for tools that join changes to resources. Expressions are not included.
 */
export function configurationJson(plan: Plan): JsonConfiguration {
  const resources = new Map<string, JsonConfiguration['root_module']['resources'][number]>();
  for (const change of plan.resourceChanges) {
    // An instance deleted because its resource block is gone, or a deposed object (whatever the
    // configuration says), has no configuration to describe.
    if (change.actionReason === 'delete_because_no_resource_config' || change.deposed !== undefined || resources.has(change.resourceAddress)) continue;
    resources.set(change.resourceAddress, {
      address: change.resourceAddress,
      mode: change.mode,
      type: change.type,
      name: change.name,
      provider_config_key: 'lifeboat',
      schema_version: 0,
    });
  }
  const outputs = sortedRecord(
    plan.outputChanges.filter((output) => output.actions[0] !== 'delete').map((output): [string, { sensitive?: true }] => [output.name, output.sensitive ? { sensitive: true } : {}]),
  );
  return {
    provider_config: { lifeboat: { name: 'lifeboat', full_name: LIFEBOAT_PROVIDER_NAME } },
    root_module: {
      ...(Object.keys(outputs).length === 0 ? {} : { outputs }),
      resources: [...resources.values()].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0)),
    },
  };
}
