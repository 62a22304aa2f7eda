import { describe, expect, it } from 'vitest';
import { ExpressionError, parseExpression, parseTemplate, type Expression } from '../../src/expressions/index.js';

/** The AST without offsets, to compare shapes. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'start' && key !== 'end').map(([key, value]) => [key, shape(value)]));
}

const attr = (name: string) => ({ kind: 'attr', name });
const index = (key: unknown) => ({ kind: 'index', key });
const literal = (value: string | number | boolean | null) => ({ kind: 'literal', value });
const ref = (root: string, ...steps: unknown[]) => ({ kind: 'traversal', root, steps });

function thrown(run: () => unknown): ExpressionError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error('expected an ExpressionError');
}

describe('parseExpression', () => {
  it('reads literals of every kind', () => {
    expect(shape(parseExpression('"text"'))).toEqual(literal('text'));
    expect(shape(parseExpression('42'))).toEqual(literal(42));
    expect(shape(parseExpression('-1.5e2'))).toEqual(literal(-150));
    expect(shape(parseExpression('true'))).toEqual(literal(true));
    expect(shape(parseExpression('false'))).toEqual(literal(false));
    expect(shape(parseExpression('null'))).toEqual(literal(null));
  });

  it('reads references with attribute and index steps', () => {
    expect(shape(parseExpression('lifeboat_backup_policy.nightly.cluster_id'))).toEqual(ref('lifeboat_backup_policy', attr('nightly'), attr('cluster_id')));
    expect(shape(parseExpression('lifeboat_backup.b["x"].backup_id'))).toEqual(ref('lifeboat_backup', attr('b'), index(literal('x')), attr('backup_id')));
    expect(shape(parseExpression('local.list[0].name'))).toEqual(ref('local', attr('list'), index(literal(0)), attr('name')));
    expect(shape(parseExpression('var.map[each.key]'))).toEqual(ref('var', attr('map'), index(ref('each', attr('key')))));
  });

  it('reads names with dashes, as HCL allows', () => {
    expect(shape(parseExpression('var.my-name'))).toEqual(ref('var', attr('my-name')));
  });

  it('reads the legacy index form list.0.1 as two index steps', () => {
    expect(shape(parseExpression('local.grid.0.1'))).toEqual(ref('local', attr('grid'), index(literal(0)), index(literal(1))));
  });

  it('reads function calls, nested, with a trailing comma and a final expansion', () => {
    expect(shape(parseExpression('tolist(toset(["a", "b"],))'))).toEqual({
      kind: 'call',
      name: 'tolist',
      expandFinal: false,
      args: [{ kind: 'call', name: 'toset', expandFinal: false, args: [{ kind: 'tuple', items: [literal('a'), literal('b')] }] }],
    });
    expect(shape(parseExpression('merge(local.maps...)'))).toMatchObject({ kind: 'call', name: 'merge', expandFinal: true });
    expect(shape(parseExpression('concat()'))).toEqual({ kind: 'call', name: 'concat', args: [], expandFinal: false });
  });

  it('reads object literals with =, :, quoted keys, newlines and parenthesised key expressions', () => {
    expect(shape(parseExpression('{x = 1, "y z" = 2, w: 3}'))).toEqual({
      kind: 'object',
      items: [
        { key: literal('x'), value: literal(1) },
        { key: literal('y z'), value: literal(2) },
        { key: literal('w'), value: literal(3) },
      ],
    });
    expect(shape(parseExpression('{\n  a = 1\n  b = 2\n}'))).toMatchObject({ items: [{ key: literal('a') }, { key: literal('b') }] });
    expect(shape(parseExpression('{(var.k) = 1}'))).toEqual({ kind: 'object', items: [{ key: ref('var', attr('k')), value: literal(1) }] });
  });

  it('reads steps after any expression', () => {
    expect(shape(parseExpression('tolist(var.s)[0]'))).toEqual({
      kind: 'relative',
      source: { kind: 'call', name: 'tolist', args: [ref('var', attr('s'))], expandFinal: false },
      steps: [index(literal(0))],
    });
  });

  it('reads conditionals and equality', () => {
    expect(shape(parseExpression('var.env == "prod" ? 3 : 1'))).toEqual({
      kind: 'conditional',
      condition: { kind: 'comparison', operator: '==', left: ref('var', attr('env')), right: literal('prod') },
      whenTrue: literal(3),
      whenFalse: literal(1),
    });
  });

  it('reads quoted strings with escapes and their own interpolations', () => {
    expect(shape(parseExpression('"a\\"b\\\\c\\n\\u00e9\\U0001F600"'))).toEqual(literal('a"b\\c\né😀'));
    expect(shape(parseExpression('"x-${var.y}"'))).toEqual({ kind: 'template', parts: [{ kind: 'text', text: 'x-' }, { kind: 'interpolation', expression: ref('var', attr('y')) }] });
  });

  it('records offsets into the original text', () => {
    const node = parseTemplate('ab-${var.env}').parts[1] as { expression: Expression };
    expect(node.expression).toMatchObject({ start: 5, end: 12 });
  });
});

describe('parseTemplate', () => {
  it('keeps a string without interpolations as one text part', () => {
    expect(shape(parseTemplate('plain text, $5 and 100%'))).toEqual({ kind: 'template', parts: [{ kind: 'text', text: 'plain text, $5 and 100%' }] });
    expect(shape(parseTemplate(''))).toEqual({ kind: 'template', parts: [] });
  });

  it('splits text and interpolations', () => {
    expect(shape(parseTemplate('prefix-${var.env}-${count.index}'))).toEqual({
      kind: 'template',
      parts: [
        { kind: 'text', text: 'prefix-' },
        { kind: 'interpolation', expression: ref('var', attr('env')) },
        { kind: 'text', text: '-' },
        { kind: 'interpolation', expression: ref('count', attr('index')) },
      ],
    });
  });

  it('turns the escapes $${ and %%{ into literal text', () => {
    expect(shape(parseTemplate('$${literal}'))).toEqual({ kind: 'template', parts: [{ kind: 'text', text: '${literal}' }] });
    expect(shape(parseTemplate('a %%{ b'))).toEqual({ kind: 'template', parts: [{ kind: 'text', text: 'a %{ b' }] });
  });

  it('leaves backslashes alone outside quoted strings (JSON has already decoded them)', () => {
    expect(shape(parseTemplate('C:\\dir\\n'))).toEqual({ kind: 'template', parts: [{ kind: 'text', text: 'C:\\dir\\n' }] });
  });

  it('finds the closing brace past braces and quotes inside the expression', () => {
    expect(shape(parseTemplate('${merge(local.a, {x = "}"})}!'))).toMatchObject({ parts: [{ kind: 'interpolation' }, { kind: 'text', text: '!' }] });
  });

  it('applies strip markers to the neighbouring text', () => {
    expect(shape(parseTemplate('a  ${~ var.x ~}  b'))).toEqual({
      kind: 'template',
      parts: [{ kind: 'text', text: 'a' }, { kind: 'interpolation', expression: ref('var', attr('x')) }, { kind: 'text', text: 'b' }],
    });
  });
});

describe('parse errors', () => {
  const cases: [text: string, column: number, message: RegExp][] = [
    ['${var.}', 7, /Expected an attribute name after "\." but found "}"/],
    ['${', 3, /Expected an expression but found the end of the text/],
    ['abc ${var.x', 12, /Expected "}" to close the "\$\{" at column 5 but found the end of the text/],
    ['${f(a b)}', 7, /Expected "," or "\)" in the arguments of f\(\) but found "b"/],
    ['${[1, 2}', 8, /Expected "," or "\]" in the list but found "}"/],
    ['${{a 1}}', 6, /Expected "=" or ":" after the object key but found "1"/],
    ['${"abc}', 8, /Expected a closing quote/],
    ['${"\\q"}', 4, /Expected an escape/],
    ['${var.x @}', 9, /Unexpected character "@"/],
    ['${a ? b}', 8, /Expected ":" between the two results of a conditional/],
    ['${1 2}', 5, /Expected "}" to close/],
  ];
  it.each(cases)('%s fails at column %i', (text, column, message) => {
    const error = thrown(() => parseTemplate(text));
    expect(error).toMatchObject({ name: 'ExpressionError', code: 'syntax', text, column, line: 1, position: column - 1 });
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`column ${column} of ${JSON.stringify(text)}`);
  });

  it('names line and column in multi-line text', () => {
    const error = thrown(() => parseTemplate('${merge(\n  local.a,\n  @)}'));
    expect(error).toMatchObject({ line: 3, column: 3 });
    expect(error.message).toContain('line 3, column 3 of');
  });

  it('says what is unsupported instead of failing on syntax', () => {
    expect(thrown(() => parseTemplate('${var.n + 1}'))).toMatchObject({ code: 'unsupported', message: expect.stringMatching(/^Operator "\+" is not supported/) });
    expect(thrown(() => parseTemplate('${!var.b}'))).toMatchObject({ code: 'unsupported', message: expect.stringMatching(/^Operator "!" is not supported/) });
    expect(thrown(() => parseTemplate('${lifeboat_backup.b[*].id}'))).toMatchObject({ code: 'unsupported', message: expect.stringMatching(/^Splat expressions/) });
    expect(thrown(() => parseTemplate('${lifeboat_backup.b.*.id}'))).toMatchObject({ code: 'unsupported', message: expect.stringMatching(/^Splat expressions/) });
    expect(thrown(() => parseTemplate('${[for s in var.l : s]}'))).toMatchObject({ code: 'unsupported', message: expect.stringMatching(/^"for" expressions/) });
    expect(thrown(() => parseTemplate('%{ if var.x }y%{ endif }'))).toMatchObject({ code: 'unsupported', column: 1, message: expect.stringMatching(/^Template directives/) });
  });

  it('refuses nesting deep enough to exhaust the stack', () => {
    expect(thrown(() => parseExpression('['.repeat(10_000)))).toMatchObject({ code: 'syntax', message: expect.stringMatching(/nested deeper than 64 levels/) });
  });

  it('rejects trailing text after a bare expression', () => {
    expect(thrown(() => parseExpression('var.a var.b'))).toMatchObject({ code: 'syntax', column: 7, expected: 'the end of the expression' });
  });

  it('quotes long text around the position only', () => {
    const text = `${'x'.repeat(300)}\${var.}${'y'.repeat(300)}`;
    const error = thrown(() => parseTemplate(text));
    expect(error.message.length).toBeLessThan(250);
    expect(error.message).toContain('…');
    expect(error.text).toBe(text);
  });
});
