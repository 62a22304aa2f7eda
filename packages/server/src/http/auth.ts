import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { principalOf, type Principal } from '../domain/access.js';
import { ServiceError } from '../errors.js';
import { parseApiKey } from '../internal/ids.js';
import type { Store } from '../store/store.js';

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

/**
 * Authenticates `Authorization: Bearer <key>`. The key's id finds the row; the secret's hash is
 * compared in constant time, so timing reveals nothing about stored hashes. Keys are never logged
 * and never echoed in errors.
 */
export async function authenticate(request: FastifyRequest, store: Store): Promise<Principal> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  const parsed = match?.[1] === undefined ? undefined : parseApiKey(match[1]);
  // Built only when thrown: capturing a stack on every request costs more than the lookup.
  const unauthenticated = () =>
    new ServiceError(
      'UNAUTHENTICATED',
      header === undefined
        ? 'No API key: send "Authorization: Bearer <api key>". The server writes its owner key to <data dir>/owner.key on first start.'
        : 'The API key is not valid: it is malformed, unknown or deleted. Use a key from `lifeboat keys create` or the owner.key file.',
    );
  if (parsed === undefined) throw unauthenticated();
  const key = await store.getApiKey(parsed.apiKeyId);
  const presented = hashSecret(parsed.secret);
  // Compare even when the id is unknown, so both paths take the same time.
  const stored = key?.secretHash ?? Buffer.alloc(presented.length);
  if (!timingSafeEqual(presented, stored) || key === undefined) throw unauthenticated();
  return principalOf(key);
}
