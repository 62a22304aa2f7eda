/**
 * `state list|show|rm|mv` and `output`: read and edit what the state records, without touching
 * the server. Edits run under the state lock and are one atomic snapshot write each.
 */
import type { StateBackend } from '../state/backend.js';
import { InvalidAddressError } from '../state/errors.js';
import { formatInstanceAddress, parseInstanceAddress, type InstanceAddress } from '../state/address.js';
import { applyJournal } from '../state/snapshot.js';
import type { JournalEntry, OutputState, StateSnapshot } from '../state/types.js';
import { resourceTypeOf } from '../resources/index.js';
import { AddressNotInStateError, InvalidStateMoveError, OutputNotFoundError, StateMoveTargetExistsError } from './errors/state-commands.js';
import { renderInstance } from './internal/show-text.js';
import { listSome, resourceAddressOf, sensitiveAttributesOf, stateInstances, type StateInstance } from './internal/state-instances.js';

/** Options of {@link stateList}; all optional. */
export interface StateListOptions {
  /**
   * Addresses to list: an instance (`lifeboat_backup.b[0]`), a resource (all its instances), or
   * a prefix ending before a dot (`lifeboat_backup`, `data`). Several are or-ed.
   * @default every instance
   */
  readonly filter?: string | readonly string[];
  /** Only instances whose `id` attribute (or type id, e.g. `<cluster>/<region>`) is this (`state list -id`). */
  readonly id?: string;
}

/**
 * The instance addresses in the state, in Terraform's order: data sources first, then by type,
 * name and key (indexes before string keys).
 *
 * @throws {InvalidAddressError} for a filter that is neither an address nor a prefix.
 * @example
 * stateList(state, { filter: 'lifeboat_copy_policy' }); // ['lifeboat_copy_policy.dr["in01-a"]', …]
 */
export function stateList(state: StateSnapshot | undefined, options: StateListOptions = {}): string[] {
  const filters = (typeof options.filter === 'string' ? [options.filter] : (options.filter ?? [])).map(normalizeFilter);
  return stateInstances(state)
    .filter((item) => filters.length === 0 || filters.some((filter) => matches(item, filter)))
    .filter((item) => options.id === undefined || idsOf(item).includes(options.id))
    .map((item) => item.address);
}

/**
 * One instance as `terraform state show` prints it, sensitive values shown as `(sensitive value)`.
 *
 * @throws {InvalidAddressError} when the address does not parse.
 * @throws {AddressNotInStateError} when the state has no such instance (for a resource with
 *   several instances, the message lists them).
 */
export function stateShow(state: StateSnapshot | undefined, address: string): string {
  const wanted = formatInstanceAddress(parseInstanceAddress(address));
  const items = stateInstances(state);
  const item = items.find((candidate) => candidate.address === wanted);
  if (item === undefined) {
    const instances = items.filter((candidate) => candidate.resourceAddress === wanted).map((candidate) => candidate.address);
    throw new AddressNotInStateError({
      address: wanted,
      problem: instances.length > 0 ? `${wanted} has several instances (${listSome(instances)}), and state show shows one` : `No instance ${wanted} in the state`,
      ...(instances.length > 0 ? { fix: `Give one of them, e.g. lifeboat state show '${instances[0] ?? wanted}'.` } : {}),
    });
  }
  return renderInstance(item, sensitiveAttributesOf(item.resource.mode, item.resource.type));
}

/** What {@link stateRm} removed. */
export interface StateRmResult {
  /** Instance addresses removed, in Terraform's order. */
  readonly removed: readonly string[];
  readonly state: StateSnapshot;
}

/**
 * Forgets instances: they stay on the server, and Lifeboat no longer manages them. An address
 * without a key removes every instance of that resource. All or nothing: an address that
 * matches nothing is an error and nothing is removed (a typo must not pass silently).
 *
 * @throws {InvalidAddressError} when an address does not parse.
 * @throws {AddressNotInStateError} when an address matches nothing.
 * @throws {StateLockedError} when someone else holds the state lock.
 */
