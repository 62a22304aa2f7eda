import { describe, expect, it } from 'vitest';
import { chooseEndpoint } from '../../src/runtime/endpoint.js';

const dataDir = '/work/app/.lifeboat';
const provider = { endpoint: 'http://provider:7433', apiKey: 'provider-key', projectId: 'proj-provider', file: 'main.tf.json' };
const env = { LIFEBOAT_ENDPOINT: 'http://env:7433', LIFEBOAT_API_KEY: 'env-key' };

describe('chooseEndpoint', () => {
  it('prefers flags, then the environment, then the provider block', () => {
    expect(chooseEndpoint({ flags: { endpoint: 'http://flag:7433', apiKey: 'flag-key' }, env, provider, dataDir })).toEqual({
      kind: 'remote',
      source: 'flag',
      baseUrl: 'http://flag:7433',
      apiKey: 'flag-key',
      projectId: 'proj-provider',
      origin: 'from --endpoint',
    });
    expect(chooseEndpoint({ flags: {}, env, provider, dataDir })).toMatchObject({ source: 'env', baseUrl: 'http://env:7433', apiKey: 'env-key', origin: 'from LIFEBOAT_ENDPOINT' });
    expect(chooseEndpoint({ flags: {}, env: {}, provider, dataDir })).toMatchObject({
      source: 'provider',
      baseUrl: 'http://provider:7433',
      apiKey: 'provider-key',
      origin: 'from the lifeboat provider block in main.tf.json',
    });
  });

  it('takes each setting from the first place that has it', () => {
    // The endpoint from the provider block, the key from the environment.
    expect(chooseEndpoint({ flags: {}, env: { LIFEBOAT_API_KEY: 'env-key' }, provider, dataDir })).toMatchObject({ source: 'provider', apiKey: 'env-key' });
  });

  it('falls back to the embedded server on the data directory, treating empty values as unset', () => {
    expect(chooseEndpoint({ flags: { endpoint: '' }, env: { LIFEBOAT_ENDPOINT: '' }, dataDir })).toEqual({ kind: 'embedded', source: 'embedded', dataDir, projectId: undefined });
    expect(chooseEndpoint({ flags: { project: 'proj-1' }, env: {}, provider: { file: 'main.tf.json' }, dataDir })).toMatchObject({ kind: 'embedded', projectId: 'proj-1' });
  });
});
