// Generated from the schema of lifeboat_backup in @lifeboat/engine by `npm run generate -w packages/cdktf-provider`.
// Do not edit: change the schema and run the generator again; a test fails when this file is stale.
import type { Construct } from 'constructs';
import { ComplexList, ComplexObject, type IInterpolatingParent, ImportableResource, type IResolvable, isComplexElement, listMapper, listMapperHcl, stringToHclTerraform, stringToTerraform, type TerraformMetaArguments, type TerraformProvider, TerraformResource, Tokenization } from '../../cdktf.js';
import { definedHclAttributes, metaArgumentsOf } from '../../internal/generated-support.js';

/**
 * Configuration of {@link Backup} (`lifeboat_backup`), with the CDKTF meta-arguments (`dependsOn`, `forEach`, `lifecycle`, `provider`, …).
 */
export interface BackupConfig extends TerraformMetaArguments {
  /**
   * The cluster to back up.
   *
   * Required string. Changing it forces replacement. Synthesized as `cluster_id`.
   */
  readonly clusterId: string;
  /**
   * Back up only these collections (a COLLECTION backup); the whole cluster when absent.
   *
   * Optional list of object. Changing it forces replacement. Synthesized as `collections`.
   */
  readonly collections?: BackupCollections[] | IResolvable;
  /**
   * Regions to copy the backup to once it is AVAILABLE.
   *
   * Optional list of string. Changing it forces replacement. Synthesized as `copy_regions`.
   */
  readonly copyRegions?: string[];
  /**
   * A name of your choosing; the server picks one when absent. Changing it renames in place.
   *
   * Optional string; the provider fills it in when left out. Synthesized as `backup_name`.
   */
  readonly backupName?: string;
}

/**
 * One element of `collections` of {@link Backup}.
 */
export interface BackupCollections {
  /**
   * Database; `default` if absent.
   *
   * Optional string. Synthesized as `db_name`.
   *
   * @default "default"
   */
  readonly dbName?: string;
  /**
   * Collections of that database.
   *
   * Required list of string. Synthesized as `collection_names`.
   */
  readonly collectionNames: string[];
}

/**
 * A BackupCollections as Terraform JSON (snake_case keys); tokens pass through.
 */
export function backupCollectionsToTerraform(struct?: BackupCollections | IResolvable): Record<string, unknown> | IResolvable | undefined {
  if (struct === undefined || Tokenization.isResolvable(struct)) return struct;
  if (isComplexElement(struct)) throw new Error('BackupCollections: a value read from another resource cannot be used as configuration; pass the values themselves.');
  return {
    db_name: stringToTerraform(struct.dbName),
    collection_names: listMapper(stringToTerraform, false)(struct.collectionNames),
  };
}

/**
 * A BackupCollections as CDKTF's HCL attribute values; tokens pass through.
 */
export function backupCollectionsToHclTerraform(struct?: BackupCollections | IResolvable): Record<string, unknown> | IResolvable | undefined {
  if (struct === undefined || Tokenization.isResolvable(struct)) return struct;
  if (isComplexElement(struct)) throw new Error('BackupCollections: a value read from another resource cannot be used as configuration; pass the values themselves.');
  return definedHclAttributes({
    db_name: { value: stringToHclTerraform(struct.dbName), isBlock: false, type: 'simple', storageClassType: 'string' },
    collection_names: { value: listMapperHcl(stringToHclTerraform, false)(struct.collectionNames), isBlock: false, type: 'list', storageClassType: 'stringList' },
  });
}

/**
 * Reads one element of `collections` of {@link Backup} as tokens.
 */
export class BackupCollectionsOutputReference extends ComplexObject {
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
   * Database; `default` if absent.
   */
  public get dbName(): string {
    return this.getStringAttribute('db_name');
  }

  /**
   * Collections of that database.
   */
  public get collectionNames(): string[] {
    return this.getListAttribute('collection_names');
  }
}

/**
 * Reads `collections` of {@link Backup} as tokens: `get(index)` gives one element.
 */
