/**
 * The nodes that may start now, handed out earliest-inserted first: that is what makes the
 * topological order and the walker's start order depend only on the graph, never on timing or on
 * the order edges were added. A binary min-heap of insertion positions, so 10,000 ready nodes
 * cost O(log n) each rather than a sort per step.
 */
export class ReadyQueue {
  readonly #heap: number[] = [];

  get size(): number {
    return this.#heap.length;
  }

  push(position: number): void {
    const heap = this.#heap;
    heap.push(position);
    let child = heap.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      const above = heap[parent] ?? 0;
      if (above <= position) break;
      heap[child] = above;
      child = parent;
    }
    heap[child] = position;
  }

  /** The smallest position, or `undefined` when empty. */
  pop(): number | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let parent = 0;
    for (;;) {
      const left = 2 * parent + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const smaller = right < heap.length && (heap[right] ?? 0) < (heap[left] ?? 0) ? right : left;
      const value = heap[smaller] ?? 0;
      if (value >= last) break;
      heap[parent] = value;
      parent = smaller;
    }
    heap[parent] = last;
    return top;
  }
}
