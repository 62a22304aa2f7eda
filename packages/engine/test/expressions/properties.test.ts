import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateTemplate, isExpressionError, parseExpression, parseTemplate, referencesOf, type JsonValue } from '../../src/expressions/index.js';
import { emptyScope } from './scope.js';

/** Strings that hold no template syntax: no `${` and no `%{` (a directive, which is an error). */
const plainString = fc
  .oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 })).filter((text) => !text.includes('${') && !text.includes('%{'));
const plainStringWithSigils = fc
  .array(fc.constantFrom('$', '%', '{', '}', '"', '\\', '$$', '%%', 'a', ' ', '\n', 'é', '😀'), { maxLength: 30 })
  .map((parts) => parts.join(''))
  .filter((text) => !text.includes('${') && !text.includes('%{'));
const plainJson: fc.Arbitrary<JsonValue> = fc
  .jsonValue({ stringUnit: 'binary' })
  .map((v) => JSON.parse(JSON.stringify(v)) as JsonValue)
  .filter((value) => !JSON.stringify(value).includes('${') && !JSON.stringify(value).includes('%{'));

/** Pieces that reach every corner of the grammar, glued at random. */
const grammarSoup = fc
  .array(
    fc.constantFrom('${', '$${', '%{', '%%{', '}', '{', '[', ']', '(', ')', '"', '\\"', '\\', '.', ',', ':', '=', '==', '?', '~', '...', '*', '-', '!', 'var', '.x', 'lookup(', 'toset(', 'for', ' ', '\n', '0', '1.5', 'e9', '\\u00', 'true', 'null', '#', '@', '𝔘'),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

function onlyExpressionErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!isExpressionError(error)) throw error;
    expect(error.message).toMatch(/\((line \d+, )?column \d+ of |\(in /);
  }
}

describe('properties', () => {
  it('returns a string without ${ unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(plainString, plainStringWithSigils), (text) => {
        expect(evaluateTemplate(text, emptyScope)).toBe(text);
        expect(referencesOf(text)).toEqual([]);
      }),
    );
  });

  it('returns JSON without expressions unchanged', () => {
    fc.assert(
      fc.property(plainJson, (value) => {
        expect(evaluate(value, emptyScope)).toEqual(value);
      }),
    );
  });

  it('returns a JSON value written as an HCL literal unchanged through "${…}"', () => {
    const hclString = (text: string): string =>
      `"${[...text]
        .map((ch) => {
          if (ch === '"' || ch === '\\') return `\\${ch}`;
          const code = ch.codePointAt(0) ?? 0;
          return code < 0x20 || (code >= 0xd800 && code <= 0xdfff) ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
        })
        .join('')
        .replaceAll('${', '$${')
        .replaceAll('%{', '%%{')}"`;
    const toHcl = (value: JsonValue): string => {
      if (Array.isArray(value)) return `[${(value as readonly JsonValue[]).map(toHcl).join(', ')}]`;
      if (typeof value === 'object' && value !== null) return `{${Object.entries(value).map(([key, item]) => `${hclString(key)} = ${toHcl(item)}`).join(', ')}}`;
      if (typeof value === 'string') return hclString(value);
      return JSON.stringify(value);
    };
    fc.assert(
      // Through JSON first: fast-check can produce -0, which JSON (and so a configuration) cannot hold.
      fc.property(fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }).map((v) => JSON.parse(JSON.stringify(v)) as JsonValue), (value) => {
        expect(evaluateTemplate(`\${${toHcl(value)}}`, emptyScope)).toEqual(value);
      }),
    );
  });

  it('throws nothing but ExpressionError on random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), grammarSoup), (text) => {
        onlyExpressionErrors(() => parseTemplate(text));
        onlyExpressionErrors(() => parseExpression(text));
        onlyExpressionErrors(() => parseTemplate(`\${${text}}`));
      }),
      { numRuns: 2000 },
    );
  });

  it('throws nothing but ExpressionError when evaluating random text against any scope', () => {
    const anything = { resolve: () => ({ a: [1, 'x', null], b: { c: true } }) };
    fc.assert(
      fc.property(grammarSoup, (text) => {
        onlyExpressionErrors(() => evaluateTemplate(text, anything));
        onlyExpressionErrors(() => referencesOf(text));
      }),
      { numRuns: 2000 },
    );
  });
});
