/** Runs async sections one at a time, in call order, so a write never interleaves with an append. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `section` after every section started before it has settled. */
  run<T>(section: () => Promise<T>): Promise<T> {
    const result = this.tail.then(section);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

interface Waiter<T> {
  readonly item: T;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: items added while a flush is running go out together in the next flush, so
 * parallel appends share one fsync (or one INSERT) instead of queueing for one each. A lone
 * item is flushed at once; nothing waits for a batch to fill.
 */
export class GroupCommit<T> {
  private readonly waiting: Waiter<T>[] = [];
  private running = false;

  /**
   * @param flush makes a batch durable; every item's promise settles with it.
   * @param maxBatch caps a batch (a database has a limit on parameters per statement).
   */
  constructor(
    private readonly flush: (items: T[]) => Promise<void>,
    private readonly maxBatch = 500,
  ) {}

  /** Resolves once `item` has been flushed. */
  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxBatch);
        try {
          await this.flush(batch.map((waiter) => waiter.item));
          for (const waiter of batch) waiter.resolve();
        } catch (error) {
          for (const waiter of batch) waiter.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
