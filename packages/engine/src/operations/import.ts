/**
 * `import ADDR ID` and `import` blocks: bring an object that already exists on the server under
 * management, recording it in the state without changing it. A plan for a configuration that
 * matches the object is then empty.
 */
import type { Lifeboat } from '@lifeboat/sdk';
import type { EngineHooks } from '../apply/hooks.js';
import type { Configuration } from '../config/model.js';
import { containsUnknown, type Value } from '../expressions/index.js';
import type { Attributes } from '../resources/resource-type.js';
import type { StateBackend } from '../state/backend.js';
import { applyJournal, emptyState } from '../state/snapshot.js';
import type { JournalEntry, StateSnapshot } from '../state/types.js';
import { ImportFailedError, InvalidImportIdError, ResourceAlreadyManagedError } from './errors/import.js';
import { importEvaluation, resolveImportTarget, type ImportTarget } from './internal/import-target.js';
import { canonicalAddress, LIFEBOAT_PROVIDER, sensitiveAttributesOf, stateInstances } from './internal/state-instances.js';

/** What {@link importResource} needs. */
export interface ImportResourceRequest {
  readonly configuration: Configuration;
  /** Input variable values, for `count`/`for_each` of the target block. */
  readonly variables: Readonly<Record<string, Value>>;
  readonly backend: StateBackend;
  readonly client: Lifeboat;
  /** The instance to import to, e.g. `lifeboat_copy_policy.dr["in01-a"]`. */
  readonly address: string;
  /** The object's id, as the type's `import` expects it (its `id` attribute). */
  readonly id: string;
  readonly signal?: AbortSignal;
  /** Progress, reported with action `import`. */
  readonly hooks?: EngineHooks;
}

/** One instance brought under management. */
export interface ImportedInstance {
  readonly address: string;
  readonly id: string;
  /** What was recorded in the state: the object as the server reports it. */
  readonly attributes: Attributes;
}

/** The imported instance and the state written with it. */
export interface ImportResourceResult extends ImportedInstance {
  readonly state: StateSnapshot;
}

/**
 * Imports one existing object into the state, under the state lock. Nothing on the server
 * changes: the type's `import` handler reads the object, and the instance is recorded with no
 * dependencies (the next apply records them) and its sensitive attributes marked.
 *
 * @throws {InvalidAddressError} when the address does not parse.
 * @throws {ImportTargetNotDeclaredError} when the configuration does not declare the instance.
 * @throws {ImportNotSupportedError} when its type cannot import.
 * @throws {ResourceAlreadyManagedError} when the state already has the address.
 * @throws {ImportFailedError} when the object cannot be read (no such object, wrong id).
 * @throws {StateLockedError} when someone else holds the state lock.
 * @example
 * await importResource({ configuration, variables, backend, client, address: 'lifeboat_backup_policy.nightly', id: clusterId });
 */
export async function importResource(request: ImportResourceRequest): Promise<ImportResourceResult> {
  // Configuration problems are found before the lock is taken or the server asked.
  const target = resolveImportTarget(request);
  const lock = await request.backend.lock('import', `lifeboat import ${target.address}`);
  try {
    const current = (await request.backend.read()) ?? emptyState();
    const occupied = occupancyOf(current, target.address);
    if (occupied !== undefined) throw occupied.error;
    const imported = await importInstance(target, request.id, request);
    // One atomic snapshot write: nothing is half-recorded if the process dies.
    const state = await request.backend.write(applyJournal(current, [imported.entry]));
    return { address: target.address, id: request.id, attributes: imported.attributes, state };
  } finally {
    await lock.release();
  }
}

/** What {@link importBlocks} needs. */
export type ImportBlocksRequest = Omit<ImportResourceRequest, 'address' | 'id'>;

/** What `import` blocks did; like apply, a failure of one block does not stop the others. */
export interface ImportBlocksResult {
  readonly imported: readonly ImportedInstance[];
  /** Targets already in the state: imported earlier, nothing to do (the blocks can be removed). */
  readonly alreadyManaged: readonly string[];
  readonly failed: readonly { readonly address: string; readonly error: Error }[];
  /** The state after the imports (as read when nothing was imported; `undefined` when there is none). */
  readonly state: StateSnapshot | undefined;
  /** False when any block failed. */
  readonly complete: boolean;
}

/**
 * Imports every `import` block whose target is not in the state yet, under one state lock, and
 * writes the state once. Ids may use variables and locals (`"${var.cluster_id}/local-2"`).
 * A block that cannot be imported is reported in `failed`; the others are still imported.
 * Blocks are imported one at a time: there are few, and each is one read.
 *
 * @throws {StateLockedError} when someone else holds the state lock.
 */
