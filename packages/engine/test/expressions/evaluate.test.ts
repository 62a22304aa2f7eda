import { describe, expect, it } from 'vitest';
import { evaluate, evaluateTemplate, ExpressionError, type Value } from '../../src/expressions/index.js';
import { emptyScope, scopeOf } from './scope.js';

const scope = scopeOf({
  'lifeboat_backup_policy.nightly': { cluster_id: 'c-1', retention_days: 7 },
  'lifeboat_backup.b': { x: { backup_id: 'b-x' }, y: { backup_id: 'b-y' } },
  'data.lifeboat_latest_backup.dr': { backup_id: 'b-latest', size_bytes: 1024 },
  'var.env': 'prod',
  'var.name': 'daily',
  'var.clusters': ['c-2', 'c-1', 'c-2'],
  'var.regions': { eu: 'eu-central-1', us: 'us-east-1' },
  'var.days': ['mon', 'wed'],
  'var.list': [10, 20, 30],
  'var.a': ['a'],
  'var.map': { k: 'v', 'odd key': 'odd' },
  'var.enabled': true,
  'var.nothing': null,
  'local.a': { x: 0, y: 2 },
  'local.ids': ['id-0', 'id-1'],
  'local.list': [{ name: 'first' }, { name: 'second' }],
  'each.value': { id: 'e-1' },
  'each.key': 'x',
  'count.index': 7,
  'path.module': '/stack',
});

function thrown(run: () => unknown): ExpressionError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error('expected an ExpressionError');
}

describe('the forms CDKTF emits', () => {
  const cases: [text: string, expected: Value][] = [
    ['${lifeboat_backup_policy.nightly.cluster_id}', 'c-1'],
    ['prefix-${var.env}-${count.index}', 'prefix-prod-7'],
    ['${toset(var.clusters)}', ['c-1', 'c-2']],
    ['${lookup(var.regions, "eu", "local-2")}', 'eu-central-1'],
    ['${lookup(var.regions, "ap", "local-2")}', 'local-2'],
    ['${data.lifeboat_latest_backup.dr.backup_id}', 'b-latest'],
    ['${each.value.id}', 'e-1'],
    ['${element(local.ids, 0)}', 'id-0'],
    ['${join(",", var.days)}', 'mon,wed'],
    ['${format("%s-%02d", var.name, count.index)}', 'daily-07'],
    ['${merge(local.a, {x = 1})}', { x: 1, y: 2 }],
    ['${concat(var.a, ["b"])}', ['a', 'b']],
    ['${length(var.list)}', 3],
    ['$${literal}', '${literal}'],
    ['${tolist(toset(["a", "b"]))}', ['a', 'b']],
    ['${lifeboat_backup.b["x"].backup_id}', 'b-x'],
    ['${lifeboat_backup.b[each.key].backup_id}', 'b-x'],
    ['${var.map["k"]}', 'v'],
    ['${var.map["odd key"]}', 'odd'],
    ['${local.list[0].name}', 'first'],
    ['${local.list.1.name}', 'second'],
    ['${path.module}/files', '/stack/files'],
    ['${tolist(var.days)[1]}', 'wed'],
    ['${{a = {b = [1, 2]}}.a.b[1]}', 2],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(evaluateTemplate(text, scope)).toEqual(expected);
  });
});

describe('templates', () => {
  it('keeps the type of a string that is exactly one interpolation', () => {
    expect(evaluateTemplate('${var.list}', scope)).toEqual([10, 20, 30]);
    expect(evaluateTemplate('${var.regions}', scope)).toEqual({ eu: 'eu-central-1', us: 'us-east-1' });
    expect(evaluateTemplate('${count.index}', scope)).toBe(7);
    expect(evaluateTemplate('${var.enabled}', scope)).toBe(true);
    expect(evaluateTemplate('${var.nothing}', scope)).toBeNull();
    expect(evaluateTemplate('${1.5}', emptyScope)).toBe(1.5);
  });

  it('makes a string when there is any text around the interpolation', () => {
    expect(evaluateTemplate(' ${count.index}', scope)).toBe(' 7');
    expect(evaluateTemplate('${count.index}${count.index}', scope)).toBe('77');
  });

  it('writes numbers and bools the way Terraform does', () => {
    expect(evaluateTemplate('n=${1.5} b=${true} big=${1e21} small=${0.0000001} neg=${-3}', emptyScope)).toBe('n=1.5 b=true big=1000000000000000000000 small=0.0000001 neg=-3');
  });

  it('refuses lists, maps and null inside a string', () => {
    expect(thrown(() => evaluateTemplate('days: ${var.days}', scope))).toMatchObject({ code: 'type', column: 9, message: expect.stringMatching(/^Cannot put a list into a string template; use join\(\)/) });
    expect(thrown(() => evaluateTemplate('r: ${var.regions}', scope))).toMatchObject({ code: 'type', message: expect.stringMatching(/^Cannot put a map/) });
    expect(thrown(() => evaluateTemplate('x-${var.nothing}', scope))).toMatchObject({ code: 'type', message: expect.stringMatching(/^Cannot put null/) });
  });

  it('evaluates quoted templates inside expressions', () => {
    expect(evaluateTemplate('${join("/", ["a-${var.env}", "${count.index}"])}', scope)).toBe('a-prod/7');
    expect(evaluateTemplate('${lookup(var.regions, "${"e"}u")}', scope)).toBe('eu-central-1');
  });

  it('returns text with lone $, % and braces untouched', () => {
    const text = 'cost: $5, 100% {braces} $ {x} % {y} $$ %% \\n "quoted"';
    expect(evaluateTemplate(text, emptyScope)).toBe(text);
    expect(evaluateTemplate(`${text}\${"!"}`, emptyScope)).toBe(`${text}!`);
  });
});

