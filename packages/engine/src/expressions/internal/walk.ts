import type { Expression } from '../ast.js';

/** Calls `visit` on `expression` and every expression inside it, in the order they are written. */
export function forEachNode(expression: Expression, visit: (node: Expression) => void): void {
  visit(expression);
  const inner = (node: Expression): void => forEachNode(node, visit);
  switch (expression.kind) {
    case 'literal':
      return;
    case 'tuple':
      return expression.items.forEach(inner);
    case 'object':
      for (const item of expression.items) {
        inner(item.key);
        inner(item.value);
      }
      return;
    case 'traversal':
      for (const step of expression.steps) if (step.kind === 'index') inner(step.key);
      return;
    case 'relative':
      inner(expression.source);
      for (const step of expression.steps) if (step.kind === 'index') inner(step.key);
      return;
    case 'call':
      return expression.args.forEach(inner);
    case 'conditional':
      inner(expression.condition);
      inner(expression.whenTrue);
      inner(expression.whenFalse);
      return;
    case 'comparison':
      inner(expression.left);
      inner(expression.right);
      return;
    case 'template':
      for (const part of expression.parts) if (part.kind === 'interpolation') inner(part.expression);
      return;
  }
}
