import type { FieldSchemaRequest } from '@lifeboat/api';
import { DataError } from './errors.js';
import type { Row } from './types.js';

/**
 * Query filters, a deliberately small subset of the hosted expression language:
 *
 *   filter     := term ( ("and" | "&&") term )*
 *   term       := "(" filter ")" | field op literal | field "in" "[" literal ("," literal)* "]"
 *   op         := "==" | "!=" | ">" | ">=" | "<" | "<="
 *   literal    := number | "double-quoted string" | true | false
 *
 * The filter is checked against the collection's fields before any row is read: an unknown
 * field, a literal of the wrong type, or anything outside the grammar (or, not, like, …) is an
 * UNSUPPORTED_FILTER error naming the part, so a typo never silently matches nothing.
 * A null value matches no comparison, `!=` included (as in SQL).
 */

export type RowPredicate = (row: Row) => boolean;

type Literal = string | number | boolean;
type Token =
  | { readonly kind: 'word'; readonly text: string; readonly at: number }
  | { readonly kind: 'literal'; readonly value: Literal; readonly text: string; readonly at: number }
  | { readonly kind: 'symbol'; readonly text: string; readonly at: number }
  | { readonly kind: 'end'; readonly text: string; readonly at: number };

const SUPPORTED =
  'supported: field == value, field != value, field in [v1, v2], field > number (also >=, <, <=), joined with "and"; values are numbers, "double-quoted strings", true or false';
/** Words of the hosted language this subset leaves out, reported as such rather than as unknown fields. */
const UNSUPPORTED_WORDS = new Set(['or', 'not', 'like', 'exists', 'is', 'null', 'json_contains', 'array_contains']);
const NUMERIC_TYPES = new Set(['Int64', 'Int32', 'Float', 'Double']);
const SYMBOLS = ['==', '!=', '>=', '<=', '&&', '>', '<', '(', ')', '[', ']', ','];
const WORD = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// Control characters inside the quotes are refused by JSON.parse in parseString.
const STRING = /"(?:[^"\\]|\\.)*"/y;

function unsupported(detail: string): DataError {
  return new DataError('UNSUPPORTED_FILTER', `unsupported filter: ${detail}; ${SUPPORTED}`);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at] ?? '';
    if (/\s/.test(char)) {
      at += 1;
      continue;
    }
    const symbol = SYMBOLS.find((s) => source.startsWith(s, at));
    const word = symbol === undefined ? matchAt(WORD, source, at) : undefined;
    const number = symbol === undefined && word === undefined ? matchAt(NUMBER, source, at) : undefined;
    const string = char === '"' ? matchAt(STRING, source, at) : undefined;
    if (symbol !== undefined) tokens.push({ kind: 'symbol', text: symbol, at });
    else if (word !== undefined) tokens.push(wordToken(word, at));
    else if (number !== undefined) tokens.push({ kind: 'literal', value: Number(number), text: number, at });
    else if (string !== undefined) tokens.push({ kind: 'literal', value: parseString(string, at), text: string, at });
    else throw unsupported(`${JSON.stringify(source.slice(at, at + 12))} at position ${at}`);
    at += (symbol ?? word ?? number ?? string ?? '').length;
  }
  tokens.push({ kind: 'end', text: 'end of filter', at });
  return tokens;
}

function matchAt(pattern: RegExp, source: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0];
}

function wordToken(text: string, at: number): Token {
  if (text === 'true' || text === 'false') return { kind: 'literal', value: text === 'true', text, at };
  return { kind: 'word', text, at };
}

function parseString(text: string, at: number): string {
  try {
    return JSON.parse(text) as string;
  } catch {
    throw unsupported(`string ${text} at position ${at} is not a valid JSON string (bad escape or control character)`);
  }
}

