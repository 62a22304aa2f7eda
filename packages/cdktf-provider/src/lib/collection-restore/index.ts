// Generated from the schema of lifeboat_collection_restore in @lifeboat/engine by `npm run generate -w packages/cdktf-provider`.
// Do not edit: change the schema and run the generator again; a test fails when this file is stale.
import type { Construct } from 'constructs';
import { booleanToHclTerraform, booleanToTerraform, ImportableResource, type IResolvable, listMapper, listMapperHcl, stringToHclTerraform, stringToTerraform, type TerraformMetaArguments, type TerraformProvider, TerraformResource } from '../../cdktf.js';
import { definedHclAttributes, metaArgumentsOf } from '../../internal/generated-support.js';

/**
 * Configuration of {@link CollectionRestore} (`lifeboat_collection_restore`), with the CDKTF meta-arguments (`dependsOn`, `forEach`, `lifecycle`, `provider`, …).
 */
export interface CollectionRestoreConfig extends TerraformMetaArguments {
  /**
   * The cluster the backup was taken of.
   *
   * Required string. Changing it forces replacement. Synthesized as `source_cluster_id`.
   */
  readonly sourceClusterId: string;
  /**
   * The backup to restore from.
   *
   * Required string. Changing it forces replacement. Synthesized as `backup_id`.
   */
  readonly backupId: string;
  /**
   * The cluster to restore into (in the backup's region).
   *
   * Required string. Changing it forces replacement. Synthesized as `dest_cluster_id`.
   */
  readonly destClusterId: string;
  /**
   * Database of the collection in the backup.
   *
   * Optional string. Changing it forces replacement. Synthesized as `db_name`.
   *
   * @default "default"
   */
  readonly dbName?: string;
  /**
   * The collection in the backup.
   *
   * Required string. Changing it forces replacement. Synthesized as `collection_name`.
   */
  readonly collectionName: string;
  /**
   * Database to restore into; the same as `db_name` when absent.
   *
   * Optional string. Changing it forces replacement. Synthesized as `dest_db_name`.
   */
  readonly destDbName?: string;
  /**
   * Name to restore under; the same as `collection_name` when absent.
   *
   * Optional string. Changing it forces replacement. Synthesized as `dest_collection_name`.
   */
  readonly destCollectionName?: string;
  /**
   * Load the restored collection (true) or leave it released (false); as in the backup when absent.
   *
   * Optional bool. Changing it forces replacement. Synthesized as `load`.
   */
  readonly load?: boolean | IResolvable;
  /**
   * Restore only these partitions; all when absent.
   *
   * Optional list of string. Changing it forces replacement. Synthesized as `partitions`.
   */
  readonly partitions?: string[];
  /**
   * FAIL when the destination collection exists, or OVERWRITE it if the schemas match.
   *
   * Optional string. Changing it forces replacement. Synthesized as `on_conflict`.
   *
   * @default "FAIL"
   */
  readonly onConflict?: string;
}

/**
 * `lifeboat_collection_restore`: One collection of a backup restored into an existing cluster, optionally renamed, as a subset of partitions and with a chosen load state. Use for_each for several collections. Every input forces replacement; destroying it drops the restored collection.
 *
 * Import an existing object with `importFrom(id)` (an `import` block) or `generateConfigForImport`.
 *
 * @example
 * new CollectionRestore(stack, 'orders-copy', {
 *   sourceClusterId: 'in01-3e5ad8adc38f0a1b',
 *   backupId: 'backup7_5d2c8e1a09b34f6c',
 *   destClusterId: 'in01-9b1f0c7d2e4a6b8c',
 *   collectionName: 'orders',
 *   destCollectionName: 'orders_restored',
 * });
 */
export class CollectionRestore extends TerraformResource {
  /**
   * The Terraform type this class declares.
   */
  public static readonly tfResourceType = 'lifeboat_collection_restore';

