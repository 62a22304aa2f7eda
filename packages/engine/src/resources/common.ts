import { NotFoundError, type Job } from '@lifeboat/sdk';
import type { AttributeValue } from '../state/types.js';
import type { AttributeSchema } from './schema.js';
import type { HandlerContext } from './resource-type.js';

/** Validators and normalisers shared by resource schemas. */

export const retentionDays = (description: string, extra: Partial<AttributeSchema> = {}): AttributeSchema => ({
  type: 'number',
  description,
  validate: (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 30 ? undefined : `must be a whole number of days from 1 to 30 (got ${JSON.stringify(value)})`,
  ...extra,
});

const dayNames: Readonly<Record<string, string>> = {
  daily: '1,2,3,4,5,6,7',
  weekdays: '1,2,3,4,5',
  weekends: '6,7',
};

/** `daily` / `weekdays` / `weekends` / `"1,3,5"` → the server's canonical `"1,3,5"` (sorted, unique). */
export function normalizeFrequency(value: AttributeValue): AttributeValue {
  if (typeof value !== 'string') return value;
  const named = dayNames[value.trim().toLowerCase()];
  if (named !== undefined) return named;
  const days = value.split(',').map((day) => day.trim());
  if (!days.every((day) => /^[1-7]$/.test(day))) return value;
  return [...new Set(days)].sort().join(',');
}

export function validateFrequency(value: AttributeValue): string | undefined {
  const normalized = normalizeFrequency(value);
  return typeof normalized === 'string' && /^[1-7](,[1-7])*$/.test(normalized)
    ? undefined
    : `must be "daily", "weekdays", "weekends" or days 1–7 (1 = Monday) such as "1,3,5" (got ${JSON.stringify(value)})`;
}

export function validateWindow(value: AttributeValue): string | undefined {
  return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/.test(value)
    ? undefined
    : `must be a UTC window "HH:mm-HH:mm" such as "02:00-04:00" (got ${JSON.stringify(value)})`;
}

export const intervalChoices = [5, 10, 15, 30, 60, 240, 720, 1440] as const;

export function validateInterval(value: AttributeValue): string | undefined {
  return typeof value === 'number' && (intervalChoices as readonly number[]).includes(value)
    ? undefined
    : `must be one of ${intervalChoices.join(', ')} minutes (got ${JSON.stringify(value)})`;
}

export const oneOf =
  (choices: readonly string[]) =>
  (value: AttributeValue): string | undefined =>
    typeof value === 'string' && choices.includes(value) ? undefined : `must be one of ${choices.join(', ')} (got ${JSON.stringify(value)})`;

/** Waits for a job with the handler's signal, time limit and progress reporting. */
export async function waitForJob(context: HandlerContext, job: Job): Promise<void> {
  await job.wait({ signal: context.signal, timeoutMs: context.timeoutMs, onProgress: context.onProgress });
}

/** Reads an attribute as a string, for handlers (validation already ran). */
export const str = (value: AttributeValue | undefined): string =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
export const num = (value: AttributeValue | undefined): number => (typeof value === 'number' ? value : Number(value));

/** Resolves to `undefined` when the call fails with NotFound; other errors pass through. */
export async function unlessNotFound<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
