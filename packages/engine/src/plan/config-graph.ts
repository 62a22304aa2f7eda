import type { Configuration, ResourceBlock } from '../config/model.js';
import { referencesOf, type JsonValue } from '../expressions/index.js';
import { Graph } from '../graph/index.js';
import { resourceOfReference } from './addresses.js';

/**
 * The dependency graph of a configuration: one node per resource or data block and per local,
 * edges from references (in bodies, count and for_each) and `depends_on`. Plan walks it to
 * evaluate in order; -target and -exclude select on it.
 */
export function configurationGraph(configuration: Configuration): Graph<ResourceBlock | undefined> {
  const graph = new Graph<ResourceBlock | undefined>();
  for (const block of configuration.resources) graph.addNode(block.address, block);
  for (const name of configuration.locals.keys()) graph.addNode(`local.${name}`, undefined);
  const edgesOf = (value: JsonValue | undefined): string[] =>
    value === undefined
      ? []
      : referencesOf(value)
          .filter((ref) => ref.root === 'resource' || ref.root === 'data' || ref.root === 'local')
          .map((ref) => ref.address)
          .filter((address) => graph.has(address));
  for (const block of configuration.resources) {
    // replace_triggered_by is planned after what it watches, so its change is known.
    const triggers = block.lifecycle.replaceTriggeredBy.map(resourceOfReference).filter((a) => graph.has(a));
    for (const to of [...edgesOf(block.body), ...edgesOf(block.count), ...edgesOf(block.forEach), ...block.dependsOn.filter((a) => graph.has(a)), ...triggers]) {
      if (to !== block.address) graph.addEdge(block.address, to);
    }
  }
  for (const [name, value] of configuration.locals) for (const to of edgesOf(value)) graph.addEdge(`local.${name}`, to);
  return graph;
}
