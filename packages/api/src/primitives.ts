import { z } from 'zod';

/**
 * Building blocks shared by the request and response schemas. Request-side primitives are
 * strict (they protect the server's file system and the user's intent); response-side ones
 * accept what any version of the server may send.
 */

/**
 * An id used as a path segment. Deliberately loose about prefixes (hosted ids and ours differ
 * slightly) but strict about what could escape the segment: no `/`, no `.`, no whitespace.
 */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'must be 1–128 letters, digits, "_" or "-"');

export const clusterIdSchema = idSchema.describe('Cluster id, e.g. `in01-3e5ad8adc38f0a1b`.');
export const backupIdSchema = idSchema.describe('Backup id, e.g. `backup0_c7b18539b97a1d2e`.');
export const jobIdSchema = idSchema.describe('Job id, e.g. `job-031a8e3587ba7f9c`.');
export const projectIdSchema = idSchema.describe('Project id, e.g. `proj-4f1e2d3c4b5a6978`.');
export const regionIdSchema = idSchema.describe('Region id, e.g. `local-2`.');
export const apiKeyIdSchema = idSchema.describe('API key id (not the secret).');

/**
 * A user-chosen name that may end up in a file path on the server: letters, digits, `_` and
 * `-`, starting with a letter or `_`, at most 64 characters.
 */
export const resourceNameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(
    /^[A-Za-z_][A-Za-z0-9_-]*$/,
    'must start with a letter or "_" and contain only letters, digits, "_" or "-"',
  );

/**
 * A display name (cluster, backup, key): printable, no path separators, at most 128 chars.
 * The path checks also apply to the NFKC form, so look-alikes such as "／" (U+FF0F) or "‥"
 * (U+2025) cannot turn into "/" or ".." when some later layer normalises the name.
 */
export const displayNameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  // Control characters (C0, DEL, C1) would corrupt logs and file names.
  // eslint-disable-next-line no-control-regex
  .regex(/^[^/\\\u0000-\u001f\u007f-\u009f]+$/, 'must not contain "/", "\\" or control characters')
  // Bidi controls and invisible characters make a name read differently from what it is.
  // ZWJ and ZWNJ (U+200C, U+200D) stay allowed: emoji sequences and some scripts need them.
  .refine((name) => !/[\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/.test(name), {
    message: 'must not contain bidi controls, line separators or invisible characters',
  })
  .refine(
    (name) => {
      const folded = name.normalize('NFKC');
      return folded !== '.' && folded !== '..' && !/[/\\]/.test(folded) && name.trim() === name;
    },
    { message: 'must not be "." or "..", contain look-alikes of "/" or "\\", nor start or end with spaces' },
  );

/** ISO 8601 UTC timestamp with second precision, e.g. `2024-08-26T02:27:51Z`. */
export const timestampSchema = z.iso.datetime({ precision: 0 }).describe('ISO 8601 UTC, e.g. `2024-08-26T02:27:51Z`.');

/** Timestamps in responses are kept as strings; `null` means "not yet" (e.g. a running job's end). */
export const responseTimestampSchema = z.string().describe('ISO 8601 UTC, e.g. `2024-08-26T02:27:51Z`.');

export const retentionDaysSchema = z
  .number()
  .int('must be a whole number of days')
  .min(1, 'must be 1–30 days')
  .max(30, 'must be 1–30 days');

/** Paging query shared by every list endpoint. */
export const pagingQueryShape = {
  pageSize: z.number().int().min(1).max(100).optional().describe('Items per page, 1–100 (default 10).'),
  currentPage: z.number().int().min(1).optional().describe('Page number, from 1.'),
};

/** Paging fields of every list response. */
export const pageInfoShape = {
  count: z.number().int().describe('Total number of items across all pages.'),
  currentPage: z.number().int(),
  pageSize: z.number().int(),
};

/** Body of endpoints that take none. */
export const emptyBodySchema = z.strictObject({});

/** The most clusters (or cluster and region pairs) one batch call reads or writes. */
export const maxClustersPerBatch = 100;
