/**
 * Recovery objectives of a drill: the longest a recovery may take (RTO) and the most data it may
 * lose (RPO), given as durations such as `15m`, `1h30m` or `90s`.
 */
import { parseDuration } from '@lifeboat/engine';
import { CliError } from '../runtime/cli-error.js';
import { formatDuration } from '../runtime/units.js';

/** An objective as given, in milliseconds. */
export interface Objective {
  /** As the user wrote it, e.g. `15m`. */
  readonly target: string;
  readonly targetMs: number;
}

/** How a measurement compares with its objective; `target` is `null` when none was set (then it is met). */
export interface ObjectiveResult {
  readonly target: string | null;
  readonly targetMs: number | null;
  readonly measuredMs: number;
  readonly met: boolean;
}

/** Parses `--rto`/`--rpo`, or throws a {@link CliError} naming the flag. */
export function parseObjective(flag: string): (text: string) => Objective {
  return (text) => {
    const targetMs = parseDuration(text.trim());
    if (targetMs === undefined || targetMs <= 0) {
      throw new CliError({ code: 'INVALID_OPTION', problem: `${flag} ${text} is not a duration`, fix: `Pass ${flag} with a unit, e.g. 90s, 15m, 1h or 1h30m.` });
    }
    return { target: text.trim(), targetMs };
  };
}

/** Compares a measurement with its objective (met when there is none). */
export function assess(objective: Objective | undefined, measuredMs: number): ObjectiveResult {
  if (objective === undefined) return { target: null, targetMs: null, measuredMs, met: true };
  return { target: objective.target, targetMs: objective.targetMs, measuredMs, met: measuredMs <= objective.targetMs };
}

/** `3.2s` under a minute (drills are often that quick, where whole seconds say too little), else `6m47s`. */
export function formatSeconds(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)}s` : formatDuration(ms);
}
