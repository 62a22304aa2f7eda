import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';

/** A fresh directory per test, removed after it. */
export function useTempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeboat-storage-'));
    made.push(dir);
    return dir;
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes `bytes` (random when a size is given) to `dir/name`; returns the path, bytes and hash. */
export async function writeSource(
  dir: string,
  name: string,
  content: Uint8Array | number,
): Promise<{ readonly path: string; readonly bytes: Buffer; readonly hash: string }> {
  const bytes = typeof content === 'number' ? randomBytes(content) : Buffer.from(content);
  const path = join(dir, name);
  await writeFile(path, bytes);
  return { path, bytes, hash: sha256(bytes) };
}

/** Names in a directory, `[]` when it does not exist. */
export async function entries(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

/** Drains an async iterable (Array.fromAsync needs Node 22). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Byte-for-byte equality; toEqual on a multi-megabyte Buffer compares element by element and is slow. */
export function expectSameBytes(actual: Buffer, expected: Buffer): void {
  expect(actual.length).toBe(expected.length);
  expect(actual.equals(expected), 'bytes differ').toBe(true);
}
