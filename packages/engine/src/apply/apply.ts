import { randomUUID } from 'node:crypto';
import type { Lifeboat } from '@lifeboat/sdk';
import type { Configuration } from '../config/model.js';
import { containsUnknown, omitUnknowns } from '../expressions/index.js';
import { Graph, walk, type WalkResult } from '../graph/index.js';
import { expandInstances, type ResourceInstance } from '../config/instances.js';
import { deepEqual } from '../internal/deep-equal.js';
import { bindingOf, Evaluation } from '../plan/scope.js';
import { incompleteApplyWarning, isTargeted } from '../plan/targeting.js';
import type { Diagnostic, Plan, ResourceChange } from '../plan/types.js';
import { resourceTypeOf } from '../resources/index.js';
import type { Attributes, HandlerContext, ResourceType } from '../resources/resource-type.js';
import { isConfigurable } from '../resources/schema.js';
import { applyJournal, emptyState, lifeboatProviderAddress, parseInstanceAddress, type StateBackend } from '../state/index.js';
import type { AttributeValue, JournalEntry, OutputState, StateSnapshot } from '../state/types.js';
import { ErroredPlanError, StalePlanError } from './errors.js';
import type { EngineHooks } from './hooks.js';
import { InstanceValues } from './instance-values.js';

export interface ApplyOptions {
  readonly plan: Plan;
  readonly backend: StateBackend;
  readonly client: Lifeboat;
  /** @default 10 */
  readonly parallelism?: number;
  /** Aborting stops scheduling; running creates stay recorded as pending for the next run. */
  readonly signal?: AbortSignal;
  readonly hooks?: EngineHooks;
}

export interface ApplyResult {
  readonly state: StateSnapshot;
  readonly walk: WalkResult;
  readonly outputs: Readonly<Record<string, OutputState>>;
  /** False when anything failed, was skipped or did not start. */
  readonly complete: boolean;
  /**
   * Warnings to show after the apply's own report: "Applied changes may be incomplete" when the
   * plan was targeted (`-target`/`-exclude`), as Terraform repeats it at the end.
   */
  readonly diagnostics: readonly Diagnostic[];
}


/**
 * Applies a plan under the state lock. Operations run in dependency order, at most
 * `parallelism` at once; each result is appended to the state journal as it lands (no
 * whole-state rewrite per resource) and the journal is folded into a new snapshot at the end.
 * A failure stops only its dependents. Only resources the plan names are touched.
 */
