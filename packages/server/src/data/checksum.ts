import { createHash } from 'node:crypto';
import type { Row } from './types.js';

/**
 * Row checksums that do not depend on order: each row is hashed on its own (SHA-256 of its
 * canonical JSON) and the digests are added as 256-bit integers modulo 2^256. Addition is
 * commutative and associative, so a collection's checksum is the sum of its segments' checksums
 * however the rows were batched, sealed or ordered, and a restore that keeps the segments gives
 * the same value. A multiset digest: inserting the same row twice changes it.
 */

const MODULUS = 1n << 256n;
const HEX_CHECKSUM = /^[0-9a-f]{64}$/;

/** The checksum of no rows. */
export const EMPTY_CHECKSUM = '0'.repeat(64);

/**
 * JSON with object keys sorted recursively (by UTF-16 code units, as `Array#sort` does), no
 * whitespace, numbers as `JSON.stringify` writes them. Builds the text directly instead of a
 * sorted copy of the object, so a key such as `__proto__` is handled like any other.
 * `omitKey` drops one key of the top-level object (the stored insertion time).
 * Throws a TypeError for anything JSON cannot hold (undefined, NaN, functions, …).
 */
export function canonicalJson(value: unknown, omitKey?: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        // Vectors are most of the bytes a checksum covers: a flat array of finite numbers and
        // strings has the same text from JSON.stringify, without a call per element.
        if (isFlatScalarArray(value as unknown[])) return JSON.stringify(value);
        return `[${Array.from(value as unknown[], (item) => canonicalJson(item)).join(',')}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).filter((key) => key !== omitKey).sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`a ${typeof value} has no JSON form`);
  }
}

/** Every index holds a finite number or a string (a hole or anything else takes the general path). */
function isFlatScalarArray(items: readonly unknown[]): boolean {
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (typeof item === 'string') continue;
    if (typeof item !== 'number' || !Number.isFinite(item)) return false;
  }
  return true;
}

/** The digest of one row, given its canonical JSON. */
export function rowDigest(canonicalRow: string): bigint {
  return BigInt(`0x${createHash('sha256').update(canonicalRow).digest('hex')}`);
}

/** Adds two digests or sums (both already reduced modulo 2^256). */
export function addDigests(a: bigint, b: bigint): bigint {
  return (a + b) % MODULUS;
}

export function checksumToHex(sum: bigint): string {
  return sum.toString(16).padStart(64, '0');
}

export function checksumFromHex(checksum: string): bigint {
  if (!HEX_CHECKSUM.test(checksum)) throw new TypeError(`not a checksum (64 lowercase hex digits): ${JSON.stringify(checksum)}`);
  return BigInt(`0x${checksum}`);
}

/** The checksum of the union of several row sets, e.g. a collection from its segments. */
export function combineChecksums(checksums: Iterable<string>): string {
  let sum = 0n;
  for (const checksum of checksums) sum = addDigests(sum, checksumFromHex(checksum));
  return checksumToHex(sum);
}

/** The checksum of user-visible rows (without the stored insertion time). */
export function rowsChecksum(rows: Iterable<Row>): string {
  let sum = 0n;
  for (const row of rows) sum = addDigests(sum, rowDigest(canonicalJson(row)));
  return checksumToHex(sum);
}
