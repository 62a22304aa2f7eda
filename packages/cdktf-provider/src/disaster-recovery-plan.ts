import { Construct } from 'constructs';
import { TerraformOutput, type TerraformProvider } from './cdktf.js';
import { checkRetention, isToken } from './internal/checks.js';
import { intervalForRpo, type Rpo } from './internal/rpo.js';
import { addressCollisions, invalidName, StableNames, terraformNameOf } from './internal/stable-names.js';
import { BackupPolicy } from './lib/backup-policy/index.js';
import { ClusterRestore } from './lib/cluster-restore/index.js';
import { CopyPolicy } from './lib/copy-policy/index.js';
import { DataLifeboatCluster } from './lib/data-lifeboat-cluster/index.js';
import { DataLifeboatLatestBackup } from './lib/data-lifeboat-latest-backup/index.js';

export type { Rpo } from './internal/rpo.js';

/** A cluster kept restored in the DR region from the newest backup there. */
export interface StandbyProps {
  /**
   * Name of the standby cluster. The cluster is created as `<clusterName>-<backup id>`: a newer
   * backup brings up a new standby beside the old one before the old one is dropped, and two
   * clusters of a project cannot share a name. At most 38 characters, so the whole name fits.
   */
  readonly clusterName: string;
  /**
   * Compute units of the standby.
   * @default 1
   */
  readonly cuSize?: number;
  /**
   * Project of the standby.
   * @default the source cluster's project (read with `data.lifeboat_cluster`)
   */
  readonly projectId?: string;
}

/** Props of {@link DisasterRecoveryPlan}. */
export interface DisasterRecoveryPlanProps {
  /** The cluster to protect. */
  readonly sourceClusterId: string;
  /** The region to keep copies (and the standby) in; not the cluster's own. */
  readonly drRegionId: string;
  /**
   * The recovery point objective: how much data, counted in time, may be lost. The schedule backs
   * up at least twice per RPO (see {@link DisasterRecoveryPlan.intervalMinutes}); the shortest
   * RPO is `"10m"`.
   */
  readonly rpo: Rpo;
  /**
   * Days backups and their copies in the DR region are kept, 1–30.
   * @default 7
   */
  readonly retentionDays?: number;
  /**
   * A standby cluster restored in the DR region from the newest backup there. It needs a backup
   * in the DR region to restore: on a new cluster, apply the plan without it first, and add it
   * once the first copy is there (the plan says so if it is not).
   * @default no standby
   */
  readonly standby?: StandbyProps;
  /**
   * The name of its resources in the stack (`lifeboat_backup_policy.<name>`,
   * `lifeboat_copy_policy.<name>_dr_copy`, `lifeboat_cluster_restore.<name>_standby`, …),
   * independent of the construct's scope.
   * @default the construct id, with characters Terraform does not allow in names replaced by `_`
   */
  readonly name?: string;
  /**
   * The `name` its resources had before a rename; `moved` blocks carry their state over.
   * @default no rename
   */
  readonly previousName?: string;
  /** A provider configuration other than the default one. */
  readonly provider?: TerraformProvider;
}

/** Cluster names are at most 64 characters; a backup id (`backup123_` and 16 hex digits) takes up to 26 of them with the dash. */
const maxStandbyNameLength = 38;

/**
 * Disaster recovery for one cluster, stated as an RPO: a backup schedule that meets it, a copy
 * policy to the DR region, and optionally a standby cluster there restored from the newest
 * backup in that region (`data.lifeboat_latest_backup`). When a newer backup reaches the DR
 * region, the next plan replaces the standby, creating the new one before dropping the old.
 *
 * @example
 * const dr = new DisasterRecoveryPlan(stack, 'orders-dr', {
 *   sourceClusterId: 'in01-3e5ad8adc38f0a1b',
 *   drRegionId: 'local-2',
 *   rpo: '1h',
 *   standby: { clusterName: 'orders-standby' },
 * });
 * // dr.intervalMinutes === 30; outputs orders-dr_standby_connect_address and orders-dr_standby_cluster_id
 */
export class DisasterRecoveryPlan extends Construct {
  /** The schedule: every {@link DisasterRecoveryPlan.intervalMinutes} minutes. */
  public readonly policy: BackupPolicy;
  /** Copies every backup to the DR region. */
  public readonly copyPolicy: CopyPolicy;
  /** Minutes between backups: the longest interval the server offers that is at most half the RPO. */
  public readonly intervalMinutes: number;
  /** The newest CLUSTER backup in the DR region, when there is a standby. */
  public readonly latestBackup: DataLifeboatLatestBackup | undefined;
  /** The standby cluster, when asked for. */
  public readonly standby: ClusterRestore | undefined;
  /** Where clients connect to the standby (a token), when there is one; also the output `<name>_standby_connect_address`. */
  public readonly standbyConnectAddress: string | undefined;
  /** The name its resources are declared under (see {@link DisasterRecoveryPlanProps.name}). */
  public readonly name: string;
  readonly #props: DisasterRecoveryPlanProps;
  readonly #rpoProblem: string | undefined;

