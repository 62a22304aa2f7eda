/** What every generated module starts with: where it came from, and its imports. */

/** Helpers of ours the generated code uses; everything else it names comes from `cdktf` (or `constructs`). */
const supportHelpers = new Set(['metaArgumentsOf', 'definedHclAttributes']);

export function moduleHeader(source: string, uses: ReadonlySet<string>): string[] {
  const sortKey = (name: string): string => name.replace(/^type /, '').toLowerCase();
  const names = (filter: (name: string) => boolean): string => [...uses].filter(filter).sort((a, b) => sortKey(a).localeCompare(sortKey(b))).join(', ');
  const fromCdktf = names((name) => !supportHelpers.has(name) && name !== 'type Construct');
  const support = names((name) => supportHelpers.has(name));
  return [
    `// Generated from ${source} by \`npm run generate -w packages/cdktf-provider\`.`,
    '// Do not edit: change the schema and run the generator again; a test fails when this file is stale.',
    ...(uses.has('type Construct') ? ["import type { Construct } from 'constructs';"] : []),
    ...(fromCdktf === '' ? [] : [`import { ${fromCdktf} } from '../../cdktf.js';`]),
    ...(support === '' ? [] : [`import { ${support} } from '../../internal/generated-support.js';`]),
  ];
}
