/**
 * The `@example` of each generated class: a construct id and a configuration in the class's
 * camelCase. A test builds every class with its example and has the engine validate the
 * synthesized block, so the documentation cannot show a configuration that does not plan.
 */
export interface ClassExample {
  readonly id: string;
  readonly config: Readonly<Record<string, unknown>>;
}

const clusterId = 'in01-3e5ad8adc38f0a1b';
const backupId = 'backup7_5d2c8e1a09b34f6c';

export const classExamples: Readonly<Record<string, ClassExample>> = {
  lifeboat: { id: 'lifeboat', config: {} },
  lifeboat_backup_policy: { id: 'nightly', config: { clusterId, frequency: 'daily', startTime: '02:00-04:00', retentionDays: 7 } },
  lifeboat_copy_policy: { id: 'to-dr', config: { clusterId, regionId: 'local-2', retentionDays: 14 } },
  lifeboat_backup: { id: 'before-migration', config: { clusterId, backupName: 'before-migration', copyRegions: ['local-2'] } },
  lifeboat_cluster_restore: { id: 'standby', config: { sourceClusterId: clusterId, backupId, projectId: 'proj-7c1e9a3b5d2f4e6a', clusterName: 'orders-standby', lifecycle: { createBeforeDestroy: true } } },
  lifeboat_collection_restore: { id: 'orders-copy', config: { sourceClusterId: clusterId, backupId, destClusterId: 'in01-9b1f0c7d2e4a6b8c', collectionName: 'orders', destCollectionName: 'orders_restored' } },
  'data.lifeboat_latest_backup': { id: 'newest-in-dr', config: { clusterId, regionId: 'local-2', backupType: 'CLUSTER' } },
  'data.lifeboat_cluster': { id: 'orders', config: { clusterId } },
  'data.lifeboat_backups': { id: 'available', config: { clusterId, status: 'AVAILABLE' } },
};

/** `new Class(stack, 'id', { … });` as doc-comment lines. */
export function renderExample(className: string, example: ClassExample): string[] {
  const entries = Object.entries(example.config);
  if (entries.length === 0) return [`new ${className}(stack, '${example.id}');`];
  return [`new ${className}(stack, '${example.id}', {`, ...entries.map(([key, value]) => `  ${key}: ${literal(value)},`), '});'];
}

function literal(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object' && value !== null) return `{ ${Object.entries(value).map(([key, item]) => `${key}: ${literal(item)}`).join(', ')} }`;
  return String(value);
}