  /**
   * @param scope - The scope in which to define this construct.
   * @param id - The scoped construct id; also the default `name`.
   * @param props - The cluster, the DR region, the RPO and the standby.
   */
  public constructor(scope: Construct, id: string, props: DisasterRecoveryPlanProps) {
    super(scope, id);
    this.#props = props;
    this.name = props.name ?? terraformNameOf(id);
    const names = new StableNames(this.name, props.previousName);
    const provider = props.provider === undefined ? {} : { provider: props.provider };
    const retentionDays = props.retentionDays ?? 7;
    const interval = intervalForRpo(props.rpo);
    this.#rpoProblem = interval.ok ? undefined : interval.problem;
    // An invalid RPO is reported at synth with the other problems; the interval is a placeholder until then.
    this.intervalMinutes = interval.ok ? interval.intervalMinutes : 5;

    this.copyPolicy = names.assign(
      new CopyPolicy(this, 'dr-copy', { clusterId: props.sourceClusterId, regionId: props.drRegionId, retentionDays, ...provider }),
      'dr_copy',
    );
    // Enabling the schedule takes the first backup at once: the copy policy must exist by then
    // so that backup reaches the DR region too.
    this.policy = names.assign(
      new BackupPolicy(this, 'policy', { clusterId: props.sourceClusterId, intervalMinutes: this.intervalMinutes, retentionDays, dependsOn: [this.copyPolicy], ...provider }),
    );

    if (props.standby === undefined) {
      this.latestBackup = undefined;
      this.standby = undefined;
      this.standbyConnectAddress = undefined;
    } else {
      const { standby } = props;
      // No depends_on: a data source that depends on a resource with pending changes is read only
      // during apply, which would make the standby's backup unknown and plan a replacement for
      // any change to the schedule (a new retention, say).
      this.latestBackup = names.assign(
        new DataLifeboatLatestBackup(this, 'latest-in-dr', { clusterId: props.sourceClusterId, regionId: props.drRegionId, backupType: 'CLUSTER', ...provider }),
        'dr_latest',
      );
      const projectId =
        standby.projectId ?? names.assign(new DataLifeboatCluster(this, 'source', { clusterId: props.sourceClusterId, ...provider }), 'source').projectId;
      this.standby = names.assign(
        new ClusterRestore(this, 'standby', {
          sourceClusterId: props.sourceClusterId,
          backupId: this.latestBackup.backupId,
          projectId,
          clusterName: `${standby.clusterName}-${this.latestBackup.backupId}`,
          ...(standby.cuSize === undefined ? {} : { cuSize: standby.cuSize }),
          lifecycle: { createBeforeDestroy: true },
          ...provider,
        }),
        'standby',
      );
      this.standbyConnectAddress = this.standby.connectAddress;
      names.assign(new TerraformOutput(this, 'standby-connect-address', { value: this.standby.connectAddress, description: `Where clients connect to the DR standby of ${props.sourceClusterId}.` }), 'standby_connect_address');
      names.assign(new TerraformOutput(this, 'standby-cluster-id', { value: this.standby.clusterId, description: `The DR standby cluster of ${props.sourceClusterId}.` }), 'standby_cluster_id');
    }
    this.node.addValidation({ validate: () => this.#problems() });
  }

  #problems(): string[] {
    const path = this.node.path;
    const props = this.#props;
    const problems: string[] = [];
    if (this.#rpoProblem !== undefined) problems.push(`${path}: ${this.#rpoProblem}.`);
    const retention = checkRetention(props.retentionDays ?? 7);
    if (retention !== undefined) problems.push(`${path}: retentionDays ${retention}; set it to 1–30.`);
    if (props.name !== undefined) {
      const name = invalidName(props.name);
      if (name !== undefined) problems.push(`${path}: name ${name}.`);
    }
    const clusterName = props.standby?.clusterName;
    if (clusterName !== undefined && !isToken(clusterName)) {
      const invalid = invalidName(clusterName);
      if (invalid !== undefined) problems.push(`${path}: standby.clusterName ${invalid}.`);
      else if (clusterName.length > maxStandbyNameLength) {
        problems.push(`${path}: standby.clusterName must be at most ${maxStandbyNameLength} characters (got ${clusterName.length}): the standby is named "<clusterName>-<backup id>" and cluster names are at most 64 characters.`);
      }
    }
    problems.push(...addressCollisions(this, `Resources of DisasterRecoveryPlan are named after its \`name\` (the construct id by default) so that moving it keeps them; give one of the two another name.`));
    return problems;
  }
}
