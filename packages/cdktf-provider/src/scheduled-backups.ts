import { Construct } from 'constructs';
import { dependable, type ITerraformIterator, type TerraformProvider } from './cdktf.js';
import { checkRetention, checkWindow, duplicateRegions, isToken } from './internal/checks.js';
import { addressCollisions, invalidName, StableNames, terraformNameOf } from './internal/stable-names.js';
import { BackupPolicy } from './lib/backup-policy/index.js';
import { CopyPolicy } from './lib/copy-policy/index.js';

/** An ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Days to back up on: every day, Monday to Friday, the weekend, or the ISO weekdays listed. */
export type BackupDays = 'daily' | 'weekdays' | 'weekends' | readonly IsoWeekday[];

/** Where to copy each backup, and for how long to keep the copies. */
export interface CopyToRegion {
  /** The region to copy to; not the cluster's own. */
  readonly regionId: string;
  /** Days each copy is kept, 1–30. */
  readonly retentionDays: number;
  /**
   * Which backups to copy: the scheduled ones (`AUTO`), manual ones, or both.
   * @default 'ALL'
   */
  readonly appliesTo?: 'AUTO' | 'MANUAL' | 'ALL';
}

/** Props of {@link ScheduledBackups}. */
export interface ScheduledBackupsProps {
  /** The cluster to back up; a token such as `iterator.value` with `forEach`. */
  readonly clusterId: string;
  /** Days to back up on. */
  readonly days: BackupDays;
  /** UTC window in which each backup starts, `"HH:mm-HH:mm"`, e.g. `"02:00-04:00"`. */
  readonly window: string;
  /** Days each scheduled backup is kept, 1–30. */
  readonly retentionDays: number;
  /**
   * Other regions to copy every backup to, one copy policy each.
   * @default [] (no copies)
   */
  readonly copies?: readonly CopyToRegion[];
  /**
   * Whether the schedule runs; `false` keeps its settings but takes no backups.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * The name of its resources in the stack: `lifeboat_backup_policy.<name>` and
   * `lifeboat_copy_policy.<name>_copy_<region>`. It does not depend on the construct's scope, so
   * moving the construct elsewhere in the tree plans no change at all.
   * @default the construct id, with characters Terraform does not allow in names replaced by `_`
   */
  readonly name?: string;
  /**
   * The `name` its resources had before a rename: `moved` blocks carry their state over, so the
   * rename plans no replacement. Remove it once the rename is applied everywhere.
   * @default no rename
   */
  readonly previousName?: string;
  /** Repeat the schedule for every element (e.g. `TerraformIterator.fromList(clusterIds)`). */
  readonly forEach?: ITerraformIterator;
  /** A provider configuration other than the default one. */
  readonly provider?: TerraformProvider;
}

/**
 * A cluster's backup schedule with its cross-region copies: one `lifeboat_backup_policy` and a
 * `lifeboat_copy_policy` per region. The copy policies are created before the schedule is
 * enabled, because enabling it takes the first backup at once, and that one should be copied
 * too. Props are checked at synth, with errors naming the construct path.
 *
 * @example
 * new ScheduledBackups(stack, 'orders', {
 *   clusterId: 'in01-3e5ad8adc38f0a1b',
 *   days: 'daily',
 *   window: '02:00-04:00',
 *   retentionDays: 7,
 *   copies: [{ regionId: 'local-2', retentionDays: 14 }],
 * });
 */
export class ScheduledBackups extends Construct {
  /** The schedule. */
  public readonly policy: BackupPolicy;
  /** The name its resources are declared under (see {@link ScheduledBackupsProps.name}). */
  public readonly name: string;
  readonly #copyPolicies: CopyPolicy[] = [];
  readonly #copies: CopyToRegion[] = [];
  readonly #names: StableNames;
  readonly #props: ScheduledBackupsProps;

