import { describe, expect, it } from 'vitest';
import { evaluateTemplate, ExpressionError, supportedFunctions, type Value } from '../../src/expressions/index.js';
import { scopeOf } from './scope.js';

const scope = scopeOf({
  'var.strings': ['b', 'a', 'c', 'a', 'B', 'é', 'z'],
  'var.numbers': [10, 2, 2, 1, -3, 1.5],
  'var.bools': [true, false, true],
  'var.mixed': ['a', 1, true],
  'var.objects': [{ n: 1 }, { n: 2 }, { n: 1 }],
  'var.map': { a: 1, b: 2 },
  'var.other': { b: 20, c: 30 },
  'var.list': ['x', 'y', 'z'],
  'var.empty': [],
  'var.with_null': ['a', null],
  'var.nested': [['a'], ['b']],
  'var.lists': [['a'], ['b', 'c']],
  'var.null': null,
  'var.emoji': '👍🏽 ok',
});
const run = (text: string): Value => evaluateTemplate(text, scope);

function thrown(text: string): ExpressionError {
  try {
    run(text);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to fail`);
}

describe('toset', () => {
  it('dedupes and sorts strings by code point, as Terraform does', () => {
    expect(run('${toset(var.strings)}')).toEqual(['B', 'a', 'b', 'c', 'z', 'é']);
  });

  it('sorts numbers numerically and bools false first', () => {
    expect(run('${toset(var.numbers)}')).toEqual([-3, 1, 1.5, 2, 10]);
    expect(run('${toset(var.bools)}')).toEqual([false, true]);
  });

  it('turns mixed primitives into strings, as Terraform unifies them', () => {
    expect(run('${toset(var.mixed)}')).toEqual(['1', 'a', 'true']);
    expect(run('${toset(["1", 1])}')).toEqual(['1']);
  });

  it('dedupes lists and maps structurally, keeping first-seen order', () => {
    expect(run('${toset(var.objects)}')).toEqual([{ n: 1 }, { n: 2 }]);
    expect(run('${toset([{a = 1, b = 2}, {b = 2, a = 1}])}')).toEqual([{ a: 1, b: 2 }]);
  });

  it('passes null through and refuses null elements, maps and strings', () => {
    expect(run('${toset(var.null)}')).toBeNull();
    expect(run('${toset([])}')).toEqual([]);
    expect(thrown('${toset(var.with_null)}').reason).toBe('toset(): element 1 is null; a set cannot contain null');
    expect(thrown('${toset(var.map)}').reason).toBe('toset(): cannot convert a map to a set');
    expect(thrown('${toset("abc")}').code).toBe('call');
    expect(thrown('${toset([1, true])}').reason).toBe('toset(): all elements must have one type, but there are numbers and bools');
  });
});

describe('tolist and tomap', () => {
  it('tolist keeps order and duplicates', () => {
    expect(run('${tolist(var.numbers)}')).toEqual([10, 2, 2, 1, -3, 1.5]);
    expect(run('${tolist(var.mixed)}')).toEqual(['a', '1', 'true']);
    expect(run('${tolist(var.null)}')).toBeNull();
    expect(thrown('${tolist(var.map)}').reason).toBe('tolist(): cannot convert a map to a list');
    expect(thrown('${tolist([["a"], "b"])}').code).toBe('call');
  });

  it('tomap keeps keys and unifies values', () => {
    expect(run('${tomap({a = 1, b = "x"})}')).toEqual({ a: '1', b: 'x' });
    expect(run('${tomap(var.map)}')).toEqual({ a: 1, b: 2 });
    expect(run('${tomap(var.null)}')).toBeNull();
    expect(thrown('${tomap(var.list)}').reason).toBe('tomap(): cannot convert a list to a map');
  });
});

describe('lookup', () => {
  it('finds a key, with or without a default', () => {
    expect(run('${lookup(var.map, "a")}')).toBe(1);
    expect(run('${lookup(var.map, "a", 0)}')).toBe(1);
  });

  it('returns the default for a missing key', () => {
    expect(run('${lookup(var.map, "zz", "fallback")}')).toBe('fallback');
    expect(run('${lookup(var.map, "zz", null)}')).toBeNull();
  });

  it('fails for a missing key without a default, saying how to fix it', () => {
    const error = thrown('${lookup(var.map, "zz")}');
    expect(error).toMatchObject({ code: 'call', functionName: 'lookup', column: 3 });
    expect(error.reason).toBe('lookup(): the map has no key "zz" and no default was given; pass one as the third argument');
  });

  it('converts a number key to a string and refuses a list', () => {
    expect(run('${lookup({"1" = "one"}, 1)}')).toBe('one');
    expect(thrown('${lookup(var.list, "a")}').reason).toBe('lookup(): the first argument must be a map, got a list; for a list use element() or an index');
  });

  it('does not find inherited properties', () => {
    expect(run('${lookup(var.map, "toString", "none")}')).toBe('none');
  });
});

describe('element', () => {
  it('indexes a list', () => {
    expect(run('${element(var.list, 1)}')).toBe('y');
  });

  it('wraps around past the end, as Terraform does', () => {
    expect(run('${element(var.list, 3)}')).toBe('x');
    expect(run('${element(var.list, 7)}')).toBe('y');
    expect(run('${element(var.list, "2")}')).toBe('z');
  });

  it('refuses negative and fractional indexes and empty lists', () => {
    expect(thrown('${element(var.list, -1)}').reason).toBe('element(): the index must not be negative, got -1');
    expect(thrown('${element(var.list, 1.5)}').reason).toBe('element(): the index must be a whole number, got 1.5');
    expect(thrown('${element(var.empty, 0)}').reason).toBe('element(): cannot take an element of an empty list');
    expect(thrown('${element(var.map, 0)}').reason).toBe('element(): the first argument must be a list, got a map');
  });
});

describe('length', () => {
  it('counts list elements, map keys and string characters', () => {
    expect(run('${length(var.list)}')).toBe(3);
    expect(run('${length(var.empty)}')).toBe(0);
    expect(run('${length(var.map)}')).toBe(2);
    expect(run('${length("abc")}')).toBe(3);
  });

  it('counts what users see as one character as one, as Terraform does', () => {
    expect(run('${length(var.emoji)}')).toBe(4);
  });

  it('refuses numbers, bools and null', () => {
    expect(thrown('${length(5)}').reason).toBe('length(): needs a string, list or map, got a number');
    expect(thrown('${length(var.null)}').reason).toBe('length(): needs a string, list or map, got null');
  });
});

describe('join', () => {
  it('joins strings, numbers and bools, across several lists', () => {
    expect(run('${join(",", var.list)}')).toBe('x,y,z');
    expect(run('${join("-", [1, true, "a"])}')).toBe('1-true-a');
    expect(run('${join(", ", var.list, ["w"])}')).toBe('x, y, z, w');
    expect(run('${join(",", var.empty)}')).toBe('');
  });

  it('refuses null elements, nested lists and non-lists', () => {
    expect(thrown('${join(",", var.with_null)}').reason).toBe('join(): element 1 of the list is null; join() needs strings');
    expect(thrown('${join(",", var.nested)}').reason).toBe('join(): element 0 of the list must be a string, got a list');
    expect(thrown('${join(",", "abc")}').reason).toBe('join(): argument 2 must be a list, got a string');
  });
});

describe('format', () => {
  const cases: [text: string, expected: string][] = [
    ['${format("%s-%02d", "db", 7)}', 'db-07'],
    ['${format("%s", 1.5)}', '1.5'],
    ['${format("%s %s", true, "x")}', 'true x'],
    ['${format("%d", 42)}', '42'],
    ['${format("%d", "42")}', '42'],
    ['${format("%5d|%-5d|%05d", 42, 42, -42)}', '   42|42   |-0042'],
    ['${format("%+d % d", 5, 5)}', '+5  5'],
    ['${format("%d", 9007199254740993)}', '9007199254740992'],
    ['${format("%v %v %v %v", "s", 1, false, null)}', 's 1 false null'],
    ['${format("%v", ["a", 1])}', '["a",1]'],
    ['${format("%v", {b = 1, a = [true]})}', '{"a":[true],"b":1}'],
    ['${format("%q", "say \\"hi\\"")}', '"say \\"hi\\""'],
    ['${format("%q", 5)}', '"5"'],
    ['${format("100%% of %s", "it")}', '100% of it'],
    ['${format("%.2f|%f|%8.3f", 3.14159, 2, -1.5)}', '3.14|2.000000|  -1.500'],
    ['${format("%t", true)}', 'true'],
    ['${format("%x %X", 255, 255)}', 'ff FF'],
    ['${format("[%6s][%-6s][%.2s]", "ab", "ab", "abcd")}', '[    ab][ab    ][ab]'],
    ['${format("no verbs")}', 'no verbs'],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it('refuses too few or too many arguments', () => {
    expect(thrown('${format("%s-%s", "a")}').reason).toBe('format(): "%s" at offset 3 has no argument: there are 2 verbs but only 1 arguments');
    expect(thrown('${format("%s", "a", "b")}').reason).toBe('format(): 1 more argument(s) than verbs in the format string "%s"');
  });

  it('refuses values of the wrong kind for a verb', () => {
    expect(thrown('${format("%d", 1.5)}').reason).toBe('format(): the argument for %d (argument 2) must be a whole number, got 1.5');
    expect(thrown('${format("%d", "x")}').reason).toBe('format(): the argument for %d (argument 2) must be a number, got "x"');
    expect(thrown('${format("%s", ["a"])}').reason).toBe('format(): the argument for %s (argument 2) must be a string, got a list');
    expect(thrown('${format("%t", 1)}').reason).toBe('format(): the argument for %t (argument 2) must be a bool, got a number');
  });

  it('names an unsupported verb and lists the supported ones', () => {
    expect(thrown('${format("%e", 1)}').reason).toBe('format(): unsupported verb "%e" at offset 0; the supported verbs are %v %s %q %d %f %t %x %X %%');
    expect(thrown('${format("50%")}').reason).toBe('format(): the format string ends in the middle of a verb ("%")');
  });
});

describe('concat', () => {
  it('joins lists in order, keeping duplicates', () => {
    expect(run('${concat(var.list, ["x"], var.empty)}')).toEqual(['x', 'y', 'z', 'x']);
    expect(run('${concat()}')).toEqual([]);
    expect(run('${concat(var.lists...)}')).toEqual(['a', 'b', 'c']);
  });

  it('refuses anything but lists', () => {
    expect(thrown('${concat(var.list, "a")}').reason).toBe('concat(): argument 2 must be a list, got a string');
    expect(thrown('${concat(var.null)}').reason).toBe('concat(): argument 1 must be a list, got null');
  });
});

describe('merge', () => {
  it('lets later maps win', () => {
    expect(run('${merge(var.map, var.other)}')).toEqual({ a: 1, b: 20, c: 30 });
    expect(run('${merge(var.other, var.map)}')).toEqual({ a: 1, b: 2, c: 30 });
    expect(run('${merge(var.map, {a = "x"}, {a = "y"})}')).toEqual({ a: 'y', b: 2 });
  });

  it('skips null arguments and merges nothing into an empty map', () => {
    expect(run('${merge(var.null, var.map)}')).toEqual({ a: 1, b: 2 });
    expect(run('${merge()}')).toEqual({});
  });

  it('is shallow, as in Terraform', () => {
    expect(run('${merge({a = {x = 1}}, {a = {y = 2}})}')).toEqual({ a: { y: 2 } });
  });

  it('refuses lists', () => {
    expect(thrown('${merge(var.map, var.list)}').reason).toBe('merge(): argument 2 must be a map, got a list');
  });
});

describe('calls in general', () => {
  it('names an unsupported function and lists the supported ones', () => {
    const error = thrown('name-${upper(var.list[0])}');
    expect(error).toMatchObject({ code: 'unsupported', functionName: 'upper', column: 8 });
    expect(error.reason).toBe('Function "upper" is not supported; the supported functions are concat, element, format, join, length, lookup, merge, tolist, tomap, toset');
    expect(supportedFunctions).toEqual(['concat', 'element', 'format', 'join', 'length', 'lookup', 'merge', 'tolist', 'tomap', 'toset']);
  });

  it('does not treat inherited names as functions', () => {
    expect(thrown('${constructor(1)}').code).toBe('unsupported');
    expect(thrown('${toString()}').code).toBe('unsupported');
  });

  it('checks the number of arguments', () => {
    expect(thrown('${lookup(var.map)}').reason).toBe('lookup() takes 2 or 3 arguments (lookup(map, key, default?)), got 1');
    expect(thrown('${length()}').reason).toBe('length() takes 1 argument (length(value)), got 0');
    expect(thrown('${join(",")}').reason).toBe('join() takes at least 2 arguments (join(separator, list, ...)), got 1');
  });

  it('expands a final list argument with ...', () => {
    expect(run('${format("%s-%s", ["a", "b"]...)}')).toBe('a-b');
    expect(thrown('${concat("a"...)}').reason).toBe('Only a list can be expanded with "...", got a string');
  });
});
