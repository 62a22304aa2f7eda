/**
 * The start of every IaC command that talks to the server: the configuration, the server it
 * names, and its state backend (closed when the run ends).
 */
import type { StateBackend } from '@lifeboat/engine';
import type { Connection, Runtime } from '../runtime/runtime.js';
import type { StateOptions, VariableOptions } from './options.js';
import { openStateBackend } from './state-backend.js';
import { loadWorkspace, type Workspace } from './workspace.js';

/** A workspace, its server and its state. */
export interface Prepared {
  readonly workspace: Workspace;
  readonly connection: Connection;
  readonly backend: StateBackend;
}

/** Loads the workspace, connects (announcing the server unless `json`), and opens the backend. */
export async function prepare(runtime: Runtime, options: VariableOptions & StateOptions & { readonly json?: boolean | undefined }): Promise<Prepared> {
  const json = options.json === true;
  const workspace = await loadWorkspace({ runtime, stack: options.stack, variables: options, json });
  const backend = await openStateBackend({ configuration: workspace.configuration, cwd: runtime.cwd, env: runtime.env, options });
  runtime.onClose(() => backend.close());
  const connection = await runtime.connect({ provider: workspace.provider ?? null, announce: !json });
  return { workspace, connection, backend };
}
