import type { Expression, JsonValue } from '../../expressions/index.js';

/**
 * The value of an expression made only of literals (strings without interpolation, numbers,
 * bools, null, lists and objects), as `.tfvars` files and `-var` values must be; `undefined` when
 * it holds anything else (a reference, a function call, an interpolation).
 */
export function literalValue(node: Expression): JsonValue | undefined {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'template': {
      let text = '';
      for (const part of node.parts) {
        if (part.kind !== 'text') return undefined;
        text += part.text;
      }
      return text;
    }
    case 'tuple': {
      const items: JsonValue[] = [];
      for (const item of node.items) {
        const value = literalValue(item);
        if (value === undefined) return undefined;
        items.push(value);
      }
      return items;
    }
    case 'object': {
      const out: Record<string, JsonValue> = {};
      for (const item of node.items) {
        const key = item.key.kind === 'traversal' && item.key.steps.length === 0 ? item.key.root : literalValue(item.key);
        const value = literalValue(item.value);
        if (value === undefined || (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean')) return undefined;
        Object.defineProperty(out, String(key), { value, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    default:
      return undefined;
  }
}