export async function importBlocks(request: ImportBlocksRequest): Promise<ImportBlocksResult> {
  const { configuration, variables, backend } = request;
  if (configuration.imports.length === 0) return { imported: [], alreadyManaged: [], failed: [], state: await backend.read(), complete: true };
  const failed: { address: string; error: Error }[] = [];
  const targets: { target: ImportTarget; id: string; file: string }[] = [];
  const evaluation = importEvaluation(configuration, variables);
  for (const block of configuration.imports) {
    try {
      const target = resolveImportTarget({ configuration, variables, address: block.to });
      targets.push({ target, id: evaluateId(evaluation, block.id, target.address, block.file), file: block.file });
    } catch (error) {
      failed.push({ address: block.to, error: error as Error });
    }
  }
  if (targets.length === 0) return { imported: [], alreadyManaged: [], failed, state: await backend.read(), complete: false };

  const lock = await backend.lock('import', 'lifeboat import blocks');
  try {
    const read = await backend.read();
    const current = read ?? emptyState();
    const imported: ImportedInstance[] = [];
    const alreadyInState: string[] = [];
    const entries: JournalEntry[] = [];
    const claimed = new Map<string, string>();
    for (const { target, id, file } of targets) {
      const first = claimed.get(target.address);
      if (first !== undefined) {
        failed.push({
          address: target.address,
          error: new ResourceAlreadyManagedError({ address: target.address, problem: `two import blocks (in ${first} and ${file}) import to ${target.address}`, fix: 'Remove one of them.' }),
        });
        continue;
      }
      claimed.set(target.address, file);
      const occupied = occupancyOf(current, target.address);
      if (occupied !== undefined) {
        if (occupied.inState) alreadyInState.push(target.address);
        else failed.push({ address: target.address, error: occupied.error });
        continue;
      }
      try {
        const result = await importInstance(target, id, request);
        entries.push(result.entry);
        imported.push({ address: target.address, id, attributes: result.attributes });
      } catch (error) {
        // Aborted: nothing is written. The imports so far were only reads, so running again redoes them.
        if (request.signal?.aborted === true) throw error;
        failed.push({ address: target.address, error: error as Error });
      }
    }
    const state = entries.length === 0 ? read : await backend.write(applyJournal(current, entries));
    return { imported, alreadyManaged: alreadyInState, failed, state, complete: failed.length === 0 };
  } finally {
    await lock.release();
  }
}

/** Why nothing can be imported to an address: an instance is there, or an interrupted create is pending for it. */
interface Occupied {
  /** True for an instance in the state; false for a pending create. */
  readonly inState: boolean;
  readonly error: ResourceAlreadyManagedError;
}

function occupancyOf(state: StateSnapshot, address: string): Occupied | undefined {
  const existing = stateInstances(state).find((item) => item.address === address);
  if (existing !== undefined) {
    const id = existing.instance.attributes.id;
    const error = new ResourceAlreadyManagedError({
      address,
      problem: `${address} is already in the state${typeof id === 'string' ? ` (id ${JSON.stringify(id)})` : ''}`,
      fix: `To import another object there, first run \`lifeboat state rm ${address}\` (the object stays on the server); to keep this one under another address, use \`lifeboat state mv\`.`,
    });
    return { inState: true, error };
  }
  const pending = state.pending.find((operation) => canonicalAddress(operation.address) === address);
  if (pending === undefined) return undefined;
  const error = new ResourceAlreadyManagedError({
    address,
    problem: `an interrupted apply started creating ${address}${pending.objectId === undefined ? '' : ` (${pending.objectId})`} and it is still pending`,
    fix: 'Run `lifeboat apply` to finish that create first; importing now could leave the object it started as an orphan.',
  });
  return { inState: false, error };
}

/** Reads the object through the type's handler and builds the state entry for it. */
async function importInstance(target: ImportTarget, id: string, request: ImportBlocksRequest): Promise<{ entry: JournalEntry; attributes: Attributes }> {
  const { block, resourceType, address } = target;
  const hooks = request.hooks ?? {};
  const signal = request.signal ?? new AbortController().signal;
  const started = Date.now();
  hooks.onResourceStart?.({ address, action: 'import' });
  let attributes: Attributes;
  try {
    attributes = await resourceType.import({
      client: request.client,
      signal,
      address,
      id,
      onProgress: (progress) => hooks.onResourceProgress?.({ address, progress }),
      timeoutMs: block.timeouts?.read,
    });
  } catch (cause) {
    const error = signal.aborted ? (cause as Error) : new ImportFailedError({ address, id, idFormat: idFormatOf(target), cause });
    hooks.onResourceError?.({ address, action: 'import', error });
    throw error;
  }
  hooks.onResourceDone?.({ address, action: 'import', elapsedMs: Date.now() - started, id: resourceType.id(attributes) });
  const entry: JournalEntry = {
    kind: 'put-instance',
    address,
    resource: { mode: 'managed', type: block.type, name: block.name, provider: LIFEBOAT_PROVIDER },
    instance: {
      ...(target.key === undefined ? {} : { index_key: target.key }),
      schema_version: 0,
      attributes,
      sensitive_attributes: sensitiveAttributesOf('managed', block.type).map((name) => [{ type: 'get_attr' as const, value: name }]),
      dependencies: [],
      ...(block.lifecycle.createBeforeDestroy ? { create_before_destroy: true } : {}),
    },
  };
  return { entry, attributes };
}

/** How the type's import ids look, from its schema's `id` attribute. */
function idFormatOf({ resourceType }: ImportTarget): string {
  // Descriptions are written for docs ("The cluster id.", "`<cluster_id>/<region_id>`."): made to read inside a sentence.
  const described = resourceType.schema.attributes.id?.description.replace(/`/g, '').replace(/\.$/, '');
  if (described === undefined) return `${resourceType.type} import ids are its id attribute`;
  return `${resourceType.type} import ids are ${described.charAt(0).toLowerCase()}${described.slice(1)}`;
}

/** An import block's id, evaluated with variables and locals. */
function evaluateId(evaluation: ReturnType<typeof importEvaluation>, expression: string, address: string, file: string): string {
  let value: Value;
  try {
    value = evaluation.evaluate(expression);
  } catch (cause) {
    throw new InvalidImportIdError({ address, file, problem: (cause as Error).message.replace(/\.$/, ''), cause });
  }
  if (containsUnknown(value)) throw new InvalidImportIdError({ address, file, problem: 'it refers to values known only after apply' });
  if (typeof value !== 'string' || value === '') {
    throw new InvalidImportIdError({ address, file, problem: value === '' ? 'it is empty' : `it is ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a map' : `the ${typeof value} ${JSON.stringify(value)}`}, not a string` });
  }
  return value;
}
