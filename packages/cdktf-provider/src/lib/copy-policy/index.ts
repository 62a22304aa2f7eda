// Generated from the schema of lifeboat_copy_policy in @lifeboat/engine by `npm run generate -w packages/cdktf-provider`.
// Do not edit: change the schema and run the generator again; a test fails when this file is stale.
import type { Construct } from 'constructs';
import { ImportableResource, numberToHclTerraform, numberToTerraform, stringToHclTerraform, stringToTerraform, type TerraformMetaArguments, type TerraformProvider, TerraformResource } from '../../cdktf.js';
import { definedHclAttributes, metaArgumentsOf } from '../../internal/generated-support.js';

/**
 * Configuration of {@link CopyPolicy} (`lifeboat_copy_policy`), with the CDKTF meta-arguments (`dependsOn`, `forEach`, `lifecycle`, `provider`, …).
 */
export interface CopyPolicyConfig extends TerraformMetaArguments {
  /**
   * The cluster whose backups are copied.
   *
   * Required string. Changing it forces replacement. Synthesized as `cluster_id`.
   */
  readonly clusterId: string;
  /**
   * The region to copy to; not the cluster's own.
   *
   * Required string. Changing it forces replacement. Synthesized as `region_id`.
   */
  readonly regionId: string;
  /**
   * Days a copy is kept, 1–30.
   *
   * Required number. Synthesized as `retention_days`.
   */
  readonly retentionDays: number;
  /**
   * Which backups to copy: AUTO, MANUAL or ALL.
   *
   * Optional string. Synthesized as `applies_to`.
   *
   * @default "ALL"
   */
  readonly appliesTo?: string;
}

/**
 * `lifeboat_copy_policy`: Copies a cluster's backups to another region after each backup, keeping the copies for `retention_days`. Only blobs missing in that region move.
 *
 * Import an existing object with `importFrom(id)` (an `import` block) or `generateConfigForImport`.
 *
 * @example
 * new CopyPolicy(stack, 'to-dr', {
 *   clusterId: 'in01-3e5ad8adc38f0a1b',
 *   regionId: 'local-2',
 *   retentionDays: 14,
 * });
 */
export class CopyPolicy extends TerraformResource {
  /**
   * The Terraform type this class declares.
   */
  public static readonly tfResourceType = 'lifeboat_copy_policy';

  /**
   * Declares an `import` block for an existing lifeboat_copy_policy, without a resource block: for tools that write the configuration of imported objects. To import into a resource you declare, call `importFrom(id)` on it.
   *
   * @param scope - Where to declare the import.
   * @param importToId - Construct id of the resource to be generated.
   * @param importFromId - The id of the existing object, as `lifeboat import` takes it.
   * @param provider - The provider configuration to import with, when not the default one.
   */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: TerraformProvider): ImportableResource {
    return new ImportableResource(scope, importToId, { terraformResourceType: 'lifeboat_copy_policy', importId: importFromId, ...(provider === undefined ? {} : { provider }) });
  }

  private _clusterId: string | undefined;
  private _regionId: string | undefined;
  private _retentionDays: number | undefined;
  private _appliesTo: string | undefined;

  /**
   * @param scope - The scope in which to define this construct.
   * @param id - The scoped construct id; unique among its siblings.
   * @param config - The lifeboat_copy_policy settings and meta-arguments.
   */
  public constructor(scope: Construct, id: string, config: CopyPolicyConfig) {
    super(scope, id, {
      terraformResourceType: 'lifeboat_copy_policy',
      terraformGeneratorMetadata: { providerName: 'lifeboat', providerVersion: '0.1.0' },
      ...metaArgumentsOf(config),
    });
    this._clusterId = config.clusterId;
    this._regionId = config.regionId;
    this._retentionDays = config.retentionDays;
    this._appliesTo = config.appliesTo;
  }

  /**
   * `<cluster_id>/<region_id>`.
   *
   * A token that synthesizes as `${lifeboat_copy_policy.<name>.id}`. Known after apply.
   */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * The cluster whose backups are copied.
   *
   * A token that synthesizes as `${lifeboat_copy_policy.<name>.cluster_id}`.
   */
  public get clusterId(): string {
    return this.getStringAttribute('cluster_id');
  }
  public set clusterId(value: string) {
    this._clusterId = value;
  }
  /**
   * The value configured for `cluster_id`, if any.
   */
  public get clusterIdInput(): string | undefined {
    return this._clusterId;
  }

  /**
   * The region to copy to; not the cluster's own.
   *
   * A token that synthesizes as `${lifeboat_copy_policy.<name>.region_id}`.
   */
  public get regionId(): string {
    return this.getStringAttribute('region_id');
  }
  public set regionId(value: string) {
    this._regionId = value;
  }
  /**
   * The value configured for `region_id`, if any.
   */
  public get regionIdInput(): string | undefined {
    return this._regionId;
  }

  /**
   * Days a copy is kept, 1–30.
   *
   * A token that synthesizes as `${lifeboat_copy_policy.<name>.retention_days}`.
   */
  public get retentionDays(): number {
    return this.getNumberAttribute('retention_days');
  }
  public set retentionDays(value: number) {
    this._retentionDays = value;
  }
  /**
   * The value configured for `retention_days`, if any.
   */
  public get retentionDaysInput(): number | undefined {
    return this._retentionDays;
  }

  /**
   * Which backups to copy: AUTO, MANUAL or ALL.
   *
   * A token that synthesizes as `${lifeboat_copy_policy.<name>.applies_to}`.
   */
  public get appliesTo(): string {
    return this.getStringAttribute('applies_to');
  }
  public set appliesTo(value: string) {
    this._appliesTo = value;
  }
  /**
   * Leaves `applies_to` out of the configuration (so its default, "ALL", applies).
   */
  public resetAppliesTo(): void {
    this._appliesTo = undefined;
  }
  /**
   * The value configured for `applies_to`, if any.
   */
  public get appliesToInput(): string | undefined {
    return this._appliesTo;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      cluster_id: stringToTerraform(this._clusterId),
      region_id: stringToTerraform(this._regionId),
      retention_days: numberToTerraform(this._retentionDays),
      applies_to: stringToTerraform(this._appliesTo),
    };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return definedHclAttributes({
      cluster_id: { value: stringToHclTerraform(this._clusterId), isBlock: false, type: 'simple', storageClassType: 'string' },
      region_id: { value: stringToHclTerraform(this._regionId), isBlock: false, type: 'simple', storageClassType: 'string' },
      retention_days: { value: numberToHclTerraform(this._retentionDays), isBlock: false, type: 'simple', storageClassType: 'number' },
      applies_to: { value: stringToHclTerraform(this._appliesTo), isBlock: false, type: 'simple', storageClassType: 'string' },
    });
  }
}
