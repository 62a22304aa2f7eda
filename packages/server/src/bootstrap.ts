import { displayNameSchema } from '@lifeboat/api';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from './store/store.js';
import { hashSecret } from './http/auth.js';
import type { Clock } from './internal/clock.js';
import { newApiKey, newProjectId, parseApiKey } from './internal/ids.js';

export const ownerKeyFile = 'owner.key';

/**
 * First start: a default project and an ORG_OWNER key, written to `<dataDir>/owner.key` readable
 * only by its owner (0600). Later starts read the key back from that file.
 */
export async function ensureOwner(store: Store, dataDir: string, clock: Clock): Promise<{ ownerApiKey: string; defaultProjectId: string }> {
  let defaultProjectId = await store.getMeta('defaultProjectId');
  if (defaultProjectId === undefined) {
    defaultProjectId = newProjectId();
    await store.createProject({ projectId: defaultProjectId, projectName: 'Default Project', createTime: clock.now() });
    await store.setMeta('defaultProjectId', defaultProjectId);
  }
  const path = join(dataDir, ownerKeyFile);
  const existing = await readFile(path, 'utf8').then((text) => text.trim(), () => undefined);
  const parsed = existing === undefined ? undefined : parseApiKey(existing);
  if (existing !== undefined && parsed !== undefined && (await store.getApiKey(parsed.apiKeyId)) !== undefined) {
    return { ownerApiKey: existing, defaultProjectId };
  }
  const { apiKeyId, apiKey, secret } = newApiKey();
  await store.createApiKey({ apiKeyId, name: 'owner', role: 'ORG_OWNER', projectIds: [], privileges: [], secretHash: hashSecret(secret), createTime: clock.now() });
  // 'w' with mode 0o600 only applies the mode on creation; a stale file is replaced whole.
  const { rm } = await import('node:fs/promises');
  await rm(path, { force: true });
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(`${apiKey}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { ownerApiKey: apiKey, defaultProjectId };
}

/**
 * Creates the projects named in `ServerOptions.projects` that do not exist yet, matched by name,
 * so a server shared by several teams has a project per team (and keys scoped to each) from its
 * first start. Names already present are left alone on later starts, and a project is never
 * deleted because its name left the list: it may still hold clusters and backups.
 */
export async function ensureProjects(store: Store, projectNames: readonly string[], clock: Clock): Promise<void> {
  const existing = new Set((await store.listProjects()).map((project) => project.projectName));
  for (const projectName of projectNames) {
    const checked = displayNameSchema.safeParse(projectName);
    if (!checked.success) {
      throw new Error(`Invalid project name ${JSON.stringify(projectName)} in the server options: ${checked.error.issues.map((issue) => issue.message).join('; ')}.`);
    }
    if (existing.has(projectName)) continue;
    await store.createProject({ projectId: newProjectId(), projectName, createTime: clock.now() });
    existing.add(projectName);
  }
}
