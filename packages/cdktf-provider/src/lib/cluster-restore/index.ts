// Generated from the schema of lifeboat_cluster_restore in @lifeboat/engine by `npm run generate -w packages/cdktf-provider`.
// Do not edit: change the schema and run the generator again; a test fails when this file is stale.
import type { Construct } from 'constructs';
import { ImportableResource, numberToHclTerraform, numberToTerraform, stringToHclTerraform, stringToTerraform, type TerraformMetaArguments, type TerraformProvider, TerraformResource } from '../../cdktf.js';
import { definedHclAttributes, metaArgumentsOf } from '../../internal/generated-support.js';

/**
 * Configuration of {@link ClusterRestore} (`lifeboat_cluster_restore`), with the CDKTF meta-arguments (`dependsOn`, `forEach`, `lifecycle`, `provider`, …).
 */
export interface ClusterRestoreConfig extends TerraformMetaArguments {
  /**
   * The cluster the backup was taken of.
   *
   * Required string. Changing it forces replacement. Synthesized as `source_cluster_id`.
   */
  readonly sourceClusterId: string;
  /**
   * The backup to restore, e.g. from `data.lifeboat_latest_backup`.
   *
   * Required string. Changing it forces replacement. Synthesized as `backup_id`.
   */
  readonly backupId: string;
  /**
   * Project of the new cluster.
   *
   * Required string. Changing it forces replacement. Synthesized as `project_id`.
   */
  readonly projectId: string;
  /**
   * Name of the new cluster.
   *
   * Required string. Changing it forces replacement. Synthesized as `cluster_name`.
   */
  readonly clusterName: string;
  /**
   * Compute units of the new cluster.
   *
   * Optional number. Changing it forces replacement. Synthesized as `cu_size`.
   *
   * @default 1
   */
  readonly cuSize?: number;
  /**
   * KEEP each collection's load state from the backup, or RELEASE all.
   *
   * Optional string. Changing it forces replacement. Synthesized as `collection_status`.
   *
   * @default "KEEP"
   */
  readonly collectionStatus?: string;
}

/**
 * `lifeboat_cluster_restore`: A new cluster restored from a CLUSTER backup, in the backup's region: a disaster-recovery standby. A newer backup replaces it (use create_before_destroy to keep one standing). Destroying it drops the cluster.
 *
 * Import an existing object with `importFrom(id)` (an `import` block) or `generateConfigForImport`.
 *
 * @example
 * new ClusterRestore(stack, 'standby', {
 *   sourceClusterId: 'in01-3e5ad8adc38f0a1b',
 *   backupId: 'backup7_5d2c8e1a09b34f6c',
 *   projectId: 'proj-7c1e9a3b5d2f4e6a',
 *   clusterName: 'orders-standby',
 *   lifecycle: { createBeforeDestroy: true },
 * });
 */
export class ClusterRestore extends TerraformResource {
  /**
   * The Terraform type this class declares.
   */
  public static readonly tfResourceType = 'lifeboat_cluster_restore';

