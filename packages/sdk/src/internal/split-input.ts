import type { EndpointDefinition } from '@lifeboat/api';
import { z } from 'zod';
import { ValidationError } from '../errors/validation-error.js';
import type { CallParts } from './transport.js';

/**
 * SDK methods take one object holding path parameters and the body (or query) together, e.g.
 * `{clusterId, backupType}`. This splits it along the endpoint's path-parameter schema, so the
 * body sent is exactly the caller's fields and nothing else.
 */
export function splitInput(endpoint: EndpointDefinition, input: unknown): CallParts {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError(`Invalid input for ${endpoint.operationId}: expected an object. Nothing was sent.`, {
      source: 'client',
      issues: [{ path: '', message: 'expected an object' }],
      operationId: endpoint.operationId,
    });
  }
  const paramNames = endpoint.params instanceof z.ZodObject ? Object.keys(endpoint.params.shape) : [];
  const params: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (paramNames.includes(key)) params[key] = value;
    else if (value !== undefined) rest[key] = value;
  }
  return {
    params,
    ...(endpoint.body === undefined ? {} : { body: rest }),
    ...(endpoint.query === undefined ? {} : { query: rest }),
  };
}
