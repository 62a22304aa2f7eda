import { describe, expect, it } from 'vitest';
import {
  isBackupDue,
  isoWeekdayUtc,
  parseSchedule,
  parseWindow,
  PolicyScheduleError,
  windowContaining,
  type PolicyTiming,
} from '../../src/jobs/policy-schedule.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
/** Monday 5 January 2026, 00:00 UTC. */
const monday = Date.UTC(2026, 0, 5);
const at = (dayIndex: number, hh: number, mm = 0) => monday + dayIndex * day + hh * hour + mm * minute;

const windowed = (frequency: string, startTime: string): PolicyTiming => ({ frequency, startTime, intervalMinutes: null });
const every = (intervalMinutes: number, frequency: string | null = '1,2,3,4,5,6,7'): PolicyTiming => ({ frequency, startTime: null, intervalMinutes });

/**
 * Walks a stretch of time minute by minute the way the scheduler does (a tick, and a run
 * recorded whenever one is due) and returns the instants runs started.
 */
function simulate(policy: PolicyTiming, from: number, to: number, stepMs = minute, lastRunAt: number | null = from - 30 * day): number[] {
  const runs: number[] = [];
  let last = lastRunAt;
  for (let now = from; now < to; now += stepMs) {
    if (isBackupDue({ policy, lastRunAt: last, now })) {
      runs.push(now);
      last = now;
    }
  }
  return runs;
}

describe('isoWeekdayUtc', () => {
  it('numbers days 1 = Monday … 7 = Sunday, in UTC', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((d) => isoWeekdayUtc(at(d, 12)))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(isoWeekdayUtc(at(6, 23, 59))).toBe(7);
    expect(isoWeekdayUtc(at(7, 0, 0))).toBe(1);
  });
});

describe('parseWindow', () => {
  it('reads a window within a day', () => {
    expect(parseWindow('02:00-04:30')).toEqual({ startMinute: 120, lengthMinutes: 150 });
  });
  it('reads a window wrapping midnight as ending the next day', () => {
    expect(parseWindow('23:30-01:00')).toEqual({ startMinute: 1410, lengthMinutes: 90 });
  });
  it('reads a window whose end equals its start as a whole day', () => {
    expect(parseWindow('06:00-06:00')).toEqual({ startMinute: 360, lengthMinutes: 1440 });
  });
  it.each(['2:00-04:00', '24:00-01:00', '02:60-03:00', '02:00', ''])('refuses %j', (text) => {
    expect(() => parseWindow(text)).toThrow(PolicyScheduleError);
  });
});

