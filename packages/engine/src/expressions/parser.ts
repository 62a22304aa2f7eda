/**
 * Parses Terraform JSON strings: `parseTemplate` for a whole string with `${…}` interpolations
 * and escapes, `parseExpression` for the bare inside of one `${…}`.
 *
 * Supported: literals, `[…]`, `{ k = v }` / `{ "k": v }`, references with `.attr`, `[index]`
 * and legacy `.0` steps, function calls (with a final `...`), `a ? b : c`, `==`, `!=`, quoted
 * strings with their own `${…}`, and the strip markers `${~ … ~}`. Everything else HCL has
 * (arithmetic, `for`, splats, `%{` directives, heredocs) is an `unsupported` error that says so.
 */
import type { Expression, ObjectItem, Step, TemplateNode, TemplatePart } from './ast.js';
import { ExpressionError, syntaxError } from './expression-error.js';
import { describeToken, Lexer, type Token } from './lexer.js';

/**
 * Parses a whole string as a template. Plain text is returned as one text part; `$${` is the
 * escape for a literal `${` and `%%{` for a literal `%{`.
 *
 * @throws {ExpressionError} when the text does not parse.
 * @example
 * parseTemplate('prefix-${var.env}'); // { kind: 'template', parts: [{ kind: 'text', text: 'prefix-' }, { kind: 'interpolation', … }] }
 */
export function parseTemplate(text: string): TemplateNode {
  return new Parser(text).template(0, 'whole').node;
}

/**
 * Parses the inside of one `${…}`, e.g. `lookup(var.regions, "eu", "local-2")`.
 *
 * @throws {ExpressionError} when the text does not parse.
 * @example
 * parseExpression('var.env'); // { kind: 'traversal', root: 'var', steps: [{ kind: 'attr', name: 'env', … }], … }
 */
export function parseExpression(text: string): Expression {
  const parser = new Parser(text);
  const lexer = new Lexer(text, 0);
  const expression = parser.expression(lexer);
  const rest = lexer.next();
  if (rest.kind !== 'end') syntaxError(text, rest.start, 'the end of the expression', describeToken(rest));
  return expression;
}

/** Deeper nesting than this is refused, so hostile input cannot overflow the stack. */
const maxDepth = 64;

const unsupportedOperators = new Set(['+', '-', '*', '/', '%', '<', '>', '<=', '>=', '&&', '||', '!', '=>']);

class Parser {
  private depth = 0;

  constructor(private readonly text: string) {}

  /** Scans a template from `start` to the end of the text (`whole`) or to a closing quote (`quoted`). */
  template(start: number, mode: 'whole' | 'quoted'): { node: TemplateNode; end: number } {
    const { text } = this;
    const parts: TemplatePart[] = [];
    let literal = '';
    let stripNext = false;
    let position = mode === 'quoted' ? start + 1 : start;
    const flush = (): void => {
      if (stripNext) literal = literal.replace(/^\s+/, '');
      stripNext = false;
      if (literal !== '') parts.push({ kind: 'text', text: literal });
      literal = '';
    };
    for (;;) {
      if (position >= text.length) {
        if (mode === 'quoted') syntaxError(text, position, 'a closing quote (") for the string that starts here', 'the end of the text');
        break;
      }
      const ch = text[position] as string;
      if (mode === 'quoted') {
        if (ch === '"') {
          position += 1;
          break;
        }
        if (ch === '\n') syntaxError(text, position, 'a closing quote (") before the end of the line', 'a newline');
        if (ch === '\\') {
          const escape = this.escape(position);
          literal += escape.value;
          position = escape.end;
          continue;
        }
      }
      const pair = text.slice(position, position + 3);
      if (pair === '$${' || pair === '%%{') {
        literal += pair.slice(1);
        position += 3;
        continue;
      }
      if (pair.startsWith('%{')) {
        throw new ExpressionError('Template directives (%{ if }, %{ for }) are not supported; write %%{ for a literal "%{"', { code: 'unsupported', text, position });
      }
      if (!pair.startsWith('${')) {
        literal += ch;
        position += 1;
        continue;
      }
      const opened = position;
      position += 2;
      if (text[position] === '~') {
        literal = literal.replace(/\s+$/, '');
        position += 1;
      }
      flush();
      const lexer = new Lexer(text, position);
      const expression = this.expression(lexer);
      let close = lexer.next();
      if (close.kind === 'punctuation' && close.text === '~') {
        stripNext = true;
        close = lexer.next();
      }
      if (close.kind !== 'punctuation' || close.text !== '}') {
        syntaxError(text, close.start, `"}" to close the "\${" at column ${opened + 1}`, describeToken(close));
      }
      parts.push({ kind: 'interpolation', expression });
      position = close.end;
    }
    flush();
    return { node: { kind: 'template', parts, start, end: position }, end: position };
  }

