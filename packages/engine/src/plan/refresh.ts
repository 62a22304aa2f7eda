import type { Lifeboat } from '@lifeboat/sdk';
import { resourceTypeOf } from '../resources/index.js';
import type { Attributes } from '../resources/resource-type.js';
import { formatInstanceAddress } from '../state/index.js';
import type { ResourceState, StateSnapshot } from '../state/types.js';

export interface RefreshRequest {
  readonly client: Lifeboat;
  readonly state: StateSnapshot;
  readonly parallelism: number;
  readonly signal: AbortSignal;
  /** Only these instance addresses (targets); all when absent. */
  readonly only?: ReadonlySet<string> | undefined;
}

export interface RefreshResult {
  /** Live attributes by instance address; `undefined` when the object is gone. */
  readonly live: ReadonlyMap<string, Attributes | undefined>;
}

interface Pending {
  readonly address: string;
  readonly prior: Attributes;
}

/**
 * Reads every managed instance of the state through the SDK. Types with `readMany` are read in
 * batches (policies of 100 clusters per request), so API calls grow with clusters rather than
 * resources; the rest are read one by one, at most `parallelism` at a time.
 */
export async function refresh(request: RefreshRequest): Promise<RefreshResult> {
  const byType = new Map<string, Pending[]>();
  for (const resource of request.state.resources) {
    if (resource.mode !== 'managed') continue;
    for (const instance of resource.instances) {
      // Deposed objects are only ever deleted, and their delete takes a missing object as deleted.
      if (instance.deposed !== undefined) continue;
      const address = addressOf(resource, instance.index_key);
      if (request.only !== undefined && !request.only.has(address)) continue;
      const list = byType.get(resource.type) ?? [];
      list.push({ address, prior: instance.attributes });
      byType.set(resource.type, list);
    }
  }

  const live = new Map<string, Attributes | undefined>();
  const tasks: (() => Promise<void>)[] = [];
  for (const [type, instances] of byType) {
    const resourceType = resourceTypeOf('managed', type);
    if (resourceType === undefined) {
      // A type this engine does not know: keep the state as it is rather than guess.
      for (const { address, prior } of instances) live.set(address, prior);
      continue;
    }
    const common = { client: request.client, signal: request.signal, onProgress: () => undefined, timeoutMs: undefined };
    if (resourceType.readMany) {
      const readMany = resourceType.readMany.bind(resourceType);
      tasks.push(async () => {
        const results = await readMany({ ...common, priors: instances });
        for (const { address } of instances) live.set(address, results.get(address));
      });
    } else {
      for (const { address, prior } of instances) {
        tasks.push(async () => {
          live.set(address, await resourceType.read({ ...common, address, prior }));
        });
      }
    }
  }
  await runBounded(tasks, request.parallelism);
  return { live };
}

function addressOf(resource: ResourceState, key: string | number | undefined): string {
  return formatInstanceAddress({ mode: resource.mode, type: resource.type, name: resource.name, ...(key === undefined ? {} : { key }) });
}

/** Runs tasks with at most `limit` in flight; the first failure rejects after the others settle. */
async function runBounded(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++];
      try {
        await task?.();
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
  if (errors.length > 0) throw errors[0];
}