  /**
   * Declares an `import` block for an existing lifeboat_collection_restore, without a resource block: for tools that write the configuration of imported objects. To import into a resource you declare, call `importFrom(id)` on it.
   *
   * @param scope - Where to declare the import.
   * @param importToId - Construct id of the resource to be generated.
   * @param importFromId - The id of the existing object, as `lifeboat import` takes it.
   * @param provider - The provider configuration to import with, when not the default one.
   */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: TerraformProvider): ImportableResource {
    return new ImportableResource(scope, importToId, { terraformResourceType: 'lifeboat_collection_restore', importId: importFromId, ...(provider === undefined ? {} : { provider }) });
  }

  private _sourceClusterId: string | undefined;
  private _backupId: string | undefined;
  private _destClusterId: string | undefined;
  private _dbName: string | undefined;
  private _collectionName: string | undefined;
  private _destDbName: string | undefined;
  private _destCollectionName: string | undefined;
  private _load: boolean | IResolvable | undefined;
  private _partitions: string[] | undefined;
  private _onConflict: string | undefined;

  /**
   * @param scope - The scope in which to define this construct.
   * @param id - The scoped construct id; unique among its siblings.
   * @param config - The lifeboat_collection_restore settings and meta-arguments.
   */
  public constructor(scope: Construct, id: string, config: CollectionRestoreConfig) {
    super(scope, id, {
      terraformResourceType: 'lifeboat_collection_restore',
      terraformGeneratorMetadata: { providerName: 'lifeboat', providerVersion: '0.1.0' },
      ...metaArgumentsOf(config),
    });
    this._sourceClusterId = config.sourceClusterId;
    this._backupId = config.backupId;
    this._destClusterId = config.destClusterId;
    this._dbName = config.dbName;
    this._collectionName = config.collectionName;
    this._destDbName = config.destDbName;
    this._destCollectionName = config.destCollectionName;
    this._load = config.load;
    this._partitions = config.partitions;
    this._onConflict = config.onConflict;
  }

  /**
   * `<dest_cluster_id>/<database>/<collection>`.
   *
   * A token that synthesizes as `${lifeboat_collection_restore.<name>.id}`. Known after apply.
   */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * The cluster the backup was taken of.
   *
   * A token that synthesizes as `${lifeboat_collection_restore.<name>.source_cluster_id}`.
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
   * The backup to restore from.
   *
   * A token that synthesizes as `${lifeboat_collection_restore.<name>.backup_id}`.
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
   * The cluster to restore into (in the backup's region).
   *
   * A token that synthesizes as `${lifeboat_collection_restore.<name>.dest_cluster_id}`.
   */
  public get destClusterId(): string {
    return this.getStringAttribute('dest_cluster_id');
  }
  public set destClusterId(value: string) {
    this._destClusterId = value;
  }
  /**
   * The value configured for `dest_cluster_id`, if any.
   */
  public get destClusterIdInput(): string | undefined {
    return this._destClusterId;
  }

  /**
   * Database of the collection in the backup.
   *
   * A token that synthesizes as `${lifeboat_collection_restore.<name>.db_name}`.
   */
  public get dbName(): string {
    return this.getStringAttribute('db_name');
  }
  public set dbName(value: string) {
    this._dbName = value;
  }
  /**
   * Leaves `db_name` out of the configuration (so its default, "default", applies).
   */
  public resetDbName(): void {
    this._dbName = undefined;
  }
  /**
   * The value configured for `db_name`, if any.
   */
  public get dbNameInput(): string | undefined {
    return this._dbName;
  }

  /**
   * The collection in the backup.
   *
   * A token that synthesizes as `${lifeboat_collection_restore.<name>.collection_name}`.
   */
  public get collectionName(): string {
    return this.getStringAttribute('collection_name');
  }
  public set collectionName(value: string) {
    this._collectionName = value;
  }
  /**
   * The value configured for `collection_name`, if any.
   */
  public get collectionNameInput(): string | undefined {
    return this._collectionName;
  }

  /**
   * Database to restore into; the same as `db_name` when absent.
   *
   * A token that synthesizes as `${lifeboat_collection_restore.<name>.dest_db_name}`.
   */
  public get destDbName(): string {
    return this.getStringAttribute('dest_db_name');
  }
  public set destDbName(value: string) {
    this._destDbName = value;
  }
  /**
   * Leaves `dest_db_name` out of the configuration.
   */
  public resetDestDbName(): void {
    this._destDbName = undefined;
  }
  /**
   * The value configured for `dest_db_name`, if any.
   */
  public get destDbNameInput(): string | undefined {
    return this._destDbName;
  }

  /**
   * Name to restore under; the same as `collection_name` when absent.
   *
   * A token that synthesizes as `${lifeboat_collection_restore.<name>.dest_collection_name}`.
   */
  public get destCollectionName(): string {
    return this.getStringAttribute('dest_collection_name');
  }
  public set destCollectionName(value: string) {
    this._destCollectionName = value;
  }
  /**
   * Leaves `dest_collection_name` out of the configuration.
   */
  public resetDestCollectionName(): void {
    this._destCollectionName = undefined;
  }
  /**
   * The value configured for `dest_collection_name`, if any.
   */
  public get destCollectionNameInput(): string | undefined {
    return this._destCollectionName;
  }

  /**
   * Load the restored collection (true) or leave it released (false); as in the backup when absent.
   *
   * A token that synthesizes as `${lifeboat_collection_restore.<name>.load}`.
   */
  public get load(): IResolvable {
    return this.getBooleanAttribute('load');
  }
  public set load(value: boolean | IResolvable) {
    this._load = value;
  }
  /**
   * Leaves `load` out of the configuration.
   */
  public resetLoad(): void {
    this._load = undefined;
  }
  /**
   * The value configured for `load`, if any.
   */
  public get loadInput(): boolean | IResolvable | undefined {
    return this._load;
  }

  /**
   * Restore only these partitions; all when absent.
   *
   * A token that synthesizes as `${lifeboat_collection_restore.<name>.partitions}`.
   */
  public get partitions(): string[] {
    return this.getListAttribute('partitions');
  }
  public set partitions(value: string[]) {
    this._partitions = value;
  }
  /**
   * Leaves `partitions` out of the configuration.
   */
  public resetPartitions(): void {
    this._partitions = undefined;
  }
  /**
   * The value configured for `partitions`, if any.
   */
  public get partitionsInput(): string[] | undefined {
    return this._partitions;
  }

  /**
   * FAIL when the destination collection exists, or OVERWRITE it if the schemas match.
   *
   * A token that synthesizes as `${lifeboat_collection_restore.<name>.on_conflict}`.
   */
  public get onConflict(): string {
    return this.getStringAttribute('on_conflict');
  }
  public set onConflict(value: string) {
    this._onConflict = value;
  }
  /**
   * Leaves `on_conflict` out of the configuration (so its default, "FAIL", applies).
   */
  public resetOnConflict(): void {
    this._onConflict = undefined;
  }
  /**
   * The value configured for `on_conflict`, if any.
   */
  public get onConflictInput(): string | undefined {
    return this._onConflict;
  }

  /**
   * Rows in the restored collection.
   *
   * A token that synthesizes as `${lifeboat_collection_restore.<name>.row_count}`. Known after apply.
   */
  public get rowCount(): number {
    return this.getNumberAttribute('row_count');
  }

  /**
   * Digest of the restored rows; equals the backup's for a full restore.
   *
   * A token that synthesizes as `${lifeboat_collection_restore.<name>.checksum}`. Known after apply.
   */
  public get checksum(): string {
    return this.getStringAttribute('checksum');
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      source_cluster_id: stringToTerraform(this._sourceClusterId),
      backup_id: stringToTerraform(this._backupId),
      dest_cluster_id: stringToTerraform(this._destClusterId),
      db_name: stringToTerraform(this._dbName),
      collection_name: stringToTerraform(this._collectionName),
      dest_db_name: stringToTerraform(this._destDbName),
      dest_collection_name: stringToTerraform(this._destCollectionName),
      load: booleanToTerraform(this._load),
      partitions: listMapper(stringToTerraform, false)(this._partitions),
      on_conflict: stringToTerraform(this._onConflict),
    };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return definedHclAttributes({
      source_cluster_id: { value: stringToHclTerraform(this._sourceClusterId), isBlock: false, type: 'simple', storageClassType: 'string' },
      backup_id: { value: stringToHclTerraform(this._backupId), isBlock: false, type: 'simple', storageClassType: 'string' },
      dest_cluster_id: { value: stringToHclTerraform(this._destClusterId), isBlock: false, type: 'simple', storageClassType: 'string' },
      db_name: { value: stringToHclTerraform(this._dbName), isBlock: false, type: 'simple', storageClassType: 'string' },
      collection_name: { value: stringToHclTerraform(this._collectionName), isBlock: false, type: 'simple', storageClassType: 'string' },
      dest_db_name: { value: stringToHclTerraform(this._destDbName), isBlock: false, type: 'simple', storageClassType: 'string' },
      dest_collection_name: { value: stringToHclTerraform(this._destCollectionName), isBlock: false, type: 'simple', storageClassType: 'string' },
      load: { value: booleanToHclTerraform(this._load), isBlock: false, type: 'simple', storageClassType: 'boolean' },
      partitions: { value: listMapperHcl(stringToHclTerraform, false)(this._partitions), isBlock: false, type: 'list', storageClassType: 'stringList' },
      on_conflict: { value: stringToHclTerraform(this._onConflict), isBlock: false, type: 'simple', storageClassType: 'string' },
    });
  }
}
