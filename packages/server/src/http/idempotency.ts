import { createHash } from 'node:crypto';
import { ServiceError } from '../errors.js';
import type { KeyedMutex } from '../internal/keyed-mutex.js';
import type { Store } from '../store/store.js';

/** How long a key replays its first answer. */
export const idempotencyWindowMs = 24 * 60 * 60 * 1000;

/**
 * Runs a POST at most once per (API key, Idempotency-Key): the same key with the same body
 * replays the first successful answer for 24 h; with another body it is refused (409). Requests
 * with one key are serialised, so two concurrent retries cannot both run. Failed attempts are
 * not recorded, so a retry after an error runs again.
 */
export async function withIdempotency(
  deps: { store: Store; locks: KeyedMutex; now: number },
  request: { apiKeyId: string; key: string | undefined; method: string; url: string; body: unknown },
  run: () => Promise<unknown>,
): Promise<{ data: unknown; replayed: boolean }> {
  if (request.key === undefined) return { data: await run(), replayed: false };
  if (request.key.length === 0 || request.key.length > 255) {
    throw new ServiceError('INVALID_REQUEST', 'Idempotency-Key must be 1–255 characters. Use a fresh UUID per logical request.');
  }
  const key = request.key;
  const requestHash = createHash('sha256').update(`${request.method} ${request.url}\n${bodyText(request.body)}`).digest('hex');
  return deps.locks.run(`idempotency:${request.apiKeyId}:${key}`, async () => {
    const previous = await deps.store.getIdempotency(request.apiKeyId, key);
    if (previous !== undefined && previous.createTime > deps.now - idempotencyWindowMs) {
      if (previous.requestHash !== requestHash) throw new ServiceError('IDEMPOTENCY_KEY_REUSED');
      return { data: JSON.parse(previous.response) as unknown, replayed: true };
    }
    const data = await run();
    await deps.store.putIdempotency({
      apiKeyId: request.apiKeyId,
      key,
      requestHash,
      statusCode: 200,
      response: JSON.stringify(data),
      createTime: deps.now,
    });
    return { data, replayed: false };
  });
}

/**
 * The body as JSON text, for the request hash. JSON.parse accepts any depth but JSON.stringify
 * recurses, so a body nested thousands of levels deep (possible where rows are free-form) would
 * overflow the stack here; it is refused as the bad request it is, not answered with a 500.
 */
function bodyText(body: unknown): string {
  try {
    return JSON.stringify(body ?? null);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new ServiceError('INVALID_REQUEST', 'The body is nested too deeply to process. No field of the API nests more than a few levels: fix the body and send it again.');
  }
}
