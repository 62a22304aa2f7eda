/**
 * The generic dependency graph of the engine: building it, ordering it, finding its cycles,
 * selecting targets and walking it with bounded parallelism. Ids are opaque strings and data is
 * whatever the caller stores; nothing here knows about resources, state or the SDK.
 */
export { Graph, type GraphEdge, type GraphNode } from './graph.js';
export { findCycles } from './cycles.js';
export { topologicalOrder } from './order.js';
export { walk, type WalkFailure, type WalkResult, type WalkSkip } from './walk.js';
export {
  defaultWalkOptions,
  normalizeWalkOptions,
  type NormalizedWalkOptions,
  type Visit,
  type VisitRequest,
  type VisitResult,
  type WalkOptions,
} from './walk-options.js';
export { selectTargets, type TargetSelection } from './targets.js';
export { GraphError, isGraphError, type GraphErrorCode } from './graph-error.js';
export { GraphCycleError, isGraphCycleError } from './graph-cycle-error.js';
