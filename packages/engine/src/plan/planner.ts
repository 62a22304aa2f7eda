import type { Lifeboat } from '@lifeboat/sdk';
import type { Configuration, ResourceBlock } from '../config/model.js';
import { afterUnknown as marksOf, containsUnknown, omitUnknowns, unknown, type Value } from '../expressions/index.js';
import { findCycles, type Graph } from '../graph/index.js';
import { resourceTypeOf } from '../resources/index.js';
import type { Attributes } from '../resources/resource-type.js';
import { applyJournal, formatInstanceAddress, parseInstanceAddress } from '../state/index.js';
import type { AttributeValue, StateSnapshot } from '../state/types.js';
import { blockOf, resourceOfReference, sensitiveOf } from './addresses.js';
import { configurationGraph } from './config-graph.js';
import { diffInstance } from './diff.js';
import { deleteChange, deposedChanges } from './deletes.js';
import { driftOf } from './drift.js';
import { movesOf } from './moves.js';
import { outputChangesOf } from './outputs.js';
import { isTargeted, targetedChanges, targetingWarning } from './targeting.js';
import { checkInstanceValues } from '../config/check-instance.js';
import { expandInstances } from '../config/instances.js';
import { refresh } from './refresh.js';
import { bindingOf, Evaluation } from './scope.js';
import type { Diagnostic, Plan, ResourceChange } from './types.js';

export interface PlanOptions {
  readonly configuration: Configuration;
  readonly variables: Readonly<Record<string, Value>>;
  /** The state as read from the backend. */
  readonly state: StateSnapshot;
  readonly client: Lifeboat;
  readonly mode?: 'normal' | 'destroy' | 'refresh-only';
  /** Read live objects first. @default true */
  readonly refresh?: boolean;
  /** @default 10 */
  readonly parallelism?: number;
  readonly targets?: readonly string[];
  readonly excludes?: readonly string[];
  /** `-replace=ADDR`: instance addresses to replace even without a change. */
  readonly replace?: readonly string[];
  readonly signal?: AbortSignal;
}

interface InstanceInfo {
  readonly address: string;
  readonly block: ResourceBlock;
  readonly key?: string | number;
}

/**
 * Plans: refreshes live objects (batched), evaluates the configuration in dependency order,
 * diffs each instance, adds deletes for what is no longer configured, and reports drift. Problems
 * are collected as diagnostics; the plan is marked errored rather than thrown.
 */
