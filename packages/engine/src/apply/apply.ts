import type { Lifeboat } from '@lifeboat/sdk';
import type { Configuration } from '../config/model.js';
import { containsUnknown, omitUnknowns } from '../expressions/index.js';
import { walk, type WalkResult } from '../graph/index.js';
import { expandInstances, type ResourceInstance } from '../config/instances.js';
import { deepEqual } from '../internal/deep-equal.js';
import { bindingOf, Evaluation } from '../plan/scope.js';
import { incompleteApplyWarning, isTargeted } from '../plan/targeting.js';
import type { Diagnostic, Plan, ResourceChange } from '../plan/types.js';
import { resourceTypeOf } from '../resources/index.js';
import type { Attributes, HandlerContext } from '../resources/resource-type.js';
import { isConfigurable } from '../resources/schema.js';
import { applyJournal, emptyState, type StateBackend } from '../state/index.js';
import type { AttributeValue, JournalEntry, OutputState, StateSnapshot } from '../state/types.js';
import { ErroredPlanError, StalePlanError } from './errors.js';
import type { EngineHooks } from './hooks.js';
import { applyGraph, isWriteBatch, type WriteBatch } from './apply-graph.js';
import { finishedPending } from './finished-pending.js';
import { InstanceValues } from './instance-values.js';
import { instanceEntry, perform } from './perform.js';
import { PriorObjects } from './prior-objects.js';
import { performWriteBatch, type BatchOutcome } from './write-batch.js';

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
      const change = plan.resourceChanges.find((c) => c.address === drift.address && c.deposed === undefined);
      if (change !== undefined && change.actions[0] !== 'no-op') continue;
      if (drift.after === null) await record({ kind: 'remove-instance', address: drift.address });
      else await record(instanceEntry(drift, drift.after, drift.dependencies));
    }

    const configuration = plan.configuration as Configuration;
    const values = new InstanceValues(plan);
    const evaluation = new Evaluation({ variables: plan.variables, locals: configuration.locals, dir: configuration.moduleDir, blockValue: (a) => values.blockValue(a) });
    const actionable = plan.resourceChanges.filter((change) => change.actions[0] !== 'no-op');
    const graph = applyGraph(actionable, { batchable });
    const priorObjects = new PriorObjects(plan.priorState);
    // Each block's instances, expanded once (count/for_each were known at plan time).
    const expansions = new Map<string, ResourceInstance[]>();

    const signal = options.signal ?? new AbortController().signal;
    const hooks = options.hooks ?? {};
    // What each batched write came to, for its own node to report once the batch is done.
    const batchOutcomes = new Map<string, BatchOutcome>();
    const writeBatch = async ({ batch }: WriteBatch, visitSignal: AbortSignal) => {
      const first = batch[0] as ResourceChange;
      const resourceType = resourceTypeOf(first.mode, first.type);
      if (resourceType === undefined) throw new Error(`Unknown resource type ${first.type}.`);
      const started = Date.now();
      for (const change of batch) hooks.onResourceStart?.({ address: change.address, action: change.actions.join('/') });
      const outcomes = await performWriteBatch({
        changes: batch,
        resourceType,
        client: options.client,
        signal: visitSignal,
        configOf: (change) => configFor(change, configuration, evaluation, expansions),
        record,
      });
      for (const change of batch) {
        const outcome = outcomes.get(change.address) as BatchOutcome;
        batchOutcomes.set(change.address, outcome);
        const action = change.actions.join('/');
        if ('state' in outcome) {
          values.set(change.address, outcome.state);
          hooks.onResourceDone?.({ address: change.address, action, elapsedMs: Date.now() - started, id: resourceType.id(outcome.state) });
        } else {
          hooks.onResourceError?.({ address: change.address, action, error: outcome.error as Error });
        }
      }
    };
    const walked = await walk(graph, {
      parallelism: options.parallelism ?? 10,
      signal,
      visit: async ({ data: step, signal: visitSignal }) => {
        if (step === undefined) return; // an ordering barrier: nothing to do
        if (isWriteBatch(step)) return writeBatch(step, visitSignal);
        // A member of a batch: the batch did its work and reported it.
        const batched = batchOutcomes.get(step.address);
        if (batched !== undefined) {
          if ('error' in batched) throw batched.error;
          return;
        }
        const planned = step;
        const { resumeIdempotencyKey: _finishedKey, ...withoutKey } = planned;
        const change: ResourceChange = finished.has(planned.address) ? withoutKey : planned;
        const resourceType = resourceTypeOf(change.mode, change.type);
        if (resourceType === undefined) throw new Error(`Unknown resource type ${change.type}.`);
        const action = change.actions.join('/');
        const started = Date.now();
        // A deposed object shares its instance's address; hooks get its key to name it apart.
        const subject = { address: change.address, ...(change.deposed === undefined ? {} : { deposed: change.deposed }) };
        hooks.onResourceStart?.({ ...subject, action });
        try {
          const context: HandlerContext = {
            client: options.client,
            signal: visitSignal,
            address: change.address,
            onProgress: (progress) => hooks.onResourceProgress?.({ ...subject, progress }),
            timeoutMs: timeoutOf(change, configuration),
          };
          const config = configFor(change, configuration, evaluation, expansions);
          const outcome = await perform({ change, resourceType, context, config, prior: priorObjects.of(change.address), record });
          if (outcome !== undefined) values.set(change.address, outcome);
          hooks.onResourceDone?.({ ...subject, action, elapsedMs: Date.now() - started, ...(outcome ? { id: resourceType.id(outcome) } : {}) });
        } catch (error) {
          hooks.onResourceError?.({ ...subject, action, error: error as Error });
          throw error;
        }
      },
    });

    // Barrier and batch nodes order the walk; they are not operations, so the result leaves
    // them out. A batched write is reported by how it ended, even when an abort kept its own
    // node from being visited after the batch.
    const real = (id: string) => !id.startsWith('built:') && !id.startsWith('gate:') && !id.startsWith('batch:');
    const landed = (id: string) => {
      const outcome = batchOutcomes.get(id);
      return outcome === undefined ? undefined : 'state' in outcome ? 'succeeded' : 'failed';
    };
    const ids = graph.ids();
    const position = new Map(ids.map((id, i) => [id, i]));
    const inGraphOrder = <T>(items: T[], idOf: (item: T) => string) => items.sort((a, b) => (position.get(idOf(a)) ?? 0) - (position.get(idOf(b)) ?? 0));
    const abortedAfterBatch = walked.notStarted.filter((id) => landed(id) !== undefined);
    const result: WalkResult = {
      succeeded: inGraphOrder([...walked.succeeded.filter(real), ...abortedAfterBatch.filter((id) => landed(id) === 'succeeded')], (id) => id),
      failed: inGraphOrder(
        [...walked.failed.filter((f) => real(f.id)), ...abortedAfterBatch.filter((id) => landed(id) === 'failed').map((id) => ({ id, error: (batchOutcomes.get(id) as { error: unknown }).error }))],
        (f) => f.id,
      ),
      skipped: walked.skipped.filter((s) => real(s.id)),
      notStarted: walked.notStarted.filter((id) => real(id) && landed(id) === undefined),
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

/**
 * Creates and updates of types that write many objects in one call (`writeMany`) go in batches.
 * Replacements, deposed objects and creates that resume a pending operation go one by one.
 */
function batchable(change: ResourceChange): boolean {
  const [action, more] = change.actions;
  return (
    more === undefined &&
    (action === 'create' || action === 'update') &&
    change.deposed === undefined &&
    change.resumeIdempotencyKey === undefined &&
    resourceTypeOf(change.mode, change.type)?.writeMany !== undefined
  );
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

