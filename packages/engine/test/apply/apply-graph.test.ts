import { describe, expect, it } from 'vitest';
import { applyGraph, isWriteBatch, nodeIdOf } from '../../src/apply/apply-graph.js';
import type { ResourceChange } from '../../src/plan/types.js';
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

  describe('batches of writes', () => {
    const policy = (key: string, dependencies: string[] = []) => change({ address: `lifeboat_backup_policy.p["${key}"]`, actions: ['create'], dependencies });
    const everything = () => true;
    const batchesOf = (graph: ReturnType<typeof applyGraph>) =>
      graph.ids().flatMap((id) => {
        const step = graph.get(id);
        return isWriteBatch(step) ? [{ id, members: step.batch.map((c) => c.address), waitsOn: graph.dependenciesOf(id) }] : [];
      });

    it('puts writes of one type that wait on the same nodes into one batch, which their nodes wait on', () => {
      const changes = ['a', 'b', 'c'].map((key) => policy(key));
      const graph = applyGraph(changes, { batchable: everything });
      expect(batchesOf(graph)).toEqual([{ id: 'batch:0', members: changes.map((c) => c.address), waitsOn: [] }]);
      for (const c of changes) expect(graph.dependenciesOf(c.address)).toEqual(['batch:0']);
    });

    it('keeps writes that wait on different resources in different batches, each waiting on what its members wait on', () => {
      const restore = change({ address: 'lifeboat_cluster_restore.standby', actions: ['create'] });
      const changes: ResourceChange[] = [restore, policy('a'), policy('b'), policy('c', ['lifeboat_cluster_restore.standby']), policy('d', ['lifeboat_cluster_restore.standby'])];
      const graph = applyGraph(changes, { batchable: (c) => c.type === 'lifeboat_backup_policy' });
      expect(batchesOf(graph)).toEqual([
        { id: 'batch:0', members: [changes[1]?.address, changes[2]?.address], waitsOn: [] },
        { id: 'batch:1', members: [changes[3]?.address, changes[4]?.address], waitsOn: ['built:lifeboat_cluster_restore.standby'] },
      ]);
    });

    it('sends at most 100 writes a batch, and a write with no company on its own', () => {
      const many = Array.from({ length: 250 }, (_, i) => policy(String(i)));
      expect(batchesOf(applyGraph(many, { batchable: everything })).map((b) => b.members.length)).toEqual([100, 100, 50]);
      expect(batchesOf(applyGraph([policy('alone')], { batchable: everything }))).toEqual([]);
      expect(batchesOf(applyGraph(many, {}))).toEqual([]);
    });
  });
});
