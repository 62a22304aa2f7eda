import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import { EngineError, isEngineError } from '../../src/errors/engine-error.js';
import { isExpressionError, parseTemplate } from '../../src/expressions/index.js';
import { Graph, isGraphError, topologicalOrder } from '../../src/graph/index.js';
import { isOperationError, readPlanFile } from '../../src/operations/index.js';
import { isStateError, LocalStateBackend, parseInstanceAddress, parseState } from '../../src/state/index.js';
import { plan as makePlan } from '../fixtures/render/builders.js';
import { Lifeboat } from '@lifeboat/sdk';

/** What `run` threw (it must throw). */
async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('one error base for the engine', () => {
  it('makes every family of engine errors an EngineError with a stable code', async () => {
    const work = await mkdtemp(join(tmpdir(), 'lifeboat-errors-'));
    try {
      const cyclic = new Graph<undefined>().addNode('a', undefined).addNode('b', undefined).addEdge('a', 'b').addEdge('b', 'a');
      const backend = new LocalStateBackend({ path: join(work, 'terraform.tfstate') });
      const client = new Lifeboat({ baseUrl: 'http://127.0.0.1:9', apiKey: 'unused' });
      const errors = {
        graph: await thrown(() => new Graph().addEdge('a', 'missing')),
        cycle: await thrown(() => topologicalOrder(cyclic)),
        state: await thrown(() => parseState('not json', 'terraform.tfstate')),
        address: await thrown(() => parseInstanceAddress('not an address')),
        expression: await thrown(() => parseTemplate('${var.}')),
        operation: await thrown(() => readPlanFile(join(work, 'missing.lbplan'))),
        apply: await thrown(() => apply({ plan: makePlan({ errored: true }), backend, client })),
      };
      expect(Object.fromEntries(Object.entries(errors).map(([family, error]) => [family, isEngineError(error) && error instanceof EngineError]))).toEqual({
        graph: true,
        cycle: true,
        state: true,
        address: true,
        expression: true,
        operation: true,
        apply: true,
      });
      expect(Object.fromEntries(Object.entries(errors).map(([family, error]) => [family, (error as EngineError).code]))).toEqual({
        graph: 'GRAPH_UNKNOWN_NODE',
        cycle: 'GRAPH_CYCLE',
        state: 'STATE_CORRUPT',
        address: 'STATE_INVALID_ADDRESS',
        expression: 'syntax',
        operation: 'PLAN_FILE_NOT_FOUND',
        apply: 'ERRORED_PLAN',
      });
      // The family guards still tell the families apart.
      expect([isGraphError(errors.cycle), isStateError(errors.address), isExpressionError(errors.expression), isOperationError(errors.operation)]).toEqual([true, true, true, true]);
      expect([isStateError(errors.graph), isGraphError(errors.state), isOperationError(errors.apply)]).toEqual([false, false, false]);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it('gives the advice a message ends with as fix, so a view can show it apart', async () => {
    const error = (await thrown(() => readPlanFile('/nowhere/release.lbplan'))) as EngineError;
    expect(error.fix).toBe('Check the path, or make one with `lifeboat plan -out=/nowhere/release.lbplan`.');
    expect(error.message.endsWith(error.fix ?? '')).toBe(true);
    const address = (await thrown(() => parseInstanceAddress('x'))) as EngineError;
    expect(address.message).toContain(address.fix);
  });

  it('recognises an engine error from another copy of the package', () => {
    const foreign = new Error('from another copy');
    Object.defineProperty(foreign, Symbol.for('@lifeboat/engine.error'), { value: true });
    expect(isEngineError(foreign)).toBe(true);
    expect(isEngineError(new Error('plain'))).toBe(false);
  });
});
