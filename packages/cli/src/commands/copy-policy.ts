/**
 * `lifeboat copy-policy`: copy a cluster's backups to other regions automatically, so a region
 * can be lost without losing its backups.
 */
import { Option, type Command } from 'commander';
import type { CopyPolicyScope } from '@lifeboat/sdk';
import { clusterIdOf, clusterOption, jsonOption, required, wholeNumber } from '../runtime/options.js';
import type { Runtime } from '../runtime/runtime.js';

interface CopyPolicyOptions {
  readonly cluster?: string;
  readonly region?: string;
  readonly json?: boolean;
}

const sourceClusterOption = (): Option => clusterOption('the cluster whose backups are copied');
const regionOf = (options: CopyPolicyOptions): string => required(options.region, { flag: '--region <id>', what: 'region', hint: 'Regions are local-1, local-2, local-3 on a default server.' });

export function registerCopyPolicy(program: Command, runtime: Runtime): void {
  const copyPolicy = program.command('copy-policy').description("List, set or delete the policies that copy a cluster's backups to other regions.");

  copyPolicy
    .command('list')
    .description("List a cluster's copy policies.")
    .addOption(sourceClusterOption())
    .addOption(jsonOption())
    .action(async (options: CopyPolicyOptions) => {
      const clusterId = clusterIdOf(options);
      const { client } = await runtime.connect({ announce: !options.json });
      const policies = await client.copyPolicies.list(clusterId);
      if (options.json) return runtime.output.json(policies);
      runtime.output.table(
        policies,
        [
          { header: 'REGION', value: (p) => p.regionId },
          { header: 'APPLIES TO', value: (p) => p.appliesTo },
          { header: 'RETENTION', value: (p) => `${p.retentionDays} days`, alignRight: true },
        ],
        { empty: `No copy policies: backups of ${clusterId} stay in their region. Add one with: lifeboat copy-policy set --cluster ${clusterId} --region <id> --retention-days <n>` },
      );
    });

  copyPolicy
    .command('set')
    .description('Copy backups of a cluster to a region from now on (creates or replaces the policy for that region).')
    .addOption(sourceClusterOption())
    .option('--region <id>', 'the region to copy to')
    .option('--retention-days <days>', 'delete each copy after this many days (1–30)', wholeNumber('--retention-days', 1, 30))
    .addOption(new Option('--applies-to <which>', 'which backups to copy').choices(['AUTO', 'MANUAL', 'ALL']).default('ALL'))
    .addOption(jsonOption())
    .action(async (options: CopyPolicyOptions & { retentionDays?: number; appliesTo: CopyPolicyScope }) => {
      const clusterId = clusterIdOf(options);
      const regionId = regionOf(options);
      const retentionDays = required(options.retentionDays, { flag: '--retention-days <days>', what: 'retention', hint: 'Copies are deleted after 1–30 days.' });
      const { client } = await runtime.connect({ announce: !options.json });
      const policy = await client.copyPolicies.put({ clusterId, regionId, retentionDays, appliesTo: options.appliesTo });
      if (options.json) return runtime.output.json(policy);
      runtime.output.line(`${policy.appliesTo} backups of ${clusterId} are now copied to ${policy.regionId} and kept ${policy.retentionDays} days.`);
    });

  copyPolicy
    .command('delete')
    .description('Stop copying backups of a cluster to a region; copies already made stay until they expire.')
    .addOption(sourceClusterOption())
    .option('--region <id>', 'the region')
    .addOption(jsonOption())
    .action(async (options: CopyPolicyOptions) => {
      const clusterId = clusterIdOf(options);
      const regionId = regionOf(options);
      const { client } = await runtime.connect({ announce: !options.json });
      const deleted = await client.copyPolicies.delete({ clusterId, regionId });
      if (options.json) return runtime.output.json({ clusterId, regionId: deleted.regionId });
      runtime.output.line(`Backups of ${clusterId} are no longer copied to ${deleted.regionId}; copies already made stay until they expire.`);
    });
}
