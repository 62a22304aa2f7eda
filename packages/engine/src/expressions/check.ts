/**
 * Static checks over a JSON tree, collected rather than thrown, so the config loader can show
 * every problem at once as diagnostics.
 */
import { ExpressionError, isExpressionError } from './expression-error.js';
import { arityProblem, isSupportedFunction, unsupportedFunctionReason } from './functions.js';
import { hasTemplateSyntax, parseTemplateCached } from './internal/parse-cache.js';
import { forEachNode } from './internal/walk.js';
import { addressOf } from './references.js';
import type { JsonValue } from './value.js';

/**
 * Every problem that can be found without evaluating: strings that do not parse, unsupported
 * functions, supported functions called with the wrong number of arguments, malformed
 * references (`var` alone, `count.value`). Each error has `jsonPath` set. Empty when all is well.
 *
 * @example
 * checkExpressions({ name: '${upper(var.name)}' });
 * // [ExpressionError: Function "upper" is not supported; the supported functions are concat, … (column 3 of "${upper(var.name)}" at name)]
 */
export function checkExpressions(value: JsonValue): ExpressionError[] {
  const problems: ExpressionError[] = [];
  const checkString = (text: string, jsonPath: readonly (string | number)[]): void => {
    if (!hasTemplateSyntax(text)) return;
    const report = (reason: string, code: 'unsupported' | 'call', position: number, functionName: string): void => {
      problems.push(new ExpressionError(reason, { code, text, position, functionName, jsonPath }));
    };
    try {
      forEachNode(parseTemplateCached(text), (node) => {
        if (node.kind === 'traversal') {
          try {
            addressOf(node, text);
          } catch (error) {
            if (!isExpressionError(error)) throw error;
            problems.push(error.withJsonPath(jsonPath));
          }
        } else if (node.kind === 'call') {
          if (!isSupportedFunction(node.name)) report(unsupportedFunctionReason(node.name), 'unsupported', node.start, node.name);
          else {
            // With a final `...` the count is only known when evaluating.
            const arity = node.expandFinal ? undefined : arityProblem(node.name, node.args.length);
            if (arity !== undefined) report(arity, 'call', node.start, node.name);
          }
        }
      });
    } catch (error) {
      if (!isExpressionError(error)) throw error;
      problems.push(error.withJsonPath(jsonPath));
    }
  };
  const walk = (current: JsonValue, jsonPath: readonly (string | number)[]): void => {
    if (typeof current === 'string') checkString(current, jsonPath);
    else if (Array.isArray(current)) (current as readonly JsonValue[]).forEach((item, index) => walk(item, [...jsonPath, index]));
    else if (typeof current === 'object' && current !== null) {
      for (const [key, item] of Object.entries(current as { readonly [key: string]: JsonValue })) {
        checkString(key, [...jsonPath, key]);
        walk(item, [...jsonPath, key]);
      }
    }
  };
  walk(value, []);
  return problems;
}
