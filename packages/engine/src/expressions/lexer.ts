/**
 * Tokens of the HCL expression subset inside `${…}`. The lexer reads the same text the template
 * scanner reads, from a given offset, so every token's offsets are offsets into the original
 * string and errors can point at them.
 */
import { ExpressionError } from './expression-error.js';

/**
 * - `identifier`: names, including HCL's dashes (`my-var`) and the keywords `true`/`false`/`null`.
 * - `number`: a decimal literal; right after a `.` only digits, so `list.0.1` is two steps.
 * - `quote`: an opening `"`; the parser scans the quoted template itself.
 * - `punctuation`: everything else that HCL knows, supported or not, so unsupported operators
 *   get a message that names them instead of "unexpected character".
 * - `end`: the end of the text.
 */
export type TokenKind = 'identifier' | 'number' | 'quote' | 'punctuation' | 'end';

/** One token: its text and where it is. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** A newline came between the previous token and this one (object items may be separated by newlines). */
  readonly newlineBefore: boolean;
}

const identifierPattern = /[\p{ID_Start}_][\p{ID_Continue}-]*/uy;
const numberPattern = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const digitsPattern = /\d+/y;
// Longest first, so `==` is not read as two `=`.
const punctuation = ['...', '==', '!=', '<=', '>=', '&&', '||', '=>', '.', ',', '[', ']', '(', ')', '{', '}', '=', ':', '?', '~', '*', '+', '-', '/', '%', '<', '>', '!'];

/** Reads tokens from `text`, starting at an offset, with lookahead. */
export class Lexer {
  readonly text: string;
  private position: number;
  private readonly lookahead: Token[] = [];
  private previous: Token | undefined;

  constructor(text: string, position: number) {
    this.text = text;
    this.position = position;
  }

  /** The token `offset` places ahead, without consuming it. */
  peek(offset = 0): Token {
    while (this.lookahead.length <= offset) this.lookahead.push(this.lex());
    return this.lookahead[offset] as Token;
  }

  /** Consumes and returns the next token. */
  next(): Token {
    return this.lookahead.shift() ?? this.lex();
  }

  /** Continues at `position`, dropping lookahead: the parser scanned a quoted string itself. */
  seek(position: number): void {
    this.position = position;
    this.lookahead.length = 0;
    this.previous = undefined;
  }

  private lex(): Token {
    const { text } = this;
    let newlineBefore = false;
    while (this.position < text.length) {
      const ch = text[this.position];
      if (ch === '\n') newlineBefore = true;
      else if (ch !== ' ' && ch !== '\t' && ch !== '\r') break;
      this.position += 1;
    }
    const start = this.position;
    const token = (kind: TokenKind, length: number): Token => {
      this.position = start + length;
      const made = { kind, text: text.slice(start, start + length), start, end: start + length, newlineBefore };
      this.previous = made;
      return made;
    };
    if (start >= text.length) return token('end', 0);
    if (text[start] === '"') return token('quote', 1);

    // Legacy index syntax `list.0.name`: after a dot, only digits, so `.0.1` stays two steps.
    const afterDot = this.previous?.kind === 'punctuation' && this.previous.text === '.';
    const numeric = afterDot ? digitsPattern : numberPattern;
    numeric.lastIndex = start;
    const number = numeric.exec(text);
    if (number !== null) return token('number', number[0].length);

    identifierPattern.lastIndex = start;
    const identifier = identifierPattern.exec(text);
    if (identifier !== null) return token('identifier', identifier[0].length);

    for (const mark of punctuation) if (text.startsWith(mark, start)) return token('punctuation', mark.length);

    const character = String.fromCodePoint(text.codePointAt(start) ?? 0);
    throw new ExpressionError(`Unexpected character ${JSON.stringify(character)} in an expression`, { code: 'syntax', text, position: start });
  }
}

/** How a token reads in a message: `"}"`, `the end of the text`. */
export function describeToken(token: Token): string {
  return token.kind === 'end' ? 'the end of the text' : JSON.stringify(token.text);
}