describe('conditionals and equality', () => {
  it('chooses a branch by a bool', () => {
    expect(evaluateTemplate('${var.enabled ? "on" : "off"}', scope)).toBe('on');
    expect(evaluateTemplate('${var.env == "dev" ? 1 : 3}', scope)).toBe(3);
    expect(evaluateTemplate('${var.env != "dev"}', scope)).toBe(true);
    expect(evaluateTemplate('${var.list == [10, 20, 30]}', scope)).toBe(true);
    expect(evaluateTemplate('${1 == "1"}', emptyScope)).toBe(false);
  });

  it('evaluates only the chosen branch', () => {
    expect(evaluateTemplate('${var.nothing != null ? var.nothing.name : "none"}', scope)).toBe('none');
  });

  it('refuses a condition that is not a bool', () => {
    expect(thrown(() => evaluateTemplate('${var.list ? 1 : 2}', scope))).toMatchObject({ code: 'type', column: 3, message: expect.stringMatching(/The condition must be a bool, got a list/) });
  });
});

describe('attribute and index steps', () => {
  it('names a missing attribute, where it was looked for, and what there is', () => {
    const error = thrown(() => evaluateTemplate('${lifeboat_backup.b["x"].backup_idd}', scope));
    expect(error).toMatchObject({ code: 'missing', column: 25 });
    expect(error.reason).toBe('lifeboat_backup.b["x"] has no attribute "backup_idd"; it has backup_id');
  });

  it('names a missing map key', () => {
    expect(thrown(() => evaluateTemplate('${var.map["nope"]}', scope)).reason).toBe('var.map has no key "nope"');
    expect(thrown(() => evaluateTemplate('${lifeboat_backup.b["z"].backup_id}', scope)).reason).toBe('lifeboat_backup.b has no key "z"');
  });

  it('does not find inherited properties such as constructor', () => {
    expect(thrown(() => evaluateTemplate('${var.map.constructor}', scope))).toMatchObject({ code: 'missing' });
    expect(thrown(() => evaluateTemplate('${var.map["__proto__"]}', scope))).toMatchObject({ code: 'missing' });
  });

  it('refuses an index out of range', () => {
    expect(thrown(() => evaluateTemplate('${var.list[3]}', scope))).toMatchObject({ code: 'missing', reason: 'Index 3 is out of range for var.list, which has 3 elements' });
    expect(thrown(() => evaluateTemplate('${var.list[-1]}', scope))).toMatchObject({ code: 'missing' });
    expect(thrown(() => evaluateTemplate('${var.list[0.5]}', scope))).toMatchObject({ code: 'type', reason: 'A list index must be a whole number, got 0.5' });
  });

  it('accepts a numeric string as a list index, as Terraform converts it', () => {
    expect(evaluateTemplate('${var.list["1"]}', scope)).toBe(20);
  });

  it('explains attributes read from a list or a string', () => {
    expect(thrown(() => evaluateTemplate('${local.list.name}', scope)).reason).toBe('local.list is a list, so it has no attribute "name"; index it first, e.g. local.list[0].name');
    expect(thrown(() => evaluateTemplate('${var.env.name}', scope)).reason).toBe('var.env is a string, so it has no attribute "name"');
    expect(thrown(() => evaluateTemplate('${var.env[0]}', scope)).reason).toBe('Cannot index a string (var.env)');
    expect(thrown(() => evaluateTemplate('${(local.list)[5]}', scope)).reason).toBe('Index 5 is out of range for (local.list), which has 2 elements');
  });

  it('asks the scope for the address and leaves the steps to the evaluator', () => {
    const recording = scopeOf({ 'lifeboat_backup.b': { x: { backup_id: 'b-x' } }, 'each.key': 'x' });
    expect(evaluateTemplate('${lifeboat_backup.b[each.key].backup_id}', recording)).toBe('b-x');
    expect(recording.requests).toEqual([
      { root: 'each', address: 'each.key', steps: [], text: 'each.key' },
      {
        root: 'resource',
        address: 'lifeboat_backup.b',
        steps: [
          { kind: 'index', key: 'x' },
          { kind: 'attr', name: 'backup_id' },
        ],
        text: 'lifeboat_backup.b[each.key].backup_id',
      },
    ]);
  });

  it('lets errors from the scope through unchanged', () => {
    const failure = new Error('state is locked');
    const failing = {
      resolve: () => {
        throw failure;
      },
    };
    expect(() => evaluate({ a: ['${var.x}'] }, failing)).toThrow(failure);
  });

  it('reports malformed references', () => {
    expect(thrown(() => evaluateTemplate('${var}', emptyScope))).toMatchObject({ code: 'reference', reason: '"var" must be followed by a name: var.<name>' });
    expect(thrown(() => evaluateTemplate('${data.lifeboat_latest_backup}', emptyScope))).toMatchObject({ code: 'reference' });
    expect(thrown(() => evaluateTemplate('${each.item}', emptyScope))).toMatchObject({ code: 'reference' });
    expect(thrown(() => evaluateTemplate('${count.value}', emptyScope))).toMatchObject({ code: 'reference' });
    expect(thrown(() => evaluateTemplate('${path.x}', emptyScope))).toMatchObject({ code: 'reference' });
    expect(thrown(() => evaluateTemplate('${nightly}', emptyScope)).reason).toMatch(/^Unknown name "nightly": a reference is var.<name>/);
  });
});

