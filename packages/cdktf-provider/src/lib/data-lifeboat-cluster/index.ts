// Generated from the schema of data source lifeboat_cluster in @lifeboat/engine by `npm run generate -w packages/cdktf-provider`.
// Do not edit: change the schema and run the generator again; a test fails when this file is stale.
import type { Construct } from 'constructs';
import { stringToHclTerraform, stringToTerraform, TerraformDataSource, type TerraformMetaArguments } from '../../cdktf.js';
import { definedHclAttributes, metaArgumentsOf } from '../../internal/generated-support.js';

/**
 * Configuration of {@link DataLifeboatCluster} (`data.lifeboat_cluster`), with the CDKTF meta-arguments (`dependsOn`, `forEach`, `lifecycle`, `provider`, …).
 */
export interface DataLifeboatClusterConfig extends TerraformMetaArguments {
  /**
   * The cluster id.
   *
   * Required string. Synthesized as `cluster_id`.
   */
  readonly clusterId: string;
}

/**
 * `data.lifeboat_cluster`: A cluster by id: its name, project, region, status and connect address.
 *
 * @example
 * new DataLifeboatCluster(stack, 'orders', {
 *   clusterId: 'in01-3e5ad8adc38f0a1b',
 * });
 */
export class DataLifeboatCluster extends TerraformDataSource {
  /**
   * The Terraform type this class declares.
   */
  public static readonly tfResourceType = 'lifeboat_cluster';

  private _clusterId: string | undefined;

  /**
   * @param scope - The scope in which to define this construct.
   * @param id - The scoped construct id; unique among its siblings.
   * @param config - The lifeboat_cluster settings and meta-arguments.
   */
  public constructor(scope: Construct, id: string, config: DataLifeboatClusterConfig) {
    super(scope, id, {
      terraformResourceType: 'lifeboat_cluster',
      terraformGeneratorMetadata: { providerName: 'lifeboat', providerVersion: '0.1.0' },
      ...metaArgumentsOf(config),
    });
    this._clusterId = config.clusterId;
  }

  /**
   * The cluster id.
   *
   * A token that synthesizes as `${data.lifeboat_cluster.<name>.cluster_id}`.
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
   * The cluster id.
   *
   * A token that synthesizes as `${data.lifeboat_cluster.<name>.id}`. Known after apply.
   */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * Its name.
   *
   * A token that synthesizes as `${data.lifeboat_cluster.<name>.cluster_name}`. Known after apply.
   */
  public get clusterName(): string {
    return this.getStringAttribute('cluster_name');
  }

  /**
   * Its project.
   *
   * A token that synthesizes as `${data.lifeboat_cluster.<name>.project_id}`. Known after apply.
   */
  public get projectId(): string {
    return this.getStringAttribute('project_id');
  }

  /**
   * Its region.
   *
   * A token that synthesizes as `${data.lifeboat_cluster.<name>.region_id}`. Known after apply.
   */
  public get regionId(): string {
    return this.getStringAttribute('region_id');
  }

  /**
   * Its status, e.g. RUNNING.
   *
   * A token that synthesizes as `${data.lifeboat_cluster.<name>.status}`. Known after apply.
   */
  public get status(): string {
    return this.getStringAttribute('status');
  }

  /**
   * Where clients connect.
   *
   * A token that synthesizes as `${data.lifeboat_cluster.<name>.connect_address}`. Known after apply.
   */
  public get connectAddress(): string {
    return this.getStringAttribute('connect_address');
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      cluster_id: stringToTerraform(this._clusterId),
    };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return definedHclAttributes({
      cluster_id: { value: stringToHclTerraform(this._clusterId), isBlock: false, type: 'simple', storageClassType: 'string' },
    });
  }
}
