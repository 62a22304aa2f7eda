/**
 * `lifeboat clusters`: the clusters the key can see, and one cluster with its newest usable
 * backup (what a restore would start from).
 */
import type { Command } from 'commander';
import { definedFields } from '../runtime/defined.js';
import { formatFields } from '../runtime/fields.js';
import { jsonOption } from '../runtime/options.js';
import type { Runtime } from '../runtime/runtime.js';
import { formatAge } from '../runtime/units.js';

export function registerClusters(program: Command, runtime: Runtime): void {
  const clusters = program.command('clusters').description('List and inspect clusters.');

  clusters
    .command('list')
    .description('List the clusters of the project (all projects the key can see when none is chosen).')
    .addOption(jsonOption())
    .action(async (options: { json?: boolean }) => {
      const { client, projectId } = await runtime.connect({ announce: !options.json });
      const rows = await client.clusters.list(definedFields({ projectId })).toArray();
      if (options.json) return runtime.output.json(rows);
      const now = Date.now();
      runtime.output.table(
        rows,
        [
          { header: 'CLUSTER', value: (c) => c.clusterId },
          { header: 'NAME', value: (c) => c.clusterName },
          { header: 'REGION', value: (c) => c.regionId },
          { header: 'STATUS', value: (c) => c.status },
          { header: 'CU', value: (c) => c.cuSize, alignRight: true },
          { header: 'BACKUPS', value: (c) => c.snapshotNumber, alignRight: true },
          { header: 'AGE', value: (c) => formatAge(now - Date.parse(c.createTime)), alignRight: true },
        ],
        { empty: 'No clusters.' },
      );
    });

  clusters
    .command('describe')
    .description('Show one cluster: where it runs, how to connect, and its newest available backup.')
    .argument('<clusterId>', 'the cluster')
    .addOption(jsonOption())
    .action(async (clusterId: string, options: { json?: boolean }) => {
      const { client } = await runtime.connect({ announce: !options.json });
      const [cluster, latestBackup] = await Promise.all([client.clusters.get(clusterId), client.backups.findLatest({ clusterId })]);
      if (options.json) return runtime.output.json({ ...cluster, latestBackup: latestBackup ?? null });
      const now = Date.now();
      runtime.output.text(
        formatFields([
          ['Cluster', cluster.clusterId],
          ['Name', cluster.clusterName],
          ['Project', cluster.projectId],
          ['Region', cluster.regionId],
          ['Status', cluster.status],
          ['Size', `${cluster.cuSize} CU (${cluster.cuType})`],
          ['Connect address', cluster.connectAddress],
          ['Created', cluster.createTime],
          ['Backups', cluster.snapshotNumber],
          [
            'Newest backup',
            latestBackup === undefined
              ? `none available; create one with: lifeboat backups create --cluster ${cluster.clusterId}`
              : `${latestBackup.backupId} in ${latestBackup.regionId ?? cluster.regionId}, ${formatAge(now - Date.parse(latestBackup.createTime))} old (${latestBackup.createTime})`,
          ],
        ]),
      );
    });
}
