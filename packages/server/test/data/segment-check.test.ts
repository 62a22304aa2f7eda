import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeRows, scanSegment, SegmentTally, segmentMatches } from '../../src/data/segment-file.js';
import type { Row, SegmentInfo } from '../../src/data/types.js';
import { makeTempDir, removeTempDir } from './helpers.js';

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir();
});

afterEach(async () => {
  await removeTempDir(dir);
});

/** A segment file as the data plane writes it, and what its tally records. */
async function segmentOf(rows: readonly Row[], name = 'segment.seg'): Promise<{ path: string; info: SegmentInfo }> {
  const tally = new SegmentTally();
  const path = join(dir, name);
  const encoded = encodeRows(rows, 1_765_000_000_000);
  await writeFile(path, encoded.bytes);
  tally.add(encoded.bytes, encoded.rowCount, encoded.checksum);
  return { path, info: tally.info() };
}

const rows: Row[] = Array.from({ length: 50 }, (_, id) => ({ id, title: `row "_ts": ${id}`, vector: [id / 7, -id, 0.5], zeta: { nested: true } }));

describe('segmentMatches, the restore check that reads bytes and parses no row', () => {
  it('accepts a segment exactly as written, agreeing with the full scan', async () => {
    const { path, info } = await segmentOf(rows);
    expect(await segmentMatches(path, info)).toBe(true);
    expect((await scanSegment(path)).tally.info()).toEqual(info);
  });

  it('accepts a segment of no rows, and rows with no field before or after the insertion time', async () => {
    const empty = await segmentOf([], 'empty.seg');
    expect(await segmentMatches(empty.path, empty.info)).toBe(true);
    const only = await segmentOf([{}, { a: 1 }, { z: 1 }], 'edges.seg');
    expect(await segmentMatches(only.path, only.info)).toBe(true);
  });

  it('refuses a flipped byte, a cut file and a record whose row checksum or count is wrong', async () => {
    const { path, info } = await segmentOf(rows);
    const bytes = await readFile(path);
    const flipped = Buffer.from(bytes);
    flipped[40] = flipped[40]! ^ 0x01;
    await writeFile(join(dir, 'flipped.seg'), flipped);
    await writeFile(join(dir, 'cut.seg'), bytes.subarray(0, bytes.length - 10));

    expect(await segmentMatches(join(dir, 'flipped.seg'), info)).toBe(false);
    expect(await segmentMatches(join(dir, 'cut.seg'), info)).toBe(false);
    expect(await segmentMatches(path, { ...info, checksum: 'f'.repeat(64) })).toBe(false);
    expect(await segmentMatches(path, { ...info, rowCount: info.rowCount + 1 })).toBe(false);
  });

  it('leaves a row with an earlier nested "_ts" key to the full scan, which still accepts it', async () => {
    // A JSON field sorting before `_ts` holds the same key: cutting the first match would be
    // wrong, so the quick check says "not shown" and the exact scan decides.
    const { path, info } = await segmentOf([{ A: { _ts: 5 }, id: 1 }]);
    expect(await segmentMatches(path, info)).toBe(false);
    expect((await scanSegment(path)).tally.info()).toEqual(info);
  });
});
