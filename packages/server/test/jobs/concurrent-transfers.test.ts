import { describe, expect, it } from 'vitest';
import { forEachConcurrently } from '../../src/internal/concurrent.js';
import { ByteProgress } from '../../src/jobs/handlers/shared.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('concurrent blob transfers', () => {
  it('runs every item once with at most the limit in flight', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];

    await forEachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      seen.push(item);
      running -= 1;
    });

    expect(most).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('starts nothing after a failure and throws it only once the running items have finished', async () => {
    const started: number[] = [];
    const finished: number[] = [];

    const run = forEachConcurrently([1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      if (item === 1) throw new Error('segment 1 is unreadable');
      await tick();
      await tick();
      finished.push(item);
    });

    await expect(run).rejects.toThrow('segment 1 is unreadable');
    expect(finished).toEqual(started.filter((item) => item !== 1));
    expect(started.length).toBeLessThan(5);
  });

  it('counts progress of items in flight together and settles each at its exact size', () => {
    const reported: number[] = [];
    const progress = new ByteProgress({ progress: (done) => reported.push(done) }, 300);
    const first = progress.item(100);
    const second = progress.item(200);

    first.onBytes(60);
    second.onBytes(150);
    first.onBytes(60); // a re-read: more than the item's size, until it settles
    first.settle();
    second.settle();

    expect(reported).toEqual([0, 60, 210, 270, 250, 300]);
  });
});
