/**
 * Where the state lives: the configuration's `terraform { backend … }` block, as Terraform reads
 * it (`local` with `path`, `pg` with `conn_str` and `schema_name`), or `terraform.tfstate` in the
 * working directory when there is none. CDKTF writes the block into each stack's JSON.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  isStateError,
  loadConfiguration,
  LocalStateBackend,
  PostgresStateBackend,
  type Configuration,
  type StateBackend,
  type StateLock,
} from '@lifeboat/engine';
import { CliError } from '../runtime/cli-error.js';
import type { Runtime } from '../runtime/runtime.js';
import type { StackOptions, StateOptions } from './options.js';

/** A `backend` block: its type and settings. */
export interface BackendBlock {
  readonly type: string;
  readonly settings: Readonly<Record<string, unknown>>;
  /** The file it is in, for messages. */
  readonly file: string;
}

/**
 * The backend block of the configuration's files, if any. The engine's configuration model keeps
 * only `required_providers` of the `terraform` block, so the files are read again here.
 */
export async function backendBlockOf(configuration: Configuration): Promise<BackendBlock | undefined> {
  for (const file of configuration.files) {
    let document: unknown;
    try {
      document = JSON.parse(await readFile(resolve(configuration.dir, file), 'utf8'));
    } catch {
      continue; // loading reported it already
    }
    for (const terraform of blocks((document as { terraform?: unknown } | null)?.terraform)) {
      for (const backend of blocks(terraform['backend'])) {
        const [type, settings] = Object.entries(backend)[0] ?? [];
        if (type === undefined) continue;
        return { type, settings: blocks(settings)[0] ?? {}, file };
      }
    }
  }
  return undefined;
}

/** Terraform's JSON syntax allows a block as an object or as a list of objects. */
function blocks(value: unknown): Record<string, unknown>[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item));
}

/** What {@link openStateBackend} needs. */
export interface OpenStateBackendRequest {
  /** The loaded configuration, or `undefined` when the command has none (state commands in an empty directory). */
  readonly configuration: Configuration | undefined;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly options: Pick<StateOptions, 'lock' | 'lockTimeout'>;
}

/**
 * Opens the state backend the configuration names, honouring `-lock=false` and `-lock-timeout`.
 *
 * @throws {CliError} `UNSUPPORTED_BACKEND` for a backend type other than `local` and `pg`.
 */
export async function openStateBackend(request: OpenStateBackendRequest): Promise<StateBackend> {
  const block = request.configuration === undefined ? undefined : await backendBlockOf(request.configuration);
  const backend = backendFor(block, request);
  if (!request.options.lock) return withoutLocking(backend);
  return request.options.lockTimeout > 0 ? withLockTimeout(backend, request.options.lockTimeout) : backend;
}

function backendFor(block: BackendBlock | undefined, request: OpenStateBackendRequest): StateBackend {
  const setting = (name: string): string | undefined => {
    const value = block?.settings[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw new CliError({ code: 'INVALID_BACKEND', problem: `The ${block?.type ?? ''} backend in ${block?.file ?? ''} sets ${name} to ${JSON.stringify(value)}, not a string`, fix: `Set ${name} to a string.` });
    return value;
  };
  if (block === undefined || block.type === 'local') {
    // Terraform resolves a relative path against the directory it runs in: a CDKTF stack's
    // directory under cdktf.out (CDKTF's default path is absolute), or the *.tf.json directory.
    // Without a block, terraform.tfstate in the working directory.
    const workingDir = block === undefined ? request.cwd : (request.configuration?.moduleDir ?? request.cwd);
    return new LocalStateBackend({ path: setting('path') ?? 'terraform.tfstate', workingDir });
  }
  if (block.type === 'pg') {
    const connectionString = setting('conn_str') ?? request.env['PG_CONN_STR'];
    if (connectionString === undefined || connectionString === '') {
      throw new CliError({ code: 'INVALID_BACKEND', problem: `The pg backend in ${block.file} has no conn_str`, fix: 'Set conn_str in the backend block, or the PG_CONN_STR environment variable.' });
    }
    const schemaName = setting('schema_name') ?? request.env['PG_SCHEMA_NAME'];
    const workspace = request.env['TF_WORKSPACE'];
    return new PostgresStateBackend({ connectionString, ...(schemaName ? { schemaName } : {}), ...(workspace ? { workspace } : {}) });
  }
  throw new CliError({
    code: 'UNSUPPORTED_BACKEND',
    problem: `${block.file} configures the ${JSON.stringify(block.type)} state backend, which Lifeboat does not support`,
    fix: 'Use the local backend (the default) or pg (PostgreSQL).',
  });
}

/** `-lock=false`: every lock succeeds without taking anything. */
function withoutLocking(backend: StateBackend): StateBackend {
  return wrap(backend, async (operation) => ({
    info: { ID: 'none', Operation: operation, Who: 'lock disabled with -lock=false', Version: '', Created: new Date().toISOString(), Path: backend.describe() },
    release: async () => undefined,
  }));
}

/** `-lock-timeout`: a held lock is retried every half second until the time is up. */
function withLockTimeout(backend: StateBackend, timeoutMs: number): StateBackend {
  return wrap(backend, async (operation, info) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await backend.lock(operation, info);
      } catch (error) {
        if (!isStateError(error) || error.code !== 'STATE_LOCKED' || Date.now() >= deadline) throw error;
        await new Promise((done) => setTimeout(done, Math.min(500, Math.max(0, deadline - Date.now()))));
      }
    }
  });
}

function wrap(backend: StateBackend, lock: (operation: string, info?: string) => Promise<StateLock>): StateBackend {
  return {
    describe: () => backend.describe(),
    read: () => backend.read(),
    write: (state) => backend.write(state),
    append: (entry) => backend.append(entry),
    lock,
    forceUnlock: (id) => backend.forceUnlock(id),
    currentLock: () => backend.currentLock(),
    close: () => backend.close(),
  };
}

/**
 * The backend for commands that need only the state (`state`, `output`, `force-unlock`): the
 * configuration in the working directory is read for its backend block alone, so a directory
 * with no configuration, or one with errors, still has its state.
 */
export async function openStateBackendIn(runtime: Runtime, options: StackOptions & Partial<StateOptions>): Promise<StateBackend> {
  const { configuration } = await loadConfiguration({ dir: runtime.cwd, ...(options.stack === undefined ? {} : { stack: options.stack }) });
  const backend = await openStateBackend({
    configuration: configuration.files.length === 0 ? undefined : configuration,
    cwd: runtime.cwd,
    env: runtime.env,
    options: { lock: options.lock ?? true, lockTimeout: options.lockTimeout ?? 0 },
  });
  runtime.onClose(() => backend.close());
  return backend;
}
