/** Where an import goes: a declared managed resource instance whose type can import. */
import type { Configuration, ResourceBlock } from '../../config/model.js';
import { expandInstances } from '../../config/instances.js';
import { unknown, type Value } from '../../expressions/index.js';
import { Evaluation } from '../../plan/scope.js';
import { managedResourceTypes, resourceTypeOf } from '../../resources/index.js';
import type { ResourceType } from '../../resources/resource-type.js';
import { formatInstanceAddress, parseInstanceAddress, type InstanceKey } from '../../state/address.js';
import { ImportNotSupportedError, ImportTargetNotDeclaredError } from '../errors/import.js';
import { listSome, resourceAddressOf } from './state-instances.js';

/** A checked import target. */
export interface ImportTarget {
  /** The instance address, canonical. */
  readonly address: string;
  readonly key?: InstanceKey;
  readonly block: ResourceBlock;
  readonly resourceType: ResourceType & Required<Pick<ResourceType, 'import'>>;
}

/** What {@link resolveImportTarget} checks against. */
export interface ResolveImportTargetRequest {
  readonly configuration: Configuration;
  readonly variables: Readonly<Record<string, Value>>;
  readonly address: string;
}

/** An evaluation of variables and locals only: imports happen before any resource has a value. */
export const importEvaluation = (configuration: Configuration, variables: Readonly<Record<string, Value>>): Evaluation =>
  new Evaluation({ variables, locals: configuration.locals, dir: configuration.moduleDir, blockValue: () => unknown });

/**
 * Checks that `address` is an instance the configuration declares and that its type can import.
 * When `count`/`for_each` can be evaluated from variables and locals, the key must be one of
 * the instances; when it depends on resources, only the kind of key (index or string) is checked.
 *
 * @throws {InvalidAddressError} when the address does not parse.
 * @throws {ImportTargetNotDeclaredError} when the configuration does not declare the instance.
 * @throws {ImportNotSupportedError} when its type cannot import.
 */
export function resolveImportTarget({ configuration, variables, address: given }: ResolveImportTargetRequest): ImportTarget {
  const parsed = parseInstanceAddress(given);
  const address = formatInstanceAddress(parsed);
  const resourceAddress = resourceAddressOf(parsed);
  const notDeclared = (problem: string, fix: string) => new ImportTargetNotDeclaredError({ address, problem, fix });
  if (parsed.mode === 'data') throw notDeclared('data sources are read on every plan, not imported', 'Import into a managed resource address (type.name) instead.');

  const block = configuration.resources.find((candidate) => candidate.mode === 'managed' && candidate.address === resourceAddress);
  if (block === undefined) {
    const declared = configuration.resources.filter((candidate) => candidate.mode === 'managed').map((candidate) => candidate.address);
    throw notDeclared(
      `${resourceAddress} is not declared in the configuration`,
      `Add a resource block for it first: Lifeboat imports only into declared resources. ${
        declared.length === 0 ? 'The configuration declares no managed resources.' : `Declared resources: ${listSome(declared)}.`
      }`,
    );
  }

  const resourceType = resourceTypeOf('managed', block.type);
  if (resourceType?.import === undefined) {
    throw new ImportNotSupportedError({ address, type: block.type, importable: managedResourceTypes.filter((type) => type.import !== undefined).map((type) => type.type) });
  }

  checkKey(block, parsed.key, address, notDeclared, importEvaluation(configuration, variables));
  return { address, ...(parsed.key === undefined ? {} : { key: parsed.key }), block, resourceType: resourceType as ImportTarget['resourceType'] };
}

function checkKey(
  block: ResourceBlock,
  key: InstanceKey | undefined,
  address: string,
  notDeclared: (problem: string, fix: string) => ImportTargetNotDeclaredError,
  evaluation: Evaluation,
): void {
  const expanded = expandInstances(block, evaluation.scope());
  // Unknown before apply (it depends on resources): the kind of key is all that can be checked.
  const known = expanded.diagnostics.length === 0 ? expanded.instances.map((instance) => instance.address) : undefined;
  const instances = known === undefined ? '' : known.length === 0 ? ' It has no instances now.' : ` Its instances: ${listSome(known)}.`;
  if (block.count === undefined && block.forEach === undefined) {
    if (key !== undefined) throw notDeclared(`${block.address} has neither count nor for_each, so it has no instance ${address}`, `Import it as ${block.address}.`);
    return;
  }
  if (block.count !== undefined && typeof key !== 'number') {
    throw notDeclared(`${block.address} has count, so its instances are addressed by index`, `Import to one of them, e.g. ${block.address}[0].${instances}`);
  }
  if (block.forEach !== undefined && typeof key !== 'string') {
    throw notDeclared(`${block.address} has for_each, so its instances are addressed by key`, `Import to one of them, e.g. ${block.address}["key"].${instances}`);
  }
  if (known !== undefined && !known.includes(address)) {
    throw notDeclared(`${address} is not one of the instances of ${block.address}`, `Import to a declared instance, or change count/for_each first.${instances}`);
  }
}
