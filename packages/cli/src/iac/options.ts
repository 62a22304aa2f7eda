/**
 * The Terraform-style options of the IaC commands, defined once. Each is a double-dash option;
 * the single-dash spelling (`-var`, `-auto-approve`) works through `runtime/args.ts`.
 */
import { parseDuration } from '@lifeboat/engine';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { collect } from '../runtime/options.js';

/** `-var`, `-var-file`, `-input`: where variable values come from. */
export interface VariableOptions {
  readonly var: readonly string[];
  readonly varFile: readonly string[];
}

/** `-stack`: which CDKTF stack's configuration and state. */
export interface StackOptions {
  readonly stack?: string | undefined;
}

/** `-lock`, `-lock-timeout`, `-stack`: how state and configuration are found and guarded. */
export interface StateOptions extends StackOptions {
  readonly lock: boolean;
  /** Milliseconds to keep retrying a held lock. */
  readonly lockTimeout: number;
}

/** What `plan`, `apply` and `destroy` share. */
export interface PlanningOptions extends VariableOptions, StateOptions {
  readonly target: readonly string[];
  readonly exclude: readonly string[];
  readonly replace: readonly string[];
  readonly refresh: boolean;
  readonly refreshOnly?: boolean | undefined;
  readonly parallelism: number;
  readonly json?: boolean | undefined;
}

/** `true`/`false` values of options such as `-refresh=false`. */
export function parseBoolean(text: string): boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new InvalidArgumentError('Use true or false.');
}

function parsePositiveInt(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError('Use a whole number of 1 or more.');
  return value;
}

function parseTimeout(text: string): number {
  const value = parseDuration(text);
  if (value === undefined) throw new InvalidArgumentError('Use a duration such as 30s, 2m or 0s.');
  return value;
}

/** Adds `-var`, `-var-file` and `-input` (accepted for compatibility: Lifeboat never prompts for variables). */
export function addVariableOptions(command: Command): Command {
  return command
    .addOption(new Option('--var <name=value>', 'set an input variable (repeatable)').argParser(collect).default([]))
    .addOption(new Option('--var-file <file>', 'read variable values from a .tfvars or .tfvars.json file (repeatable); terraform.tfvars and *.auto.tfvars are read first').argParser(collect).default([]))
    .addOption(new Option('--input <bool>', 'accepted for Terraform compatibility; missing variables are always an error, never prompted for').argParser(parseBoolean).hideHelp());
}

/** Adds `-stack`, for commands that only read the state. */
export function addStackOption(command: Command): Command {
  return command.addOption(new Option('--stack <name>', 'the CDKTF stack to use, when cdktf.out holds several'));
}

/** Adds `-lock`, `-lock-timeout` and `-stack`, for commands that write the state. */
export function addStateOptions(command: Command): Command {
  return addStackOption(command)
    .addOption(new Option('--lock <bool>', 'take the state lock (false only if you are sure nothing else writes the state)').argParser(parseBoolean).default(true))
    .addOption(new Option('--lock-timeout <duration>', 'keep retrying a held state lock for this long, e.g. 30s').argParser(parseTimeout).default(0, '0s'));
}

/** Adds what `plan`, `apply` and `destroy` share. */
export function addPlanningOptions(command: Command): Command {
  addVariableOptions(command);
  addStateOptions(command);
  return command
    .addOption(new Option('--target <address>', 'plan only this resource and what it depends on (repeatable; not for routine use)').argParser(collect).default([]))
    .addOption(new Option('--exclude <address>', 'leave this resource and what depends on it out of the plan (repeatable)').argParser(collect).default([]))
    .addOption(new Option('--replace <address>', 'replace this instance even if nothing changed (repeatable)').argParser(collect).default([]))
    .addOption(new Option('--refresh <bool>', 'read live objects before planning').argParser(parseBoolean).default(true))
    .addOption(new Option('--refresh-only', 'only update the state to match live objects; change nothing'))
    .addOption(new Option('--parallelism <n>', 'operations at once').argParser(parsePositiveInt).default(10))
    .addOption(new Option('--json', 'print JSON for scripts instead of text for people'));
}
