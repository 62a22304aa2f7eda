import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fsyncDir } from '../internal/atomic-file.js';
import { addDigests, canonicalJson, checksumToHex, rowDigest } from './checksum.js';
import { INSERT_TIME_FIELD } from './collection-schema.js';
import { DataError } from './errors.js';
import type { Row, SegmentInfo } from './types.js';

/**
 * The segment file format: one row per line, canonical JSON, `\n` after every row. Each stored
 * row carries `_ts`, its insertion time in ms, used only for TTL; it is part of the bytes (and so
 * of the SHA-256) but not of the row checksum, which covers what users see. A restore copies the
 * bytes, so it reproduces both. The partition is implicit in the file's directory.
 *
 * New rows are appended to `growing.ndjson`; sealing renames it to `<seq>.seg`, which is never
 * written again.
 */

export const GROWING_FILE = 'growing.ndjson';
const NEWLINE = 0x0a;

/** A stored row: the user's fields plus `_ts`. */
export type StoredRow = Record<string, unknown>;

export function sealedFileName(seq: number): string {
  return `${seq}.seg`;
}

/** The sequence number of a sealed segment's file name, or `undefined` for any other name. */
export function parseSealedFileName(name: string): number | undefined {
  const match = /^(0|[1-9]\d{0,14})\.seg$/.exec(name);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The user-visible part of a stored row. */
export function userRow(stored: StoredRow): Row {
  return Object.fromEntries(Object.entries(stored).filter(([key]) => key !== INSERT_TIME_FIELD));
}

/**
 * Running totals over a segment's bytes, kept while rows are appended so sealing needs no second
 * read. Updated only after bytes are safely on disk.
 */
export class SegmentTally {
  bytes = 0;
  rowCount = 0;
  checksum = 0n;
  private readonly hash: Hash = createHash('sha256');

  add(bytes: Uint8Array, rowCount: number, checksum: bigint): void {
    this.hash.update(bytes);
    this.bytes += bytes.length;
    this.rowCount += rowCount;
    this.checksum = addDigests(this.checksum, checksum);
  }

  info(): SegmentInfo {
    return { sha256: this.hash.copy().digest('hex'), bytes: this.bytes, rowCount: this.rowCount, checksum: checksumToHex(this.checksum) };
  }
}

/** Rows encoded as segment lines, with their count and checksum. */
export interface EncodedRows {
  readonly bytes: Buffer;
  readonly rowCount: number;
  readonly checksum: bigint;
}

export function encodeRows(rows: readonly Row[], insertTime: number): EncodedRows {
  let checksum = 0n;
  const lines = rows.map((row) => {
    checksum = addDigests(checksum, rowDigest(canonicalJson(row)));
    return `${canonicalJson({ ...row, [INSERT_TIME_FIELD]: insertTime })}\n`;
  });
  return { bytes: Buffer.from(lines.join(''), 'utf8'), rowCount: rows.length, checksum };
}

/**
 * Appends encoded rows to a growing segment and fsyncs, then counts them in `tally`. If the write
 * fails part way, the file is cut back to its previous length, so no torn line is left for the
 * next append to follow.
 */
export async function appendRows(path: string, tally: SegmentTally, rows: EncodedRows): Promise<void> {
  const handle = await open(path, 'a');
  try {
    await handle.writeFile(rows.bytes);
    await handle.sync();
  } catch (error) {
    await handle.truncate(tally.bytes).catch(() => undefined);
    throw error;
  } finally {
    await handle.close();
  }
  // A new file's directory entry must be durable too.
  if (tally.bytes === 0) await fsyncDir(dirname(path));
  tally.add(rows.bytes, rows.rowCount, rows.checksum);
}

/**
 * Seals a partition's growing segment: renames it to `<seq>.seg` and makes the rename durable.
 * Every append was fsynced already. Returns what the state file must list.
 */
export async function sealGrowing(partitionDir: string, seq: number, tally: SegmentTally): Promise<SegmentInfo> {
  await rename(join(partitionDir, GROWING_FILE), join(partitionDir, sealedFileName(seq)));
  await fsyncDir(partitionDir);
  return tally.info();
}

/** The outcome of reading a segment file from its start. */
export interface SegmentScan {
  /** Totals over the complete, well-formed lines before the first bad one. */
  readonly tally: SegmentTally;
  /** The file's length; more than `tally.bytes` when it ends in a torn or bad line. */
  readonly fileBytes: number;
}

/** Reads a whole segment file, hashing and checksumming it line by line. */
export async function scanSegment(path: string): Promise<SegmentScan> {
  const tally = new SegmentTally();
  let fileBytes = 0;
  let broken = false;
  for await (const { line, complete } of fileLines(path)) {
    fileBytes += line.length + (complete ? 1 : 0);
    if (broken || !complete) {
      broken = true;
      continue;
    }
    const row = parseLine(line);
    if (row === undefined) {
      broken = true;
      continue;
    }
    tally.add(Buffer.concat([line, Buffer.of(NEWLINE)]), 1, rowDigest(canonicalJson(row, INSERT_TIME_FIELD)));
  }
  return { tally, fileBytes };
}

/**
 * Whether a segment file holds exactly the recorded segment, judged from its bytes alone: its
 * SHA-256, its length, its row count (lines) and its row checksum, without parsing a row.
 *
 * Every line was written by `encodeRows` as canonical JSON, so the canonical JSON of the
 * user-visible row is the line with its `"_ts":<digits>` member cut out; hashing that span
 * needs no JSON.parse and no JSON.stringify of every number, which is most of what a full
 * `scanSegment` costs. Where the first `"_ts":` of a line is not the top-level member (a string
 * or a JSON field holding that text, sorting before it), the cut gives another digest and the
 * sum no longer matches: a `false` here means "not shown", and the caller falls back to
 * `scanSegment`, which decides exactly. A `true` cannot be wrong short of a SHA-256 collision.
 */
export async function segmentMatches(path: string, expected: SegmentInfo): Promise<boolean> {
  const fileHash = createHash('sha256');
  let bytes = 0;
  let rowCount = 0;
  let checksum = 0n;
  for await (const { line, complete } of fileLines(path)) {
    if (!complete) return false;
    fileHash.update(line).update(NEWLINE_BYTES);
    bytes += line.length + 1;
    rowCount += 1;
    const cut = insertTimeMember(line);
    if (cut === undefined) return false;
    const rowHash = createHash('sha256').update(line.subarray(0, cut.start)).update(line.subarray(cut.end));
    checksum = addDigests(checksum, BigInt(`0x${rowHash.digest('hex')}`));
  }
  return bytes === expected.bytes && rowCount === expected.rowCount && checksumToHex(checksum) === expected.checksum && fileHash.digest('hex') === expected.sha256;
}

const NEWLINE_BYTES = Buffer.of(NEWLINE);
const INSERT_TIME_KEY = Buffer.from(`"${INSERT_TIME_FIELD}":`);
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** The span to cut from a canonical line to leave its user-visible row: `,"_ts":N` or `"_ts":N,` (or the member alone). */
function insertTimeMember(line: Buffer): { start: number; end: number } | undefined {
  const key = line.indexOf(INSERT_TIME_KEY);
  if (key <= 0) return undefined;
  let end = key + INSERT_TIME_KEY.length;
  while (end < line.length && line[end]! >= 0x30 && line[end]! <= 0x39) end++;
  if (end === key + INSERT_TIME_KEY.length) return undefined;
  const before = line[key - 1];
  const after = line[end];
  if (before === COMMA && (after === COMMA || after === CLOSE_BRACE)) return { start: key - 1, end };
  if (before === OPEN_BRACE && after === COMMA) return { start: key, end: end + 1 };
  if (before === OPEN_BRACE && after === CLOSE_BRACE) return { start: key, end };
  return undefined;
}

/** The stored rows of a segment file, in file order; `byteLimit` stops at that offset. */
export async function* readStoredRows(path: string, byteLimit?: number): AsyncGenerator<StoredRow> {
  for await (const { line, complete } of fileLines(path, byteLimit)) {
    const row = complete ? parseLine(line) : undefined;
    if (row === undefined) throw new DataError('INTERNAL', `segment file ${path} has a malformed row; the file is damaged — restore the collection from a backup`);
    yield row;
  }
}

function parseLine(line: Buffer): StoredRow | undefined {
  try {
    const value: unknown = JSON.parse(line.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as StoredRow) : undefined;
  } catch {
    return undefined;
  }
}

/** The lines of a file without their `\n`; the last one is `complete: false` when the file does not end in `\n`. */
async function* fileLines(path: string, byteLimit?: number): AsyncGenerator<{ line: Buffer; complete: boolean }> {
  if (byteLimit === 0) return;
  const stream = createReadStream(path, byteLimit === undefined ? {} : { end: byteLimit - 1 });
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of stream) {
    let buffer = carry.length === 0 ? (chunk as Buffer) : Buffer.concat([carry, chunk as Buffer]);
    let newline = buffer.indexOf(NEWLINE);
    while (newline !== -1) {
      yield { line: buffer.subarray(0, newline), complete: true };
      buffer = buffer.subarray(newline + 1);
      newline = buffer.indexOf(NEWLINE);
    }
    carry = buffer;
  }
  if (carry.length > 0) yield { line: carry, complete: false };
}
