import { describe, expect, it } from 'vitest';
import { checkExpressions } from '../../src/expressions/index.js';

describe('checkExpressions', () => {
  it('finds nothing wrong with good configuration', () => {
    expect(checkExpressions({ a: '${lookup(var.m, "k", 1)}', b: ['${concat(var.l...)}', 'plain'], c: 3 })).toEqual([]);
  });

  it('collects every problem at once, each with its place', () => {
    const problems = checkExpressions({
      name: '${upper(var.name)}',
      tags: ['${lookup(var.m)}', '${var.}', '${count.value}', 'ok-${var.x}'],
      '${trimspace(var.k)}': 1,
    });
    expect(problems.map((problem) => [problem.code, problem.jsonPath, problem.functionName])).toEqual([
      ['unsupported', ['name'], 'upper'],
      ['call', ['tags', 0], 'lookup'],
      ['syntax', ['tags', 1], undefined],
      ['reference', ['tags', 2], undefined],
      ['unsupported', ['${trimspace(var.k)}'], 'trimspace'],
    ]);
    expect(problems[0]?.message).toBe(
      'Function "upper" is not supported; the supported functions are concat, element, format, join, length, lookup, merge, tolist, tomap, toset (column 3 of "${upper(var.name)}" at name)',
    );
  });

  it('reports several problems in one string', () => {
    expect(checkExpressions('${upper(lower(var.x))}').map((problem) => problem.functionName)).toEqual(['upper', 'lower']);
  });
});
