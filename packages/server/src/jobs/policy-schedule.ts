import type { PolicyRecord } from '../domain/model.js';

/**
 * When a backup policy wants its next AUTO backup. Pure functions of (policy, last run, now), all
 * in UTC, so the scheduler's decisions can be tested over weeks of fixed dates without a server.
 */

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

/** The fields of a policy that decide when it runs. */
export type PolicyTiming = Pick<PolicyRecord, 'frequency' | 'startTime' | 'intervalMinutes'>;

/** A policy's timing, parsed once. */
export type PolicySchedule =
  | {
      readonly kind: 'interval';
      readonly intervalMs: number;
      /** ISO weekdays (1 = Monday … 7 = Sunday) on which interval backups run; every day when the policy names none. */
      readonly days: ReadonlySet<number>;
    }
  | {
      readonly kind: 'window';
      /** ISO weekdays on which a window may *start*. */
      readonly days: ReadonlySet<number>;
      /** Minutes after UTC midnight at which the window opens. */
      readonly startMinute: number;
      /** How long the window stays open: 1 minute to 24 hours (a window that wraps midnight ends the next day). */
      readonly lengthMinutes: number;
    };

/** One opening of a window: [start, end) in epoch ms. */
export interface WindowOccurrence {
  readonly start: number;
  readonly end: number;
}

/** A policy whose timing cannot be read; the API validates policies, so this means a damaged record. */
export class PolicyScheduleError extends Error {
  override readonly name = 'PolicyScheduleError';
}

const everyDay: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 6, 7]);

/** ISO weekday (1 = Monday … 7 = Sunday) of an instant, in UTC. */
export function isoWeekdayUtc(ms: number): number {
  const day = new Date(ms).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Parses `"1,3,5"` (1 = Monday). */
export function parseFrequency(frequency: string): ReadonlySet<number> {
  const parts = frequency.split(',').map((part) => part.trim());
  const days = new Set<number>();
  for (const part of parts) {
    if (!/^[1-7]$/.test(part)) {
      throw new PolicyScheduleError(`frequency "${frequency}" must list days 1–7 separated by commas (1 = Monday), e.g. "1,3,5"`);
    }
    days.add(Number(part));
  }
  return days;
}

/**
 * Parses a UTC window `"HH:mm-HH:mm"`. An end earlier than the start wraps past midnight
 * ("23:00-01:00" is two hours); an end equal to the start is read as a whole day, the only
 * reading under which such a policy ever runs.
 */
export function parseWindow(startTime: string): { readonly startMinute: number; readonly lengthMinutes: number } {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(startTime.trim());
  const [startH, startM, endH, endM] = (match?.slice(1) ?? []).map(Number);
  if (startH === undefined || startM === undefined || endH === undefined || endM === undefined || startH > 23 || endH > 23 || startM > 59 || endM > 59) {
    throw new PolicyScheduleError(`startTime "${startTime}" must be a UTC window "HH:mm-HH:mm", e.g. "02:00-04:00"`);
  }
  const startMinute = startH * 60 + startM;
  const endMinute = endH * 60 + endM;
  const lengthMinutes = (endMinute - startMinute + 1440) % 1440 || 1440;
  return { startMinute, lengthMinutes };
}

/** Reads a policy's timing: `intervalMinutes` wins over the daily window, as the API documents. */
export function parseSchedule(policy: PolicyTiming): PolicySchedule {
  if (policy.intervalMinutes !== null) {
    if (!Number.isInteger(policy.intervalMinutes) || policy.intervalMinutes < 1) {
      throw new PolicyScheduleError(`intervalMinutes must be a positive whole number of minutes (got ${policy.intervalMinutes})`);
    }
    return {
      kind: 'interval',
      intervalMs: policy.intervalMinutes * minuteMs,
      days: policy.frequency === null ? everyDay : parseFrequency(policy.frequency),
    };
  }
  if (policy.frequency === null || policy.startTime === null) {
    throw new PolicyScheduleError('a policy without intervalMinutes needs both frequency and startTime');
  }
  return { kind: 'window', days: parseFrequency(policy.frequency), ...parseWindow(policy.startTime) };
}

/**
 * The opening of the window that contains `now`, if any, whatever its day. At most one can: a
 * window lasts 24 hours at most, and it opens once a day.
 */
export function windowContaining(schedule: { readonly startMinute: number; readonly lengthMinutes: number }, now: number): WindowOccurrence | undefined {
  const midnight = Math.floor(now / dayMs) * dayMs;
  // Today's opening, or yesterday's when it wraps past midnight into today.
  for (const dayStart of [midnight, midnight - dayMs]) {
    const start = dayStart + schedule.startMinute * minuteMs;
    const end = start + schedule.lengthMinutes * minuteMs;
    if (start <= now && now < end) return { start, end };
  }
  return undefined;
}

/** Whether an AUTO backup is due now. */
export interface DueCheck {
  readonly policy: PolicyTiming;
  /** When the scheduler last started an AUTO backup for this policy; `null` if never. */
  readonly lastRunAt: number | null;
  readonly now: number;
}

/**
 * Rules:
 * - a policy that has never run is due at once: enabling a policy starts its first backup
 *   without waiting for the window;
 * - with `intervalMinutes`: due once that long has passed since the last run, on the listed days
 *   (every day unless the policy narrows them);
 * - with days and a window: due while `now` is inside a window that opened on a listed day (for a
 *   window wrapping midnight, the day it opened counts) and no run started in that opening yet.
 *
 * Throws `PolicyScheduleError` for a policy whose timing cannot be read.
 */
export function isBackupDue(check: DueCheck): boolean {
  const { lastRunAt, now } = check;
  const schedule = parseSchedule(check.policy);
  if (lastRunAt === null) return true;
  if (schedule.kind === 'interval') {
    return now - lastRunAt >= schedule.intervalMs && schedule.days.has(isoWeekdayUtc(now));
  }
  const window = windowContaining(schedule, now);
  if (window === undefined || !schedule.days.has(isoWeekdayUtc(window.start))) return false;
  return lastRunAt < window.start;
}
