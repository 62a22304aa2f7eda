import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application } from 'typedoc';
import { expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const committed = join(repoRoot, 'docs', 'reference', 'sdk', 'README.md');

/**
 * docs/reference/sdk is generated from the SDK's TSDoc (`npm run docs:api`). Rebuilt here from
 * the same configuration, it must equal what is committed, so the reference never describes an
 * SDK that no longer exists.
 */
it('keeps the committed SDK API reference in step with the sources', async () => {
  const out = await mkdtemp(join(tmpdir(), 'lifeboat-api-reference-'));
  try {
    const app = await Application.bootstrapWithPlugins({ options: join(repoRoot, 'typedoc.json'), out, logLevel: 'Error' });
    // typedoc.json's paths are relative to the repository root.
    const cwd = process.cwd();
    process.chdir(repoRoot);
    try {
      const project = await app.convert();
      expect(project, 'TypeDoc could not convert the SDK').toBeDefined();
      await app.generateOutputs(project!);
    } finally {
      process.chdir(cwd);
    }
    const fresh = await readFile(join(out, 'README.md'), 'utf8');
    expect(fresh === (await readFile(committed, 'utf8')), 'docs/reference/sdk is stale: run `npm run docs:api` and commit the result').toBe(true);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}, 120_000);
