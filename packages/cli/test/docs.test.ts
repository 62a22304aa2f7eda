import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliDocsPath, renderCliDocs } from '../scripts/generate-cli-docs.js';

describe('docs/cli.md', () => {
  it('is up to date with the command definitions', () => {
    const committed = readFileSync(cliDocsPath, 'utf8');
    // Comparing booleans keeps the failure message to the instruction, not a long diff.
    expect(committed === renderCliDocs(), 'docs/cli.md is stale: run `npm run docs -w lifeboat` and commit the result').toBe(true);
  });

  it('documents every command with a description', () => {
    const text = renderCliDocs();
    const iac = ['synth', 'plan', 'apply', 'destroy', 'import', 'output', 'state list', 'state show', 'state rm', 'state mv', 'state pull', 'force-unlock'];
    const imperative = [
      ...['list', 'describe', 'create', 'delete', 'copy', 'verify', 'rename', 'export'].map((sub) => `backups ${sub}`),
      'restore cluster',
      'restore collection',
      ...['list', 'describe', 'wait', 'cancel'].map((sub) => `jobs ${sub}`),
      ...['get', 'set', 'disable'].map((sub) => `policy ${sub}`),
      ...['list', 'set', 'delete'].map((sub) => `copy-policy ${sub}`),
      'clusters list',
      'clusters describe',
      ...['create', 'list', 'delete'].map((sub) => `keys ${sub}`),
      'drill',
      'server',
    ];
    for (const command of [...iac, ...imperative]) {
      expect(text).toContain(`## lifeboat ${command}\n\n`);
    }
    expect(text).not.toMatch(/## lifeboat [^\n]+\n\n\n/);
  });
});