  /** One backslash escape in a quoted string (HCL's: `\n \r \t \" \\ \uNNNN \UNNNNNNNN`). */
  private escape(position: number): { value: string; end: number } {
    const { text } = this;
    const letter = text[position + 1];
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
    if (letter !== undefined && Object.hasOwn(simple, letter)) return { value: simple[letter] as string, end: position + 2 };
    const width = letter === 'u' ? 4 : letter === 'U' ? 8 : 0;
    const hex = text.slice(position + 2, position + 2 + width);
    if (width > 0 && hex.length === width && /^[0-9A-Fa-f]+$/.test(hex)) {
      const codePoint = Number.parseInt(hex, 16);
      if (codePoint <= 0x10ffff) return { value: String.fromCodePoint(codePoint), end: position + 2 + width };
    }
    return syntaxError(text, position, 'an escape: \\n, \\r, \\t, \\", \\\\, \\uNNNN or \\UNNNNNNNN', JSON.stringify(text.slice(position, position + 2)));
  }

  /** expression := comparison ( "?" expression ":" expression )? */
  expression(lexer: Lexer): Expression {
    const start = lexer.peek().start;
    if (++this.depth > maxDepth) {
      throw new ExpressionError(`Expression nested deeper than ${maxDepth} levels`, { code: 'syntax', text: this.text, position: start });
    }
    try {
      const condition = this.comparison(lexer);
      if (!isPunctuation(lexer.peek(), '?')) return condition;
      lexer.next();
      const whenTrue = this.expression(lexer);
      this.expect(lexer, ':', '":" between the two results of a conditional');
      const whenFalse = this.expression(lexer);
      return { kind: 'conditional', condition, whenTrue, whenFalse, start, end: whenFalse.end };
    } finally {
      this.depth -= 1;
    }
  }

  /** comparison := postfix ( ("==" | "!=") postfix )* */
  private comparison(lexer: Lexer): Expression {
    let left = this.postfix(lexer);
    for (;;) {
      const next = lexer.peek();
      if (isPunctuation(next, '==') || isPunctuation(next, '!=')) {
        lexer.next();
        const right = this.postfix(lexer);
        left = { kind: 'comparison', operator: next.text as '==' | '!=', left, right, start: left.start, end: right.end };
      } else if (next.kind === 'punctuation' && unsupportedOperators.has(next.text)) {
        return this.unsupportedOperator(next);
      } else {
        return left;
      }
    }
  }

  /** postfix := primary ( "." name | "." digits | "[" expression "]" )* */
  private postfix(lexer: Lexer): Expression {
    // Taken before the primary so a parenthesised source, `(local.a).b`, starts at its "(".
    const start = lexer.peek().start;
    const primary = this.primary(lexer);
    const steps: Step[] = [];
    for (;;) {
      const next = lexer.peek();
      if (isPunctuation(next, '.')) {
        lexer.next();
        const name = lexer.next();
        if (name.kind === 'identifier') steps.push({ kind: 'attr', name: name.text, start: next.start, end: name.end });
        else if (name.kind === 'number') {
          const key = { kind: 'literal', value: Number(name.text), start: name.start, end: name.end } as const;
          steps.push({ kind: 'index', key, start: next.start, end: name.end });
        } else if (isPunctuation(name, '*')) this.unsupportedSplat(name);
        else syntaxError(this.text, name.start, 'an attribute name after "."', describeToken(name));
      } else if (isPunctuation(next, '[')) {
        lexer.next();
        if (isPunctuation(lexer.peek(), '*')) this.unsupportedSplat(lexer.peek());
        const key = this.expression(lexer);
        const close = this.expect(lexer, ']', '"]" to close the index');
        steps.push({ kind: 'index', key, start: next.start, end: close.end });
      } else {
        break;
      }
    }
    const last = steps.at(-1);
    if (last === undefined) return primary;
    if (primary.kind === 'traversal' && primary.steps.length === 0) return { ...primary, steps, end: last.end };
    return { kind: 'relative', source: primary, steps, start, end: last.end };
  }

  private primary(lexer: Lexer): Expression {
    const token = lexer.next();
    const { start, end } = token;
    switch (token.kind) {
      case 'number':
        return { kind: 'literal', value: this.number(token, 1), start, end };
      case 'quote': {
        const { node, end: after } = this.template(start, 'quoted');
        lexer.seek(after);
        // A quoted string without interpolations is a plain string literal.
        const [only, ...more] = node.parts;
        if (more.length === 0 && only?.kind !== 'interpolation') return { kind: 'literal', value: only?.text ?? '', start, end: after };
        return node;
      }
      case 'identifier':
        if (token.text === 'true' || token.text === 'false') return { kind: 'literal', value: token.text === 'true', start, end };
        if (token.text === 'null') return { kind: 'literal', value: null, start, end };
        if (isPunctuation(lexer.peek(), '(')) return this.call(lexer, token);
        return { kind: 'traversal', root: token.text, steps: [], start, end };
      case 'punctuation':
        if (token.text === '[') return this.tuple(lexer, token);
        if (token.text === '{') return this.object(lexer, token);
        if (token.text === '(') {
          const inner = this.expression(lexer);
          this.expect(lexer, ')', '")" to close the parenthesis');
          return inner;
        }
        if (token.text === '-' && lexer.peek().kind === 'number') {
          const digits = lexer.next();
          return { kind: 'literal', value: this.number(digits, -1), start, end: digits.end };
        }
        if (unsupportedOperators.has(token.text)) return this.unsupportedOperator(token);
        return syntaxError(this.text, start, 'an expression', describeToken(token));
      case 'end':
        return syntaxError(this.text, start, 'an expression', describeToken(token));
    }
  }

