import type { ApiKey, CreateApiKeyRequest, CreateApiKeyResult, Project, Region } from '@lifeboat/api';
import type { ServerContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { hashSecret } from '../http/auth.js';
import { isoSeconds } from '../internal/clock.js';
import { newApiKey } from '../internal/ids.js';
import { authorize, inScope, type Principal } from './access.js';
import { apiKeyView } from './views.js';

export async function listProjects(ctx: ServerContext, principal: Principal): Promise<Project[]> {
  const counts = await ctx.store.countClustersByProject();
  const regionIds = ctx.regionInfo.map((region) => region.regionId);
  return (await ctx.store.listProjects())
    .filter((project) => inScope(principal, project.projectId))
    .map((project) => ({
      projectId: project.projectId,
      projectName: project.projectName,
      instanceCount: counts.get(project.projectId) ?? 0,
      createTime: isoSeconds(project.createTime),
      regionIds,
    }));
}

export function listRegions(ctx: ServerContext): Region[] {
  return [...ctx.regionInfo];
}

export async function createApiKey(ctx: ServerContext, principal: Principal, request: CreateApiKeyRequest): Promise<CreateApiKeyResult> {
  authorize(principal, 'keys:manage', [], 'project');
  for (const projectId of request.projectIds ?? []) {
    if ((await ctx.store.getProject(projectId)) === undefined) throw new ServiceError('INVALID_PROJECT_ID', `Unknown project ${projectId}. List projects with GET /v2/projects.`);
  }
  const { apiKeyId, apiKey, secret } = newApiKey();
  await ctx.store.createApiKey({
    apiKeyId,
    name: request.name,
    role: request.role,
    projectIds: request.projectIds ?? [],
    privileges: request.privileges ?? [],
    secretHash: hashSecret(secret),
    createTime: ctx.clock.now(),
  });
  return { apiKeyId, apiKey };
}

export async function listApiKeys(ctx: ServerContext, principal: Principal): Promise<{ apiKeys: ApiKey[] }> {
  authorize(principal, 'keys:manage', [], 'project');
  return { apiKeys: (await ctx.store.listApiKeys()).map(apiKeyView) };
}

export async function deleteApiKey(ctx: ServerContext, principal: Principal, apiKeyId: string): Promise<{ apiKeyId: string }> {
  authorize(principal, 'keys:manage', [], 'project');
  if (apiKeyId === principal.apiKeyId) {
    throw new ServiceError('INVALID_REQUEST', 'A key cannot delete itself: that would lock this caller out. Delete it with another owner key.');
  }
  if (!(await ctx.store.deleteApiKey(apiKeyId))) throw new ServiceError('API_KEY_NOT_FOUND');
  return { apiKeyId };
}
