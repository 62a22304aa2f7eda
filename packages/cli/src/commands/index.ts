/**
 * Every command group, in the order `lifeboat --help` lists them. A group is one module under
 * `commands/` exporting `register<Group>(program, runtime)`; add it here.
 */
import type { Command } from 'commander';
import type { Runtime } from '../runtime/runtime.js';
import { registerBackups } from './backups.js';
import { registerClusters } from './clusters.js';
import { registerCopyPolicy } from './copy-policy.js';
import { registerDrill } from './drill.js';
import { registerJobs } from './jobs.js';
import { registerKeys } from './keys.js';
import { registerPolicy } from './policy.js';
import { registerRestore } from './restore.js';
import { registerServer } from './server.js';
import { registerApply } from './apply.js';
import { registerForceUnlock } from './force-unlock.js';
import { registerImport } from './import.js';
import { registerOutput } from './output.js';
import { registerPlan } from './plan.js';
import { registerState } from './state.js';
import { registerSynth } from './synth.js';

/** Adds one group's commands to the program. */
export type RegisterCommands = (program: Command, runtime: Runtime) => void;

export const commandGroups: readonly RegisterCommands[] = [
  // Infrastructure as code
  registerSynth,
  registerPlan,
  registerApply,
  registerImport,
  registerOutput,
  registerState,
  registerForceUnlock,
  // Imperative commands, for people and scripts
  registerBackups,
  registerRestore,
  registerJobs,
  registerPolicy,
  registerCopyPolicy,
  registerClusters,
  registerKeys,
  registerDrill,
  registerServer,
];
