/**
 * Recovery point objectives and the backup interval that meets them.
 *
 * The RPO must hold in the DR region, which sees a backup only once it has been taken and
 * copied there. So the schedule backs up at least twice per RPO: the newest copy in the DR
 * region is then never older than the RPO as long as taking and copying a backup takes less than
 * half of it. The interval is the longest the server offers within that bound, so no more
 * backups are taken than the RPO needs.
 */

/** An RPO: whole minutes, hours or days, as `"15m"`, `"1h"`, `"1d"`. */
export type Rpo = `${number}m` | `${number}h` | `${number}d`;

/** The `interval_minutes` the server accepts (the engine's schema checks the same list). */
export const intervalChoices = [5, 10, 15, 30, 60, 240, 720, 1440] as const;

const unitMinutes: Readonly<Record<string, number>> = { m: 1, h: 60, d: 1440 };

/** The interval for `rpo`, or why there is none (a message that says what to write instead). */
export function intervalForRpo(rpo: string): { ok: true; minutes: number; intervalMinutes: number } | { ok: false; problem: string } {
  const match = /^([1-9]\d*)([mhd])$/.exec(rpo);
  const unit = match?.[2] === undefined ? undefined : unitMinutes[match[2]];
  if (match === null || unit === undefined) {
    return { ok: false, problem: `rpo must be a whole number of minutes, hours or days such as "15m", "1h" or "1d" (got ${JSON.stringify(rpo)})` };
  }
  const minutes = Number(match[1]) * unit;
  const fitting = intervalChoices.filter((interval) => interval * 2 <= minutes);
  const intervalMinutes = fitting[fitting.length - 1];
  if (intervalMinutes === undefined) {
    return {
      ok: false,
      problem: `rpo ${rpo} cannot be met: the tightest schedule backs up every ${intervalChoices[0]} minutes, and each backup also needs time to be taken and copied to the DR region, so the shortest RPO is ${intervalChoices[0] * 2}m`,
    };
  }
  return { ok: true, minutes, intervalMinutes };
}