export async function plan(options: PlanOptions): Promise<Plan> {
  const { configuration } = options;
  const mode = options.mode ?? 'normal';
  // First, as Terraform puts it: whatever else goes wrong, the reader knows the plan is partial.
  const diagnostics: Diagnostic[] = isTargeted(options) ? [targetingWarning] : [];
  const signal = options.signal ?? new AbortController().signal;
  let apiCalls = 0;
  const client = options.client.extend({ hooks: { afterResponse: [() => void apiCalls++] } });

  const moves = movesOf(configuration, options.state);
  diagnostics.push(...moves.diagnostics);
  const state = moves.entries.length > 0 ? applyJournal(options.state, moves.entries) : options.state;

  const stateInstances = new Map<string, { attributes: Attributes; tainted: boolean; dependencies: readonly string[] }>();
  for (const resource of state.resources) {
    if (resource.mode !== 'managed') continue;
    for (const instance of resource.instances) {
      // Deposed objects are not the instance: they are only ever destroyed (see deposedChanges).
      if (instance.deposed !== undefined) continue;
      const address = formatInstanceAddress({ mode: resource.mode, type: resource.type, name: resource.name, ...(instance.index_key === undefined ? {} : { key: instance.index_key }) });
      stateInstances.set(address, { attributes: instance.attributes, tainted: instance.status === 'tainted', dependencies: instance.dependencies });
    }
  }

  const live =
    options.refresh === false
      ? new Map([...stateInstances].map(([address, instance]) => [address, instance.attributes as Attributes | undefined]))
      : new Map((await refresh({ client, state, parallelism: options.parallelism ?? 10, signal })).live);
  const resourceDrift = driftOf({ stateInstances, live, previousAddresses: moves.previousAddresses });

  const graph = configurationGraph(configuration);
  const cycles = findCycles(graph);
  for (const cycle of cycles) {
    diagnostics.push({ severity: 'error', summary: 'Cycle', detail: `Cycle: ${cycle.join(', ')}. Break it by removing one of these references or depends_on entries.` });
  }

  const values = new Map<string, Value>();
  const evaluation = new Evaluation({
    variables: options.variables,
    locals: configuration.locals,
    dir: configuration.moduleDir,
    blockValue: (address) => values.get(address) ?? unknown,
  });

  const changes: ResourceChange[] = [];
  const configured = new Map<string, InstanceInfo>();
  const changedBlocks = new Set<string>();
  const problem = (block: ResourceBlock, summary: string, detail: string, attribute?: string) =>
    diagnostics.push({ severity: 'error', summary, detail, address: block.address, ...(block.constructPath ? { constructPath: block.constructPath } : {}), ...(attribute ? { attribute } : {}) });

  const order = cycles.length > 0 ? [] : orderOf(graph);
  for (const address of order) {
    const block = graph.get(address);
    if (block === undefined) continue;
    const resourceType = resourceTypeOf(block.mode, block.type);
    if (resourceType === undefined) continue; // validation reports unknown types
    let instances;
    try {
      const expanded = expandInstances(block, evaluation.scope());
      diagnostics.push(...expanded.diagnostics);
      if (expanded.diagnostics.some((d) => d.severity === 'error')) continue;
      instances = expanded.instances.map((instance) => ({ ...instance, binding: bindingOf(instance) }));
    } catch (error) {
      problem(block, 'Invalid count or for_each', (error as Error).message);
      continue;
    }
    const instanceValues = new Map<string | number, Value>();
    for (const instance of instances) {
      configured.set(instance.address, { address: instance.address, block, ...(instance.key === undefined ? {} : { key: instance.key }) });
      let config: Record<string, Value>;
      try {
        config = evaluation.evaluate(block.body, instance.binding) as Record<string, Value>;
      } catch (error) {
        problem(block, 'Invalid expression', `${(error as Error).message} (in ${instance.address})`);
        continue;
      }
      // Converted to the attributes' types ("14" → 14) and checked, so the diff compares like with like.
      const checked = checkInstanceValues({ block, address: instance.address, values: config });
      diagnostics.push(...checked.diagnostics);
      config = { ...checked.values };

      if (block.mode === 'data') {
        const dependsOnChange = graph.transitiveDependencies([block.address]).some((dep) => changedBlocks.has(dep));
        if (containsUnknown(config) || dependsOnChange) {
          const reads = Object.fromEntries(Object.keys(resourceType.schema.attributes).map((name) => [name, config[name] ?? unknown]));
          instanceValues.set(instance.key ?? '', reads);
          changes.push(dataRead(instance.address, block, config, containsUnknown(config) ? 'read_because_config_unknown' : 'read_because_dependency_pending'));
          changedBlocks.add(block.address);
        } else {
          try {
            const read = await resourceType.read({ client, signal, address: instance.address, prior: config as Attributes, onProgress: () => undefined, timeoutMs: undefined });
            instanceValues.set(instance.key ?? '', (read ?? {}));
          } catch (error) {
            problem(block, 'Error reading data source', `${instance.address}: ${(error as Error).message}`);
          }
        }
        continue;
      }

      const prior = stateInstances.get(instance.address);
      const pending = state.pending.find((op) => op.address === instance.address);
      const diff = diffInstance({
        resourceType,
        prior: prior === undefined ? undefined : live.get(instance.address),
        config,
        ignoreChanges: block.lifecycle.ignoreChanges,
        tainted: prior?.tainted === true,
        replaceRequested: options.replace?.includes(instance.address)
          ? 'replace_by_request'
          : block.lifecycle.replaceTriggeredBy.some((reference) => changedBlocks.has(resourceOfReference(reference)))
            ? 'replace_by_triggers'
            : undefined,
        createBeforeDestroy: block.lifecycle.createBeforeDestroy,
      });
      const after = diff.after ?? {};
      instanceValues.set(instance.key ?? '', { ...after, ...Object.fromEntries(Object.keys(diff.afterUnknown).map((name) => [name, unknown])) });
      if (diff.actions[0] !== 'no-op') changedBlocks.add(block.address);
      changes.push({
        address: instance.address,
        resourceAddress: block.address,
        mode: 'managed',
        type: block.type,
        name: block.name,
        ...(instance.key === undefined ? {} : { index: instance.key }),
        ...(block.constructPath ? { constructPath: block.constructPath } : {}),
        actions: diff.actions,
        ...(diff.actionReason ? { actionReason: diff.actionReason } : {}),
        before: prior === undefined ? null : (live.get(instance.address) ?? null),
        after: diff.after,
        afterUnknown: diff.afterUnknown,
        replacePaths: diff.replacePaths,
        sensitive: sensitiveOf(block.type),
        dependencies: [],
        createBeforeDestroy: block.lifecycle.createBeforeDestroy,
        ...(pending && diff.actions[0] === 'create' ? { resumeIdempotencyKey: pending.idempotencyKey } : {}),
      });
    }
    values.set(block.address, block.count !== undefined ? [...instanceValues.values()] : block.forEach !== undefined ? Object.fromEntries(instanceValues) : (instanceValues.get('') ?? unknown));
  }

  // Instances in state but no longer configured are destroyed.
  for (const [address, instance] of stateInstances) {
    if (configured.has(address)) continue;
    const block = configuration.resources.find((b) => b.address === blockOf(address));
    const key = parseInstanceAddress(address).key;
    changes.push(
      deleteChange({
        address,
        before: live.get(address) ?? instance.attributes,
        dependencies: instance.dependencies,
        actionReason:
          block === undefined
            ? moves.previousAddresses.has(address)
              ? 'delete_because_no_move_target'
              : 'delete_because_no_resource_config'
            : typeof key === 'number'
              ? 'delete_because_count_index'
              : 'delete_because_each_key',
      }),
    );
  }
  for (const pending of state.pending) {
    if (!configured.has(pending.address)) {
      diagnostics.push({
        severity: 'warning',
        summary: 'Interrupted create of an unconfigured resource',
        detail: `An earlier apply started creating ${pending.address}${pending.objectId ? ` (${pending.objectId})` : ''} and was interrupted; it is no longer configured. Check the server for it and delete it if it is not wanted.`,
        address: pending.address,
      });
    }
  }

  // Dependencies of each change, as resource addresses (as Terraform records them): instance
  // lists would make state and the apply graph grow with the square of the resource count.
  let planned = changes.map((change) =>
    change.dependencies.length > 0 || !graph.has(change.resourceAddress)
      ? change
      : { ...change, dependencies: graph.transitiveDependencies([change.resourceAddress]).filter((a) => !a.startsWith('local.')) },
  );

  if (mode === 'destroy') {
    planned = [...stateInstances].map(([address, instance]) => deleteChange({ address, before: live.get(address) ?? instance.attributes, dependencies: instance.dependencies }));
  } else if (mode === 'refresh-only') {
    planned = [];
  }
  // Deposed objects are destroyed whatever the configuration says; refresh-only plans change nothing.
  if (mode !== 'refresh-only') planned = [...planned, ...deposedChanges(state)];

  if (isTargeted(options)) {
    planned = targetedChanges({ graph, changes: planned, targets: options.targets ?? [], excludes: options.excludes ?? [], destroying: mode === 'destroy' });
  }

  for (const change of planned) {
    const block = configuration.resources.find((b) => b.address === change.resourceAddress);
    // A deposed object was already replaced; prevent_destroy protects the instance, not its leftovers.
    if (block?.lifecycle.preventDestroy === true && change.deposed === undefined && (change.actions as readonly string[]).includes('delete')) {
      diagnostics.push({
        severity: 'error',
        summary: 'Instance cannot be destroyed',
        detail: `${change.address} has lifecycle.prevent_destroy set, but the plan would destroy it. Remove prevent_destroy, or change the plan so it is not destroyed.`,
        address: change.address,
        ...(block.constructPath ? { constructPath: block.constructPath } : {}),
      });
    }
  }

  const outputChanges = mode === 'refresh-only' ? [] : outputChangesOf({ configuration, state, evaluation, destroying: mode === 'destroy', diagnostics });

  return {
    formatVersion: '1.2',
    mode,
    lineage: options.state.lineage,
    serial: options.state.serial,
    // Every change says where its object was before a moved block moved it, deletes included.
    resourceChanges: planned.map((change) => {
      const previousAddress = moves.previousAddresses.get(change.address);
      return previousAddress === undefined ? change : { ...change, previousAddress };
    }),
    resourceDrift,
    outputChanges,
    diagnostics,
    priorState: state,
    stateMoves: moves.entries,
    dataValues: Object.fromEntries(
      configuration.resources
        .filter((block) => block.mode === 'data' && values.has(block.address) && !containsUnknown(values.get(block.address) ?? null))
        .map((block) => [block.address, values.get(block.address) as AttributeValue]),
    ),
    variables: omitUnknowns(options.variables) as Record<string, AttributeValue>,
    configuration,
    targets: options.targets ?? [],
    excludes: options.excludes ?? [],
    errored: diagnostics.some((d) => d.severity === 'error'),
    stats: { apiCalls, refreshed: options.refresh === false ? 0 : stateInstances.size },
  };
}