describe('object literals', () => {
  it('builds maps from literal, quoted and computed keys', () => {
    expect(evaluateTemplate('${{a = 1, "b c" = 2, d: 3, (var.env) = 4, "k-${count.index}" = 5}}', scope)).toEqual({ a: 1, 'b c': 2, d: 3, prod: 4, 'k-7': 5 });
  });

  it('refuses duplicate and non-string keys', () => {
    expect(thrown(() => evaluateTemplate('${{a = 1, a = 2}}', emptyScope))).toMatchObject({ code: 'syntax', reason: 'Duplicate key "a" in the object' });
    expect(thrown(() => evaluateTemplate('${{(null) = 1}}', emptyScope))).toMatchObject({ code: 'type' });
  });

  it('keeps a __proto__ key as an ordinary key', () => {
    const result = evaluateTemplate('${{"__proto__" = 1}}', emptyScope) as Record<string, Value>;
    expect(Object.keys(result)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });
});

describe('evaluate over JSON', () => {
  it('walks objects and arrays and leaves other values alone', () => {
    const config = {
      cluster_id: '${lifeboat_backup_policy.nightly.cluster_id}',
      retention: { days: '${lifeboat_backup_policy.nightly.retention_days}', tags: ['t-${var.env}', 3, true, null] },
      count: 2,
      enabled: false,
      nothing: null,
    };
    expect(evaluate(config, scope)).toEqual({
      cluster_id: 'c-1',
      retention: { days: 7, tags: ['t-prod', 3, true, null] },
      count: 2,
      enabled: false,
      nothing: null,
    });
  });

  it('evaluates object keys as templates, as HCL JSON does', () => {
    expect(evaluate({ '${var.env}-key': 1, '$${raw}': 2 }, scope)).toEqual({ 'prod-key': 1, '${raw}': 2 });
  });

  it('does not share structure with its input', () => {
    const input = { tags: ['a'] };
    const output = evaluate(input, emptyScope) as { tags: string[] };
    expect(output).toEqual(input);
    expect(output.tags).not.toBe(input.tags);
  });

  it('says where in the JSON tree a failing string is', () => {
    const error = thrown(() => evaluate({ resource: { tags: [{ owner: 'x' }, { owner: '${upper(var.name)}' }] } }, scope));
    expect(error).toMatchObject({ code: 'unsupported', functionName: 'upper', jsonPath: ['resource', 'tags', 1, 'owner'] });
    expect(error.message).toContain('at resource.tags[1].owner');
  });
});
