import { evaluate, type JsonValue, type ResolveRequest, type Scope, type Value } from '../expressions/index.js';

/** The binding of one instance: `each.key`/`each.value` with for_each, `count.index` with count. */
export interface InstanceBinding {
  readonly each?: { readonly key: string; readonly value: Value };
  readonly countIndex?: number;
}

/** The binding of an expanded instance (from `expandInstances`). */
export function bindingOf(instance: { readonly each?: { readonly key: string; readonly value: Value }; readonly countIndex?: number } | undefined): InstanceBinding {
  return { ...(instance?.each ? { each: instance.each } : {}), ...(instance?.countIndex === undefined ? {} : { countIndex: instance.countIndex }) };
}

/** Where planned or applied values come from while expressions are evaluated. */
export interface ValueSource {
  readonly variables: Readonly<Record<string, Value>>;
  readonly locals: ReadonlyMap<string, JsonValue>;
  readonly dir: string;
  /**
   * A resource or data block's value: its object for a single instance, a list for `count`, a
   * map for `for_each`; unknown where not yet known.
   */
  blockValue(address: string): Value;
}

/** Raised for references the configuration cannot satisfy; the planner turns it into a diagnostic. */
export class UnresolvedReferenceError extends Error {
  override readonly name = 'UnresolvedReferenceError';
}

/**
 * Scopes for the evaluator over a value source. Locals are evaluated on first use and memoised;
 * a local that refers to itself, directly or not, is reported instead of overflowing the stack.
 */
export class Evaluation {
  readonly #source: ValueSource;
  readonly #locals = new Map<string, Value>();
  readonly #evaluating = new Set<string>();

  constructor(source: ValueSource) {
    this.#source = source;
  }

  /** A scope for one instance (or for blocks without instances: outputs, locals, count itself). */
  scope(binding: InstanceBinding = {}): Scope {
    return {
      resolve: (ref: ResolveRequest): Value => {
        switch (ref.root) {
          case 'resource':
          case 'data':
            return this.#source.blockValue(ref.address);
          case 'var': {
            const name = ref.address.slice('var.'.length);
            if (!(name in this.#source.variables)) throw new UnresolvedReferenceError(`Reference to undeclared input variable "${name}". Declare it in a variable block.`);
            return this.#source.variables[name] ?? null;
          }
          case 'local':
            return this.#local(ref.address.slice('local.'.length));
          case 'each':
            if (binding.each === undefined) throw new UnresolvedReferenceError(`"${ref.text}" is only valid in a resource that has for_each.`);
            return ref.address === 'each.key' ? binding.each.key : binding.each.value;
          case 'count':
            if (binding.countIndex === undefined) throw new UnresolvedReferenceError(`"${ref.text}" is only valid in a resource that has count.`);
            return binding.countIndex;
          case 'path':
            return this.#source.dir;
          case 'terraform':
            return 'default';
          default:
            throw new UnresolvedReferenceError(`References to ${ref.root} ("${ref.text}") are not supported.`);
        }
      },
    };
  }

  /** Evaluates a JSON value for an instance. */
  evaluate(value: JsonValue, binding: InstanceBinding = {}): Value {
    return evaluate(value, this.scope(binding));
  }

  #local(name: string): Value {
    const known = this.#locals.get(name);
    if (known !== undefined) return known;
    const expression = this.#source.locals.get(name);
    if (expression === undefined) throw new UnresolvedReferenceError(`Reference to undeclared local value "${name}". Declare it in a locals block.`);
    if (this.#evaluating.has(name)) throw new UnresolvedReferenceError(`Local value "${name}" refers to itself through ${[...this.#evaluating].join(' → ')}.`);
    this.#evaluating.add(name);
    try {
      const value = evaluate(expression, this.scope());
      this.#locals.set(name, value);
      return value;
    } finally {
      this.#evaluating.delete(name);
    }
  }
}
