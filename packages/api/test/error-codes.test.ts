import { describe, expect, it } from 'vitest';
import { describeErrorCode, ErrorCode, errorCatalog } from '../src/index.js';

const entries = Object.entries(errorCatalog) as [string, { code: number; httpStatus: number | null; message: string }][];

/** The hosted service's codes that API.md tells the server to use. */
const hostedCodesInApiMd = [
  96005, 96008, 96009, 96012, 96013, 96014, 96015, 96016, 96017, 96018, 96025, 96026, 96027,
  96029, 96030, 96031, 96032, 96033, 96034, 96035, 96036, 96037, 96038, 96039, 96040,
];

/** Hosted codes are 80001 and the 96xxx range; everything else is ours. */
const isHosted = (code: number) => code === 80001 || (code >= 96000 && code < 97000);

describe('error catalogue', () => {
  it('gives every entry its own numeric code', () => {
    const codes = entries.map(([, info]) => info.code);
    expect(codes.every((code) => Number.isInteger(code) && code > 0)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('gives every code sent on the wire a 4xx or 5xx status', () => {
    for (const [name, info] of entries) {
      if (info.httpStatus === null) continue;
      expect(info.httpStatus, name).toBeGreaterThanOrEqual(400);
      expect(info.httpStatus, name).toBeLessThan(600);
    }
  });

  it('marks the SDK-only 98xxx codes as never sent on the wire', () => {
    for (const [name, info] of entries) {
      const clientSide = info.code >= 98000 && info.code < 99000;
      expect(info.httpStatus === null, name).toBe(clientSide);
    }
  });

  it('contains every hosted code that API.md lists', () => {
    const codes = new Set(entries.map(([, info]) => info.code));
    expect(hostedCodesInApiMd.filter((code) => !codes.has(code))).toEqual([]);
  });

  it('numbers Lifeboat extensions from 97000 on', () => {
    const extensions = entries.filter(([, info]) => !isHosted(info.code));
    expect(extensions.length).toBeGreaterThan(0);
    for (const [name, info] of extensions) expect(info.code, name).toBeGreaterThanOrEqual(97000);
  });

  it('gives every code a non-empty message that ends with a full stop', () => {
    for (const [name, info] of entries) {
      expect(info.message.trim(), name).not.toBe('');
      expect(info.message, name).toMatch(/\.$/);
    }
  });

  it('exposes each code by name', () => {
    expect(ErrorCode.BACKUP_NOT_FOUND).toBe(97010);
    expect(Object.keys(ErrorCode)).toEqual(entries.map(([name]) => name));
  });
});

describe('describeErrorCode', () => {
  it('names a known code with its HTTP status', () => {
    expect(describeErrorCode(97010)).toMatchObject({ name: 'BACKUP_NOT_FOUND', code: 97010, httpStatus: 404 });
  });

  it('describes a hosted code', () => {
    expect(describeErrorCode(96034)).toMatchObject({ name: 'INVALID_RETENTION_DAYS', httpStatus: 400 });
  });

  it('returns undefined for a code this version does not know', () => {
    expect(describeErrorCode(99999)).toBeUndefined();
    expect(describeErrorCode(0)).toBeUndefined();
  });

  it('finds every catalogue entry by its code', () => {
    for (const [name, info] of entries) expect(describeErrorCode(info.code)?.name).toBe(name);
  });
});
