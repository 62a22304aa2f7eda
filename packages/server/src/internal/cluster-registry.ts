import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalCluster } from '../data/local-cluster.js';
import type { Clock } from './clock.js';

/**
 * The local clusters' data on disk, one directory per cluster under `<dataDir>/clusters/`.
 * Keeps one open `LocalCluster` per id, so every request and job sees the same in-memory state.
 */
export class ClusterRegistry {
  readonly #root: string;
  readonly #clock: Clock;
  readonly #open = new Map<string, Promise<LocalCluster>>();

  constructor(root: string, clock: Clock) {
    this.#root = root;
    this.#clock = clock;
  }

  dirOf(clusterId: string): string {
    return join(this.#root, clusterId);
  }

  /** Creates the data directory of a new cluster (with its `default` database). */
  async create(clusterId: string): Promise<LocalCluster> {
    const created = LocalCluster.create(this.dirOf(clusterId), { now: () => this.#clock.now() });
    this.#open.set(clusterId, created);
    created.catch(() => this.#open.delete(clusterId));
    return created;
  }

  /** The cluster's data, opened once. */
  async get(clusterId: string): Promise<LocalCluster> {
    const known = this.#open.get(clusterId);
    if (known !== undefined) return known;
    const opening = LocalCluster.open(this.dirOf(clusterId), { now: () => this.#clock.now() });
    this.#open.set(clusterId, opening);
    // A failed open is not cached, so the next call tries again.
    opening.catch(() => this.#open.delete(clusterId));
    return opening;
  }

  /** Deletes a cluster's data, even when it is too damaged to open. */
  async remove(clusterId: string): Promise<void> {
    const cluster = await this.get(clusterId).catch(() => undefined);
    this.#open.delete(clusterId);
    await cluster?.drop();
    await rm(this.dirOf(clusterId), { recursive: true, force: true });
  }
}
