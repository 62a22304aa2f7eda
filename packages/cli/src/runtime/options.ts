/**
 * Options shared by many commands, defined once so they read the same everywhere.
 */
import { Option } from 'commander';

/** `--json` (also `-json`): one JSON document on stdout instead of text for people. */
export const jsonOption = (): Option => new Option('--json', 'print JSON for scripts instead of text for people');

/** For repeatable options (`--var a=1 --var b=2`): collects every value in order. */
export function collect(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}