class Parser {
  private next = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly fields: ReadonlyMap<string, FieldSchemaRequest>,
  ) {}

  parseAll(): RowPredicate {
    const predicate = this.parseConjunction();
    const rest = this.peek();
    if (rest.kind !== 'end') throw unsupported(`${JSON.stringify(rest.text)} at position ${rest.at}`);
    return predicate;
  }

  private parseConjunction(): RowPredicate {
    const terms = [this.parseTerm()];
    while (this.isAnd(this.peek())) {
      this.next += 1;
      terms.push(this.parseTerm());
    }
    return terms.length === 1 ? (terms[0] as RowPredicate) : (row) => terms.every((term) => term(row));
  }

  private parseTerm(): RowPredicate {
    const token = this.take();
    if (token.kind === 'symbol' && token.text === '(') {
      const inner = this.parseConjunction();
      this.expectSymbol(')');
      return inner;
    }
    if (token.kind !== 'word' || this.isAnd(token) || token.text === 'in') {
      throw unsupported(`expected a field name at position ${token.at}, found ${JSON.stringify(token.text)}`);
    }
    const field = this.fields.get(token.text);
    if (field === undefined) {
      if (UNSUPPORTED_WORDS.has(token.text.toLowerCase())) throw unsupported(`"${token.text}" at position ${token.at}`);
      throw unsupported(`unknown field ${token.text} at position ${token.at}`);
    }
    const operator = this.take();
    if (operator.kind === 'word' && operator.text === 'in') return this.parseIn(field);
    if (operator.kind !== 'symbol' || !['==', '!=', '>', '>=', '<', '<='].includes(operator.text)) {
      throw unsupported(`${JSON.stringify(operator.text)} at position ${operator.at} after field ${field.fieldName}`);
    }
    const literal = this.takeLiteral(field, operator.text);
    return compare(field.fieldName, operator.text, literal);
  }

  private parseIn(field: FieldSchemaRequest): RowPredicate {
    this.expectSymbol('[');
    const values: Literal[] = [];
    if (!this.isSymbol(this.peek(), ']')) {
      values.push(this.takeLiteral(field, 'in'));
      while (this.isSymbol(this.peek(), ',')) {
        this.next += 1;
        values.push(this.takeLiteral(field, 'in'));
      }
    }
    this.expectSymbol(']');
    const name = field.fieldName;
    return (row) => values.includes(row[name] as Literal);
  }

  private takeLiteral(field: FieldSchemaRequest, operator: string): Literal {
    const token = this.take();
    if (token.kind !== 'literal') throw unsupported(`expected a value at position ${token.at}, found ${JSON.stringify(token.text)}`);
    const { fieldName, dataType } = field;
    const ordering = ['>', '>=', '<', '<='].includes(operator);
    if (NUMERIC_TYPES.has(dataType)) {
      if (typeof token.value !== 'number') throw unsupported(`field ${fieldName} is ${dataType}: compare it with a number, not ${token.text}`);
    } else if (ordering) {
      throw unsupported(`${operator} on field ${fieldName} (${dataType}): ordering comparisons work on numeric fields only`);
    } else if (dataType === 'VarChar') {
      if (typeof token.value !== 'string') throw unsupported(`field ${fieldName} is VarChar: compare it with a "double-quoted string", not ${token.text}`);
    } else if (dataType === 'Bool') {
      if (typeof token.value !== 'boolean') throw unsupported(`field ${fieldName} is Bool: compare it with true or false, not ${token.text}`);
    } else {
      throw unsupported(`field ${fieldName} is ${dataType}: filters work on numeric, Bool and VarChar fields only`);
    }
    return token.value;
  }

  private expectSymbol(text: string): void {
    const token = this.take();
    if (!this.isSymbol(token, text)) throw unsupported(`expected "${text}" at position ${token.at}, found ${JSON.stringify(token.text)}`);
  }

  private isSymbol(token: Token, text: string): boolean {
    return token.kind === 'symbol' && token.text === text;
  }

  private isAnd(token: Token): boolean {
    return (token.kind === 'word' && token.text.toLowerCase() === 'and') || this.isSymbol(token, '&&');
  }

  private peek(): Token {
    return this.tokens[this.next] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private take(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.next += 1;
    return token;
  }
}

function compare(name: string, operator: string, literal: Literal): RowPredicate {
  switch (operator) {
    case '==':
      return (row) => row[name] === literal;
    case '!=':
      return (row) => row[name] !== literal && row[name] !== null && row[name] !== undefined;
    default:
      break;
  }
  // takeLiteral let only numbers through for the ordering operators.
  const bound = literal as number;
  const ordered = (test: (value: number) => boolean): RowPredicate => (row) => {
    const value = row[name];
    return typeof value === 'number' && test(value);
  };
  switch (operator) {
    case '>':
      return ordered((value) => value > bound);
    case '>=':
      return ordered((value) => value >= bound);
    case '<':
      return ordered((value) => value < bound);
    default:
      return ordered((value) => value <= bound);
  }
}

/**
 * Parses a filter against a collection's fields. An absent or blank filter matches every row.
 * Throws DataError UNSUPPORTED_FILTER naming the part it cannot handle.
 */
export function compileFilter(filter: string | undefined, fields: readonly FieldSchemaRequest[]): RowPredicate {
  if (filter === undefined || filter.trim() === '') return () => true;
  const byName = new Map(fields.map((field) => [field.fieldName, field]));
  return new Parser(tokenize(filter), byName).parseAll();
}
