import type { TemplateNode } from '../ast.js';
import { parseTemplate } from '../parser.js';

/**
 * A plan evaluates the same strings once per instance (`count`, `for_each`) and again for
 * references, so parsed templates are kept. ASTs are immutable, so sharing them is safe. The
 * cache is simply emptied when full: configurations have far fewer distinct strings than this.
 */
const cache = new Map<string, TemplateNode>();
const capacity = 20_000;

/** True when `text` may hold an interpolation, an escape or a directive; other strings are literal. */
export function hasTemplateSyntax(text: string): boolean {
  return text.includes('${') || text.includes('%{');
}

/** {@link parseTemplate}, remembered. */
export function parseTemplateCached(text: string): TemplateNode {
  let node = cache.get(text);
  if (node === undefined) {
    node = parseTemplate(text);
    if (cache.size >= capacity) cache.clear();
    cache.set(text, node);
  }
  return node;
}
