import { GraphError, isGraphError } from './graph-error.js';

/**
 * The graph has at least one dependency cycle, so no order satisfies every edge. `cycles` holds
 * each cycle as `findCycles` reports it; the message has one `Cycle: a, b, c` line per cycle.
 *
 * @example
 * try {
 *   topologicalOrder(graph);
 * } catch (error) {
 *   if (isGraphCycleError(error)) for (const cycle of error.cycles) report(`Cycle: ${cycle.join(', ')}`);
 *   else throw error;
 * }
 */
export class GraphCycleError extends GraphError {
  override readonly name = 'GraphCycleError' as const;
  /** Each cycle as a list of ids; each id depends on the next where the cycle is a simple loop. */
  readonly cycles: readonly (readonly string[])[];

  constructor(cycles: readonly (readonly string[])[]) {
    const lines = cycles.map((cycle) => `Cycle: ${cycle.join(', ')}`);
    super(
      `The dependency graph has ${cycles.length === 1 ? 'a cycle' : `${cycles.length} cycles`}, so nothing in ${cycles.length === 1 ? 'it' : 'them'} can go first; ` +
        `remove one dependency from each:\n${lines.join('\n')}`,
      { code: 'GRAPH_CYCLE', ids: [...new Set(cycles.flat())], fix: 'Remove one dependency from each cycle.' },
    );
    this.cycles = cycles;
  }
}

/** True for a `GraphCycleError` from any copy of the graph module. */
export function isGraphCycleError(error: unknown): error is GraphCycleError {
  return isGraphError(error) && error.code === 'GRAPH_CYCLE';
}
