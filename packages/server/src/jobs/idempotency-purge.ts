import type { ServerContext } from '../context.js';
import { idempotencyWindowMs } from '../http/idempotency.js';

/**
 * Forgets idempotency records older than the replay window (24 h): a key older than that no
 * longer replays anything, and the table would otherwise grow with every POST. The window is
 * the HTTP layer's own constant, so purging can never cut a replay short.
 */
export async function purgeIdempotencyRecords(ctx: ServerContext): Promise<{ readonly purged: number }> {
  const purged = await ctx.store.purgeIdempotency(ctx.clock.now() - idempotencyWindowMs);
  if (purged > 0) ctx.logger.info({ purged }, 'old idempotency records purged');
  return { purged };
}