export async function stateRm(backend: StateBackend, addresses: readonly string[]): Promise<StateRmResult> {
  const wanted = addresses.map((address) => parseInstanceAddress(address));
  return edit(backend, 'state-rm', wanted.map((address) => formatInstanceAddress(address)).join(', '), (current) => {
    const items = stateInstances(current);
    const removed = new Set<string>();
    for (const address of wanted) {
      const matched = instancesAt(items, address);
      if (matched.length === 0) throw new AddressNotInStateError({ address: formatInstanceAddress(address), problem: `No instance matches ${formatInstanceAddress(address)}, so nothing was removed` });
      for (const item of matched) removed.add(item.address);
    }
    const listed = items.filter((item) => removed.has(item.address));
    // An instance goes with its deposed objects: nothing would be left to destroy them.
    const entries: JournalEntry[] = listed.flatMap((item) => [
      { kind: 'remove-instance' as const, address: item.address },
      ...item.deposed.map((object) => ({ kind: 'remove-instance' as const, address: item.address, ...(object.deposed === undefined ? {} : { deposed: object.deposed }) })),
    ]);
    return { entries, result: { removed: listed.map((item) => item.address) } };
  });
}

/** What {@link stateMv} moved. */
export interface StateMvResult {
  readonly moved: readonly { readonly from: string; readonly to: string }[];
  readonly state: StateSnapshot;
}

/**
 * Moves instances to another address, as after renaming a resource in the configuration (a
 * `moved` block does the same at plan time). A resource address without a key moves every
 * instance, keeping keys; an instance address moves one instance and may change its key.
 * Other instances' `dependencies` that named a moved instance are rewritten, so destroy order
 * still holds (apply records dependencies only for what it changes).
 *
 * @throws {InvalidAddressError} when an address does not parse.
 * @throws {AddressNotInStateError} when nothing is at `from`.
 * @throws {InvalidStateMoveError} for another type or mode, a whole resource into one instance, or `from` equal to `to`.
 * @throws {StateMoveTargetExistsError} when the destination already holds an object.
 * @throws {StateLockedError} when someone else holds the state lock.
 */
export async function stateMv(backend: StateBackend, from: string, to: string): Promise<StateMvResult> {
  const source = parseInstanceAddress(from);
  const target = parseInstanceAddress(to);
  const fromText = formatInstanceAddress(source);
  const toText = formatInstanceAddress(target);
  const invalid = (problem: string, fix: string) => new InvalidStateMoveError({ from: fromText, to: toText, problem, fix });
  if (source.mode !== target.mode) throw invalid('one is a data source and the other a managed resource', 'Move within the same mode.');
  if (source.type !== target.type) throw invalid(`they are of different types (${source.type}, ${target.type})`, 'Import the object into the new type instead, and `lifeboat state rm` the old address.');
  if (fromText === toText) throw invalid('they are the same address', 'Give another destination.');

  return edit(backend, 'state-mv', fromText, (current) => {
    const items = stateInstances(current);
    const exact = items.find((item) => item.address === fromText);
    const moving = exact === undefined ? instancesAt(items, source) : [exact];
    if (moving.length === 0) throw new AddressNotInStateError({ address: fromText, problem: `No instance matches ${fromText}, so nothing was moved` });
    const wholeResource = exact === undefined;
    if (wholeResource && target.key !== undefined) {
      throw invalid(`${fromText} is a whole resource (${listSome(moving.map((item) => item.address))}), and ${toText} is one instance`, `Move it to ${resourceAddressOf(target)}, or move its instances one at a time.`);
    }
    const moves = moving.map((item) => ({ item, to: wholeResource ? formatInstanceAddress({ ...target, ...keyOf(item) }) : toText }));
    const destinations = new Set(moves.map((move) => move.to));
    const movingAddresses = new Set(moving.map((item) => item.address));
    // A whole resource goes only to a free resource address: mixing its instances into another's would merge two resources.
    const occupied = items.filter((item) => !movingAddresses.has(item.address) && (destinations.has(item.address) || (wholeResource && item.resourceAddress === toText)));
    if (occupied.length > 0) throw new StateMoveTargetExistsError({ from: fromText, to: toText, existing: occupied.map((item) => item.address) });

    const renamed = new Map(moves.map((move) => [move.item.address, move.to]));
    // States written by Terraform record dependencies as resource addresses.
    if (wholeResource) renamed.set(fromText, toText);
    const entries: JournalEntry[] = [];
    for (const { item } of moves) {
      entries.push({ kind: 'remove-instance', address: item.address });
      for (const object of item.deposed) entries.push({ kind: 'remove-instance', address: item.address, ...(object.deposed === undefined ? {} : { deposed: object.deposed }) });
    }
    for (const { item, to: destination } of moves) {
      const { instances: _instances, ...resource } = item.resource;
      // Deposed objects move with their instance, so they are still destroyed at its new address.
      for (const object of [item.instance, ...item.deposed]) {
        entries.push({ kind: 'put-instance', address: destination, resource, instance: { ...object, dependencies: object.dependencies.map((d) => renamed.get(d) ?? d) } });
      }
    }
    for (const item of items) {
      if (movingAddresses.has(item.address) || !item.instance.dependencies.some((d) => renamed.has(d))) continue;
      const { instances: _instances, ...resource } = item.resource;
      entries.push({ kind: 'put-instance', address: item.address, resource, instance: { ...item.instance, dependencies: item.instance.dependencies.map((d) => renamed.get(d) ?? d) } });
    }
    return { entries, result: { moved: moves.map((move) => ({ from: move.item.address, to: move.to })) } };
  });
}

