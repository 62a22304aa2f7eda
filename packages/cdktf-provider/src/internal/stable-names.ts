import type { Construct } from 'constructs';
import { TerraformDataSource, TerraformElement, TerraformOutput, TerraformResource, TerraformStack } from '../cdktf.js';

/**
 * Logical ids that do not depend on where a construct sits in the tree.
 *
 * CDKTF derives a resource's logical id from its construct path (`team_orders_policy_1A2B3C4D`),
 * so moving a construct into another scope renames every resource in it, and a rename is a
 * replacement: the backup policy is disabled and set again, a standby is dropped and restored.
 * The higher-level constructs name their resources after a `name` instead (the construct id by
 * default), which stays put when the construct moves; a rename of that `name` is declared with
 * `previousName` and becomes `moved` blocks. Two constructs with the same name in one stack are a
 * synth-time error rather than one silently overwriting the other.
 */

const terraformName = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A construct id as a Terraform name: other characters become `_`, and it never starts with a digit or `-`. */
export function terraformNameOf(id: string): string {
  const name = id.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}

/** Why `name` cannot be a Terraform name, or `undefined`. */
export function invalidName(name: string): string | undefined {
  return terraformName.test(name) ? undefined : `must start with a letter or underscore and hold only letters, digits, underscores and dashes (got ${JSON.stringify(name)})`;
}

/** Names the resources of one construct: `<name>` or `<name>_<suffix>`. */
export class StableNames {
  readonly #name: string;
  readonly #previousName: string | undefined;

  constructor(name: string, previousName: string | undefined) {
    this.#name = name;
    this.#previousName = previousName;
  }

  /**
   * Gives `element` the logical id `<name>[_<suffix>]`; a resource also gets a `moved` block from
   * its id under the previous name, when there is one.
   */
  assign<T extends TerraformResource | TerraformDataSource | TerraformOutput>(element: T, suffix?: string): T {
    const id = (base: string): string => (suffix === undefined ? base : `${base}_${suffix}`);
    element.overrideLogicalId(id(this.#name));
    if (this.#previousName !== undefined && this.#previousName !== this.#name && TerraformResource.isTerraformResource(element)) {
      const type = element.terraformResourceType;
      new MovedBlock(element, 'moved', { from: `${type}.${id(this.#previousName)}`, to: `${type}.${id(this.#name)}` });
    }
    return element;
  }
}

/**
 * A `moved` block. CDKTF's own `moveFromId` writes the same block but also makes the synth run
 * `terraform version` (it wants Terraform 1.5 for moves), and Lifeboat users need not have
 * Terraform installed: the engine, which reads the block, has always understood it.
 */
class MovedBlock extends TerraformElement {
  readonly #move: { readonly from: string; readonly to: string };

  constructor(scope: Construct, id: string, move: { readonly from: string; readonly to: string }) {
    super(scope, id, 'moved');
    this.#move = move;
  }

  override toTerraform(): Record<string, unknown> {
    return { moved: [{ ...this.#move }] };
  }

  override toHclTerraform(): Record<string, unknown> {
    const reference = (value: string) => ({ value, isBlock: false, type: 'simple', storageClassType: 'reference' });
    return { moved: [{ from: reference(this.#move.from), to: reference(this.#move.to) }] };
  }

  override toMetadata(): Record<string, unknown> {
    return {};
  }
}

/**
 * Problems for every element under `owner` whose address another element of the stack also
 * has, naming both construct paths.
 */
export function addressCollisions(owner: Construct, hint: string): string[] {
  const all = TerraformStack.of(owner).node.findAll();
  const byAddress = new Map<string, string[]>();
  for (const construct of all) {
    const address = addressOf(construct);
    if (address !== undefined) byAddress.set(address, [...(byAddress.get(address) ?? []), construct.node.path]);
  }
  const ownPaths = new Set(owner.node.findAll().map((construct) => construct.node.path));
  const problems: string[] = [];
  for (const [address, paths] of byAddress) {
    const mine = paths.filter((path) => ownPaths.has(path));
    const others = paths.filter((path) => !ownPaths.has(path));
    if (mine.length > 0 && others.length > 0) {
      problems.push(`${owner.node.path}: ${address} is declared twice, by ${mine.join(', ')} and by ${others.join(', ')}. ${hint}`);
    }
  }
  return problems;
}

function addressOf(construct: Construct): string | undefined {
  if (TerraformResource.isTerraformResource(construct)) return `${construct.terraformResourceType}.${construct.friendlyUniqueId}`;
  if (TerraformDataSource.isTerraformDataSource(construct)) return `data.${construct.terraformResourceType}.${construct.friendlyUniqueId}`;
  if (TerraformOutput.isTerraformOutput(construct)) return `output.${construct.friendlyUniqueId}`;
  return undefined;
}