function orderOf(graph: Graph<ResourceBlock | undefined>): string[] {
  const order: string[] = [];
  const done = new Set<string>();
  const visit = (id: string) => {
    if (done.has(id)) return;
    done.add(id);
    for (const dep of graph.dependenciesOf(id)) visit(dep);
    order.push(id);
  };
  for (const id of graph.ids()) visit(id);
  return order;
}

function dataRead(address: string, block: ResourceBlock, config: Record<string, Value>, reason: 'read_because_config_unknown' | 'read_because_dependency_pending'): ResourceChange {
  const parsed = parseInstanceAddress(address);
  // What the read fills in is known only once it runs during apply, as Terraform plans a deferred read.
  const filledByRead = Object.entries(resourceTypeOf('data', block.type)?.schema.attributes ?? {})
    .filter(([name, schema]) => schema.computed === true && (config[name] === undefined || config[name] === null))
    .map(([name]) => [name, true] as const);
  return {
    address,
    resourceAddress: block.address,
    mode: 'data',
    type: block.type,
    name: block.name,
    ...(parsed.key === undefined ? {} : { index: parsed.key }),
    ...(block.constructPath ? { constructPath: block.constructPath } : {}),
    actions: ['read'],
    actionReason: reason,
    before: null,
    after: omitUnknowns(config) as Record<string, AttributeValue>,
    afterUnknown: { ...(marksOf(config) as Record<string, boolean>), ...Object.fromEntries(filledByRead) },
    replacePaths: [],
    sensitive: sensitiveOf(block.type),
    dependencies: [],
    createBeforeDestroy: false,
  };
}
