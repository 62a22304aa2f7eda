import type { CreateCollectionRequest, Row } from '@lifeboat/api';
// The data layer the server's insert route calls, opened while the server is stopped: rows go
// through the same validation, encoding, fsynced appends and sealing as an insert over HTTP,
// without 700 MB of JSON over loopback that would measure HTTP instead of the data set.
import { LocalCluster } from '../packages/server/src/data/local-cluster.js';

/** The collection the backup benchmark backs up: realistic rows, not bytes that compress or dedupe. */
export const benchCollection = {
  collectionName: 'documents',
  description: 'backup benchmark: an embedding, a title and a category per row',
  schema: {
    fields: [
      { fieldName: 'id', dataType: 'Int64', isPrimary: true },
      { fieldName: 'title', dataType: 'VarChar', elementTypeParams: { max_length: 512 } },
      { fieldName: 'category', dataType: 'Int32' },
      { fieldName: 'embedding', dataType: 'FloatVector', elementTypeParams: { dim: 256 } },
    ],
  },
} as const satisfies CreateCollectionRequest;

const words = (
  'backup restore region cluster segment vector search index replica snapshot policy copy ' +
  'manifest blob storage latency durable recovery point objective time shard partition query ' +
  'embedding model document article review invoice customer order product catalogue event log'
).split(' ');

/** mulberry32: a small seeded generator, so every run backs up the same bytes. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function makeRow(id: number, random: () => number): Row {
  const title = Array.from({ length: 12 + Math.floor(random() * 12) }, () => words[Math.floor(random() * words.length)]).join(' ');
  // Six decimals, as embeddings are usually stored in JSON: float32 precision without the noise digits.
  const embedding = Array.from({ length: benchCollection.schema.fields[3].elementTypeParams.dim }, () => Math.round((random() * 2 - 1) * 1e6) / 1e6);
  return { id, title, category: Math.floor(random() * 1000), embedding };
}

/** Rows per insert call: about 1.3 MB, a batch a bulk loader would send. */
export const batchRows = 500;

/** `count` rows with consecutive keys from `firstId`; the same ids always give the same rows. */
export function makeRows(firstId: number, count: number): Row[] {
  const random = seededRandom(firstId + 1);
  return Array.from({ length: count }, (_, i) => makeRow(firstId + i, random));
}

export interface InsertRowsRequest {
  /** The cluster's data directory; its server must be stopped. */
  readonly clusterDir: string;
  /** First primary key; keys are consecutive from here. */
  readonly firstId: number;
  /** Stop once the rows inserted by this call reach this many bytes of segment data… */
  readonly bytes?: number;
  /** …or this many rows. */
  readonly rows?: number;
}

/** Inserts rows into `documents` (seeded by `firstId`), then seals them; returns how many rows. */
export async function insertRows(request: InsertRowsRequest): Promise<number> {
  const cluster = await LocalCluster.open(request.clusterDir);
  const rowLimit = request.rows ?? Number.POSITIVE_INFINITY;
  const byteLimit = request.bytes ?? Number.POSITIVE_INFINITY;
  let rows = 0;
  let bytes = 0;
  while (rows < rowLimit && bytes < byteLimit) {
    const count = Math.min(batchRows, rowLimit - rows);
    const data = makeRows(request.firstId + rows, count);
    await cluster.insert({ collectionName: benchCollection.collectionName, data });
    rows += count;
    // A segment line is the row's JSON plus `,"_ts":<13 digits>` and a newline; the batch's JSON
    // adds `[`, `]` and a comma between rows.
    bytes += Buffer.byteLength(JSON.stringify(data)) - (count + 1) + count * 21;
  }
  await cluster.flush();
  return rows;
}
