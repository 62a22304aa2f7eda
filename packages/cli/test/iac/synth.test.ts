import { existsSync } from 'node:fs';
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build.js';
import { runCli } from '../support/cli.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

/** `lifeboat synth` runs the app named in cdktf.json the way cdktf does, and plan reads what it wrote. */

let work: TempDir | undefined;
afterEach(async () => {
  await work?.remove();
  work = undefined;
});

/** A stand-in for a CDKTF app: writes the manifest and one stack where CDKTF_OUTDIR says, and echoes its context. */
const fakeApp = `
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const out = process.env.CDKTF_OUTDIR;
console.log('context ' + process.env.CDKTF_CONTEXT_JSON);
mkdirSync(join(out, 'stacks', 'primary'), { recursive: true });
writeFileSync(join(out, 'stacks', 'primary', 'cdk.tf.json'), JSON.stringify({
  resource: { lifeboat_backup_policy: { nightly: { cluster_id: 'in01-a', frequency: 'daily', start_time: '02:00-04:00', retention_days: 7 } } },
}));
writeFileSync(join(out, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: { primary: {
  name: 'primary', constructPath: 'primary', synthesizedStackPath: 'stacks/primary/cdk.tf.json', workingDirectory: 'stacks/primary', annotations: [], dependencies: [],
} } }));
`;

describe('synth', () => {
  it('runs the app with CDKTF_OUTDIR and the context, streams its output, and lists the stacks', async () => {
    work = await tempDir();
    await work.write('app.cjs', fakeApp);
    await work.write('cdktf.json', { language: 'typescript', app: 'node app.cjs', output: 'out', context: { team: 'dr' } });
    const result = await runCli(['synth'], { cwd: work.path });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('context {"team":"dr"}');
    expect(result.stdout).toContain('Synthesized 1 stack into out:\n  primary  out/stacks/primary/cdk.tf.json\n');

    const json = await runCli(['synth', '-json'], { cwd: work.path });
    expect(JSON.parse(json.stdout)).toEqual({ output: 'out', stacks: [{ name: 'primary', file: 'out/stacks/primary/cdk.tf.json' }] });
  });

  it('fails clearly when the app fails, or writes no manifest, or there is no cdktf.json', async () => {
    work = await tempDir();
    const none = await runCli(['synth'], { cwd: work.path });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('(code NO_CDKTF_JSON)');

    await work.write('cdktf.json', { app: 'node -e "console.error(\'boom in main.ts\'); process.exit(3)"' });
    const failed = await runCli(['synth'], { cwd: work.path });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('boom in main.ts');
    expect(failed.stderr).toMatch(/Error: The app \(.*\) exited with code 3; its output is above\. .*\(code SYNTH_FAILED\)/);

    await work.write('cdktf.json', { app: 'node -e "0"' });
    const silent = await runCli(['synth'], { cwd: work.path });
    expect(silent.code).toBe(1);
    expect(silent.stderr).toContain('(code SYNTH_NO_MANIFEST)');
  });

  it.skipIf(!existsSync(join(repoRoot, 'node_modules', 'cdktf')))('synthesizes a real CDKTF app, and plan reads its stack', async () => {
    work = await tempDir();
    // The app resolves cdktf and constructs from the workspace.
    await mkdir(join(work.path, 'node_modules'));
    for (const name of ['cdktf', 'constructs']) await symlink(join(repoRoot, 'node_modules', name), join(work.path, 'node_modules', name));
    await work.write(
      'main.cjs',
      `const { App, TerraformStack, TerraformResource } = require('cdktf');
class Nightly extends TerraformStack {
  constructor(scope, id) {
    super(scope, id);
    new TerraformResource(this, 'nightly', { terraformResourceType: 'lifeboat_backup_policy' }).addOverride('cluster_id', 'in01-a');
  }
}
const app = new App();
new Nightly(app, 'primary');
app.synth();
`,
    );
    await work.write('cdktf.json', { language: 'typescript', app: 'node main.cjs' });
    const result = await runCli(['synth'], { cwd: work.path });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  primary  cdktf.out/stacks/primary/cdk.tf.json');

    // Planned against an unreachable server: the configuration is read and checked first.
    const plan = await runCli(['plan', '--endpoint', 'http://127.0.0.1:9', '--stack', 'primary'], { cwd: work.path });
    expect(plan.stderr).toContain('primary/nightly');
  });
});
