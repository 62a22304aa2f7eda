import { InvalidAddressError } from './errors.js';

/** A `count` index (number) or a `for_each` key (string). */
export type InstanceKey = string | number;

/**
 * One resource instance, as `lifeboat_backup.nightly`, `lifeboat_backup.b[0]`,
 * `lifeboat_backup.b["eu-west"]` or `data.lifeboat_latest_backup.l`. Modules are not supported:
 * the engine reads flat Terraform JSON (CDKTF stacks), which has none.
 */
export interface InstanceAddress {
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** Absent for a resource without `count` or `for_each`. */
  readonly key?: InstanceKey;
}

// Terraform identifiers: a letter or underscore, then letters, digits, underscores and dashes.
const identifier = '[A-Za-z_][A-Za-z0-9_-]*';
const addressPattern = new RegExp(`^(data\\.)?(${identifier})\\.(${identifier})(\\[.*\\])?$`, 's');

/**
 * Parses an instance address. String keys are JSON string literals, so any key (quotes,
 * backslashes, brackets, newlines, non-ASCII) survives a format → parse round trip.
 *
 * @throws {InvalidAddressError} when the text is not an instance address.
 * @example
 * parseInstanceAddress('lifeboat_backup.b["eu \\"west\\""]');
 * // → { mode: 'managed', type: 'lifeboat_backup', name: 'b', key: 'eu "west"' }
 */
export function parseInstanceAddress(address: string): InstanceAddress {
  const match = addressPattern.exec(address);
  if (match === null) throw new InvalidAddressError({ address, problem: 'it is not of the form type.name' });
  const [, dataPrefix, type, name, bracket] = match;
  if (type === undefined || name === undefined) throw new InvalidAddressError({ address, problem: 'it is not of the form type.name' });
  // Without this, "data.x" would read as a managed resource of type "data"; Terraform reserves it.
  if (dataPrefix === undefined && type === 'data') throw new InvalidAddressError({ address, problem: 'a data source needs data.type.name' });
  const mode = dataPrefix === undefined ? 'managed' : 'data';
  if (bracket === undefined) return { mode, type, name };
  return { mode, type, name, key: parseKey(address, bracket.slice(1, -1)) };
}

function parseKey(address: string, inner: string): InstanceKey {
  if (/^(0|[1-9][0-9]*)$/.test(inner)) {
    const index = Number(inner);
    if (Number.isSafeInteger(index)) return index;
    throw new InvalidAddressError({ address, problem: `the index ${inner} is too large` });
  }
  if (inner.startsWith('"')) {
    let key: unknown;
    try {
      key = JSON.parse(inner);
    } catch {
      key = undefined;
    }
    if (typeof key === 'string') return key;
    throw new InvalidAddressError({ address, problem: `the key ${inner} is not one quoted string (escape " and \\ with a backslash)` });
  }
  throw new InvalidAddressError({ address, problem: `the index [${inner}] is neither a whole number nor a quoted string` });
}

/** Formats an instance address; the inverse of {@link parseInstanceAddress}. */
export function formatInstanceAddress(address: InstanceAddress): string {
  const resource = `${address.mode === 'data' ? 'data.' : ''}${address.type}.${address.name}`;
  if (address.key === undefined) return resource;
  return `${resource}[${typeof address.key === 'number' ? String(address.key) : JSON.stringify(address.key)}]`;
}