export class BackupCollectionsList extends ComplexList {
  /**
   * @param index - Index of the element to read.
   */
  public get(index: number): BackupCollectionsOutputReference {
    return new BackupCollectionsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
 * `lifeboat_backup`: One manual backup, of a whole cluster or of listed collections, optionally copied to other regions. Manual backups never expire; destroying the resource deletes the backup.
 *
 * Import an existing object with `importFrom(id)` (an `import` block) or `generateConfigForImport`.
 *
 * @example
 * new Backup(stack, 'before-migration', {
 *   clusterId: 'in01-3e5ad8adc38f0a1b',
 *   backupName: 'before-migration',
 *   copyRegions: ['local-2'],
 * });
 */
export class Backup extends TerraformResource {
  /**
   * The Terraform type this class declares.
   */
  public static readonly tfResourceType = 'lifeboat_backup';

  /**
   * Declares an `import` block for an existing lifeboat_backup, without a resource block: for tools that write the configuration of imported objects. To import into a resource you declare, call `importFrom(id)` on it.
   *
   * @param scope - Where to declare the import.
   * @param importToId - Construct id of the resource to be generated.
   * @param importFromId - The id of the existing object, as `lifeboat import` takes it.
   * @param provider - The provider configuration to import with, when not the default one.
   */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: TerraformProvider): ImportableResource {
    return new ImportableResource(scope, importToId, { terraformResourceType: 'lifeboat_backup', importId: importFromId, ...(provider === undefined ? {} : { provider }) });
  }

  private _clusterId: string | undefined;
  private _collections: BackupCollections[] | IResolvable | undefined;
  private _copyRegions: string[] | undefined;
  private _backupName: string | undefined;

  /**
   * @param scope - The scope in which to define this construct.
   * @param id - The scoped construct id; unique among its siblings.
   * @param config - The lifeboat_backup settings and meta-arguments.
   */
  public constructor(scope: Construct, id: string, config: BackupConfig) {
    super(scope, id, {
      terraformResourceType: 'lifeboat_backup',
      terraformGeneratorMetadata: { providerName: 'lifeboat', providerVersion: '0.1.0' },
      ...metaArgumentsOf(config),
    });
    this._clusterId = config.clusterId;
    this._collections = config.collections;
    this._copyRegions = config.copyRegions;
    this._backupName = config.backupName;
  }

  /**
   * `<cluster_id>/<backup_id>`.
   *
   * A token that synthesizes as `${lifeboat_backup.<name>.id}`. Known after apply.
   */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * The cluster to back up.
   *
   * A token that synthesizes as `${lifeboat_backup.<name>.cluster_id}`.
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
   * Back up only these collections (a COLLECTION backup); the whole cluster when absent.
   *
   * A token that synthesizes as `${lifeboat_backup.<name>.collections}`.
   */
  public get collections(): BackupCollectionsList {
    return new BackupCollectionsList(this, 'collections', false);
  }
  /**
   * Sets `collections`.
   */
  public putCollections(value: BackupCollections[] | IResolvable): void {
    this._collections = value;
  }
  /**
   * Leaves `collections` out of the configuration.
   */
  public resetCollections(): void {
    this._collections = undefined;
  }
  /**
   * The value configured for `collections`, if any.
   */
  public get collectionsInput(): BackupCollections[] | IResolvable | undefined {
    return this._collections;
  }

  /**
   * Regions to copy the backup to once it is AVAILABLE.
   *
   * A token that synthesizes as `${lifeboat_backup.<name>.copy_regions}`.
   */
  public get copyRegions(): string[] {
    return this.getListAttribute('copy_regions');
  }
  public set copyRegions(value: string[]) {
    this._copyRegions = value;
  }
  /**
   * Leaves `copy_regions` out of the configuration.
   */
  public resetCopyRegions(): void {
    this._copyRegions = undefined;
  }
  /**
   * The value configured for `copy_regions`, if any.
   */
  public get copyRegionsInput(): string[] | undefined {
    return this._copyRegions;
  }

  /**
   * A name of your choosing; the server picks one when absent. Changing it renames in place.
   *
   * A token that synthesizes as `${lifeboat_backup.<name>.backup_name}`.
   */
  public get backupName(): string {
    return this.getStringAttribute('backup_name');
  }
  public set backupName(value: string) {
    this._backupName = value;
  }
  /**
   * Leaves `backup_name` out of the configuration.
   */
  public resetBackupName(): void {
    this._backupName = undefined;
  }
  /**
   * The value configured for `backup_name`, if any.
   */
  public get backupNameInput(): string | undefined {
    return this._backupName;
  }

  /**
   * The backup's id.
   *
   * A token that synthesizes as `${lifeboat_backup.<name>.backup_id}`. Known after apply.
   */
  public get backupId(): string {
    return this.getStringAttribute('backup_id');
  }

  /**
   * CLUSTER or COLLECTION.
   *
   * A token that synthesizes as `${lifeboat_backup.<name>.backup_type}`. Known after apply.
   */
  public get backupType(): string {
    return this.getStringAttribute('backup_type');
  }

  /**
   * AVAILABLE once the backup is complete.
   *
   * A token that synthesizes as `${lifeboat_backup.<name>.status}`. Known after apply.
   */
  public get status(): string {
    return this.getStringAttribute('status');
  }

  /**
   * Bytes of data the backup covers.
   *
   * A token that synthesizes as `${lifeboat_backup.<name>.size_bytes}`. Known after apply.
   */
  public get sizeBytes(): number {
    return this.getNumberAttribute('size_bytes');
  }

  /**
   * New bytes the backup wrote (unchanged data is shared with earlier backups).
   *
   * A token that synthesizes as `${lifeboat_backup.<name>.stored_bytes}`. Known after apply.
   */
  public get storedBytes(): number {
    return this.getNumberAttribute('stored_bytes');
  }

  /**
   * Region holding the backup.
   *
   * A token that synthesizes as `${lifeboat_backup.<name>.region_id}`. Known after apply.
   */
  public get regionId(): string {
    return this.getStringAttribute('region_id');
  }

  /**
   * When the backup was taken (ISO 8601 UTC).
   *
   * A token that synthesizes as `${lifeboat_backup.<name>.create_time}`. Known after apply.
   */
  public get createTime(): string {
    return this.getStringAttribute('create_time');
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      cluster_id: stringToTerraform(this._clusterId),
      collections: listMapper(backupCollectionsToTerraform, false)(this._collections),
      copy_regions: listMapper(stringToTerraform, false)(this._copyRegions),
      backup_name: stringToTerraform(this._backupName),
    };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return definedHclAttributes({
      cluster_id: { value: stringToHclTerraform(this._clusterId), isBlock: false, type: 'simple', storageClassType: 'string' },
      collections: { value: listMapperHcl(backupCollectionsToHclTerraform, false)(this._collections), isBlock: false, type: 'list', storageClassType: 'BackupCollectionsList' },
      copy_regions: { value: listMapperHcl(stringToHclTerraform, false)(this._copyRegions), isBlock: false, type: 'list', storageClassType: 'stringList' },
      backup_name: { value: stringToHclTerraform(this._backupName), isBlock: false, type: 'simple', storageClassType: 'string' },
    });
  }
}