/**
 * The outputs recorded by the last apply (`lifeboat output`), or one by name (`output NAME`).
 * Values are returned as stored; a sensitive output carries `sensitive: true`, and hiding it is
 * the caller's choice (Terraform hides it in the list, shows it when asked by name).
 *
 * @throws {OutputNotFoundError} when `name` is given and the state has no such output.
 */
export function readOutputs(state: StateSnapshot | undefined): Readonly<Record<string, OutputState>>;
export function readOutputs(state: StateSnapshot | undefined, name: string): OutputState;
export function readOutputs(state: StateSnapshot | undefined, name?: string): Readonly<Record<string, OutputState>> | OutputState {
  const outputs = state?.outputs ?? {};
  const names = Object.keys(outputs).sort();
  if (name === undefined) return Object.fromEntries(names.map((key) => [key, outputs[key] as OutputState]));
  const output = Object.hasOwn(outputs, name) ? outputs[name] : undefined;
  if (output === undefined) throw new OutputNotFoundError({ output: name, available: names });
  return output;
}

/** Runs one state edit under the lock: read, compute the entries, fold them and write once. */
async function edit<T>(
  backend: StateBackend,
  operation: 'state-rm' | 'state-mv',
  address: string,
  change: (current: StateSnapshot) => { entries: JournalEntry[]; result: T },
): Promise<T & { state: StateSnapshot }> {
  const lock = await backend.lock(operation);
  try {
    const current = await backend.read();
    if (current === undefined) {
      throw new AddressNotInStateError({ address, problem: `There is no state at ${backend.describe()}, so ${address} cannot be ${operation === 'state-rm' ? 'removed' : 'moved'}`, fix: 'Check the backend configuration and the working directory.' });
    }
    const { entries, result } = change(current);
    // One atomic write rather than journal appends: a crash between a move's remove and put
    // would otherwise lose the instance.
    const state = await backend.write(applyJournal(current, entries));
    return { ...result, state };
  } finally {
    await lock.release();
  }
}

/** The instances an address names: the exact instance, or every instance of a resource address. */
function instancesAt(items: readonly StateInstance[], address: InstanceAddress): StateInstance[] {
  const text = formatInstanceAddress(address);
  const exact = items.filter((item) => item.address === text);
  if (exact.length > 0 || address.key !== undefined) return exact;
  return items.filter((item) => item.resourceAddress === text);
}

const keyOf = (item: StateInstance): { key?: string | number } => (item.instance.index_key === undefined ? {} : { key: item.instance.index_key });

type Filter = { readonly kind: 'address'; readonly text: string } | { readonly kind: 'prefix'; readonly text: string };

const prefixPattern = /^(data\.)?[A-Za-z_][A-Za-z0-9_-]*$/;

function normalizeFilter(filter: string): Filter {
  try {
    return { kind: 'address', text: formatInstanceAddress(parseInstanceAddress(filter)) };
  } catch (error) {
    if (prefixPattern.test(filter)) return { kind: 'prefix', text: `${filter}.` };
    throw error instanceof InvalidAddressError ? error : new InvalidAddressError({ address: filter, problem: 'it is neither an address nor a type prefix' });
  }
}

function matches(item: StateInstance, filter: Filter): boolean {
  if (filter.kind === 'prefix') return item.address.startsWith(filter.text);
  return item.address === filter.text || item.resourceAddress === filter.text;
}

function idsOf(item: StateInstance): string[] {
  const ids: string[] = [];
  const { id } = item.instance.attributes;
  if (typeof id === 'string') ids.push(id);
  const resourceType = resourceTypeOf(item.resource.mode, item.resource.type);
  try {
    if (resourceType !== undefined) ids.push(resourceType.id(item.instance.attributes));
  } catch {
    // An instance missing what its type's id needs has just its `id` attribute.
  }
  return ids;
}
