/**
 * Every command group, in the order `lifeboat --help` lists them. A group is one module under
 * `commands/` exporting `register<Group>(program, runtime)`; add it here.
 */
import type { Command } from 'commander';
import type { Runtime } from '../runtime/runtime.js';

/** Adds one group's commands to the program. */
export type RegisterCommands = (program: Command, runtime: Runtime) => void;

export const commandGroups: readonly RegisterCommands[] = [];
