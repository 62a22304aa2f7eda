import { z } from 'zod';
import { privilegeResponseSchema, privilegeSchema, roleResponseSchema, roleSchema } from '../enums.js';
import { apiKeyIdSchema, displayNameSchema, projectIdSchema, responseTimestampSchema } from '../primitives.js';

export const apiKeyPathSchema = z.strictObject({ apiKeyId: apiKeyIdSchema });

export const createApiKeyRequestSchema = z
  .strictObject({
    name: displayNameSchema,
    role: roleSchema,
    projectIds: z.array(projectIdSchema).min(1).optional().describe('Projects the key may act in; all projects for ORG_OWNER.'),
    privileges: z.array(privilegeSchema).min(1).optional().describe('Required for, and only for, CUSTOM keys.'),
  })
  .superRefine((body, ctx) => {
    if (body.role === 'CUSTOM' && body.privileges === undefined) {
      ctx.addIssue({ code: 'custom', path: ['privileges'], message: 'a CUSTOM key needs privileges, e.g. ["backup:create"]' });
    }
    if (body.role !== 'CUSTOM' && body.privileges !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['privileges'], message: `only CUSTOM keys take privileges; ${body.role} implies its own` });
    }
    if (body.role === 'ORG_OWNER' && body.projectIds !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['projectIds'], message: 'an ORG_OWNER key covers every project; drop projectIds' });
    }
    if (body.role !== 'ORG_OWNER' && body.projectIds === undefined) {
      ctx.addIssue({ code: 'custom', path: ['projectIds'], message: `a ${body.role} key needs the projects it may act in` });
    }
  });
export type CreateApiKeyRequest = z.input<typeof createApiKeyRequestSchema>;

export const createApiKeyResponseSchema = z.object({
  apiKeyId: z.string(),
  apiKey: z.string().describe('The secret; shown only in this response.'),
});
export type CreateApiKeyResult = z.infer<typeof createApiKeyResponseSchema>;

/** An API key as listed; never includes the secret. */
export const apiKeySchema = z.object({
  apiKeyId: z.string(),
  name: z.string(),
  role: roleResponseSchema,
  projectIds: z.array(z.string()),
  privileges: z.array(privilegeResponseSchema),
  createTime: responseTimestampSchema,
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const listApiKeysResponseSchema = z.object({ apiKeys: z.array(apiKeySchema) });

export const deleteApiKeyResponseSchema = z.object({ apiKeyId: z.string() });
