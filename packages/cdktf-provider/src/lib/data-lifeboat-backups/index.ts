// Generated from the schema of data source lifeboat_backups in @lifeboat/engine by `npm run generate -w packages/cdktf-provider`.
// Do not edit: change the schema and run the generator again; a test fails when this file is stale.
import type { Construct } from 'constructs';
import { ComplexList, ComplexObject, type IInterpolatingParent, stringToHclTerraform, stringToTerraform, TerraformDataSource, type TerraformMetaArguments } from '../../cdktf.js';
import { definedHclAttributes, metaArgumentsOf } from '../../internal/generated-support.js';

/**
 * Configuration of {@link DataLifeboatBackups} (`data.lifeboat_backups`), with the CDKTF meta-arguments (`dependsOn`, `forEach`, `lifecycle`, `provider`, …).
 */
export interface DataLifeboatBackupsConfig extends TerraformMetaArguments {
  /**
   * Only backups of this cluster.
   *
   * Optional string. Synthesized as `cluster_id`.
   */
  readonly clusterId?: string;
  /**
   * Only backups stored in this region.
   *
   * Optional string. Synthesized as `region_id`.
   */
  readonly regionId?: string;
  /**
   * Only backups in this status, e.g. AVAILABLE.
   *
   * Optional string. Synthesized as `status`.
   */
  readonly status?: string;
}

/**
 * Reads one element of `backups` of {@link DataLifeboatBackups} as tokens.
 */
export class DataLifeboatBackupsBackupsOutputReference extends ComplexObject {
  /**
   * @param terraformResource - The resource or data source holding the list.
   * @param terraformAttribute - The list attribute.
   * @param complexObjectIndex - Index of the element.
   * @param complexObjectIsFromSet - Whether the attribute is a set (read through `tolist()`).
   */
  public constructor(terraformResource: IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  /**
   * Backup id.
   */
  public get backupId(): string {
    return this.getStringAttribute('backup_id');
  }

  /**
   * Name.
   */
  public get backupName(): string {
    return this.getStringAttribute('backup_name');
  }

  /**
   * Cluster.
   */
  public get clusterId(): string {
    return this.getStringAttribute('cluster_id');
  }

  /**
   * Region.
   */
  public get regionId(): string {
    return this.getStringAttribute('region_id');
  }

  /**
   * Status.
   */
  public get status(): string {
    return this.getStringAttribute('status');
  }

  /**
   * MANUAL or AUTO.
   */
  public get creationMethod(): string {
    return this.getStringAttribute('creation_method');
  }

  /**
   * When it was taken.
   */
  public get createTime(): string {
    return this.getStringAttribute('create_time');
  }

  /**
   * Bytes covered.
   */
  public get sizeBytes(): number {
    return this.getNumberAttribute('size_bytes');
  }
}

/**
 * Reads `backups` of {@link DataLifeboatBackups} as tokens: `get(index)` gives one element.
 */
export class DataLifeboatBackupsBackupsList extends ComplexList {
  /**
   * @param index - Index of the element to read.
   */
  public get(index: number): DataLifeboatBackupsBackupsOutputReference {
    return new DataLifeboatBackupsBackupsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
 * `data.lifeboat_backups`: Backups matching filters, newest first.
 *
 * @example
 * new DataLifeboatBackups(stack, 'available', {
 *   clusterId: 'in01-3e5ad8adc38f0a1b',
 *   status: 'AVAILABLE',
 * });
 */
export class DataLifeboatBackups extends TerraformDataSource {
  /**
   * The Terraform type this class declares.
   */
  public static readonly tfResourceType = 'lifeboat_backups';

  private _clusterId: string | undefined;
  private _regionId: string | undefined;
  private _status: string | undefined;

  /**
   * @param scope - The scope in which to define this construct.
   * @param id - The scoped construct id; unique among its siblings.
   * @param config - The lifeboat_backups settings and meta-arguments.
   */
  public constructor(scope: Construct, id: string, config: DataLifeboatBackupsConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'lifeboat_backups',
      terraformGeneratorMetadata: { providerName: 'lifeboat', providerVersion: '0.1.0' },
      ...metaArgumentsOf(config),
    });
    this._clusterId = config.clusterId;
    this._regionId = config.regionId;
    this._status = config.status;
  }

  /**
   * Only backups of this cluster.
   *
   * A token that synthesizes as `${data.lifeboat_backups.<name>.cluster_id}`.
   */
  public get clusterId(): string {
    return this.getStringAttribute('cluster_id');
  }
  public set clusterId(value: string) {
    this._clusterId = value;
  }
  /**
   * Leaves `cluster_id` out of the configuration.
   */
  public resetClusterId(): void {
    this._clusterId = undefined;
  }
  /**
   * The value configured for `cluster_id`, if any.
   */
  public get clusterIdInput(): string | undefined {
    return this._clusterId;
  }

  /**
   * Only backups stored in this region.
   *
   * A token that synthesizes as `${data.lifeboat_backups.<name>.region_id}`.
   */
  public get regionId(): string {
    return this.getStringAttribute('region_id');
  }
  public set regionId(value: string) {
    this._regionId = value;
  }
  /**
   * Leaves `region_id` out of the configuration.
   */
  public resetRegionId(): void {
    this._regionId = undefined;
  }
  /**
   * The value configured for `region_id`, if any.
   */
  public get regionIdInput(): string | undefined {
    return this._regionId;
  }

  /**
   * Only backups in this status, e.g. AVAILABLE.
   *
   * A token that synthesizes as `${data.lifeboat_backups.<name>.status}`.
   */
  public get status(): string {
    return this.getStringAttribute('status');
  }
  public set status(value: string) {
    this._status = value;
  }
  /**
   * Leaves `status` out of the configuration.
   */
  public resetStatus(): void {
    this._status = undefined;
  }
  /**
   * The value configured for `status`, if any.
   */
  public get statusInput(): string | undefined {
    return this._status;
  }

  /**
   * A digest of the filters.
   *
   * A token that synthesizes as `${data.lifeboat_backups.<name>.id}`. Known after apply.
   */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * The matching backups.
   *
   * A token that synthesizes as `${data.lifeboat_backups.<name>.backups}`. Known after apply.
   */
  public get backups(): DataLifeboatBackupsBackupsList {
    return new DataLifeboatBackupsBackupsList(this, 'backups', false);
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      cluster_id: stringToTerraform(this._clusterId),
      region_id: stringToTerraform(this._regionId),
      status: stringToTerraform(this._status),
    };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return definedHclAttributes({
      cluster_id: { value: stringToHclTerraform(this._clusterId), isBlock: false, type: 'simple', storageClassType: 'string' },
      region_id: { value: stringToHclTerraform(this._regionId), isBlock: false, type: 'simple', storageClassType: 'string' },
      status: { value: stringToHclTerraform(this._status), isBlock: false, type: 'simple', storageClassType: 'string' },
    });
  }
}
