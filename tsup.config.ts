import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Options } from 'tsup';

/**
 * One build for every package: each package's `build` script runs tsup with this file from its
 * own directory, so entries come from that package's `package.json` (`tsup.entry`, default
 * `src/index.ts`). Output is ESM + CJS + declarations, matching the `exports` maps.
 */
interface PackageJson {
  name: string;
  tsup?: {
    entry?: string[];
    /**
     * ESM-only dependencies (ky) to bundle into the CJS build, because `require()` of an ES
     * module only works from Node 20.19 and we support 20.12.
     */
    bundleInCjs?: string[];
    /** Entries built as ESM only, such as command-line bins that use top-level await. */
    esmOnly?: string[];
  };
}

const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as PackageJson;

const shared: Options = {
  entry: pkg.tsup?.entry ?? ['src/index.ts'],
  sourcemap: true,
  target: 'node20',
  splitting: false,
  treeshake: true,
  outDir: 'dist',
};

const entries = pkg.tsup?.entry ?? ['src/index.ts'];
const esmOnly = new Set(pkg.tsup?.esmOnly ?? []);

const cjsEntries = entries.filter((entry) => !esmOnly.has(entry));

// A package of bins only (the CLI) has no library to declare or to require(): no types, no CJS.
const hasLibrary = cjsEntries.length > 0;

export default defineConfig([
  { ...shared, format: ['esm'], dts: hasLibrary, clean: true },
  ...(hasLibrary
    ? [
        {
          ...shared,
          entry: cjsEntries,
          format: ['cjs'] as Options['format'],
          dts: true,
          noExternal: pkg.tsup?.bundleInCjs ?? [],
        },
      ]
    : []),
]);
