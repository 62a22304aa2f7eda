/**
 * Terraform spells long flags with one dash (`-auto-approve`, `-var 'a=b'`, `-refresh=false`);
 * commander wants two. Every single-dash word of two letters or more before `--` is read as the
 * double-dash flag, so both spellings work everywhere (`-json` is `--json`). Single letters
 * (`-h`, `-v`) are short flags as usual. A value that itself looks like such a flag must be
 * attached with `=` (`--description=-weird`) or placed after `--`.
 */
export function normalizeArgs(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((arg, index) => ((end === -1 || index < end) && /^-[A-Za-z][A-Za-z0-9-]+(=|$)/.test(arg) ? `-${arg}` : arg));
}

/** Whether `flag` (e.g. `--no-color`) is given before `--`, for flags needed before parsing. */
export function hasFlag(argv: readonly string[], flag: string): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes(flag);
}
