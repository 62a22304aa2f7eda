/**
 * The syntax tree of the HCL expression subset that Terraform JSON carries inside strings.
 *
 * Every node records `start` and `end`: offsets into the text that was parsed (the whole JSON
 * string, `${` and all), so an evaluation error can point at the node that failed.
 */

/** Offsets of a node in the parsed text: `text.slice(start, end)` is the node's source. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A string, number, bool or null written literally. */
export interface LiteralNode extends Span {
  readonly kind: 'literal';
  readonly value: string | number | boolean | null;
}

/** `[a, b, c]`. */
export interface TupleNode extends Span {
  readonly kind: 'tuple';
  readonly items: readonly Expression[];
}

/** One `key = value` (or `key: value`) of an object literal. */
export interface ObjectItem {
  /** A bare identifier key is already a string literal here, as HCL reads `{ x = 1 }`. */
  readonly key: Expression;
  readonly value: Expression;
}

/** `{ k = v, "k2" = v2, k3: v3 }`. */
export interface ObjectNode extends Span {
  readonly kind: 'object';
  readonly items: readonly ObjectItem[];
}

/** `.name` or `[key]` after a name or an expression. */
export type Step =
  | { readonly kind: 'attr'; readonly name: string; readonly start: number; readonly end: number }
  | { readonly kind: 'index'; readonly key: Expression; readonly start: number; readonly end: number };

/**
 * A name and the steps after it: `var.env`, `lifeboat_backup.b["x"].backup_id`, `count.index`.
 * These are the references the planner's dependency graph is built from.
 */
export interface TraversalNode extends Span {
  readonly kind: 'traversal';
  readonly root: string;
  readonly steps: readonly Step[];
}

/** Steps applied to the result of another expression: `tolist(x)[0]`, `(local.a).b`. */
export interface RelativeTraversalNode extends Span {
  readonly kind: 'relative';
  readonly source: Expression;
  readonly steps: readonly Step[];
}

/** `name(arg, …)`; `expandFinal` is HCL's `f(a, list...)`, spreading the last argument. */
export interface CallNode extends Span {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly Expression[];
  readonly expandFinal: boolean;
}

/** `condition ? whenTrue : whenFalse`. */
export interface ConditionalNode extends Span {
  readonly kind: 'conditional';
  readonly condition: Expression;
  readonly whenTrue: Expression;
  readonly whenFalse: Expression;
}

/** `a == b` and `a != b`: the only operators supported, because conditionals need them. */
export interface ComparisonNode extends Span {
  readonly kind: 'comparison';
  readonly operator: '==' | '!=';
  readonly left: Expression;
  readonly right: Expression;
}

/** Literal text or one `${…}` of a template. */
export type TemplatePart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'interpolation'; readonly expression: Expression };

/**
 * A string with interpolations: a whole JSON string, or a quoted string inside an expression.
 * Escapes are already applied to the text parts (`$${` is stored as `${`).
 */
export interface TemplateNode extends Span {
  readonly kind: 'template';
  readonly parts: readonly TemplatePart[];
}

/** Any expression. */
export type Expression =
  | LiteralNode
  | TupleNode
  | ObjectNode
  | TraversalNode
  | RelativeTraversalNode
  | CallNode
  | ConditionalNode
  | ComparisonNode
  | TemplateNode;