  /**
   * @param scope - The scope in which to define this construct.
   * @param id - The scoped construct id; also the default `name`.
   * @param props - The schedule.
   */
  public constructor(scope: Construct, id: string, props: ScheduledBackupsProps) {
    super(scope, id);
    this.#props = props;
    this.name = props.name ?? terraformNameOf(id);
    this.#names = new StableNames(this.name, props.previousName);
    this.policy = this.#names.assign(
      new BackupPolicy(this, 'policy', {
        clusterId: props.clusterId,
        frequency: frequencyOf(props.days),
        startTime: props.window,
        retentionDays: props.retentionDays,
        ...(props.enabled === undefined ? {} : { enabled: props.enabled }),
        ...metaArguments(props),
      }),
    );
    for (const copy of props.copies ?? []) this.addCopy(copy);
    this.node.addValidation({ validate: () => this.#problems() });
  }

  /** The copy policies, in the order their regions were given. */
  public get copyPolicies(): readonly CopyPolicy[] {
    return [...this.#copyPolicies];
  }

  /**
   * Copies every backup to one more region.
   *
   * @param copy - The region and how long to keep the copies.
   * @returns The copy policy, `lifeboat_copy_policy.<name>_copy_<region>`.
   */
  public addCopy(copy: CopyToRegion): CopyPolicy {
    // A region listed twice is reported at synth (with the other problems) rather than thrown here.
    this.#copies.push(copy);
    const existing = isToken(copy.regionId) ? undefined : this.#copyPolicies.find((policy) => policy.regionIdInput === copy.regionId);
    if (existing !== undefined) return existing;
    // Named after the region, so adding or removing another copy leaves this one's address alone.
    const key = isToken(copy.regionId) ? String(this.#copyPolicies.length) : copy.regionId;
    const policy = this.#names.assign(
      new CopyPolicy(this, `copy-${key}`, {
        clusterId: this.#props.clusterId,
        regionId: copy.regionId,
        retentionDays: copy.retentionDays,
        ...(copy.appliesTo === undefined ? {} : { appliesTo: copy.appliesTo }),
        ...metaArguments(this.#props),
      }),
      `copy_${terraformNameOf(key)}`,
    );
    this.#copyPolicies.push(policy);
    this.policy.dependsOn = [...(this.policy.dependsOn ?? []), dependable(policy)];
    return policy;
  }

  #problems(): string[] {
    const path = this.node.path;
    const problems: string[] = [];
    const retention = checkRetention(this.#props.retentionDays);
    if (retention !== undefined) problems.push(`${path}: retentionDays ${retention}; set it to 1–30.`);
    const window = checkWindow(this.#props.window);
    if (window !== undefined) problems.push(`${path}: window ${window}.`);
    const days = checkDays(this.#props.days);
    if (days !== undefined) problems.push(`${path}: days ${days}.`);
    if (this.#props.name !== undefined) {
      const name = invalidName(this.#props.name);
      if (name !== undefined) problems.push(`${path}: name ${name}.`);
    }
    for (const copy of this.#copies) {
      const copyRetention = checkRetention(copy.retentionDays);
      if (copyRetention !== undefined) problems.push(`${path}: retentionDays of the copy to ${copy.regionId} ${copyRetention}; set it to 1–30.`);
    }
    for (const regionId of duplicateRegions(this.#copies.map((copy) => copy.regionId))) {
      problems.push(`${path}: region ${regionId} is listed more than once in copies; a cluster has one copy policy per region, so keep one entry for it.`);
    }
    problems.push(...addressCollisions(this, `Resources of ScheduledBackups are named after its \`name\` (the construct id by default) so that moving it keeps them; give one of the two another name.`));
    return problems;
  }
}

/** `'daily'` → `'daily'`, `[1, 3, 5]` → `'1,3,5'` (the engine normalises either spelling). */
function frequencyOf(days: BackupDays): string {
  return typeof days === 'string' ? days : days.join(',');
}

function checkDays(days: BackupDays): string | undefined {
  if (typeof days === 'string') {
    return isToken(days) || ['daily', 'weekdays', 'weekends'].includes(days) ? undefined : `must be "daily", "weekdays", "weekends" or a list of ISO weekdays such as [1, 3, 5] (got ${JSON.stringify(days)})`;
  }
  if (days.length === 0) return 'must list at least one day (1 = Monday … 7 = Sunday)';
  const wrong = days.filter((day) => !Number.isInteger(day) || day < 1 || day > 7);
  if (wrong.length > 0) return `must be ISO weekdays 1–7 (1 = Monday), got ${wrong.join(', ')}`;
  return new Set(days).size === days.length ? undefined : `lists a day more than once (${days.join(', ')})`;
}

function metaArguments(props: { readonly forEach?: ITerraformIterator | undefined; readonly provider?: TerraformProvider | undefined }): { forEach?: ITerraformIterator; provider?: TerraformProvider } {
  return { ...(props.forEach === undefined ? {} : { forEach: props.forEach }), ...(props.provider === undefined ? {} : { provider: props.provider }) };
}
