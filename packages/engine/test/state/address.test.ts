import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstanceAddress, InvalidAddressError, parseInstanceAddress, type InstanceAddress } from '../../src/state/index.js';

describe('instance addresses', () => {
  it.each<[string, InstanceAddress]>([
    ['lifeboat_backup.nightly', { mode: 'managed', type: 'lifeboat_backup', name: 'nightly' }],
    ['lifeboat_backup.b[0]', { mode: 'managed', type: 'lifeboat_backup', name: 'b', key: 0 }],
    ['lifeboat_backup.b[12]', { mode: 'managed', type: 'lifeboat_backup', name: 'b', key: 12 }],
    ['lifeboat_backup.b["eu-west"]', { mode: 'managed', type: 'lifeboat_backup', name: 'b', key: 'eu-west' }],
    ['lifeboat_backup.b["0"]', { mode: 'managed', type: 'lifeboat_backup', name: 'b', key: '0' }],
    ['data.lifeboat_latest_backup.latest', { mode: 'data', type: 'lifeboat_latest_backup', name: 'latest' }],
    ['data.lifeboat_cluster.c["a"]', { mode: 'data', type: 'lifeboat_cluster', name: 'c', key: 'a' }],
    ['lifeboat_copy_policy.to-dr_2', { mode: 'managed', type: 'lifeboat_copy_policy', name: 'to-dr_2' }],
  ])('parses %s', (text, address) => {
    expect(parseInstanceAddress(text)).toEqual(address);
    expect(formatInstanceAddress(address)).toBe(text);
  });

  it('round-trips keys with quotes, backslashes, brackets, dots, newlines and non-ASCII', () => {
    for (const key of ['a"b', 'back\\slash', 'x]["y', 'dotted.key', 'line\nbreak', 'tab\t', 'ünïcødé ☃', '', ' ', '${var.x}', '[0]']) {
      const address: InstanceAddress = { mode: 'managed', type: 'lifeboat_backup', name: 'b', key };
      const text = formatInstanceAddress(address);
      expect(parseInstanceAddress(text)).toEqual(address);
    }
    expect(formatInstanceAddress({ mode: 'managed', type: 't', name: 'n', key: 'a"b\\c' })).toBe('t.n["a\\"b\\\\c"]');
  });

  it('round-trips any key (property)', () => {
    const address = fc.record(
      {
        mode: fc.constantFrom('managed' as const, 'data' as const),
        type: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,12}$/).filter((type) => type !== 'data'),
        name: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,12}$/),
        key: fc.oneof(fc.nat(), fc.string({ unit: 'binary' })),
      },
      { requiredKeys: ['mode', 'type', 'name'] },
    );
    fc.assert(
      fc.property(address, (value) => {
        expect(parseInstanceAddress(formatInstanceAddress(value))).toEqual(value);
      }),
    );
  });

  it.each([
    ['', 'not of the form type.name'],
    ['lifeboat_backup', 'not of the form type.name'],
    ['lifeboat_backup.b.c', 'not of the form type.name'],
    ['1type.name', 'not of the form type.name'],
    ['data.lifeboat_cluster', 'data source'],
    ['module.m.lifeboat_backup.b', 'not of the form type.name'],
    ['lifeboat_backup.b[-1]', 'neither a whole number nor a quoted string'],
    ['lifeboat_backup.b[01]', 'neither a whole number nor a quoted string'],
    ['lifeboat_backup.b[key]', 'neither a whole number nor a quoted string'],
    ['lifeboat_backup.b["a"]["b"]', 'not one quoted string'],
    ['lifeboat_backup.b["unterminated]', 'not one quoted string'],
    ['lifeboat_backup.b[99999999999999999999]', 'too large'],
  ])('refuses %j with a message that says why', (text, problem) => {
    expect(() => parseInstanceAddress(text)).toThrow(InvalidAddressError);
    expect(() => parseInstanceAddress(text)).toThrow(problem);
  });
});
