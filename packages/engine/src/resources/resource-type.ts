import type { Lifeboat, JobProgress } from '@lifeboat/sdk';
import type { AttributeValue } from '../state/types.js';
import type { ResourceSchema } from './schema.js';

/** Attribute values of one instance: configuration, or state after apply. */
export type Attributes = Readonly<Record<string, AttributeValue>>;

/** What every handler gets: the client, cancellation, and a way to report job progress. */
export interface HandlerContext {
  readonly client: Lifeboat;
  readonly signal: AbortSignal;
  /** The instance's address, for progress and messages. */
  readonly address: string;
  /** Reports a running job's progress (the CLI draws it). */
  readonly onProgress: (progress: JobProgress) => void;
  /** Per-resource time limit of long operations (`timeouts.create`), in ms. */
  readonly timeoutMs: number | undefined;
}

export interface ReadRequest extends HandlerContext {
  /** The state recorded at the last apply. */
  readonly prior: Attributes;
}

/** `undefined`: the object is gone (deleted outside the engine). */
export type ReadResult = Attributes | undefined;

export interface ReadManyRequest extends Omit<HandlerContext, 'address'> {
  readonly priors: readonly { readonly address: string; readonly prior: Attributes }[];
}

export interface CreateRequest extends HandlerContext {
  readonly config: Attributes;
  /**
   * Sent as the create's Idempotency-Key and recorded as a pending operation before the call,
   * so an interrupted apply that re-sends the create gets the first answer, not a duplicate.
   */
  readonly idempotencyKey: string;
  /** Called once the server has accepted the create (ids known), before waiting for its job. */
  readonly onAccepted: (accepted: { readonly objectId: string; readonly jobId?: string }) => Promise<void>;
}

export interface UpdateRequest extends HandlerContext {
  readonly prior: Attributes;
  readonly config: Attributes;
}

export interface WriteManyRequest extends Omit<HandlerContext, 'address' | 'onProgress' | 'timeoutMs'> {
  /** The objects to create or update, each by its instance address, with its whole configuration. */
  readonly writes: readonly { readonly address: string; readonly config: Attributes }[];
}

/** Each write's new state, or what failed it, by address. */
export type WriteManyResult = ReadonlyMap<string, { readonly state: Attributes } | { readonly error: unknown }>;

export interface DeleteRequest extends HandlerContext {
  readonly prior: Attributes;
}

export interface ImportRequest extends HandlerContext {
  /** What the user passed to `import ADDR ID`. */
  readonly id: string;
}

/**
 * One resource or data source type: its schema and its handlers over the SDK. One file each
 * under `resources/`; one request object in, one result out.
 */
export interface ResourceType {
  readonly type: string;
  readonly mode: 'managed' | 'data';
  readonly schema: ResourceSchema;
  /** The id shown in plans and used by `import`, from state attributes. */
  id(state: Attributes): string;
  read(request: ReadRequest): Promise<ReadResult>;
  /** Reads many instances in few API calls (e.g. policies of 100 clusters in one request). */
  readMany?(request: ReadManyRequest): Promise<ReadonlyMap<string, ReadResult>>;
  create(request: CreateRequest): Promise<Attributes>;
  /** Absent: every change replaces. */
  update?(request: UpdateRequest): Promise<Attributes>;
  /**
   * Creates or updates many objects in few API calls (the policies of 100 clusters in one
   * request), each succeeding or failing on its own. Only types whose create and update are one
   * idempotent write, with no job to wait for, have it; apply sends their changes through it.
   */
  writeMany?(request: WriteManyRequest): Promise<WriteManyResult>;
  delete(request: DeleteRequest): Promise<void>;
  /**
   * State for an object the server accepted but whose create then failed: enough to delete it,
   * recorded as tainted so the next apply replaces it instead of leaving an orphan.
   */
  acceptedState?(config: Attributes, objectId: string): Attributes;
  import?(request: ImportRequest): Promise<Attributes>;
}
