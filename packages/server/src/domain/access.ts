import type { Privilege, Role } from '@lifeboat/api';
import { ServiceError } from '../errors.js';
import type { ApiKeyRecord } from './model.js';

/** What a call does, for authorization: a privilege, a plain read, or key management. */
export type Action = Privilege | 'read' | 'keys:manage';

/** The caller, after authentication. */
export interface Principal {
  readonly apiKeyId: string;
  readonly role: Role;
  /** `null`: every project (ORG_OWNER). */
  readonly projectIds: readonly string[] | null;
  readonly privileges: readonly Privilege[];
}

export function principalOf(key: ApiKeyRecord): Principal {
  return {
    apiKeyId: key.apiKeyId,
    role: key.role,
    projectIds: key.role === 'ORG_OWNER' ? null : key.projectIds,
    privileges: key.privileges,
  };
}

const adminActions: readonly Action[] = [
  'read',
  'backup:create',
  'backup:delete',
  'backup:restore',
  'policy:write',
  'job:cancel',
  'cluster:write',
  'data:write',
  'data:read',
];

/** Whether the role allows the action at all, regardless of project. */
export function roleAllows(principal: Principal, action: Action): boolean {
  switch (principal.role) {
    case 'ORG_OWNER':
      return true;
    case 'PROJECT_ADMIN':
      return adminActions.includes(action);
    case 'PROJECT_READ':
      return action === 'read' || action === 'data:read';
    case 'CUSTOM':
      // A custom key reads what its projects hold (to wait for its own jobs) plus its privileges.
      return action === 'read' || (action !== 'keys:manage' && principal.privileges.includes(action));
  }
}

export function inScope(principal: Principal, projectId: string): boolean {
  return principal.projectIds === null || principal.projectIds.includes(projectId);
}

/**
 * Throws unless the key may do `action` in every listed project. `kind` picks the hosted error
 * code: a project out of scope reads differently for a cluster than for a project.
 */
export function authorize(principal: Principal, action: Action, projectIds: readonly string[], kind: 'cluster' | 'project' = 'cluster'): void {
  for (const projectId of projectIds) {
    if (!inScope(principal, projectId)) {
      throw new ServiceError(kind === 'cluster' ? 'CLUSTER_ORG_MISMATCH' : 'PROJECT_ORG_MISMATCH');
    }
  }
  if (!roleAllows(principal, action)) {
    throw new ServiceError(
      'KEY_SCOPE_DENIED',
      `This API key (role ${principal.role}) may not ${describeAction(action)}. Use a key whose role or privileges include ${action}.`,
    );
  }
}

function describeAction(action: Action): string {
  return action === 'read' ? 'read this' : action === 'keys:manage' ? 'manage API keys' : `use ${action}`;
}
