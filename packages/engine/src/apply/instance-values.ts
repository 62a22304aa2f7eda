import { unknown, type Value } from '../expressions/index.js';
import type { Plan } from '../plan/types.js';
import { formatInstanceAddress, parseInstanceAddress } from '../state/index.js';
import type { AttributeValue } from '../state/types.js';

/**
 * Values of every configured instance during an apply: what the plan knew, replaced by what each
 * operation returns as it lands, so a later operation evaluates its configuration with real ids.
 */
export class InstanceValues {
  readonly #byInstance = new Map<string, Value>();
  readonly #blocks = new Map<string, { kind: 'single' | 'list' | 'map'; keys: (string | number)[] }>();
  readonly #data: Readonly<Record<string, AttributeValue>>;

  constructor(plan: Plan) {
    this.#data = plan.dataValues;
    for (const change of plan.resourceChanges) {
      // A deposed object is not what references to its instance mean.
      if (change.deposed !== undefined) continue;
      const known = change.actions[0] === 'no-op' ? change.before : change.after;
      const value: Value = { ...(known ?? {}), ...Object.fromEntries(Object.keys(change.afterUnknown).map((name) => [name, unknown])) };
      this.#byInstance.set(change.address, value);
      const block = this.#blocks.get(change.resourceAddress) ?? { kind: change.index === undefined ? 'single' : typeof change.index === 'number' ? 'list' : 'map', keys: [] };
      if (change.index !== undefined) block.keys.push(change.index);
      this.#blocks.set(change.resourceAddress, block);
    }
  }

  set(address: string, value: Value): void {
    this.#byInstance.set(address, value);
  }

  /** A block's value as references see it: object, list (count) or map (for_each). */
  blockValue(address: string): Value {
    const data = this.#data[address];
    if (data !== undefined) return data;
    const block = this.#blocks.get(address);
    if (block === undefined) return unknown;
    const parsed = parseInstanceAddress(address);
    const at = (key: string | number) => this.#byInstance.get(formatInstanceAddress({ ...parsed, key })) ?? unknown;
    if (block.kind === 'single') return this.#byInstance.get(address) ?? unknown;
    if (block.kind === 'list') return [...block.keys].sort((a, b) => Number(a) - Number(b)).map(at);
    return Object.fromEntries(block.keys.map((key) => [String(key), at(key)]));
  }
}
