/**
 * A disaster-recovery plan for one cluster: backups often enough for a one-hour RPO, copied to
 * `local-2`, and a standby cluster there restored from the newest copy. A newer backup in
 * `local-2` makes the next plan replace the standby, bringing the new one up before the old one
 * is dropped.
 *
 * A standby needs a backup in the DR region to restore, so a new cluster takes two applies:
 *
 *   DR_STANDBY=off lifeboat synth && lifeboat apply -var source_cluster_id=in01-…   # schedule and copies
 *   lifeboat synth && lifeboat apply -var source_cluster_id=in01-…                  # once a copy is in local-2
 */
import { fileURLToPath } from 'node:url';
import { DisasterRecoveryPlan, LifeboatProvider } from '@lifeboat/cdktf-provider';
import { App, TerraformStack, TerraformVariable } from 'cdktf';

/** What the example's steps change. */
export interface DrStandbySettings {
  /** Days backups and their copies are kept. @default 7 */
  readonly retentionDays?: number;
  /** Whether to keep a standby in the DR region. @default true */
  readonly standby?: boolean;
}

/** Declares the dr-standby stack in `app`. */
export function drStandby(app: App, settings: DrStandbySettings = {}): TerraformStack {
  const stack = new TerraformStack(app, 'dr-standby');
  new LifeboatProvider(stack, 'lifeboat');
  const source = new TerraformVariable(stack, 'source_cluster_id', { type: 'string', description: 'The cluster to protect.' });
  new DisasterRecoveryPlan(stack, 'orders', {
    sourceClusterId: source.stringValue,
    drRegionId: 'local-2',
    rpo: '1h',
    retentionDays: settings.retentionDays ?? 7,
    ...(settings.standby === false ? {} : { standby: { clusterName: 'orders-standby' } }),
  });
  return stack;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const app = new App();
  drStandby(app, { standby: process.env.DR_STANDBY !== 'off' });
  app.synth();
}