  /**
   * Declares an `import` block for an existing lifeboat_cluster_restore, without a resource block: for tools that write the configuration of imported objects. To import into a resource you declare, call `importFrom(id)` on it.
   *
   * @param scope - Where to declare the import.
   * @param importToId - Construct id of the resource to be generated.
   * @param importFromId - The id of the existing object, as `lifeboat import` takes it.
   * @param provider - The provider configuration to import with, when not the default one.
   */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: TerraformProvider): ImportableResource {
    return new ImportableResource(scope, importToId, { terraformResourceType: 'lifeboat_cluster_restore', importId: importFromId, ...(provider === undefined ? {} : { provider }) });
  }

  private _sourceClusterId: string | undefined;
  private _backupId: string | undefined;
  private _projectId: string | undefined;
  private _clusterName: string | undefined;
  private _cuSize: number | undefined;
  private _collectionStatus: string | undefined;

  /**
   * @param scope - The scope in which to define this construct.
   * @param id - The scoped construct id; unique among its siblings.
   * @param config - The lifeboat_cluster_restore settings and meta-arguments.
   */
  public constructor(scope: Construct, id: string, config: ClusterRestoreConfig) {
    super(scope, id, {
      terraformResourceType: 'lifeboat_cluster_restore',
      terraformGeneratorMetadata: { providerName: 'lifeboat', providerVersion: '0.1.0' },
      ...metaArgumentsOf(config),
    });
    this._sourceClusterId = config.sourceClusterId;
    this._backupId = config.backupId;
    this._projectId = config.projectId;
    this._clusterName = config.clusterName;
    this._cuSize = config.cuSize;
    this._collectionStatus = config.collectionStatus;
  }

  /**
   * The restored cluster's id.
   *
   * A token that synthesizes as `${lifeboat_cluster_restore.<name>.id}`. Known after apply.
   */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * The cluster the backup was taken of.
   *
   * A token that synthesizes as `${lifeboat_cluster_restore.<name>.source_cluster_id}`.
   */
  public get sourceClusterId(): string {
    return this.getStringAttribute('source_cluster_id');
  }
  public set sourceClusterId(value: string) {
    this._sourceClusterId = value;
  }
  /**
   * The value configured for `source_cluster_id`, if any.
   */
  public get sourceClusterIdInput(): string | undefined {
    return this._sourceClusterId;
  }

  /**
   * The backup to restore, e.g. from `data.lifeboat_latest_backup`.
   *
   * A token that synthesizes as `${lifeboat_cluster_restore.<name>.backup_id}`.
   */
  public get backupId(): string {
    return this.getStringAttribute('backup_id');
  }
  public set backupId(value: string) {
    this._backupId = value;
  }
  /**
   * The value configured for `backup_id`, if any.
   */
  public get backupIdInput(): string | undefined {
    return this._backupId;
  }

  /**
   * Project of the new cluster.
   *
   * A token that synthesizes as `${lifeboat_cluster_restore.<name>.project_id}`.
   */
  public get projectId(): string {
    return this.getStringAttribute('project_id');
  }
  public set projectId(value: string) {
    this._projectId = value;
  }
  /**
   * The value configured for `project_id`, if any.
   */
  public get projectIdInput(): string | undefined {
    return this._projectId;
  }

  /**
   * Name of the new cluster.
   *
   * A token that synthesizes as `${lifeboat_cluster_restore.<name>.cluster_name}`.
   */
  public get clusterName(): string {
    return this.getStringAttribute('cluster_name');
  }
  public set clusterName(value: string) {
    this._clusterName = value;
  }
  /**
   * The value configured for `cluster_name`, if any.
   */
  public get clusterNameInput(): string | undefined {
    return this._clusterName;
  }

  /**
   * Compute units of the new cluster.
   *
   * A token that synthesizes as `${lifeboat_cluster_restore.<name>.cu_size}`.
   */
  public get cuSize(): number {
    return this.getNumberAttribute('cu_size');
  }
  public set cuSize(value: number) {
    this._cuSize = value;
  }
  /**
   * Leaves `cu_size` out of the configuration (so its default, 1, applies).
   */
  public resetCuSize(): void {
    this._cuSize = undefined;
  }
  /**
   * The value configured for `cu_size`, if any.
   */
  public get cuSizeInput(): number | undefined {
    return this._cuSize;
  }

  /**
   * KEEP each collection's load state from the backup, or RELEASE all.
   *
   * A token that synthesizes as `${lifeboat_cluster_restore.<name>.collection_status}`.
   */
  public get collectionStatus(): string {
    return this.getStringAttribute('collection_status');
  }
  public set collectionStatus(value: string) {
    this._collectionStatus = value;
  }
  /**
   * Leaves `collection_status` out of the configuration (so its default, "KEEP", applies).
   */
  public resetCollectionStatus(): void {
    this._collectionStatus = undefined;
  }
  /**
   * The value configured for `collection_status`, if any.
   */
  public get collectionStatusInput(): string | undefined {
    return this._collectionStatus;
  }

  /**
   * The restored cluster's id.
   *
   * A token that synthesizes as `${lifeboat_cluster_restore.<name>.cluster_id}`. Known after apply.
   */
  public get clusterId(): string {
    return this.getStringAttribute('cluster_id');
  }

  /**
   * Where clients connect to the restored cluster.
   *
   * A token that synthesizes as `${lifeboat_cluster_restore.<name>.connect_address}`. Known after apply.
   */
  public get connectAddress(): string {
    return this.getStringAttribute('connect_address');
  }

  /**
   * Region of the restored cluster (the backup's).
   *
   * A token that synthesizes as `${lifeboat_cluster_restore.<name>.region_id}`. Known after apply.
   */
  public get regionId(): string {
    return this.getStringAttribute('region_id');
  }

  /**
   * RUNNING once restored.
   *
   * A token that synthesizes as `${lifeboat_cluster_restore.<name>.status}`. Known after apply.
   */
  public get status(): string {
    return this.getStringAttribute('status');
  }

  /**
   * The new cluster's admin password (passwords are never backed up).
   *
   * A token that synthesizes as `${lifeboat_cluster_restore.<name>.password}`. Known after apply. Sensitive: mark outputs that show it `sensitive`.
   */
  public get password(): string {
    return this.getStringAttribute('password');
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      source_cluster_id: stringToTerraform(this._sourceClusterId),
      backup_id: stringToTerraform(this._backupId),
      project_id: stringToTerraform(this._projectId),
      cluster_name: stringToTerraform(this._clusterName),
      cu_size: numberToTerraform(this._cuSize),
      collection_status: stringToTerraform(this._collectionStatus),
    };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return definedHclAttributes({
      source_cluster_id: { value: stringToHclTerraform(this._sourceClusterId), isBlock: false, type: 'simple', storageClassType: 'string' },
      backup_id: { value: stringToHclTerraform(this._backupId), isBlock: false, type: 'simple', storageClassType: 'string' },
      project_id: { value: stringToHclTerraform(this._projectId), isBlock: false, type: 'simple', storageClassType: 'string' },
      cluster_name: { value: stringToHclTerraform(this._clusterName), isBlock: false, type: 'simple', storageClassType: 'string' },
      cu_size: { value: numberToHclTerraform(this._cuSize), isBlock: false, type: 'simple', storageClassType: 'number' },
      collection_status: { value: stringToHclTerraform(this._collectionStatus), isBlock: false, type: 'simple', storageClassType: 'string' },
    });
  }
}