describe('parseSchedule', () => {
  it('prefers intervalMinutes over a window', () => {
    expect(parseSchedule({ frequency: '1,2', startTime: '02:00-03:00', intervalMinutes: 60 })).toMatchObject({ kind: 'interval', intervalMs: hour });
  });
  it('reads a missing frequency with an interval as every day', () => {
    const schedule = parseSchedule(every(15, null));
    expect(schedule.kind === 'interval' && [...schedule.days].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  it('refuses a policy that has neither an interval nor a complete window', () => {
    expect(() => parseSchedule({ frequency: '1', startTime: null, intervalMinutes: null })).toThrow(/frequency and startTime/);
    expect(() => parseSchedule({ frequency: null, startTime: '02:00-03:00', intervalMinutes: null })).toThrow(PolicyScheduleError);
  });
  it.each(['0', '8', '1,,2', 'mon', '1;2'])('refuses the frequency %j', (frequency) => {
    expect(() => parseSchedule(windowed(frequency, '02:00-03:00'))).toThrow(/days 1–7/);
  });
});

describe('windowContaining', () => {
  const nightly = parseWindow('23:00-01:00');
  it('finds the opening that started yesterday for the hour after midnight', () => {
    expect(windowContaining(nightly, at(1, 0, 30))).toEqual({ start: at(0, 23), end: at(1, 1) });
  });
  it('finds the opening that starts today before midnight', () => {
    expect(windowContaining(nightly, at(1, 23, 30))).toEqual({ start: at(1, 23), end: at(2, 1) });
  });
  it('treats the start as inside and the end as outside', () => {
    const early = parseWindow('02:00-03:00');
    expect(windowContaining(early, at(0, 2))).toEqual({ start: at(0, 2), end: at(0, 3) });
    expect(windowContaining(early, at(0, 3))).toBeUndefined();
    expect(windowContaining(early, at(0, 1, 59))).toBeUndefined();
  });
});

describe('isBackupDue', () => {
  it('is due at once for a policy that never ran, even outside its window and its days', () => {
    expect(isBackupDue({ policy: windowed('3', '02:00-03:00'), lastRunAt: null, now: at(0, 12) })).toBe(true);
    expect(isBackupDue({ policy: every(1440, '7'), lastRunAt: null, now: at(0, 12) })).toBe(true);
  });

  it('runs once per window opening, on the first tick inside it', () => {
    const policy = windowed('1,2,3,4,5,6,7', '02:00-03:00');
    expect(isBackupDue({ policy, lastRunAt: at(0, 0), now: at(0, 1, 59) })).toBe(false);
    expect(isBackupDue({ policy, lastRunAt: at(0, 0), now: at(0, 2) })).toBe(true);
    expect(isBackupDue({ policy, lastRunAt: at(0, 2), now: at(0, 2, 59) })).toBe(false);
    expect(isBackupDue({ policy, lastRunAt: at(0, 2, 30), now: at(1, 2, 30) })).toBe(true);
  });

  it('does not run again in the window a first backup (on enabling) already ran in', () => {
    const policy = windowed('1', '02:00-04:00');
    expect(isBackupDue({ policy, lastRunAt: at(0, 2, 10), now: at(0, 3) })).toBe(false);
    expect(isBackupDue({ policy, lastRunAt: at(0, 2, 10), now: at(7, 2) })).toBe(true);
  });

  it('misses a window nobody ticked in, and does not catch up outside the next one', () => {
    const policy = windowed('1,2,3,4,5,6,7', '02:00-03:00');
    expect(isBackupDue({ policy, lastRunAt: at(0, 2), now: at(2, 12) })).toBe(false);
    expect(isBackupDue({ policy, lastRunAt: at(0, 2), now: at(3, 2, 5) })).toBe(true);
  });

  it('counts the day a window wrapping midnight starts on, not the day it ends on', () => {
    // Monday only, 23:00–01:00: the Monday opening runs into Tuesday; Sunday's opening does not count.
    const policy = windowed('1', '23:00-01:00');
    const last = at(-3, 12);
    expect(isBackupDue({ policy, lastRunAt: last, now: at(0, 0, 30) })).toBe(false); // Sunday's opening
    expect(isBackupDue({ policy, lastRunAt: last, now: at(0, 23, 30) })).toBe(true); // Monday's opening
    expect(isBackupDue({ policy, lastRunAt: last, now: at(1, 0, 30) })).toBe(true); // still Monday's opening
    expect(isBackupDue({ policy, lastRunAt: at(0, 23, 30), now: at(1, 0, 30) })).toBe(false); // already ran in it
    expect(isBackupDue({ policy, lastRunAt: last, now: at(1, 23, 30) })).toBe(false); // Tuesday's opening
  });

  it('runs an interval policy once the interval has passed since the last run', () => {
    const policy = every(60);
    expect(isBackupDue({ policy, lastRunAt: at(0, 10), now: at(0, 10, 59) })).toBe(false);
    expect(isBackupDue({ policy, lastRunAt: at(0, 10), now: at(0, 11) })).toBe(true);
    expect(isBackupDue({ policy, lastRunAt: at(0, 10), now: at(0, 15) })).toBe(true);
  });

  it('runs an interval policy only on its listed days', () => {
    const weekdays = every(60, '1,2,3,4,5');
    expect(isBackupDue({ policy: weekdays, lastRunAt: at(4, 23), now: at(5, 10) })).toBe(false); // Saturday
    expect(isBackupDue({ policy: weekdays, lastRunAt: at(4, 23), now: at(7, 0) })).toBe(true); // Monday
  });

  it('never runs a window policy before its window opens when the clock went backwards', () => {
    const policy = windowed('1,2,3,4,5,6,7', '02:00-03:00');
    expect(isBackupDue({ policy, lastRunAt: at(5, 2, 30), now: at(3, 2, 30) })).toBe(false);
  });

  it('throws for a policy whose timing cannot be read', () => {
    expect(() => isBackupDue({ policy: windowed('9', '02:00-03:00'), lastRunAt: null, now: at(0, 0) })).toThrow(PolicyScheduleError);
  });
});

describe('isBackupDue over whole weeks (minute by minute)', () => {
  const weeks = 2;
  const end = at(7 * weeks, 0);

  const frequencies = ['1,2,3,4,5,6,7', '1,3,5', '6,7', '2', '7,1'];
  const windows = ['02:00-03:00', '00:00-00:30', '23:45-00:15', '22:00-02:00', '12:00-12:00', '23:59-00:00'];

  for (const frequency of frequencies) {
    for (const startTime of windows) {
      it(`runs "${frequency}" at "${startTime}" exactly once per listed day, at the first minute of each opening`, () => {
        const runs = simulate(windowed(frequency, startTime), monday, end);
        const days = new Set(frequency.split(',').map(Number));
        const { startMinute, lengthMinutes } = parseWindow(startTime);
        const expected = [];
        // From the day before: an opening that wraps midnight may still be open when the walk starts.
        for (let d = -1; d < 7 * weeks; d += 1) {
          const start = monday + d * day + startMinute * minute;
          const firstTick = Math.max(start, monday);
          if (days.has(isoWeekdayUtc(start)) && firstTick < start + lengthMinutes * minute && firstTick < end) expected.push(firstTick);
        }
        expect(runs.map((t) => new Date(t).toISOString())).toEqual(expected.map((t) => new Date(t).toISOString()));
      });
    }
  }

  it('starts at once when first enabled mid-week, then keeps to the window', () => {
    const enabledAt = at(2, 14, 7);
    const runs = simulate(windowed('1,2,3,4,5,6,7', '02:00-03:00'), enabledAt, at(5, 0), minute, null);
    expect(runs).toEqual([enabledAt, at(3, 2), at(4, 2)]);
  });

  it('with ticks coarser than a minute still runs once per opening, inside the window', () => {
    const policy = windowed('1,3,5', '02:00-02:45');
    const runs = simulate(policy, monday + 7 * minute, end, 20 * minute);
    for (const run of runs) {
      const window = windowContaining(parseWindow('02:00-02:45'), run);
      expect(window).toBeDefined();
      expect([1, 3, 5]).toContain(isoWeekdayUtc(window?.start ?? 0));
    }
    expect(runs).toHaveLength(3 * weeks);
  });

  for (const intervalMinutes of [5, 15, 60, 240, 720, 1440]) {
    it(`runs every ${intervalMinutes} minutes with no drift when ticks fall on the interval`, () => {
      const runs = simulate(every(intervalMinutes), monday, end, minute, monday - intervalMinutes * minute);
      expect(runs).toHaveLength((7 * weeks * 1440) / intervalMinutes);
      for (const [i, run] of runs.entries()) expect(run).toBe(monday + i * intervalMinutes * minute);
    });
  }

  it('never runs an interval policy sooner than its interval, whatever the tick', () => {
    for (const tick of [7, 13, 29]) {
      const runs = simulate(every(60), monday, end, tick * minute);
      for (let i = 1; i < runs.length; i += 1) expect((runs[i] ?? 0) - (runs[i - 1] ?? 0)).toBeGreaterThanOrEqual(hour);
    }
  });
});
