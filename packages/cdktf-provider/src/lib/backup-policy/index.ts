// Generated from the schema of lifeboat_backup_policy in @lifeboat/engine by `npm run generate -w packages/cdktf-provider`.
// Do not edit: change the schema and run the generator again; a test fails when this file is stale.
import type { Construct } from 'constructs';
import { booleanToHclTerraform, booleanToTerraform, ImportableResource, type IResolvable, numberToHclTerraform, numberToTerraform, stringToHclTerraform, stringToTerraform, type TerraformMetaArguments, type TerraformProvider, TerraformResource } from '../../cdktf.js';
import { definedHclAttributes, metaArgumentsOf } from '../../internal/generated-support.js';

/**
 * Configuration of {@link BackupPolicy} (`lifeboat_backup_policy`), with the CDKTF meta-arguments (`dependsOn`, `forEach`, `lifecycle`, `provider`, …).
 */
export interface BackupPolicyConfig extends TerraformMetaArguments {
  /**
   * The cluster to back up.
   *
   * Required string. Changing it forces replacement. Synthesized as `cluster_id`.
   */
  readonly clusterId: string;
  /**
   * Whether the schedule runs.
   *
   * Optional bool. Synthesized as `enabled`.
   *
   * @default true
   */
  readonly enabled?: boolean | IResolvable;
  /**
   * Days to back up on: "daily", "weekdays", "weekends" or days 1–7 with 1 = Monday, such as "1,3,5". Required unless `interval_minutes` is set.
   *
   * Optional string; the provider fills it in when left out. Synthesized as `frequency`.
   */
  readonly frequency?: string;
  /**
   * UTC window in which the backup starts, "HH:mm-HH:mm". Required unless `interval_minutes` is set.
   *
   * Optional string. Synthesized as `start_time`.
   */
  readonly startTime?: string;
  /**
   * Back up every so many minutes instead of once a day (5, 10, 15, 30, 60, 240, 720 or 1440).
   *
   * Optional number. Synthesized as `interval_minutes`.
   */
  readonly intervalMinutes?: number;
  /**
   * Days an AUTO backup is kept, 1–30.
   *
   * Required number. Synthesized as `retention_days`.
   */
  readonly retentionDays: number;
}

/**
 * `lifeboat_backup_policy`: A cluster's automatic backup schedule: on days of the week in a UTC window, or every `interval_minutes` for tight RPOs. Destroying it disables the schedule; existing backups stay until they expire.
 *
 * Import an existing object with `importFrom(id)` (an `import` block) or `generateConfigForImport`.
 *
 * @example
 * new BackupPolicy(stack, 'nightly', {
 *   clusterId: 'in01-3e5ad8adc38f0a1b',
 *   frequency: 'daily',
 *   startTime: '02:00-04:00',
 *   retentionDays: 7,
 * });
 */
export class BackupPolicy extends TerraformResource {
  /**
   * The Terraform type this class declares.
   */
  public static readonly tfResourceType = 'lifeboat_backup_policy';

