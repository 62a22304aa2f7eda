import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { dataSourceTypes, managedResourceTypes } from '@lifeboat/engine';
import { describe, expect, it } from 'vitest';
import { libDir, writeGeneratedFiles } from '../../scripts/generate.js';
import { tempDir } from '../support/synth.js';

async function filesUnder(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path, 'utf8'));
  }
  return files;
}

describe('the generated layer', () => {
  it('is exactly what the generator writes from the engine schemas today', async () => {
    // given the committed modules, when the generator runs again into an empty directory
    const fresh = await tempDir();
    await writeGeneratedFiles(fresh);
    const [expected, committed] = await Promise.all([filesUnder(fresh), filesUnder(libDir)]);

    // then no file is missing, extra or different
    const hint = 'src/lib is stale: run `npm run generate -w packages/cdktf-provider` and commit the result';
    expect([...committed.keys()].sort(), hint).toEqual([...expected.keys()].sort());
    for (const [path, text] of expected) expect(committed.get(path), `${hint} (${path})`).toBe(text);
  });

  it('has one module per resource type and data source, named as the issue lists them, and the provider', async () => {
    const modules = (await readdir(libDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(modules.sort()).toEqual(
      ['backup-policy', 'copy-policy', 'backup', 'cluster-restore', 'collection-restore', 'data-lifeboat-latest-backup', 'data-lifeboat-cluster', 'data-lifeboat-backups', 'provider'].sort(),
    );
    expect(modules).toHaveLength(managedResourceTypes.length + dataSourceTypes.length + 1);
  });
});
