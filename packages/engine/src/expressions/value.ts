import type { Unknown } from './unknown.js';

/** A JSON value as read from `*.tf.json`: the input of `evaluate` and `referencesOf`. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * The result of evaluating: JSON, where any part may be {@link Unknown} ("known after apply").
 * Lists, sets and tuples are arrays; maps and objects are plain objects. Sets come out of
 * `toset` deduplicated and in Terraform's order.
 */
export type Value = null | boolean | number | string | Unknown | readonly Value[] | { readonly [key: string]: Value };

/** A map or object value. */
export type ObjectValue = { readonly [key: string]: Value };