  /**
   * Declares an `import` block for an existing lifeboat_backup_policy, without a resource block: for tools that write the configuration of imported objects. To import into a resource you declare, call `importFrom(id)` on it.
   *
   * @param scope - Where to declare the import.
   * @param importToId - Construct id of the resource to be generated.
   * @param importFromId - The id of the existing object, as `lifeboat import` takes it.
   * @param provider - The provider configuration to import with, when not the default one.
   */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: TerraformProvider): ImportableResource {
    return new ImportableResource(scope, importToId, { terraformResourceType: 'lifeboat_backup_policy', importId: importFromId, ...(provider === undefined ? {} : { provider }) });
  }

  private _clusterId: string | undefined;
  private _enabled: boolean | IResolvable | undefined;
  private _frequency: string | undefined;
  private _startTime: string | undefined;
  private _intervalMinutes: number | undefined;
  private _retentionDays: number | undefined;

  /**
   * @param scope - The scope in which to define this construct.
   * @param id - The scoped construct id; unique among its siblings.
   * @param config - The lifeboat_backup_policy settings and meta-arguments.
   */
  public constructor(scope: Construct, id: string, config: BackupPolicyConfig) {
    super(scope, id, {
      terraformResourceType: 'lifeboat_backup_policy',
      terraformGeneratorMetadata: { providerName: 'lifeboat', providerVersion: '0.1.0' },
      ...metaArgumentsOf(config),
    });
    this._clusterId = config.clusterId;
    this._enabled = config.enabled;
    this._frequency = config.frequency;
    this._startTime = config.startTime;
    this._intervalMinutes = config.intervalMinutes;
    this._retentionDays = config.retentionDays;
  }

  /**
   * The cluster id.
   *
   * A token that synthesizes as `${lifeboat_backup_policy.<name>.id}`. Known after apply.
   */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * The cluster to back up.
   *
   * A token that synthesizes as `${lifeboat_backup_policy.<name>.cluster_id}`.
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
   * Whether the schedule runs.
   *
   * A token that synthesizes as `${lifeboat_backup_policy.<name>.enabled}`.
   */
  public get enabled(): IResolvable {
    return this.getBooleanAttribute('enabled');
  }
  public set enabled(value: boolean | IResolvable) {
    this._enabled = value;
  }
  /**
   * Leaves `enabled` out of the configuration (so its default, true, applies).
   */
  public resetEnabled(): void {
    this._enabled = undefined;
  }
  /**
   * The value configured for `enabled`, if any.
   */
  public get enabledInput(): boolean | IResolvable | undefined {
    return this._enabled;
  }

  /**
   * Days to back up on: "daily", "weekdays", "weekends" or days 1–7 with 1 = Monday, such as "1,3,5". Required unless `interval_minutes` is set.
   *
   * A token that synthesizes as `${lifeboat_backup_policy.<name>.frequency}`.
   */
  public get frequency(): string {
    return this.getStringAttribute('frequency');
  }
  public set frequency(value: string) {
    this._frequency = value;
  }
  /**
   * Leaves `frequency` out of the configuration.
   */
  public resetFrequency(): void {
    this._frequency = undefined;
  }
  /**
   * The value configured for `frequency`, if any.
   */
  public get frequencyInput(): string | undefined {
    return this._frequency;
  }

  /**
   * UTC window in which the backup starts, "HH:mm-HH:mm". Required unless `interval_minutes` is set.
   *
   * A token that synthesizes as `${lifeboat_backup_policy.<name>.start_time}`.
   */
  public get startTime(): string {
    return this.getStringAttribute('start_time');
  }
  public set startTime(value: string) {
    this._startTime = value;
  }
  /**
   * Leaves `start_time` out of the configuration.
   */
  public resetStartTime(): void {
    this._startTime = undefined;
  }
  /**
   * The value configured for `start_time`, if any.
   */
  public get startTimeInput(): string | undefined {
    return this._startTime;
  }

  /**
   * Back up every so many minutes instead of once a day (5, 10, 15, 30, 60, 240, 720 or 1440).
   *
   * A token that synthesizes as `${lifeboat_backup_policy.<name>.interval_minutes}`.
   */
  public get intervalMinutes(): number {
    return this.getNumberAttribute('interval_minutes');
  }
  public set intervalMinutes(value: number) {
    this._intervalMinutes = value;
  }
  /**
   * Leaves `interval_minutes` out of the configuration.
   */
  public resetIntervalMinutes(): void {
    this._intervalMinutes = undefined;
  }
  /**
   * The value configured for `interval_minutes`, if any.
   */
  public get intervalMinutesInput(): number | undefined {
    return this._intervalMinutes;
  }

  /**
   * Days an AUTO backup is kept, 1–30.
   *
   * A token that synthesizes as `${lifeboat_backup_policy.<name>.retention_days}`.
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
   * ENABLED or DISABLED, as the server reports it.
   *
   * A token that synthesizes as `${lifeboat_backup_policy.<name>.status}`. Known after apply.
   */
  public get status(): string {
    return this.getStringAttribute('status');
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      cluster_id: stringToTerraform(this._clusterId),
      enabled: booleanToTerraform(this._enabled),
      frequency: stringToTerraform(this._frequency),
      start_time: stringToTerraform(this._startTime),
      interval_minutes: numberToTerraform(this._intervalMinutes),
      retention_days: numberToTerraform(this._retentionDays),
    };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return definedHclAttributes({
      cluster_id: { value: stringToHclTerraform(this._clusterId), isBlock: false, type: 'simple', storageClassType: 'string' },
      enabled: { value: booleanToHclTerraform(this._enabled), isBlock: false, type: 'simple', storageClassType: 'boolean' },
      frequency: { value: stringToHclTerraform(this._frequency), isBlock: false, type: 'simple', storageClassType: 'string' },
      start_time: { value: stringToHclTerraform(this._startTime), isBlock: false, type: 'simple', storageClassType: 'string' },
      interval_minutes: { value: numberToHclTerraform(this._intervalMinutes), isBlock: false, type: 'simple', storageClassType: 'number' },
      retention_days: { value: numberToHclTerraform(this._retentionDays), isBlock: false, type: 'simple', storageClassType: 'number' },
    });
  }
}
