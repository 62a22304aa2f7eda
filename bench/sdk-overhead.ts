import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jobSchema } from '@lifeboat/api';
import { Lifeboat } from '@lifeboat/sdk';
import type { BenchmarkResult } from './report.js';

/** A job as a server sends it mid-backup: the most frequent response of all (job polling). */
const jobBody = JSON.stringify({
  code: 0,
  data: {
    jobId: 'job-031a8e3587ba7f9c',
    type: 'BACKUP',
    status: 'IN_PROGRESS',
    progress: '42',
    startTime: '2026-11-21T02:27:51Z',
    endTime: null,
    reason: '',
    clusterId: 'in01-3e5ad8adc38f0a1b',
    backupId: 'backup3_9f1c2a7b5d3e',
    targetClusterId: null,
    createTime: '2026-11-21T02:27:50Z',
    bytesDone: 294_003_712,
    bytesTotal: 700_000_000,
  },
});

function startCannedServer(): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-1' });
    response.end(jobBody);
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * SDK call overhead against a bare `fetch` of the same endpoint on loopback: the SDK adds input
 * validation, headers, retry bookkeeping, envelope checks and response parsing. Both run
 * interleaved in rounds, so drift in the machine's load hits them alike.
 */
export async function sdkOverhead(calls = 10_000, rounds = 5): Promise<BenchmarkResult[]> {
  const server = await startCannedServer();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new Lifeboat({ baseUrl: url, apiKey: 'lb_bench_key', retry: false });
  const bare: number[] = [];
  const sdk: number[] = [];
  const perRound = Math.ceil(calls / rounds);
  try {
    for (let i = 0; i < 500; i++) {
      await (await fetch(`${url}/v2/jobs/job-031a8e3587ba7f9c`, { headers: { authorization: 'Bearer lb_bench_key' } })).json();
      await client.jobs.get('job-031a8e3587ba7f9c');
    }
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < perRound; i++) {
        let start = performance.now();
        await (await fetch(`${url}/v2/jobs/job-031a8e3587ba7f9c`, { headers: { authorization: 'Bearer lb_bench_key' } })).json();
        bare.push(performance.now() - start);
        start = performance.now();
        await client.jobs.get('job-031a8e3587ba7f9c');
        sdk.push(performance.now() - start);
      }
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  bare.sort((a, b) => a - b);
  sdk.sort((a, b) => a - b);

  const parsed = JSON.parse(jobBody) as { data: unknown };
  const parses = 100_000;
  const parseStart = performance.now();
  for (let i = 0; i < parses; i++) jobSchema.parse(parsed.data);
  const parseMicros = ((performance.now() - parseStart) * 1000) / parses;

  const ratio = percentile(sdk, 50) / percentile(bare, 50);
  return [
    {
      name: `SDK call overhead (GET /v2/jobs/{id}, ${bare.length} calls each)`,
      figures: {
        'bare fetch p50': `${percentile(bare, 50).toFixed(3)} ms`,
        'bare fetch p99': `${percentile(bare, 99).toFixed(3)} ms`,
        'SDK p50': `${percentile(sdk, 50).toFixed(3)} ms`,
        'SDK p99': `${percentile(sdk, 99).toFixed(3)} ms`,
        'zod parse of one job': `${parseMicros.toFixed(2)} µs`,
      },
      ratio: { label: 'SDK p50 / bare fetch p50', value: ratio, target: 1.1 },
    },
  ];
}
