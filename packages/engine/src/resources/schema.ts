import type { AttributeValue } from '../state/types.js';

/**
 * Attribute schemas of resource types. The planner validates and diffs with them, the construct
 * generator writes CDKTF classes from them and the docs tables come from them, so the three can
 * never disagree.
 */

export type AttributeType =
  | 'string'
  | 'number'
  | 'bool'
  | { readonly list: AttributeType }
  | { readonly set: AttributeType }
  | { readonly map: AttributeType }
  | { readonly object: Readonly<Record<string, AttributeSchema>> };

export interface AttributeSchema {
  readonly type: AttributeType;
  readonly description: string;
  /** Must be set in configuration. */
  readonly required?: boolean;
  /** May be set in configuration; with `computed`, the provider fills it in when it is not. */
  readonly optional?: boolean;
  /** Set by the provider (ids, statuses); with `optional`, configuration wins when given. */
  readonly computed?: boolean;
  /** Never shown in plans, logs or output; recorded as sensitive in state. */
  readonly sensitive?: boolean;
  /** A change to it replaces the resource instead of updating it in place. */
  readonly forcesReplacement?: boolean;
  /**
   * Computed attributes only: the attributes whose in-place change makes the server compute this
   * one anew (a policy's `status` follows `enabled`). An update changing any of them plans it as
   * known after apply; any other update keeps its prior value, as Terraform keeps computed
   * values unless the provider says they change.
   */
  readonly changesWith?: readonly string[];
  /** Value used when configuration leaves it out. */
  readonly default?: AttributeValue;
  /** Problems with a configured value, as messages ("must be 1–30 (got 45)"). */
  readonly validate?: (value: AttributeValue) => string | undefined;
  /**
   * The canonical form of a value, so spellings the server stores differently ("daily" and
   * "1,2,3,4,5,6,7") compare equal and plans show no noise.
   */
  readonly normalize?: (value: AttributeValue) => AttributeValue;
}

export interface ResourceSchema {
  readonly description: string;
  readonly attributes: Readonly<Record<string, AttributeSchema>>;
  /** Cross-attribute rules ("frequency or interval_minutes"), as messages keyed by attribute. */
  readonly validate?: (config: Readonly<Record<string, AttributeValue>>) => readonly { attribute: string; message: string }[];
}

/** Human description of a type, for docs and diagnostics: `list of string`. */
export function describeType(type: AttributeType): string {
  if (typeof type === 'string') return type;
  if ('list' in type) return `list of ${describeType(type.list)}`;
  if ('set' in type) return `set of ${describeType(type.set)}`;
  if ('map' in type) return `map of ${describeType(type.map)}`;
  return 'object';
}

/** Attributes a user may set (required or optional, not purely computed). */
export function configurableAttributes(schema: ResourceSchema): [string, AttributeSchema][] {
  return Object.entries(schema.attributes).filter(([, attribute]) => isConfigurable(attribute));
}

/** Whether a user may set the attribute: required, optional, defaulted, or not computed at all. */
export function isConfigurable(attribute: AttributeSchema): boolean {
  return attribute.required === true || attribute.optional === true || attribute.computed !== true || attribute.default !== undefined;
}
