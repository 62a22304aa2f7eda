/**
 * `@lifeboat/server`: the Lifeboat control plane with real local clusters. Start it in-process
 * with `startServer()` (tests, the CLI's embedded mode) or standalone with `lifeboat-server`.
 */
export { startServer } from './server.js';
export type { RunningServer, ServerOptions } from './server.js';
export { loadServerConfig } from './config.js';
export type { ServerConfig } from './config.js';
export { ManualClock, systemClock } from './internal/clock.js';
export type { Clock } from './internal/clock.js';
export type { Logger } from './logger.js';
export { silentLogger } from './logger.js';
export type { RegionConfig } from './storage/regions.js';
export type { RunnerOptions } from './jobs/runner.js';
export type { SchedulerOptions } from './jobs/scheduler.js';
export { ownerKeyFile } from './bootstrap.js';
