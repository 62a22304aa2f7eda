import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from './store/store.js';

/** The server's Prometheus metrics, on a registry of its own (no global state). */
export interface Metrics {
  readonly registry: Registry;
  readonly requests: Counter<'operation' | 'status'>;
  readonly jobDuration: Histogram<'type' | 'status'>;
  readonly bytesCopied: Counter<'kind'>;
}

export function createMetrics(store: Store): Metrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'lifeboat_requests_total',
    help: 'API requests by operation and HTTP status.',
    labelNames: ['operation', 'status'] as const,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'lifeboat_job_duration_seconds',
    help: 'Time from a job starting to its end, by type and final status.',
    labelNames: ['type', 'status'] as const,
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 1800, 7200],
    registers: [registry],
  });
  const bytesCopied = new Counter({
    name: 'lifeboat_bytes_copied_total',
    help: 'Bytes written by backups, copies, restores and exports.',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'lifeboat_backups',
    help: 'Backups by status.',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const status of ['CREATING', 'AVAILABLE', 'FAILED', 'DELETING'] as const) {
        const { count } = await store.listBackups({ status }, { offset: 0, limit: 1 });
        this.set({ status }, count);
      }
    },
  });
  return { registry, requests, jobDuration, bytesCopied };
}
