import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, combineChecksums, EMPTY_CHECKSUM, LocalCluster, rowsChecksum } from '../../src/data/index.js';
import type { Row } from '../../src/data/index.js';
import { articles, createArticles, makeTempDir, removeTempDir } from './helpers.js';

describe('canonical JSON and row checksums', () => {
  it('sorts object keys recursively and leaves array order alone', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"x":2,"y":1}]},"b":1}');
    expect(canonicalJson({ _ts: 5, id: 1 }, '_ts')).toBe('{"id":1}');
  });

  it('treats a __proto__ key like any other key', () => {
    const row = JSON.parse('{"meta":{"__proto__":{"evil":true}},"id":1}') as Row;
    expect(canonicalJson(row)).toBe('{"id":1,"meta":{"__proto__":{"evil":true}}}');
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ a: undefined })).toThrow(TypeError);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => canonicalJson([1, , 3])).toThrow(TypeError);
  });

  it('writes arrays of numbers and strings exactly as it writes them element by element', () => {
    const general = (items: readonly unknown[]) => `[${items.map((item) => canonicalJson(item)).join(',')}]`;
    const samples: unknown[][] = [
      [],
      [0, -0, 1, -1, 0.1, -2.5e-7, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, -Number.MAX_SAFE_INTEGER, 0.123456],
      Array.from({ length: 256 }, (_, i) => Math.round(Math.sin(i) * 1e6) / 1e6),
      ['a', '"quoted"', 'line\nbreak', '\u2028', 'é', ''],
      [1, 'two', 3.5],
    ];
    for (const items of samples) expect(canonicalJson(items)).toBe(general(items));
    expect(() => canonicalJson([1, Number.POSITIVE_INFINITY])).toThrow(TypeError);
    expect(canonicalJson([1, [2, 1], { b: 1, a: 2 }])).toBe('[1,[2,1],{"a":2,"b":1}]');
  });

  it('gives 64 zeros for no rows', () => {
    expect(rowsChecksum([])).toBe(EMPTY_CHECKSUM);
    expect(combineChecksums([])).toBe(EMPTY_CHECKSUM);
  });

  it('does not depend on row order or key order, and combines like the union of row sets', () => {
    const a: Row = { id: 1, name: 'a' };
    const b: Row = { name: 'b', id: 2 };
    const c: Row = { id: 3, name: 'c' };
    expect(rowsChecksum([a, b, c])).toBe(rowsChecksum([c, { id: 2, name: 'b' }, a]));
    expect(combineChecksums([rowsChecksum([a]), rowsChecksum([b, c])])).toBe(rowsChecksum([a, b, c]));
    expect(rowsChecksum([a, a])).not.toBe(rowsChecksum([a]));
    expect(rowsChecksum([a])).not.toBe(rowsChecksum([{ id: 1, name: 'A' }]));
  });
});

describe('collection checksums', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await makeTempDir();
  });

  afterEach(async () => {
    await removeTempDir(dir);
  });

  it('are identical whatever the insertion order, batching and segment boundaries', async () => {
    const rows = articles(1, 40);
    const oneBatch = await LocalCluster.create(join(dir, 'one'));
    await createArticles(oneBatch);
    await oneBatch.insert({ collectionName: 'articles', data: rows });

    // A tiny seal threshold: nearly every insert seals a segment.
    const manySegments = await LocalCluster.create(join(dir, 'many'), { sealThresholdBytes: 300, now: () => 42 });
    await createArticles(manySegments);
    const reversed = [...rows].reverse();
    for (let start = 0; start < reversed.length; start += 3) {
      await manySegments.insert({ collectionName: 'articles', data: reversed.slice(start, start + 3) });
    }
    const snapshot = await manySegments.snapshot();
    const segments = snapshot.databases[0]?.collections[0]?.partitions[0]?.segments ?? [];
    expect(segments.length).toBeGreaterThan(5);

    const expected = rowsChecksum(rows);
    expect((await oneBatch.describeCollection('default', 'articles')).checksum).toBe(expected);
    expect((await manySegments.describeCollection('default', 'articles')).checksum).toBe(expected);
    expect(combineChecksums(segments.map((s) => s.checksum))).toBe(expected);
    await oneBatch.flush();
    expect((await oneBatch.describeCollection('default', 'articles')).checksum).toBe(expected);
  });

  it('count absent nullable fields as null, so both spellings of a row agree', async () => {
    const cluster = await LocalCluster.create(join(dir, 'c'));
    await createArticles(cluster);
    const { score: _score, meta: _meta, ...withoutNullables } = articles(1, 1)[0] ?? {};
    await cluster.insert({ collectionName: 'articles', data: [withoutNullables] });
    expect((await cluster.describeCollection('default', 'articles')).checksum).toBe(rowsChecksum([{ ...withoutNullables, score: null, meta: null }]));
  });
});
