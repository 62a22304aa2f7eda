/**
 * Expressions in Terraform JSON: `${…}` templates, references, the supported functions and
 * values known only after apply.
 */
export type {
  CallNode,
  ComparisonNode,
  ConditionalNode,
  Expression,
  LiteralNode,
  ObjectItem,
  ObjectNode,
  RelativeTraversalNode,
  Span,
  Step,
  TemplateNode,
  TemplatePart,
  TraversalNode,
  TupleNode,
} from './ast.js';
export { checkExpressions } from './check.js';
export { evaluate, evaluateTemplate, type ResolvedStep, type ResolveRequest, type Scope } from './evaluate.js';
export { ExpressionError, formatJsonPath, isExpressionError, type ExpressionErrorCode, type ExpressionErrorDetails } from './expression-error.js';
export { formatVerbs } from './format.js';
export { isSupportedFunction, supportedFunctions } from './functions.js';
export { parseExpression, parseTemplate } from './parser.js';
export { referencesOf, type Reference, type ReferenceRoot } from './references.js';
export { afterUnknown, containsUnknown, isUnknown, omitUnknowns, unknown, unknownPaths, type Unknown } from './unknown.js';
export type { JsonValue, ObjectValue, Value } from './value.js';
