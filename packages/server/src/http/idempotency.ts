import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
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
 *
 * A kept answer may hold a secret shown only once (a new API key, a cluster's password), so the
 * record holds neither the Idempotency-Key nor the answer in the clear: the key is stored as a
 * digest and the answer sealed with a key derived from it, which only the client that sent it
 * has. A copy of the metadata files gives away no secret, and a retry still gets its answer.
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
  const storedKey = createHash('sha256').update(`lifeboat idempotency key\n${key}`).digest('hex');
  const requestHash = createHash('sha256').update(`${request.method} ${request.url}\n${bodyText(request.body)}`).digest('hex');
  return deps.locks.run(`idempotency:${request.apiKeyId}:${storedKey}`, async () => {
    const previous = await deps.store.getIdempotency(request.apiKeyId, storedKey);
    if (previous !== undefined && previous.createTime > deps.now - idempotencyWindowMs) {
      if (previous.requestHash !== requestHash) throw new ServiceError('IDEMPOTENCY_KEY_REUSED');
      return { data: JSON.parse(unseal(previous.response, key)) as unknown, replayed: true };
    }
    const data = await run();
    await deps.store.putIdempotency({
      apiKeyId: request.apiKeyId,
      key: storedKey,
      requestHash,
      statusCode: 200,
      response: seal(JSON.stringify(data), key),
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

/** The answer's encryption key: derived from the Idempotency-Key, which is never stored. */
function sealingKey(idempotencyKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', idempotencyKey, 'lifeboat', 'idempotent answer', 32));
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url, AES-256-GCM. */
function seal(text: string, idempotencyKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(idempotencyKey), iv);
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

function unseal(stored: string, idempotencyKey: string): string {
  const [version, iv, tag, sealed] = stored.split('.');
  if (version !== 'v1' || iv === undefined || tag === undefined || sealed === undefined) throw new Error('an idempotency record is not in the sealed form; it cannot be replayed');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(idempotencyKey), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
}
