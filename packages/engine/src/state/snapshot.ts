import { randomUUID } from 'node:crypto';
import { StateCorruptError } from './errors.js';
import { asSnapshot, describeIssues, stateSchema } from './internal/schema.js';
import { serializeOrdered } from './internal/serialize.js';
import type { StateSnapshot } from './types.js';

export { applyJournal } from './fold.js';

/**
 * The Terraform version written into new states. Terraform refuses states written by a newer
 * version than itself, so claiming the version whose format we write keeps `terraform show`
 * working on our files.
 */
export const TERRAFORM_VERSION = '1.11.0';

/**
 * A state with nothing in it: serial 0 (the first write makes it 1) and a new lineage unless
 * one is given (e.g. to rebuild a state whose lineage is known).
 */
export function emptyState(lineage: string = randomUUID()): StateSnapshot {
  return {
    version: 4,
    terraform_version: TERRAFORM_VERSION,
    serial: 0,
    lineage,
    outputs: {},
    resources: [],
    pending: [],
    check_results: null,
  };
}

/** Options of {@link parseState}. */
export interface ParseStateOptions {
  /** What the user can do when the state is unreadable; backends say where their backup is. */
  readonly fix?: string;
}

const defaultFix = 'Restore a previous copy (or repair it by hand) and run the command again.';

/**
 * Parses a stored snapshot. Fields Terraform writes that the engine does not model are kept;
 * anything that would make the engine misread the state is refused.
 *
 * @param json the stored text.
 * @param source where it came from (a file path, a table row), named in the error.
 * @throws {StateCorruptError} when the text is not JSON or not a version 4 state.
 */
export function parseState(json: string, source: string, options: ParseStateOptions = {}): StateSnapshot {
  const fix = options.fix ?? defaultFix;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new StateCorruptError({ source, problem: `it is not valid JSON (${(error as Error).message})`, fix, cause: error });
  }
  const version = typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version !== 4) {
    throw new StateCorruptError({
      source,
      problem: `it uses state format version ${version}, and only version 4 (Terraform 0.12 and later) is supported`,
      fix: version < 4 ? 'Upgrade it by running `terraform refresh` with Terraform 0.12 or later first.' : 'It was written by a newer tool; use that tool, or a Lifeboat release that supports it.',
    });
  }
  const parsed = stateSchema.safeParse(value);
  if (!parsed.success) throw new StateCorruptError({ source, problem: `it is not a valid state (${describeIssues(parsed.error)})`, fix, cause: parsed.error });
  return asSnapshot(parsed.data);
}

/**
 * The stored form of a snapshot: 2-space JSON with a final newline and a stable key order
 * (Terraform's order for known fields, sorted keys elsewhere), so the same state is always the
 * same bytes and diffs of a committed state stay small.
 */
export function serializeState(state: StateSnapshot): string {
  return `${JSON.stringify(serializeOrdered(state), null, 2)}\n`;
}
