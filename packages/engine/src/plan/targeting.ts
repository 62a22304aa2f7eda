import { selectTargets, type Graph } from '../graph/index.js';
import { blockOf } from './addresses.js';
import type { Diagnostic, ResourceChange } from './types.js';

/** Whether `-target` or `-exclude` narrowed a plan (or the plan being applied). */
export const isTargeted = (request: { readonly targets?: readonly string[] | undefined; readonly excludes?: readonly string[] | undefined }): boolean =>
  (request.targets?.length ?? 0) > 0 || (request.excludes?.length ?? 0) > 0;

const exceptional = 'provided only for exceptional situations such as recovering from errors or mistakes, or when Lifeboat specifically suggests to use it as part of an error message.';

/**
 * The warning a targeted plan carries, worded as Terraform's (and OpenTofu's, which also has
 * `-exclude`): a targeted plan leaves out changes the configuration asks for, so nobody should
 * mistake it for the whole picture.
 */
export const targetingWarning: Diagnostic = {
  severity: 'warning',
  summary: 'Resource targeting is in effect',
  detail:
    'You are creating a plan with either the -target option or the -exclude option, which means that the result of this plan may not represent all of the changes requested by the current configuration.\n\n' +
    `The -target and -exclude options are not for routine use, and are ${exceptional}`,
};

/** The warning apply repeats at the end of a targeted plan's apply, as Terraform does. */
export const incompleteApplyWarning: Diagnostic = {
  severity: 'warning',
  summary: 'Applied changes may be incomplete',
  detail:
    'The plan was created with the -target or the -exclude option in effect, so some changes requested in the configuration may have been ignored and the output values may not be fully updated. Run the following command to verify that no other changes are pending:\n' +
    '    lifeboat plan\n\n' +
    `Note that the -target and -exclude options are not suitable for routine use, and are ${exceptional}`,
};

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
