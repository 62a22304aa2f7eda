import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { FieldSchemaRequest } from '@lifeboat/api';
import { expect } from 'vitest';
import { isDataError } from '../../src/data/index.js';
import type { CollectionSnapshot, LocalCluster, Row, SegmentSource } from '../../src/data/index.js';

/** A fresh directory under the OS temp dir; remove it with `removeTempDir`. */
export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'lifeboat-data-'));
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Every path under `dir`, relative and sorted (directories end with "/"). */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.map((e) => relative(dir, join(e.parentPath, e.name)) + (e.isDirectory() ? '/' : '')).sort();
}

export const articleFields: FieldSchemaRequest[] = [
  { fieldName: 'id', dataType: 'Int64', isPrimary: true },
  { fieldName: 'title', dataType: 'VarChar', elementTypeParams: { max_length: 32 } },
  { fieldName: 'views', dataType: 'Int32' },
  { fieldName: 'score', dataType: 'Double', nullable: true },
  { fieldName: 'published', dataType: 'Bool' },
  { fieldName: 'meta', dataType: 'JSON', nullable: true },
  { fieldName: 'embedding', dataType: 'FloatVector', elementTypeParams: { dim: 3 } },
];

/** A valid article row with every field present. */
export function article(id: number, overrides: Row = {}): Row {
  return {
    id,
    title: `article ${id}`,
    views: id * 10,
    score: id / 2,
    published: id % 2 === 0,
    meta: { tags: [`t${id % 3}`], nested: { b: 1, a: id } },
    embedding: [id, id + 0.5, -id],
    ...overrides,
  };
}

export function articles(from: number, to: number): Row[] {
  const rows: Row[] = [];
  for (let id = from; id <= to; id += 1) rows.push(article(id));
  return rows;
}

/** Creates `default.articles` (plus partitions) and loads it. */
export async function createArticles(cluster: LocalCluster, options: { partitionNames?: string[]; ttlSeconds?: number; collectionName?: string } = {}): Promise<void> {
  await cluster.createCollection({
    collectionName: options.collectionName ?? 'articles',
    description: 'news articles',
    schema: { fields: articleFields },
    ...(options.partitionNames === undefined ? {} : { partitionNames: options.partitionNames }),
    ...(options.ttlSeconds === undefined ? {} : { ttlSeconds: options.ttlSeconds }),
  });
  await cluster.loadCollection('default', options.collectionName ?? 'articles');
}

/** A segment source that copies sealed files straight out of the source cluster, as a backup then restore would. */
export function copyingSource(cluster: LocalCluster, dbName: string, snapshot: CollectionSnapshot): SegmentSource {
  const paths = new Map<string, string>();
  for (const partition of snapshot.partitions) {
    for (const segment of partition.segments) {
      paths.set(segment.sha256, cluster.segmentPath(dbName, snapshot.collectionName, partition.partitionName, segment));
    }
  }
  return async (segment, destPath) => {
    const from = paths.get(segment.sha256);
    if (from === undefined) throw new Error(`no segment ${segment.sha256}`);
    await copyFile(from, destPath);
  };
}

/** Asserts that `promise` rejects with a DataError of this name whose message contains each fragment. */
export async function expectDataError(promise: Promise<unknown>, errorName: string, ...fragments: string[]): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(isDataError(error), `expected a DataError ${errorName}, got ${String(error)}`).toBe(true);
  if (!isDataError(error)) return;
  expect(error.errorName).toBe(errorName);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
}