export async function apply(options: ApplyOptions): Promise<ApplyResult> {
  const { plan, backend } = options;
  if (plan.errored) throw new ErroredPlanError();
  const lock = await backend.lock('OperationTypeApply');
  try {
    const current = adoptLineage((await backend.read()) ?? emptyState(plan.lineage), plan);
    if (current.lineage !== plan.lineage || current.serial !== plan.serial) {
      throw new StalePlanError({ planned: { lineage: plan.lineage, serial: plan.serial }, current: { lineage: current.lineage, serial: current.serial } });
    }
    const entries: JournalEntry[] = [];
    const record = async (entry: JournalEntry) => {
      entries.push(entry);
      await backend.append(entry);
    };
    for (const entry of plan.stateMoves) await record(entry);
    // A pending create whose object the state already holds has finished: the process died
    // between recording the instance and `pending-done`. Left in place, a later create at that
    // address would re-send its key and the server would replay the old (maybe deleted) object.
    const finished = finishedPending(current);
    for (const address of finished) await record({ kind: 'pending-done', address });
    // Refreshed values of unchanged objects, so state matches what exists.
    for (const drift of plan.resourceDrift) {
      // A move without drift: the moves above already recorded it.
      if (drift.actions[0] === 'no-op') continue;
      const change = plan.resourceChanges.find((c) => c.address === drift.address);
      if (change !== undefined && change.actions[0] !== 'no-op') continue;
      if (drift.after === null) await record({ kind: 'remove-instance', address: drift.address });
      else await record(instanceEntry(drift, drift.after, drift.dependencies));
    }

    const configuration = plan.configuration as Configuration;
    const values = new InstanceValues(plan);
    const evaluation = new Evaluation({ variables: plan.variables, locals: configuration.locals, dir: configuration.moduleDir, blockValue: (a) => values.blockValue(a) });
    const actionable = plan.resourceChanges.filter((change) => change.actions[0] !== 'no-op');
    const graph = applyGraph(actionable);
    // Each block's instances, expanded once (count/for_each were known at plan time).
    const expansions = new Map<string, ResourceInstance[]>();

    const signal = options.signal ?? new AbortController().signal;
    const hooks = options.hooks ?? {};
    const walked = await walk(graph, {
      parallelism: options.parallelism ?? 10,
      signal,
      visit: async ({ data: planned, signal: visitSignal }) => {
        if (planned === undefined) return; // an ordering barrier: nothing to do
        const { resumeIdempotencyKey: _finishedKey, ...withoutKey } = planned;
        const change: ResourceChange = finished.has(planned.address) ? withoutKey : planned;
        const resourceType = resourceTypeOf(change.mode, change.type);
        if (resourceType === undefined) throw new Error(`Unknown resource type ${change.type}.`);
        const action = change.actions.join('/');
        const started = Date.now();
        hooks.onResourceStart?.({ address: change.address, action });
        try {
          const context: HandlerContext = {
            client: options.client,
            signal: visitSignal,
            address: change.address,
            onProgress: (progress) => hooks.onResourceProgress?.({ address: change.address, progress }),
            timeoutMs: timeoutOf(change, configuration),
          };
          const outcome = await perform(change, resourceType, context, configFor(change, configuration, evaluation, expansions), record);
          if (outcome !== undefined) values.set(change.address, outcome);
          hooks.onResourceDone?.({ address: change.address, action, elapsedMs: Date.now() - started, ...(outcome ? { id: resourceType.id(outcome) } : {}) });
        } catch (error) {
          hooks.onResourceError?.({ address: change.address, action, error: error as Error });
          throw error;
        }
      },
    });

    // Barrier nodes order the walk; they are not operations, so the result leaves them out.
    const real = (id: string) => !id.startsWith('built:') && !id.startsWith('gate:');
    const result: WalkResult = {
      succeeded: walked.succeeded.filter(real),
      failed: walked.failed.filter((f) => real(f.id)),
      skipped: walked.skipped.filter((s) => real(s.id)),
      notStarted: walked.notStarted.filter(real),
    };

    const outputs: Record<string, OutputState> = {};
    if (plan.mode !== 'destroy') {
      for (const [name, output] of configuration.outputs) {
        try {
          const value = evaluation.evaluate(output.value);
          if (!containsUnknown(value)) outputs[name] = { value: omitUnknowns(value) as AttributeValue, type: 'string', ...(output.sensitive ? { sensitive: true } : {}) };
        } catch {
          // An output that depends on something that failed is left out; the failure is reported.
        }
      }
    }
    await record({ kind: 'outputs', outputs });
    const state = await backend.write(applyJournal(current, entries));
    const complete = result.failed.length === 0 && result.skipped.length === 0 && result.notStarted.length === 0;
    return { state, walk: result, outputs, complete, diagnostics: isTargeted(plan) ? [incompleteApplyWarning] : [] };
  } finally {
    await lock.release();
  }
}

const isDelete = (change: ResourceChange) => change.actions.length === 1 && change.actions[0] === 'delete';

/**
 * The order of an apply. Dependencies name resources (or, in older states, instances); one
 * barrier node per resource and direction stands for "every change of that resource", so the
 * graph grows with changes plus dependencies, not with their product. Creates and updates wait
 * for what they depend on; deletes go first, before the deletes of what they depended on.
 */
function applyGraph(actionable: readonly ResourceChange[]): Graph<ResourceChange | undefined> {
  const graph = new Graph<ResourceChange | undefined>();
  const node = (id: string) => {
    if (!graph.has(id)) graph.addNode(id, undefined);
    return id;
  };
  // built:R — every create/update of R is done. gate:R — every delete that must precede R's
  // deletes is done.
  for (const change of actionable) graph.addNode(change.address, change);
  for (const change of actionable) {
    if (isDelete(change)) graph.addEdge(change.address, node(`gate:${change.resourceAddress}`));
    else graph.addEdge(node(`built:${change.resourceAddress}`), change.address);
  }
  for (const change of actionable) {
    const resources = new Set(change.dependencies.map((dependency) => (graph.has(dependency) ? (graph.get(dependency)?.resourceAddress ?? dependency) : dependency)));
    resources.delete(change.resourceAddress);
    for (const resource of resources) {
      if (isDelete(change)) {
        if (graph.has(`gate:${resource}`)) graph.addEdge(`gate:${resource}`, change.address);
      } else if (graph.has(`built:${resource}`)) {
        graph.addEdge(change.address, `built:${resource}`);
      }
    }
  }
  return graph;
}

/** The block's `timeouts` for the change's action, in ms (long jobs wait at most that long). */
function timeoutOf(change: ResourceChange, configuration: Configuration): number | undefined {
  const timeouts = configuration.resources.find((b) => b.address === change.resourceAddress)?.timeouts;
  if (timeouts === undefined) return undefined;
  if ((change.actions as readonly string[]).includes('create')) return timeouts.create;
  if (change.actions[0] === 'update') return timeouts.update;
  if (change.actions[0] === 'delete') return timeouts.delete;
  return timeouts.read;
}

