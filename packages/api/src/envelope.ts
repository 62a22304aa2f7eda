import { z } from 'zod';

/**
 * Every response is wrapped: `{code: 0, data}` on success, `{code, message, requestId}` on error.
 * A 200 whose `code` is not 0 is an error too (the hosted service answers some errors that way).
 */
export const successEnvelopeSchema = <T extends z.ZodType>(data: T) =>
  z.object({ code: z.literal(0), data });

export const errorEnvelopeSchema = z
  .object({
    code: z.number().int().describe('Error code; never 0.'),
    message: z.string().describe('What went wrong and what to do.'),
    requestId: z.string().optional().describe('Also sent as the `x-request-id` header.'),
  })
  .meta({ id: 'Error' });

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** Loose first look at any envelope, before the `data` schema of the endpoint applies. */
export const anyEnvelopeSchema = z.object({
  code: z.number(),
  data: z.unknown().optional(),
  message: z.string().optional(),
  requestId: z.string().optional(),
});

export type AnyEnvelope = z.infer<typeof anyEnvelopeSchema>;

/** Header carrying the request id on every response. */
export const requestIdHeader = 'x-request-id';
/** Header carrying the idempotency key of a POST. */
export const idempotencyKeyHeader = 'idempotency-key';
