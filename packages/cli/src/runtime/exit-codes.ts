/**
 * Exit codes, the same for every command so scripts can rely on them. They follow Terraform's:
 * `plan -detailed-exitcode` exits 2 when there are changes.
 */
export const ExitCode = {
  /** Done, nothing went wrong. */
  ok: 0,
  /** Something went wrong (bad input, a failed request, a failed operation); stderr says what. */
  error: 1,
  /** `-detailed-exitcode` only: succeeded, and the plan has changes. */
  changes: 2,
  /**
   * Stopped by Ctrl-C (128 + SIGINT, as shells report it). State was written; what was left
   * running is listed on stderr.
   */
  interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
