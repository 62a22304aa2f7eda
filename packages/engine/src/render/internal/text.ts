/** Layout helpers shared by the human renderers. */

/** Terraform's nesting step: four spaces per level. */
export const indent = (level: number): string => '    '.repeat(level);

/** `1 unchanged attribute`, `2 unchanged attributes`. */
export const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * Wraps prose the way Terraform's `format.WordWrap` does: lines are filled to `width - 1`
 * columns, and a line that starts with a space is left alone (it is preformatted: a list, a
 * command to run). A width of 0 turns wrapping off.
 */
export function wordWrap(text: string, width: number): string {
  if (width <= 1) return text;
  const limit = width - 1;
  return text
    .split('\n')
    .map((line) => (line.startsWith(' ') ? line : wrapLine(line, limit)))
    .join('\n');
}

function wrapLine(line: string, limit: number): string {
  const words = line.split(' ');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current === '') current = word;
    else if (current.length + 1 + word.length <= limit) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  lines.push(current);
  return lines.join('\n');
}

/** The rule Terraform draws under the drift section: one column short of the width. */
export const horizontalRule = (width: number): string => '─'.repeat(Math.max(width, 2) - 1);

const identifier = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** An attribute name as written in a plan: bare when it is an identifier, quoted otherwise. */
export const attributeKey = (key: string): string => (identifier.test(key) ? key : JSON.stringify(key));

/** A map key as written in a plan: always quoted. */
export const mapKey = (key: string): string => JSON.stringify(key);
