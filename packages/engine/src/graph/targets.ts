import type { Graph } from './graph.js';

/** What `-target` and `-exclude` asked for, as node ids. */
export interface TargetSelection {
  /**
   * `-target` ids. `undefined` selects every node; an empty list selects none, so a `-target`
   * whose addresses matched nothing yields an empty plan (as in Terraform) and never widens to
   * "everything".
   */
  readonly targets?: readonly string[] | undefined;
  /** `-exclude` ids. @default none */
  readonly excludes?: readonly string[] | undefined;
}

/**
 * The ids a targeted run operates on, in insertion order:
 *
 *     (targets ∪ transitiveDependencies(targets)) − (excludes ∪ transitiveDependents(excludes))
 *
 * - `-target` brings in everything the targets depend on, as Terraform does, since a target
 *   cannot be created before its dependencies exist. Without targets, every node is a target.
 * - `-exclude` (OpenTofu 1.9; in Terraform only an experiment so far) drops the excluded nodes
 *   and everything that depends on them, directly or not, since those cannot run without them.
 * - When both are given, excludes win: a target that is excluded, or depends on an excluded
 *   node, is dropped. Dependencies it brought in stay selected unless they too are excluded or
 *   depend on an excluded node.
 * - Ids the graph does not hold are ignored, as Terraform ignores a `-target` or `-exclude`
 *   that matches nothing; warning about them is the caller's job.
 *
 * The result is closed under dependencies (every dependency of a selected node is selected), so
 * `graph.subgraph(result)` can be walked on its own. For destroy, pass the destroy graph
 * (`graph.reverse()`): there a node's dependencies are what must be deleted before it, so
 * `-target=X` also destroys what depends on X, and `-exclude=X` also keeps what X depends on.
 *
 * @example
 * // d → b → a, d → c → a
 * selectTargets(graph, { targets: ['b'] }); // ['a', 'b']
 * selectTargets(graph, { excludes: ['b'] }); // ['a', 'c']
 * selectTargets(graph, { targets: ['d'], excludes: ['c'] }); // ['a', 'b']
 */
export function selectTargets<T>(graph: Graph<T>, selection: TargetSelection = {}): string[] {
  const known = (ids: readonly string[]): string[] => ids.filter((id) => graph.has(id));
  const selected =
    selection.targets === undefined
      ? new Set(graph.ids())
      : new Set([...known(selection.targets), ...graph.transitiveDependencies(known(selection.targets))]);
  const excludes = known(selection.excludes ?? []);
  const excluded = new Set([...excludes, ...graph.transitiveDependents(excludes)]);
  return graph.ids().filter((id) => selected.has(id) && !excluded.has(id));
}
