import { describe, expect, it } from 'vitest';
import { applyGraph, nodeIdOf } from '../../src/apply/apply-graph.js';
import { change } from '../fixtures/render/builders.js';

describe('the apply graph', () => {
  it('names a deposed object apart from its instance and destroys it once the new object stands', () => {
    const replace = change({ address: 'lifeboat_cluster_restore.standby', actions: ['create', 'delete'], createBeforeDestroy: true });
    const leftover = change({ address: 'lifeboat_cluster_restore.standby', deposed: '1a2b3c4d', actions: ['delete'] });
    const graph = applyGraph([replace, leftover]);
    expect(nodeIdOf(leftover)).toBe('lifeboat_cluster_restore.standby (deposed object 1a2b3c4d)');
    expect(graph.get(nodeIdOf(leftover))).toBe(leftover);
    expect(graph.get('lifeboat_cluster_restore.standby')).toBe(replace);
    expect(graph.dependenciesOf(nodeIdOf(leftover))).toContain('lifeboat_cluster_restore.standby');
  });

  it('lets a deposed object go at once when its instance is being destroyed too', () => {
    const destroy = change({ address: 'lifeboat_cluster_restore.standby', actions: ['delete'] });
    const leftover = change({ address: 'lifeboat_cluster_restore.standby', deposed: '1a2b3c4d', actions: ['delete'] });
    const graph = applyGraph([destroy, leftover]);
    expect(graph.dependenciesOf(nodeIdOf(leftover))).not.toContain('lifeboat_cluster_restore.standby');
  });
});
