/**
 * State: what the engine believes exists, in a shape Terraform users recognise (`version`,
 * `lineage`, `serial`, resources with instances, dependencies, `status: "tainted"`), plus the
 * operations an interrupted apply left pending. Plain data: no methods, no I/O.
 */

/** Attribute values as stored: JSON. */
export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };

export interface ResourceInstanceState {
  /** `count` index or `for_each` key; absent for a single instance. */
  readonly index_key?: string | number;
  readonly schema_version: number;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  /** Paths of sensitive attributes, as Terraform records them: `[[{type:'get_attr', value:'password'}]]`. */
  readonly sensitive_attributes: readonly (readonly { readonly type: 'get_attr'; readonly value: string }[])[];
  /** Addresses this instance depended on when it was last applied (for destroy ordering). */
  readonly dependencies: readonly string[];
  /** A create that failed half way: replaced on the next apply. */
  readonly status?: 'tainted';
  /** `create_before_destroy`: recorded so a later destroy keeps the same order. */
  readonly create_before_destroy?: boolean;
  /**
   * Set on a *deposed* object: one a `create_before_destroy` replacement took out of service
   * (its replacement was being created) and has not deleted yet, because the delete failed or
   * the apply was interrupted. Eight hex digits, unique within the instance; the instance's
   * current object has none. The next plan destroys deposed objects. Terraform's field.
   */
  readonly deposed?: string;
}

export interface ResourceState {
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** `provider["registry.terraform.io/lifeboat/lifeboat"]`. */
  readonly provider: string;
  readonly instances: readonly ResourceInstanceState[];
}

export interface OutputState {
  readonly value: AttributeValue;
  readonly type: unknown;
  readonly sensitive?: boolean;
}

/**
 * A long-running create that was started but whose result was not recorded yet. The next run
 * reconciles it (the idempotency key makes re-sending the create return the first answer), so
 * an interrupted apply leaves neither an orphan nor a duplicate.
 */
export interface PendingOperation {
  /** Full instance address, e.g. `lifeboat_backup.before_migration` or `lifeboat_backup.b["x"]`. */
  readonly address: string;
  readonly action: 'create';
  readonly idempotencyKey: string;
  /** The server's job, once known. */
  readonly jobId?: string;
  /** The created object's id, once known (backup id, cluster id). */
  readonly objectId?: string;
  /** The request that was sent, to re-send it unchanged. */
  readonly request: AttributeValue;
  readonly startedAt: string;
}

export interface StateSnapshot {
  readonly version: 4;
  readonly terraform_version: string;
  /** Increases with every write; a saved plan records it and goes stale when it moves. */
  readonly serial: number;
  /** Identifies one state's history; a plan for another lineage is refused. */
  readonly lineage: string;
  readonly outputs: Readonly<Record<string, OutputState>>;
  readonly resources: readonly ResourceState[];
  readonly pending: readonly PendingOperation[];
  readonly check_results: null;
}

/**
 * One finished (or started) operation, appended to the journal during an apply. Each sets or
 * clears whole objects, whatever was there before, so folding is order-sensitive but never
 * depends on what the state held.
 *
 * - `put-instance`: stores the object at its address; as the deposed object named by
 *   `instance.deposed` when that is set, as the current object otherwise.
 * - `remove-instance`: removes the current object, or the deposed object `deposed`.
 * - `depose-instance`: in one step, the current object is removed and `instance` (the same
 *   object, with its `deposed` key) is stored as deposed — recorded before a
 *   `create_before_destroy` replacement starts, so no crash can leave the old object unrecorded.
 * - `restore-deposed`: the reverse, when the replacement failed before anything new stood.
 */
export type JournalEntry =
  | { readonly kind: 'put-instance'; readonly address: string; readonly resource: Omit<ResourceState, 'instances'>; readonly instance: ResourceInstanceState }
  | { readonly kind: 'remove-instance'; readonly address: string; readonly deposed?: string }
  | { readonly kind: 'depose-instance'; readonly address: string; readonly resource: Omit<ResourceState, 'instances'>; readonly instance: ResourceInstanceState & { readonly deposed: string } }
  | { readonly kind: 'restore-deposed'; readonly address: string; readonly deposed: string; readonly resource: Omit<ResourceState, 'instances'>; readonly instance: ResourceInstanceState }
  | { readonly kind: 'pending'; readonly operation: PendingOperation }
  | { readonly kind: 'pending-done'; readonly address: string }
  | { readonly kind: 'outputs'; readonly outputs: Readonly<Record<string, OutputState>> };

/** Who holds a state lock, as `force-unlock` and lock errors show it. */
export interface LockInfo {
  readonly ID: string;
  readonly Operation: string;
  readonly Who: string;
  readonly Version: string;
  readonly Created: string;
  readonly Path: string;
  readonly Info?: string;
  /**
   * Process id of the holder on the host named in `Who`. Not part of Terraform's LockInfo (it
   * ignores unknown fields); recorded so a lock error can say that the holder is gone.
   */
  readonly Pid?: number;
}