/** The instance's configuration, evaluated again when the plan had values it could not know yet. */
function configFor(change: ResourceChange, configuration: Configuration, evaluation: Evaluation, expansions: Map<string, ResourceInstance[]>): Attributes {
  const known = change.after ?? {};
  const resourceType = resourceTypeOf(change.mode, change.type);
  // Only a configurable value that was unknown needs the configuration again; unknown computed
  // attributes (ids, statuses) are what this operation is about to produce.
  const configurable = resourceType === undefined ? [] : Object.keys(change.afterUnknown).filter((name) => {
    const attribute = resourceType.schema.attributes[name];
    return attribute !== undefined && isConfigurable(attribute);
  });
  if (configurable.length === 0 || change.after === null) return known;
  const block = configuration.resources.find((b) => b.address === change.resourceAddress);
  if (block === undefined) return known;
  let instances = expansions.get(block.address);
  if (instances === undefined) {
    instances = [...expandInstances(block, evaluation.scope()).instances];
    expansions.set(block.address, instances);
  }
  const instance = instances.find((i) => i.address === change.address);
  const config = evaluation.evaluate(block.body, bindingOf(instance));
  if (containsUnknown(config)) throw new Error(`${change.address}: a value it needs is still unknown after its dependencies were applied.`);
  return { ...known, ...(config as Attributes) };
}

/**
 * A state never written (serial 0) has no lineage yet: a backend folding the journal of an
 * interrupted first apply makes a new one up on every read, so the next plan could never be
 * applied. The plan's lineage is taken when the plan was made from this same content.
 */
function adoptLineage(current: StateSnapshot, plan: Plan): StateSnapshot {
  if (current.serial !== 0 || plan.serial !== 0 || current.lineage === plan.lineage) return current;
  const adopted = { ...current, lineage: plan.lineage };
  return deepEqual(applyJournal(adopted, plan.stateMoves), plan.priorState) ? adopted : current;
}

/** Addresses of pending creates whose accepted object is the instance recorded at that address. */
function finishedPending(state: StateSnapshot): Set<string> {
  const finished = new Set<string>();
  for (const operation of state.pending) {
    if (operation.objectId === undefined) continue;
    const parsed = parseInstanceAddress(operation.address);
    const resourceType = resourceTypeOf(parsed.mode, parsed.type);
    const resource = state.resources.find((r) => r.mode === parsed.mode && r.type === parsed.type && r.name === parsed.name);
    const instance = resource?.instances.find((i) => i.index_key === parsed.key);
    if (resourceType?.acceptedState === undefined || instance === undefined) continue;
    const accepted = resourceType.acceptedState(operation.request as Attributes, operation.objectId);
    if (resourceType.id(instance.attributes) === resourceType.id(accepted)) finished.add(operation.address);
  }
  return finished;
}

function instanceEntry(change: ResourceChange, attributes: Attributes, dependencies: readonly string[], tainted = false): JournalEntry {
  const parsed = parseInstanceAddress(change.address);
  return {
    kind: 'put-instance',
    address: change.address,
    resource: { mode: parsed.mode, type: parsed.type, name: parsed.name, provider: lifeboatProviderAddress },
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

async function perform(
  change: ResourceChange,
  resourceType: ResourceType,
  context: HandlerContext,
  config: Attributes,
  record: (entry: JournalEntry) => Promise<void>,
): Promise<Attributes | undefined> {
  const prior = (change.before ?? {});
  const create = async (): Promise<Attributes> => {
    const idempotencyKey = change.resumeIdempotencyKey ?? randomUUID();
    const operation = { address: change.address, action: 'create' as const, idempotencyKey, request: config as AttributeValue, startedAt: new Date().toISOString() };
    // Recorded before the call: an interrupted apply re-sends it with the same key next time.
    await record({ kind: 'pending', operation });
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
      await record({ kind: 'pending-done', address: change.address });
      return created;
    } catch (error) {
      if (!context.signal.aborted && accepted !== undefined && resourceType.acceptedState) {
        // The object exists but its job failed: tainted, so the next apply replaces it.
        await record(instanceEntry(change, resourceType.acceptedState(config, accepted), change.dependencies, true));
        await record({ kind: 'pending-done', address: change.address });
      }
      throw error;
    }
  };
  const destroy = async () => {
    await resourceType.delete({ ...context, prior });
    await record({ kind: 'remove-instance', address: change.address });
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
      const created = await create();
      // The old object is deleted after its replacement stands; the state already holds the new one.
      await resourceType.delete({ ...context, prior });
      return created;
    }
    default:
      throw new Error(`Unknown action ${change.actions.join('/')} for ${change.address}.`);
  }
}
