import { describe, expect, it } from 'vitest';
import {
  applyJournal,
  emptyState,
  parseState,
  serializeState,
  StateCorruptError,
  type JournalEntry,
  type ResourceInstanceState,
  type StateSnapshot,
} from '../../src/state/index.js';

const provider = 'provider["registry.terraform.io/lifeboat/lifeboat"]';

function instance(attributes: ResourceInstanceState['attributes'], extra: Partial<ResourceInstanceState> = {}): ResourceInstanceState {
  return { schema_version: 0, attributes, sensitive_attributes: [], dependencies: [], ...extra };
}

function put(address: string, attributes: ResourceInstanceState['attributes'], extra: Partial<ResourceInstanceState> = {}): JournalEntry {
  const [, dataPrefix, type = '', name = ''] = /^(data\.)?([^.]+)\.([^.[]+)/.exec(address) ?? [];
  return { kind: 'put-instance', address, resource: { mode: dataPrefix === undefined ? 'managed' : 'data', type, name, provider }, instance: instance(attributes, extra) };
}

/** What Terraform 1.11 writes, with fields the engine does not model. */
const terraformWritten = `{
  "version": 4,
  "terraform_version": "1.11.0",
  "serial": 7,
  "lineage": "5b1f2a4e-0f7c-4d5e-9d3a-3f0c9a1e2b7d",
  "outputs": { "backup_id": { "value": "b-1", "type": "string" } },
  "resources": [
    {
      "mode": "managed",
      "type": "lifeboat_backup",
      "name": "nightly",
      "each": "list",
      "provider": "provider[\\"registry.terraform.io/lifeboat/lifeboat\\"]",
      "instances": [
        {
          "index_key": 0,
          "schema_version": 0,
          "attributes": { "id": "b-1", "cluster_id": "c-1", "tags": { "__proto__": "kept", "team": "db" } },
          "sensitive_attributes": [],
          "private": "bnVsbA==",
          "identity_schema_version": 0
        }
      ]
    }
  ],
  "check_results": [{ "object_kind": "resource", "status": "pass" }]
}
`;

describe('emptyState', () => {
  it('starts at serial 0 with a new lineage each time, version 4, nothing pending', () => {
    const first = emptyState();
    expect(first).toEqual({
      version: 4,
      terraform_version: '1.11.0',
      serial: 0,
      lineage: expect.stringMatching(/^[0-9a-f-]{36}$/),
      outputs: {},
      resources: [],
      pending: [],
      check_results: null,
    });
    expect(emptyState().lineage).not.toBe(first.lineage);
    expect(emptyState('kept-lineage').lineage).toBe('kept-lineage');
  });
});

describe('parseState', () => {
  it('reads a Terraform-written state and keeps the fields it does not model', () => {
    const state = parseState(terraformWritten, 'terraform.tfstate');
    expect(state.serial).toBe(7);
    expect(state.pending).toEqual([]);
    expect(state.check_results).toBeNull();
    const [resource] = state.resources;
    expect(resource).toMatchObject({ type: 'lifeboat_backup', name: 'nightly', each: 'list' });
    expect(resource?.instances[0]).toMatchObject({ index_key: 0, private: 'bnVsbA==', identity_schema_version: 0, dependencies: [] });
    // A "__proto__" key in user data stays data.
    const tags = resource?.instances[0]?.attributes['tags'] as Record<string, unknown>;
    expect(Object.keys(tags)).toEqual(['__proto__', 'team']);
    const again = parseState(serializeState(state), 'again');
    expect(again).toEqual(state);
    expect(serializeState(again)).toContain('"private": "bnVsbA=="');
  });

  it.each([
    ['not JSON', '{"version": 4,', 'not valid JSON'],
    ['an array', '[]', 'not a valid state'],
    ['a missing lineage', JSON.stringify({ ...emptyState(), lineage: undefined }), 'lineage'],
    ['a negative serial', JSON.stringify({ ...emptyState(), serial: -1 }), 'serial'],
    ['a resource without instances', JSON.stringify({ ...emptyState(), resources: [{ mode: 'managed', type: 't', name: 'n', provider }] }), 'resources[0].instances'],
    ['an unknown status', JSON.stringify({ ...emptyState(), resources: [{ mode: 'managed', type: 't', name: 'n', provider, instances: [{ ...instance({}), status: 'broken' }] }] }), 'status'],
    ['a bad pending address', JSON.stringify({ ...emptyState(), pending: [{ address: 'nope', action: 'create', idempotencyKey: 'k', request: {}, startedAt: 'now' }] }), 'pending[0].address'],
    ['a resource twice', JSON.stringify({ ...emptyState(), resources: [1, 2].map(() => ({ mode: 'managed', type: 't', name: 'n', provider, instances: [] })) }), 'resources[1]: a second resource'],
    ['an instance key twice', JSON.stringify({ ...emptyState(), resources: [{ mode: 'managed', type: 't', name: 'n', provider, instances: [{ ...instance({}), index_key: 1 }, { ...instance({}), index_key: 1 }] }] }), 'a second instance'],
    ['a module resource', JSON.stringify({ ...emptyState(), resources: [{ module: 'module.m', mode: 'managed', type: 't', name: 'n', provider, instances: [] }] }), 'modules'],
  ])('refuses %s with StateCorruptError naming the file and the problem', (_, text, problem) => {
    let error: unknown;
    try {
      parseState(text, '/work/terraform.tfstate');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StateCorruptError);
    const corrupt = error as StateCorruptError;
    expect(corrupt.code).toBe('STATE_CORRUPT');
    expect(corrupt.source).toBe('/work/terraform.tfstate');
    expect(corrupt.message).toContain('/work/terraform.tfstate');
    expect(corrupt.message).toContain(problem);
    expect(corrupt.message).toContain('left it unchanged');
  });

  it('says how to upgrade a pre-0.12 state', () => {
    expect(() => parseState(JSON.stringify({ version: 3, serial: 1, lineage: 'x' }), 's')).toThrow(/version 3.*Terraform 0.12/s);
  });
});

describe('serializeState', () => {
  it('writes 2-space JSON with a final newline, known fields in Terraform order and other keys sorted', () => {
    const state = applyJournal({ ...emptyState('l'), serial: 2 }, [put('lifeboat_backup.b', { zeta: 1, alpha: { y: 1, x: 2 } })]);
    const text = serializeState(state);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "version": 4,\n  "terraform_version": "1.11.0",\n  "serial": 2,\n  "lineage": "l",')).toBe(true);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['version', 'terraform_version', 'serial', 'lineage', 'outputs', 'resources', 'check_results', 'pending']);
    expect(text.indexOf('"alpha"')).toBeLessThan(text.indexOf('"zeta"'));
    expect(text.indexOf('"x"')).toBeLessThan(text.indexOf('"y"'));
  });

  it('gives the same bytes for the same state whatever the key insertion order', () => {
    const a = applyJournal(emptyState('l'), [put('t.n', { a: 1, b: { c: 1, d: 2 } })]);
    const b = applyJournal(emptyState('l'), [put('t.n', { b: { d: 2, c: 1 }, a: 1 })]);
    expect(serializeState(a)).toBe(serializeState(b));
  });
});

describe('applyJournal', () => {
  const base: StateSnapshot = { ...emptyState('lineage-1'), serial: 4 };

  it('adds an instance, creating its resource', () => {
    const state = applyJournal(base, [put('lifeboat_backup.b["x"]', { id: 'b-1' })]);
    expect(state.resources).toEqual([
      { mode: 'managed', type: 'lifeboat_backup', name: 'b', provider, instances: [instance({ id: 'b-1' }, { index_key: 'x' })] },
    ]);
  });

  it('replaces the instance at the same address and keeps the others, in key order', () => {
    const state = applyJournal(base, [
      put('lifeboat_backup.b[1]', { id: 'one' }),
      put('lifeboat_backup.b[0]', { id: 'zero' }),
      put('lifeboat_backup.b["0"]', { id: 'string zero' }),
      put('lifeboat_backup.b[1]', { id: 'one again' }, { status: 'tainted' }),
    ]);
    expect(state.resources).toHaveLength(1);
    expect(state.resources[0]?.instances).toEqual([
      instance({ id: 'zero' }, { index_key: 0 }),
      instance({ id: 'one again' }, { index_key: 1, status: 'tainted' }),
      instance({ id: 'string zero' }, { index_key: '0' }),
    ]);
  });

  it('takes the index key from the address, not from the entry', () => {
    const entry = put('lifeboat_backup.b[3]', { id: 'x' }, { index_key: 'wrong' });
    expect(applyJournal(base, [entry]).resources[0]?.instances[0]?.index_key).toBe(3);
  });

  it('removes an instance, and the resource once it has none left', () => {
    const two = applyJournal(base, [put('lifeboat_backup.b[0]', { id: '0' }), put('lifeboat_backup.b[1]', { id: '1' }), put('data.lifeboat_cluster.c', { id: 'c' })]);
    const one = applyJournal(two, [{ kind: 'remove-instance', address: 'lifeboat_backup.b[0]' }]);
    expect(one.resources.map((resource) => [resource.type, resource.instances.map((i) => i.index_key)])).toEqual([
      ['lifeboat_cluster', [undefined]],
      ['lifeboat_backup', [1]],
    ]);
    const none = applyJournal(one, [{ kind: 'remove-instance', address: 'lifeboat_backup.b[1]' }]);
    expect(none.resources.map((resource) => resource.type)).toEqual(['lifeboat_cluster']);
    expect(applyJournal(none, [{ kind: 'remove-instance', address: 'lifeboat_backup.gone' }])).toEqual(none);
  });

  it('adds, replaces and clears pending operations by address', () => {
    const operation = { address: 'lifeboat_backup.b["x"]', action: 'create' as const, idempotencyKey: 'k1', request: { cluster_id: 'c-1' }, startedAt: '2025-01-01T00:00:00Z' };
    const started = applyJournal(base, [
      { kind: 'pending', operation },
      { kind: 'pending', operation: { ...operation, address: 'lifeboat_backup.other', idempotencyKey: 'k2' } },
      { kind: 'pending', operation: { ...operation, jobId: 'job-7' } },
    ]);
    expect(started.pending).toEqual([{ ...operation, jobId: 'job-7' }, { ...operation, address: 'lifeboat_backup.other', idempotencyKey: 'k2' }]);
    const done = applyJournal(started, [{ kind: 'pending-done', address: 'lifeboat_backup.b["x"]' }]);
    expect(done.pending.map((p) => p.idempotencyKey)).toEqual(['k2']);
  });

  it('replaces all outputs', () => {
    const first = applyJournal(base, [{ kind: 'outputs', outputs: { a: { value: 1, type: 'number' }, b: { value: 'x', type: 'string' } } }]);
    const second = applyJournal(first, [{ kind: 'outputs', outputs: { c: { value: 'secret', type: 'string', sensitive: true } } }]);
    expect(second.outputs).toEqual({ c: { value: 'secret', type: 'string', sensitive: true } });
  });

  it('keeps serial and lineage (the writer bumps the serial) and leaves its input unchanged', () => {
    const before = structuredClone(base);
    const state = applyJournal(base, [put('t.n', { id: 1 }), { kind: 'outputs', outputs: {} }]);
    expect(state.serial).toBe(4);
    expect(state.lineage).toBe('lineage-1');
    expect(base).toEqual(before);
  });
});
