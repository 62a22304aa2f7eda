/**
 * `@lifeboat/cdktf-provider`: CDKTF constructs for Lifeboat. The classes of `lib/` are generated
 * from the engine's resource schemas, one module per resource type and data source (see
 * `lib/index.ts`); the higher-level constructs are written by hand, one per file.
 */
export * from './lib/index.js';
export { ScheduledBackups, type BackupDays, type CopyToRegion, type IsoWeekday, type ScheduledBackupsProps } from './scheduled-backups.js';
export { DisasterRecoveryPlan, type DisasterRecoveryPlanProps, type Rpo, type StandbyProps } from './disaster-recovery-plan.js';
