import { parseInstanceAddress } from '../address.js';
import { describeIssues, journalEntrySchema } from './schema.js';
import type { JournalEntry } from '../types.js';

/**
 * Checks an entry before a backend stores it, with the same schema `read` applies: a journal
 * line that cannot be read back would make the whole state unreadable after a crash.
 *
 * @throws {InvalidAddressError} for an address that does not parse.
 * @throws {TypeError} for any other malformed entry (a bug in the caller).
 */
export function validateJournalEntry(entry: JournalEntry): void {
  if (entry.kind === 'pending') parseInstanceAddress(entry.operation.address);
  else if (entry.kind !== 'outputs') parseInstanceAddress(entry.address);
  const parsed = journalEntrySchema.safeParse(entry);
  if (!parsed.success) throw new TypeError(`Invalid journal entry of kind ${JSON.stringify(entry.kind)}: ${describeIssues(parsed.error)}`);
}
