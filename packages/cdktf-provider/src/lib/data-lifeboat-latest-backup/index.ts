// Generated from the schema of data source lifeboat_latest_backup in @lifeboat/engine by `npm run generate -w packages/cdktf-provider`.
// Do not edit: change the schema and run the generator again; a test fails when this file is stale.
import type { Construct } from 'constructs';
import { stringToHclTerraform, stringToTerraform, TerraformDataSource, type TerraformMetaArguments } from '../../cdktf.js';
import { definedHclAttributes, metaArgumentsOf } from '../../internal/generated-support.js';

/**
 * Configuration of {@link DataLifeboatLatestBackup} (`data.lifeboat_latest_backup`), with the CDKTF meta-arguments (`dependsOn`, `forEach`, `lifecycle`, `provider`, …).
 */
export interface DataLifeboatLatestBackupConfig extends TerraformMetaArguments {
  /**
   * The cluster whose backups to search.
   *
   * Required string. Synthesized as `cluster_id`.
   */
  readonly clusterId: string;
  /**
   * Only backups (or copies) stored in this region.
   *
   * Optional string. Synthesized as `region_id`.
   */
  readonly regionId?: string;
  /**
   * Only CLUSTER or COLLECTION backups.
   *
   * Optional string. Synthesized as `backup_type`.
   */
  readonly backupType?: string;
}

/**
 * `data.lifeboat_latest_backup`: The newest AVAILABLE backup of a cluster, optionally in a given region (a copy in the DR region, say). Reading fails when there is none, so nothing is restored from a guess.
 *
 * @example
 * new DataLifeboatLatestBackup(stack, 'newest-in-dr', {
 *   clusterId: 'in01-3e5ad8adc38f0a1b',
 *   regionId: 'local-2',
 *   backupType: 'CLUSTER',
 * });
 */
export class DataLifeboatLatestBackup extends TerraformDataSource {
  /**
   * The Terraform type this class declares.
   */
  public static readonly tfResourceType = 'lifeboat_latest_backup';

  private _clusterId: string | undefined;
  private _regionId: string | undefined;
  private _backupType: string | undefined;

  /**
   * @param scope - The scope in which to define this construct.
   * @param id - The scoped construct id; unique among its siblings.
   * @param config - The lifeboat_latest_backup settings and meta-arguments.
   */
  public constructor(scope: Construct, id: string, config: DataLifeboatLatestBackupConfig) {
    super(scope, id, {
      terraformResourceType: 'lifeboat_latest_backup',
      terraformGeneratorMetadata: { providerName: 'lifeboat', providerVersion: '0.1.0' },
      ...metaArgumentsOf(config),
    });
    this._clusterId = config.clusterId;
    this._regionId = config.regionId;
    this._backupType = config.backupType;
  }

  /**
   * The cluster whose backups to search.
   *
   * A token that synthesizes as `${data.lifeboat_latest_backup.<name>.cluster_id}`.
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
   * Only backups (or copies) stored in this region.
   *
   * A token that synthesizes as `${data.lifeboat_latest_backup.<name>.region_id}`.
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
   * Only CLUSTER or COLLECTION backups.
   *
   * A token that synthesizes as `${data.lifeboat_latest_backup.<name>.backup_type}`.
   */
  public get backupType(): string {
    return this.getStringAttribute('backup_type');
  }
  public set backupType(value: string) {
    this._backupType = value;
  }
  /**
   * Leaves `backup_type` out of the configuration.
   */
  public resetBackupType(): void {
    this._backupType = undefined;
  }
  /**
   * The value configured for `backup_type`, if any.
   */
  public get backupTypeInput(): string | undefined {
    return this._backupType;
  }

  /**
   * The backup id.
   *
   * A token that synthesizes as `${data.lifeboat_latest_backup.<name>.id}`. Known after apply.
   */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * The backup id.
   *
   * A token that synthesizes as `${data.lifeboat_latest_backup.<name>.backup_id}`. Known after apply.
   */
  public get backupId(): string {
    return this.getStringAttribute('backup_id');
  }

  /**
   * The backup's name.
   *
   * A token that synthesizes as `${data.lifeboat_latest_backup.<name>.backup_name}`. Known after apply.
   */
  public get backupName(): string {
    return this.getStringAttribute('backup_name');
  }

  /**
   * When it was taken (ISO 8601 UTC).
   *
   * A token that synthesizes as `${data.lifeboat_latest_backup.<name>.create_time}`. Known after apply.
   */
  public get createTime(): string {
    return this.getStringAttribute('create_time');
  }

  /**
   * Bytes of data it covers.
   *
   * A token that synthesizes as `${data.lifeboat_latest_backup.<name>.size_bytes}`. Known after apply.
   */
  public get sizeBytes(): number {
    return this.getNumberAttribute('size_bytes');
  }

  /**
   * MANUAL or AUTO.
   *
   * A token that synthesizes as `${data.lifeboat_latest_backup.<name>.creation_method}`. Known after apply.
   */
  public get creationMethod(): string {
    return this.getStringAttribute('creation_method');
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      cluster_id: stringToTerraform(this._clusterId),
      region_id: stringToTerraform(this._regionId),
      backup_type: stringToTerraform(this._backupType),
    };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return definedHclAttributes({
      cluster_id: { value: stringToHclTerraform(this._clusterId), isBlock: false, type: 'simple', storageClassType: 'string' },
      region_id: { value: stringToHclTerraform(this._regionId), isBlock: false, type: 'simple', storageClassType: 'string' },
      backup_type: { value: stringToHclTerraform(this._backupType), isBlock: false, type: 'simple', storageClassType: 'string' },
    });
  }
}
