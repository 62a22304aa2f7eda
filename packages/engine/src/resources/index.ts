import { backup } from './backup.js';
import { backupPolicy } from './backup-policy.js';
import { clusterRestore } from './cluster-restore.js';
import { collectionRestore } from './collection-restore.js';
import { copyPolicy } from './copy-policy.js';
import { backupsData, clusterData, latestBackup } from './data-sources.js';
import type { ResourceType } from './resource-type.js';

/** Every resource type of the `lifeboat` provider. */
export const managedResourceTypes: readonly ResourceType[] = [backupPolicy, copyPolicy, backup, clusterRestore, collectionRestore];

/** Every data source of the `lifeboat` provider. */
export const dataSourceTypes: readonly ResourceType[] = [latestBackup, clusterData, backupsData];

/** Looks up a type by mode and name. */
export function resourceTypeOf(mode: 'managed' | 'data', type: string): ResourceType | undefined {
  return (mode === 'managed' ? managedResourceTypes : dataSourceTypes).find((candidate) => candidate.type === type);
}

export { backup, backupPolicy, backupsData, clusterData, clusterRestore, collectionRestore, copyPolicy, latestBackup };
