import { randomBytes, randomUUID } from 'node:crypto';
import type { ResourceChange } from '../plan/types.js';
import { refusedOutright } from '../resources/batched-writes.js';
import type { Attributes, HandlerContext, ResourceType } from '../resources/resource-type.js';
import { lifeboatProviderAddress, parseInstanceAddress } from '../state/index.js';
import type { AttributeValue, JournalEntry, ResourceInstanceState, ResourceState } from '../state/types.js';

/** One change to carry out, with everything it needs. */
export interface PerformRequest {
  readonly change: ResourceChange;
  readonly resourceType: ResourceType;
  readonly context: HandlerContext;
  /** The instance's configuration, known in full. */
  readonly config: Attributes;
  /**
   * The instance's objects as the plan found them: the current one (deposed by a
   * `create_before_destroy` replacement) and the deposed keys already taken.
   */
  readonly prior: { readonly current: ResourceInstanceState | undefined; readonly deposedKeys: ReadonlySet<string> };
  /** Appends a journal entry; resolves once it is durable. */
  readonly record: (entry: JournalEntry) => Promise<void>;
}

/**
 * Carries out one change through its type's handlers, journalling each step as it lands, and
 * returns the object's new attributes (`undefined` for a delete).
 */
export async function perform(request: PerformRequest): Promise<Attributes | undefined> {
  const { change, resourceType, context, config, record } = request;
  const prior = change.before ?? {};
  // Whether this run recorded an object at the address (created, or accepted and tainted).
  let placed = false;
  const create = async (): Promise<Attributes> => {
    const idempotencyKey = change.resumeIdempotencyKey ?? randomUUID();
    const operation = { address: change.address, action: 'create' as const, idempotencyKey, request: config as AttributeValue, startedAt: new Date().toISOString() };
    // Only a create that makes a new object under an id the server picks (a backup, a restored
    // cluster) can leave an orphan or a duplicate when interrupted. It is recorded before the
    // call, so an interrupted apply re-sends it with the same key next time. A policy's create
    // sets the one policy of its cluster and converges when repeated: it needs no record, and
    // skipping it spares two journal syncs on the path every such create waits on.
    const tracked = resourceType.acceptedState !== undefined || change.resumeIdempotencyKey !== undefined;
    if (tracked) await record({ kind: 'pending', operation });
    let accepted: string | undefined;
    try {
      const created = await resourceType.create({
        ...context,
        config,
        idempotencyKey,
        onAccepted: async ({ objectId, jobId }) => {
          accepted = objectId;
          await record({ kind: 'pending', operation: { ...operation, objectId, ...(jobId ? { jobId } : {}) } });
        },
      });
      await record(instanceEntry(change, created, change.dependencies));
      placed = true;
      if (tracked) await record({ kind: 'pending-done', address: change.address });
      return created;
    } catch (error) {
      if (!context.signal.aborted && accepted !== undefined && resourceType.acceptedState) {
        // The object exists but its job failed: tainted, so the next apply replaces it.
        await record(instanceEntry(change, resourceType.acceptedState(config, accepted), change.dependencies, true));
        placed = true;
        await record({ kind: 'pending-done', address: change.address });
      } else if (tracked && !context.signal.aborted && accepted === undefined && refusedOutright(error)) {
        // The server refused the request and did nothing: there is nothing to reconcile, and a
        // later apply (with the configuration fixed) starts afresh rather than resending.
        await record({ kind: 'pending-done', address: change.address });
      }
      throw error;
    }
  };
  const destroy = async () => {
    await resourceType.delete({ ...context, prior });
    await record({ kind: 'remove-instance', address: change.address, ...(change.deposed === undefined ? {} : { deposed: change.deposed }) });
  };

  switch (change.actions.join('/')) {
    case 'read':
      return resourceType.read({ ...context, prior: config });
    case 'create':
      return create();
    case 'update': {
      if (resourceType.update === undefined) throw new Error(`${change.type} cannot be updated in place.`);
      const updated = await resourceType.update({ ...context, prior, config });
      await record(instanceEntry(change, updated, change.dependencies));
      return updated;
    }
    case 'delete':
      await destroy();
      return undefined;
    case 'delete/create':
      await destroy();
      return create();
    case 'create/delete': {
      // The old object becomes a deposed object before anything else happens, so that however
      // this ends (a failed delete, a SIGKILL while creating or deleting) the state still holds
      // it, and the next plan destroys it.
      const deposed = newDeposedKey(request.prior.deposedKeys);
      const old: ResourceInstanceState = { ...(request.prior.current ?? instanceEntry(change, prior, change.dependencies).instance), attributes: prior };
      await record({ kind: 'depose-instance', address: change.address, resource: resourceOf(change), instance: { ...old, deposed } });
      let created: Attributes;
      try {
        created = await create();
      } catch (error) {
        // Nothing new stands at the address: the old object is the instance again, as Terraform
        // restores it. A tainted new object stays, and the old one stays deposed.
        if (!placed) await record({ kind: 'restore-deposed', address: change.address, deposed, resource: resourceOf(change), instance: old });
        throw error;
      }
      await resourceType.delete({ ...context, prior });
      await record({ kind: 'remove-instance', address: change.address, deposed });
      return created;
    }
    default:
      throw new Error(`Unknown action ${change.actions.join('/')} for ${change.address}.`);
  }
}

/** A deposed key as Terraform makes them: 8 random hex digits, not one the instance has already. */
function newDeposedKey(taken: ReadonlySet<string>): string {
  for (;;) {
    const key = randomBytes(4).toString('hex');
    if (!taken.has(key)) return key;
  }
}

function resourceOf(change: ResourceChange): Omit<ResourceState, 'instances'> {
  const parsed = parseInstanceAddress(change.address);
  return { mode: parsed.mode, type: parsed.type, name: parsed.name, provider: lifeboatProviderAddress };
}

/** The `put-instance` entry recording `attributes` as the change's current object. */
export function instanceEntry(change: ResourceChange, attributes: Attributes, dependencies: readonly string[], tainted = false): JournalEntry & { kind: 'put-instance' } {
  const parsed = parseInstanceAddress(change.address);
  return {
    kind: 'put-instance',
    address: change.address,
    resource: resourceOf(change),
    instance: {
      ...(parsed.key === undefined ? {} : { index_key: parsed.key }),
      schema_version: 0,
      attributes,
      sensitive_attributes: change.sensitive.map((name) => [{ type: 'get_attr' as const, value: name }]),
      dependencies,
      ...(tainted ? { status: 'tainted' as const } : {}),
      ...(change.createBeforeDestroy ? { create_before_destroy: true } : {}),
    },
  };
}
