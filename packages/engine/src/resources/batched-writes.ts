import { ErrorCode, isLifeboatError, ValidationError } from '@lifeboat/sdk';
import type { Attributes, WriteManyRequest, WriteManyResult } from './resource-type.js';

/** The most objects one batch request writes (the server's limit). */
export const writesPerBatch = 100;

/** Per-object calls in flight when a batch falls back to them (Terraform's default parallelism). */
const fallbackConcurrency = 10;

export interface BatchedWrites<T> {
  readonly request: WriteManyRequest;
  /** The SDK request of one write. */
  readonly toItem: (config: Attributes) => T;
  /** Writes up to `writesPerBatch` items in one call, all or none; answers their states in order. */
  readonly sendBatch: (items: readonly T[], signal: AbortSignal) => Promise<readonly Attributes[]>;
  /** Writes one object on its own, for when a batch is refused. */
  readonly sendOne: (config: Attributes, signal: AbortSignal) => Promise<Attributes>;
}

/**
 * Writes objects `writesPerBatch` to a request. A batch is all or none, so when the server
 * refuses one outright (one object it will not take, or a server without batch writes) the
 * objects of that batch are written one by one instead: each then succeeds or fails on its own,
 * as separate resources should. A batch that fails otherwise (network, 5xx after retries,
 * cancellation) fails each of its objects with that error.
 */
export async function writeInBatches<T>({ request, toItem, sendBatch, sendOne }: BatchedWrites<T>): Promise<WriteManyResult> {
  const results = new Map<string, { readonly state: Attributes } | { readonly error: unknown }>();
  const { writes, signal } = request;
  for (let start = 0; start < writes.length; start += writesPerBatch) {
    const batch = writes.slice(start, start + writesPerBatch);
    try {
      const states = await sendBatch(
        batch.map(({ config }) => toItem(config)),
        signal,
      );
      batch.forEach(({ address }, i) => {
        const state = states[i];
        results.set(address, state === undefined ? { error: new Error(`The server answered no state for ${address}.`) } : { state });
      });
    } catch (error) {
      // Input the SDK refused before sending is per object too: one bad object spoils the batch.
      const refused = refusedOutright(error) || (error instanceof ValidationError && error.source === 'client');
      if (!refused || signal.aborted) {
        for (const { address } of batch) results.set(address, { error });
        continue;
      }
      const queue = [...batch];
      const worker = async () => {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          try {
            results.set(next.address, { state: await sendOne(next.config, signal) });
          } catch (oneError) {
            results.set(next.address, { error: oneError });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(fallbackConcurrency, batch.length) }, worker));
    }
  }
  return results;
}

/**
 * An answer that proves the request had no effect: a 4xx the server gives before doing anything
 * (bad input, no permission, a missing cluster, a rule such as "a backup is already running").
 * Timeouts, network errors and 5xx prove nothing, and a reused idempotency key means an earlier
 * request with that key may have done the work.
 */
export function refusedOutright(error: unknown): boolean {
  if (!isLifeboatError(error) || error.httpStatus === undefined) return false;
  const status = error.httpStatus;
  return status >= 400 && status < 500 && status !== 408 && status !== 429 && error.code !== ErrorCode.IDEMPOTENCY_KEY_REUSED;
}
