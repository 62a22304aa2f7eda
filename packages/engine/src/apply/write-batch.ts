import type { Lifeboat } from '@lifeboat/sdk';
import type { ResourceChange } from '../plan/types.js';
import type { Attributes, ResourceType } from '../resources/resource-type.js';
import type { JournalEntry } from '../state/types.js';
import { instanceEntry } from './perform.js';

/** How one write of a batch ended: the object's new state, or what failed it. */
export type BatchOutcome = { readonly state: Attributes } | { readonly error: unknown };

export interface WriteBatchRequest {
  /** Creates and updates of one type that has `writeMany`. */
  readonly changes: readonly ResourceChange[];
  readonly resourceType: ResourceType;
  readonly client: Lifeboat;
  readonly signal: AbortSignal;
  /** The change's configuration, known in full; throws when it cannot be. */
  readonly configOf: (change: ResourceChange) => Attributes;
  /** Appends a journal entry; resolves once it is durable. */
  readonly record: (entry: JournalEntry) => Promise<void>;
}

/**
 * Carries out a batch of writes through the type's `writeMany` and journals each object that
 * landed. Never rejects: every change gets its own outcome, so one that failed fails alone.
 */
export async function performWriteBatch(request: WriteBatchRequest): Promise<ReadonlyMap<string, BatchOutcome>> {
  const { changes, resourceType, client, signal, configOf, record } = request;
  const outcomes = new Map<string, BatchOutcome>();
  const writes: { address: string; config: Attributes }[] = [];
  for (const change of changes) {
    try {
      writes.push({ address: change.address, config: configOf(change) });
    } catch (error) {
      outcomes.set(change.address, { error });
    }
  }
  let written: ReadonlyMap<string, BatchOutcome> = new Map();
  try {
    if (writes.length > 0) written = await resourceType.writeMany!({ client, signal, writes });
  } catch (error) {
    written = new Map(writes.map(({ address }) => [address, { error }]));
  }
  // Recorded together, so the journal syncs once for the whole batch.
  await Promise.all(
    changes.map(async (change) => {
      const { address } = change;
      if (outcomes.has(address)) return;
      const outcome = written.get(address) ?? { error: new Error(`${address}: the server's answer to its batch left it out.`) };
      if ('state' in outcome) {
        try {
          await record(instanceEntry(change, outcome.state, change.dependencies));
        } catch (error) {
          outcomes.set(address, { error });
          return;
        }
      }
      outcomes.set(address, outcome);
    }),
  );
  return outcomes;
}
