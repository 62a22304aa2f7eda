/**
 * Runs async functions one at a time, in call order: a promise chain. A failure of one function
 * is returned to its caller and does not stop the ones queued after it.
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
