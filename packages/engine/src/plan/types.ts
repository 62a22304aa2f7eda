import type { AttributeValue, JournalEntry, StateSnapshot } from '../state/types.js';

/**
 * A plan: plain data with a closed set of actions, serialisable as a saved plan file. Apply
 * builds its graph from `resourceChanges` only, so it cannot touch a resource the plan does not
 * name. Field names follow `terraform show -json` where one exists (rendered in snake_case).
 */

/** Terraform's action lists: `["delete","create"]` replaces, `["create","delete"]` replaces with create_before_destroy. */
export type ChangeActions =
  | readonly ['no-op']
  | readonly ['create']
  | readonly ['read']
  | readonly ['update']
  | readonly ['delete']
  | readonly ['delete', 'create']
  | readonly ['create', 'delete'];

export type ActionReason =
  | 'replace_because_tainted'
  | 'replace_because_cannot_update'
  | 'replace_by_request'
  | 'replace_by_triggers'
  | 'delete_because_no_resource_config'
  | 'delete_because_no_move_target'
  | 'delete_because_count_index'
  | 'delete_because_each_key'
  | 'read_because_config_unknown'
  | 'read_because_dependency_pending';

/** `true` where a value is known only after apply, mirroring the value's shape. */
export type UnknownMarks = boolean | readonly UnknownMarks[] | { readonly [key: string]: UnknownMarks };

export interface ResourceChange {
  /** Instance address, e.g. `lifeboat_backup.before_migration` or `lifeboat_copy_policy.dr["in01-…"]`. */
  readonly address: string;
  /** Address without the instance key. */
  readonly resourceAddress: string;
  /**
   * Where the object was recorded before a `moved` block moved it (Terraform's
   * `previous_address`); absent when it did not move. A move with no other change is a no-op
   * that is still shown, since applying it rewrites the state.
   */
  readonly previousAddress?: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  /** Construct path from the `//` metadata CDKTF writes, when present. */
  readonly constructPath?: string;
  /**
   * Set when the change is about a deposed object of the instance (its key, 8 hex digits), not
   * its current object: always a delete. Terraform's `deposed`.
   */
  readonly deposed?: string;
  readonly actions: ChangeActions;
  readonly actionReason?: ActionReason;
  readonly before: Readonly<Record<string, AttributeValue>> | null;
  /** Values known at plan time; unknown ones are absent here and marked in `afterUnknown`. */
  readonly after: Readonly<Record<string, AttributeValue>> | null;
  readonly afterUnknown: Readonly<Record<string, UnknownMarks>>;
  /** Attribute paths whose change forces the replacement. */
  readonly replacePaths: readonly (readonly (string | number)[])[];
  /** Attribute names that are sensitive (never rendered). */
  readonly sensitive: readonly string[];
  /** Instance addresses this one depends on (for apply order and state `dependencies`). */
  readonly dependencies: readonly string[];
  readonly createBeforeDestroy: boolean;
  /**
   * The Idempotency-Key of a create an interrupted apply started: re-sending the create with it
   * returns the first answer, so the object is adopted rather than created twice.
   */
  readonly resumeIdempotencyKey?: string;
}

export interface OutputChange {
  readonly name: string;
  readonly actions: ChangeActions;
  readonly before: AttributeValue | undefined;
  readonly after: AttributeValue | undefined;
  readonly afterUnknown: boolean;
  readonly sensitive: boolean;
}

/** A user-facing problem: shown together, never thrown one at a time. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail: string;
  /** Resource address or block, e.g. `lifeboat_backup_policy.nightly`. */
  readonly address?: string;
  /** Construct path from `//` metadata. */
  readonly constructPath?: string;
  /** Attribute the problem is about. */
  readonly attribute?: string;
}

export interface Plan {
  readonly formatVersion: '1.2';
  /** `normal`, `destroy` or `refresh-only`. */
  readonly mode: 'normal' | 'destroy' | 'refresh-only';
  /** State the plan was made against; apply refuses a plan whose lineage differs or serial moved. */
  readonly lineage: string;
  readonly serial: number;
  readonly resourceChanges: readonly ResourceChange[];
  /** Changes made outside the engine, found while refreshing. */
  readonly resourceDrift: readonly ResourceChange[];
  readonly outputChanges: readonly OutputChange[];
  readonly diagnostics: readonly Diagnostic[];
  /** The state the plan started from, with `moved` blocks applied. */
  readonly priorState: StateSnapshot;
  /** State changes from `moved` blocks, journalled first by apply. */
  readonly stateMoves: readonly JournalEntry[];
  /** Values of data sources read at plan time, by block address, for apply's evaluation. */
  readonly dataValues: Readonly<Record<string, AttributeValue>>;
  /** Input variable values used, so apply evaluates the configuration the same way. */
  readonly variables: Readonly<Record<string, AttributeValue>>;
  /** The configuration planned, so apply can evaluate values that were unknown at plan time. */
  readonly configuration: unknown;
  readonly targets: readonly string[];
  readonly excludes: readonly string[];
  /** True when any diagnostic is an error: such a plan cannot be applied. */
  readonly errored: boolean;
  /** Refresh statistics: API calls made, for the "calls grow with clusters" promise. */
  readonly stats: { readonly apiCalls: number; readonly refreshed: number };
}

/** Whether a change does anything. */
export const isNoOp = (change: ResourceChange): boolean => change.actions[0] === 'no-op';

/** Whether a change moves its object to a new address (with or without other changes). */
export const isMoved = (change: Pick<ResourceChange, 'address' | 'previousAddress'>): boolean =>
  change.previousAddress !== undefined && change.previousAddress !== change.address;
