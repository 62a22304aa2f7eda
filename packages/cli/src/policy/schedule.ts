/**
 * Backup schedules as people write and read them: `daily`, `weekdays`, `weekends` or days such as
 * `mon,wed,fri` / `1,3,5` in, the API's `"1,3,5"` (1 = Monday) out; and back to words for tables.
 */
import type { BackupPolicy } from '@lifeboat/sdk';
import { CliError } from '../runtime/cli-error.js';

const dayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const presets: Readonly<Record<string, readonly number[]>> = {
  daily: [1, 2, 3, 4, 5, 6, 7],
  weekdays: [1, 2, 3, 4, 5],
  weekends: [6, 7],
};

/** `--frequency` → the API's day list, or a {@link CliError} saying what is accepted. */
export function parseFrequency(text: string): string {
  const preset = presets[text.trim().toLowerCase()];
  const days =
    preset ??
    text.split(',').map((part) => {
      const token = part.trim().toLowerCase();
      const byName = dayNames.findIndex((name) => token.startsWith(name) && token.length >= 3);
      return /^[1-7]$/.test(token) ? Number(token) : byName + 1;
    });
  if (days.some((day) => day < 1)) {
    throw new CliError({
      code: 'INVALID_OPTION',
      problem: `--frequency ${text} is not a schedule`,
      fix: 'Pass daily, weekdays, weekends, or days such as mon,wed,fri or 1,3,5 (1 = Monday).',
    });
  }
  return [...new Set(days)].sort((a, b) => a - b).join(',');
}

/** A policy's schedule in words: `every 15 minutes`, `daily 02:00-04:00 UTC`, `mon,thu 01:00-02:00 UTC`. */
export function describeSchedule(policy: BackupPolicy): string {
  if (policy.status !== 'ENABLED') return 'disabled';
  if (policy.intervalMinutes !== undefined) return `every ${policy.intervalMinutes} minutes`;
  const days = policy.frequency ?? '';
  const named = Object.entries(presets).find(([, list]) => list.join(',') === days)?.[0];
  const words = named ?? days.split(',').map((day) => dayNames[Number(day) - 1] ?? day).join(',');
  return `${words} ${policy.startTime ?? ''} UTC`.replace(/\s+/g, ' ').trim();
}
