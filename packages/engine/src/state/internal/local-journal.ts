/**
 * The local journal file: NDJSON beside the state. The first line is a header naming the
 * snapshot the entries extend; each further line is one {@link JournalEntry}.
 *
 * Why a header: `write` renames the new snapshot into place and then deletes the journal. A
 * crash between the two leaves a journal whose entries are already in the snapshot. The header
 * says which snapshot the journal was started on, so `read` can tell such a stale journal (the
 * snapshot's serial moved past it) from one to fold, without relying on every caller's writes
 * being re-foldable.
 */
import { open, readFile, truncate } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../../internal/atomic-file.js';
import { StateCorruptError } from '../errors.js';
import { asJournalEntry, describeIssues, journalEntrySchema } from './schema.js';
import type { JournalEntry } from '../types.js';

/** The snapshot a journal extends, or `null` when it was started before any snapshot existed. */
export type JournalBase = { readonly lineage: string; readonly serial: number } | null;

const headerSchema = z.object({
  lifeboat_journal: z.literal(1),
  base: z.object({ lineage: z.string(), serial: z.number().int().nonnegative() }).nullable(),
});

/** What a journal file holds, up to its last complete line. */
export interface JournalFile {
  /** `undefined` when not even the header line is complete (a crash while creating the file). */
  readonly base: JournalBase | undefined;
  readonly entries: readonly JournalEntry[];
  /** Bytes up to and including the last newline; anything after is a torn append. */
  readonly completeBytes: number;
  readonly totalBytes: number;
}

/** How a journal relates to the snapshot stored beside it. */
export type JournalRelation =
  /** Started on this snapshot: fold it. */
  | 'current'
  /** A later write already folded it (and crashed before deleting it): ignore it. */
  | 'stale'
  /** Started on a snapshot that is not there any more (file replaced or deleted): refuse. */
  | 'foreign';

/** Compares a journal's base with the snapshot now stored (`null`: none). */
export function relateJournal(base: JournalBase, stored: JournalBase): JournalRelation {
  if (base === null) return stored === null ? 'current' : 'stale';
  if (stored === null || stored.lineage !== base.lineage) return 'foreign';
  if (stored.serial === base.serial) return 'current';
  return stored.serial > base.serial ? 'stale' : 'foreign';
}

/** The header line for a new journal. */
export function journalHeader(base: JournalBase): string {
  return `${JSON.stringify({ lifeboat_journal: 1, base })}\n`;
}

const fix = (path: string): string =>
  `It holds the results of an interrupted apply. Repair the named line or delete the file ${path}; deleting it forgets those results, so run \`lifeboat plan\` afterwards to see what must be imported.`;

/**
 * Reads a journal. A last line without its newline is a torn append (the process died while
 * writing it) and is ignored: its `append` never returned, so nobody relied on it. A bad
 * complete line is corruption and is refused.
 *
 * @returns `undefined` when there is no journal.
 */
export async function readJournalFile(path: string): Promise<JournalFile | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // Cut at the last newline before decoding, so a torn multi-byte character is cut off too.
  const completeBytes = bytes.lastIndexOf(0x0a) + 1;
  if (completeBytes === 0) return { base: undefined, entries: [], completeBytes: 0, totalBytes: bytes.length };
  const lines = bytes.subarray(0, completeBytes - 1).toString('utf8').split('\n');
  const base = parseLine(path, lines[0] ?? '', 1, (value) => {
    const header = headerSchema.safeParse(value);
    return header.success ? { value: header.data.base } : { problem: `its header is not a Lifeboat journal header (${describeIssues(header.error)})` };
  });
  const entries = lines.slice(1).map((line, index) =>
    parseLine(path, line, index + 2, (value) => {
      const entry = journalEntrySchema.safeParse(value);
      return entry.success ? { value: asJournalEntry(entry.data) } : { problem: `it is not a journal entry (${describeIssues(entry.error)})` };
    }),
  );
  return { base, entries, completeBytes, totalBytes: bytes.length };
}

function parseLine<T>(path: string, line: string, lineNumber: number, validate: (value: unknown) => { value: T } | { problem: string }): T {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new StateCorruptError({ source: `${path} line ${lineNumber}`, problem: 'it is not valid JSON', fix: fix(path), cause: error });
  }
  const result = validate(value);
  if ('problem' in result) throw new StateCorruptError({ source: `${path} line ${lineNumber}`, problem: result.problem, fix: fix(path) });
  return result.value;
}

/** Starts a journal: the header is in place, complete, before any entry can follow it. */
export async function createJournalFile(path: string, base: JournalBase): Promise<void> {
  await writeFileAtomic(path, journalHeader(base), 0o600);
}

/** Cuts a torn last line off, so the next append starts on a line of its own. */
export async function truncateJournalFile(path: string, completeBytes: number): Promise<void> {
  await truncate(path, completeBytes);
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Appends complete lines and fsyncs. `O_APPEND` puts them at the end; fdatasync makes them
 * durable (the file's size is data for fdatasync, so a grown file is covered).
 */
export async function appendJournalLines(path: string, text: string): Promise<void> {
  const handle = await open(path, 'a', 0o600);
  try {
    await handle.writeFile(text);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
