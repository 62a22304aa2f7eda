import { selectTargets, type Graph } from '../graph/index.js';
import { blockOf } from './addresses.js';
import type { ResourceChange } from './types.js';

/** What `-target` and `-exclude` asked for, and the graph they select on. */
export interface TargetedChangesRequest<T> {
  /** The configuration's block graph. */
  readonly graph: Graph<T>;
  readonly changes: readonly ResourceChange[];
  /** Resource (`x.y`) or instance (`x.y["k"]`) addresses. */
  readonly targets: readonly string[];
  readonly excludes: readonly string[];
  readonly destroying: boolean;
}

/**
 * The changes `-target` and `-exclude` keep, with dependencies, selected on the block graph:
 *
 * - A destroy selects on the reversed graph, so a destroyed target takes what depends on it
 *   along, and never what it depends on.
 * - An instance target (`x.y["k"]`) keeps that instance only, unless its block is also targeted
 *   whole or is a dependency of a target (then all of its instances are needed).
 * - Instances only in the state (deletes of removed resources) are not in the graph: a target
 *   names them by address; with excludes alone they stay unless excluded by address.
 */
export function targetedChanges<T>(request: TargetedChangesRequest<T>): ResourceChange[] {
  const { graph, targets, excludes } = request;
  const selectionGraph = request.destroying ? graph.reverse() : graph;
  const blockOfTarget = (address: string): string => (graph.has(address) ? address : blockOf(address));
  const targetBlocks = targets.map(blockOfTarget);
  const selected = new Set(
    selectTargets(selectionGraph, {
      ...(targets.length > 0 ? { targets: targetBlocks } : {}),
      excludes: excludes.map(blockOfTarget),
    }),
  );
  const wholeBlocks = new Set([...targets.filter((target) => graph.has(target)), ...selectionGraph.transitiveDependencies(targetBlocks.filter((block) => graph.has(block)))]);
  const instanceOnly = new Set(targetBlocks.filter((block) => !wholeBlocks.has(block)));
  return request.changes.filter((change) => {
    if (graph.has(change.resourceAddress)) {
      return selected.has(change.resourceAddress) && (!instanceOnly.has(change.resourceAddress) || targets.includes(change.address));
    }
    const named = (addresses: readonly string[]): boolean => addresses.includes(change.address) || addresses.includes(change.resourceAddress);
    return targets.length > 0 ? named(targets) : !named(excludes);
  });
}
