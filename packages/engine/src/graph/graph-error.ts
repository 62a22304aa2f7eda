import { EngineError } from '../errors/engine-error.js';

/** Marks graph errors across copies of the package (ESM and CJS, or two versions). */
const brand = Symbol.for('@lifeboat/engine.graph-error');

/**
 * Stable codes of graph errors. Every one but `GRAPH_CYCLE` is a bug in the code that built or
 * walked the graph, not something a user wrote; a cycle comes from the user's configuration and
 * the engine turns it into a diagnostic naming the cycle's addresses.
 */
export type GraphErrorCode = 'GRAPH_DUPLICATE_NODE' | 'GRAPH_UNKNOWN_NODE' | 'GRAPH_CYCLE' | 'GRAPH_INVALID_OPTION';

/**
 * Base of every error the graph module throws (an {@link EngineError}). It knows nothing of resources: ids are opaque
 * strings, and the caller maps them back to addresses when it reports the problem.
 *
 * @example
 * try {
 *   graph.addEdge('a', 'missing');
 * } catch (error) {
 *   if (isGraphError(error) && error.code === 'GRAPH_UNKNOWN_NODE') console.error(error.message, error.ids);
 *   else throw error;
 * }
 */
export class GraphError extends EngineError {
  override readonly name: string = 'GraphError';
  readonly code: GraphErrorCode;
  /** The node ids the error is about, in the order the message names them. */
  readonly ids: readonly string[];

  constructor(message: string, details: { readonly code: GraphErrorCode; readonly ids?: readonly string[]; readonly fix?: string }) {
    super(message, { fix: details.fix });
    this.code = details.code;
    this.ids = details.ids ?? [];
    Object.defineProperty(this, brand, { value: true });
  }
}

/** True for errors thrown by any copy of the graph module. */
export function isGraphError(error: unknown): error is GraphError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[brand] === true;
}
