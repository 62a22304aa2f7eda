import { App, TerraformStack } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { providerSchema } from '../../scripts/generator/provider-schema.js';
import { BackupPolicy, LifeboatProvider } from '../../src/index.js';
import { blockOf, describeDiagnostics, engineView, synthStack, tempDir } from '../support/synth.js';

// The engine reads the provider block as settings, not through a ResourceSchema, so the
// generator's provider schema is written by hand; these tests keep it and the engine in step.
describe('the provider block', () => {
  it('synthesizes every setting the engine accepts, with an alias', async () => {
    const { dir, json } = await synthStack((stack) => {
      new LifeboatProvider(stack, 'lifeboat', { endpoint: 'http://127.0.0.1:7433', apiKey: 'lbk_000000000000_key', projectId: 'proj-7c1e9a3b5d2f4e6a' });
      const dr = new LifeboatProvider(stack, 'dr', { endpoint: 'http://dr.example:7433', alias: 'dr' });
      new BackupPolicy(stack, 'nightly', { clusterId: 'in01-3e5ad8adc38f0a1b', frequency: 'daily', startTime: '02:00-04:00', retentionDays: 7, provider: dr });
    });
    expect(blockOf(json, 'provider')).toEqual({
      lifeboat: [{ endpoint: 'http://127.0.0.1:7433', api_key: 'lbk_000000000000_key', project_id: 'proj-7c1e9a3b5d2f4e6a' }, { endpoint: 'http://dr.example:7433', alias: 'dr' }],
    });
    expect(blockOf(json, 'terraform', 'required_providers', 'lifeboat')).toMatchObject({ source: 'lifeboat/lifeboat' });
    expect(describeDiagnostics((await engineView(dir)).diagnostics)).toEqual([]);
  });

  it('has exactly the settings the engine knows: an extra one is an engine error', async () => {
    expect(Object.keys(providerSchema.attributes)).toEqual(['endpoint', 'api_key', 'project_id']);
    const { dir } = await synthStack((stack) => {
      new LifeboatProvider(stack, 'lifeboat').addOverride('region', 'local-1');
    });
    expect(describeDiagnostics((await engineView(dir)).diagnostics)).toEqual([expect.stringMatching(/^error: Unsupported argument — An argument named "region" is not expected in the lifeboat provider/)]);
  });

  it('reads the settings back from its getters', async () => {
    const app = new App({ outdir: await tempDir() });
    const provider = new LifeboatProvider(new TerraformStack(app, 'stack'), 'lifeboat', { endpoint: 'http://127.0.0.1:7433' });
    provider.resetEndpoint();
    provider.projectId = 'proj-7c1e9a3b5d2f4e6a';
    expect(provider.endpointInput).toBeUndefined();
    expect(provider.projectId).toBe('proj-7c1e9a3b5d2f4e6a');
    expect(provider.alias).toBeUndefined();
  });
});
