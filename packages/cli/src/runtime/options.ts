/**
 * Options shared by many commands, defined once so they read the same everywhere.
 */
import { Option } from 'commander';
import { CliError } from './cli-error.js';

/** `--json` (also `-json`): one JSON document on stdout instead of text for people. */
export const jsonOption = (): Option => new Option('--json', 'print JSON for scripts instead of text for people');

/** For repeatable options (`--var a=1 --var b=2`): collects every value in order. */
export function collect(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}

/** `--no-wait`: for commands that start a job, return once it has started instead of waiting. */
export const noWaitOption = (): Option => new Option('--no-wait', 'return once the job has started (prints its id and how to wait for it)');

/**
 * A value a command needs but commander does not enforce, so its absence is a {@link CliError}
 * with a code and the fix (commander's own "required option" error has neither).
 *
 * @example
 * const clusterId = required(options.cluster, { flag: '--cluster <id>', what: 'cluster', hint: 'List clusters with lifeboat clusters list.' });
 */
export function required<T>(value: T | undefined, details: { readonly flag: string; readonly what: string; readonly hint?: string }): T {
  if (value !== undefined && value !== '') return value;
  throw new CliError({
    code: 'MISSING_OPTION',
    problem: `No ${details.what} given`,
    fix: `Pass ${details.flag}.${details.hint === undefined ? '' : ` ${details.hint}`}`,
  });
}

/** Parses a whole number option (`--limit 20`), or throws a {@link CliError} naming the flag. */
export function wholeNumber(flag: string, min: number, max: number): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    throw new CliError({ code: 'INVALID_OPTION', problem: `${flag} must be a whole number from ${min} to ${max} (got ${text})`, fix: `Pass ${flag} <n> with n in ${min}–${max}.` });
  };
}

/** `--cluster <id>`, which most imperative commands take; `description` says which cluster. */
export const clusterOption = (description: string): Option => new Option('--cluster <id>', description);

/** Where people find a cluster id, for the fix of a missing `--cluster`. */
export const clusterHints = {
  clusters: 'List clusters with lifeboat clusters list.',
  backups: "lifeboat backups list shows each backup's cluster.",
} as const;

/** `--cluster`'s value, or a `MISSING_OPTION` error naming the flag. */
export function clusterIdOf(options: { readonly cluster?: string | undefined }, details: { readonly what?: string; readonly hint?: string } = {}): string {
  return required(options.cluster, { flag: '--cluster <id>', what: details.what ?? 'cluster id', hint: details.hint ?? clusterHints.clusters });
}