  private number(token: Token, sign: 1 | -1): number {
    const value = sign * Number(token.text);
    if (!Number.isFinite(value)) throw new ExpressionError(`Number ${token.text} is too large`, { code: 'syntax', text: this.text, position: token.start });
    return value;
  }

  /** call := name "(" ( expression ( "," expression )* ","? "..."? )? ")" */
  private call(lexer: Lexer, name: Token): Expression {
    lexer.next();
    const args: Expression[] = [];
    let expandFinal = false;
    for (;;) {
      if (isPunctuation(lexer.peek(), ')')) break;
      args.push(this.expression(lexer));
      if (isPunctuation(lexer.peek(), '...')) {
        lexer.next();
        expandFinal = true;
        break;
      }
      if (!isPunctuation(lexer.peek(), ',')) break;
      lexer.next();
    }
    const close = this.expect(lexer, ')', `"," or ")" in the arguments of ${name.text}()`);
    return { kind: 'call', name: name.text, args, expandFinal, start: name.start, end: close.end };
  }

  /** tuple := "[" ( expression ( "," expression )* ","? )? "]" */
  private tuple(lexer: Lexer, open: Token): Expression {
    this.refuseFor(lexer);
    const items: Expression[] = [];
    for (;;) {
      if (isPunctuation(lexer.peek(), ']')) break;
      items.push(this.expression(lexer));
      if (!isPunctuation(lexer.peek(), ',')) break;
      lexer.next();
    }
    const close = this.expect(lexer, ']', '"," or "]" in the list');
    return { kind: 'tuple', items, start: open.start, end: close.end };
  }

  /** object := "{" ( key ("=" | ":") expression ( "," | newline )? )* "}" */
  private object(lexer: Lexer, open: Token): Expression {
    this.refuseFor(lexer);
    const items: ObjectItem[] = [];
    for (;;) {
      const first = lexer.peek();
      if (isPunctuation(first, '}')) break;
      let key = this.expression(lexer);
      // HCL reads a lone identifier key as its name (`{ x = 1 }` is the key "x", not a
      // reference); `(x) = 1` evaluates x. The parenthesis shows as a different first token.
      if (key.kind === 'traversal' && key.steps.length === 0 && first.kind === 'identifier' && first.start === key.start) {
        key = { kind: 'literal', value: key.root, start: key.start, end: key.end };
      }
      const separator = lexer.next();
      if (!isPunctuation(separator, '=') && !isPunctuation(separator, ':')) {
        syntaxError(this.text, separator.start, '"=" or ":" after the object key', describeToken(separator));
      }
      items.push({ key, value: this.expression(lexer) });
      const next = lexer.peek();
      if (isPunctuation(next, ',')) lexer.next();
      else if (!isPunctuation(next, '}') && !next.newlineBefore) {
        syntaxError(this.text, next.start, '"," or a new line between object items, or "}"', describeToken(next));
      }
    }
    const close = lexer.next();
    return { kind: 'object', items, start: open.start, end: close.end };
  }

  private expect(lexer: Lexer, text: string, expected: string): Token {
    const token = lexer.next();
    if (!isPunctuation(token, text)) syntaxError(this.text, token.start, expected, describeToken(token));
    return token;
  }

  private refuseFor(lexer: Lexer): void {
    const first = lexer.peek();
    if (first.kind === 'identifier' && first.text === 'for' && lexer.peek(1).kind === 'identifier') {
      throw new ExpressionError('"for" expressions are not supported', { code: 'unsupported', text: this.text, position: first.start });
    }
  }

  private unsupportedOperator(token: Token): never {
    throw new ExpressionError(`Operator ${JSON.stringify(token.text)} is not supported; only == and != and the conditional a ? b : c are`, {
      code: 'unsupported',
      text: this.text,
      position: token.start,
    });
  }

  private unsupportedSplat(token: Token): never {
    throw new ExpressionError('Splat expressions ([*] and .*) are not supported; index one instance, e.g. [0]', {
      code: 'unsupported',
      text: this.text,
      position: token.start,
    });
  }
}

function isPunctuation(token: Token, text: string): boolean {
  return token.kind === 'punctuation' && token.text === text;
}
