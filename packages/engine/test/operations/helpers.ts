import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifeboat } from '@lifeboat/sdk';
import { startServer, type RunningServer } from '@lifeboat/server';
import { expect } from 'vitest';
import { loadConfiguration } from '../../src/config/load.js';
import type { Configuration } from '../../src/config/model.js';
import { resolveVariables } from '../../src/config/variables.js';
import type { Value } from '../../src/expressions/index.js';
import { plan, type PlanOptions } from '../../src/plan/planner.js';
import type { Plan } from '../../src/plan/types.js';
import { applyJournal, emptyState, LocalStateBackend } from '../../src/state/index.js';
import type { JournalEntry, StateSnapshot } from '../../src/state/types.js';

/** A real server on an ephemeral port, in a temp dir that `close` removes. */
export interface TestServer {
  readonly server: RunningServer;
  readonly client: Lifeboat;
  readonly root: string;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const root = await mkdtemp(join(tmpdir(), 'lifeboat-operations-'));
  const server = await startServer({ dataDir: join(root, 'server'), runner: { leaseMs: 2000, pollMs: 20 }, rateLimitPerSecond: 100_000 });
  const client = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey });
  return {
    server,
    client,
    root,
    close: async () => {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

let clusters = 0;

/** A fresh cluster in local-1, so tests do not see each other's policies. */
export async function newCluster({ server, client }: TestServer): Promise<string> {
  const { clusterId } = await client.clusters.create({ projectId: server.defaultProjectId, regionId: 'local-1', clusterName: `ops-${++clusters}`, cuSize: 1 });
  return clusterId;
}

/** A project directory with its own state file. */
export interface Workspace {
  readonly dir: string;
  readonly backend: LocalStateBackend;
  readonly statePath: string;
}

export async function newWorkspace({ root }: TestServer | { root: string }): Promise<Workspace> {
  await mkdir(root, { recursive: true });
  const dir = await mkdtemp(join(root, 'work-'));
  const statePath = join(dir, 'terraform.tfstate');
  return { dir, backend: new LocalStateBackend({ path: statePath }), statePath };
}

/** Writes `main.tf.json` and loads it, with `-var` values; the configuration must load cleanly unless `lenient`. */
export async function configure(
  { dir }: Workspace,
  document: unknown,
  vars: Readonly<Record<string, string>> = {},
  lenient = false,
): Promise<{ configuration: Configuration; variables: Record<string, Value> }> {
  await writeFile(join(dir, 'main.tf.json'), JSON.stringify(document));
  const { configuration, diagnostics } = await loadConfiguration({ dir });
  if (!lenient) expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const resolved = await resolveVariables(configuration, { vars, env: {} });
  return { configuration, variables: Object.fromEntries(resolved.values) };
}

/** Plans the workspace's configuration against its state. */
export async function planWorkspace(
  workspace: Workspace,
  client: Lifeboat,
  loaded: { configuration: Configuration; variables: Record<string, Value> },
  extra: Partial<PlanOptions> = {},
): Promise<Plan> {
  const state = (await workspace.backend.read()) ?? emptyState();
  return plan({ ...loaded, state, client, ...extra });
}

/** Addresses of the plan with their actions, `create` or `delete/create`. */
export const actionsOf = (planned: Plan): Record<string, string> => Object.fromEntries(planned.resourceChanges.map((c) => [c.address, c.actions.join('/')]));

/** Stores a state built from entries, as a finished apply would have. */
export async function seedState(backend: LocalStateBackend, entries: readonly JournalEntry[], outputs: StateSnapshot['outputs'] = {}): Promise<StateSnapshot> {
  const lock = await backend.lock('seed');
  try {
    return await backend.write({ ...applyJournal(emptyState(), entries), outputs });
  } finally {
    await lock.release();
  }
}
