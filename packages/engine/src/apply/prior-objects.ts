import { formatInstanceAddress } from '../state/index.js';
import type { ResourceInstanceState, StateSnapshot } from '../state/types.js';

/** What the plan's prior state holds at one address. */
export interface ObjectsAt {
  readonly current: ResourceInstanceState | undefined;
  /** Keys of the deposed objects already there, so a new one never reuses one. */
  readonly deposedKeys: ReadonlySet<string>;
}

const none: ObjectsAt = { current: undefined, deposedKeys: new Set() };

/**
 * The objects of the state a plan was made from, by instance address, looked up in constant
 * time: a `create_before_destroy` replacement deposes the current object as it was recorded.
 */
export class PriorObjects {
  readonly #byAddress = new Map<string, { current: ResourceInstanceState | undefined; deposedKeys: Set<string> }>();

  constructor(state: StateSnapshot) {
    for (const resource of state.resources) {
      for (const instance of resource.instances) {
        const address = formatInstanceAddress({ mode: resource.mode, type: resource.type, name: resource.name, ...(instance.index_key === undefined ? {} : { key: instance.index_key }) });
        const entry = this.#byAddress.get(address) ?? { current: undefined, deposedKeys: new Set<string>() };
        if (instance.deposed === undefined) entry.current = instance;
        else entry.deposedKeys.add(instance.deposed);
        this.#byAddress.set(address, entry);
      }
    }
  }

  of(address: string): ObjectsAt {
    return this.#byAddress.get(address) ?? none;
  }
}
