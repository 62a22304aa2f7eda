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

export default defineConfig([
  { ...shared, format: ['esm'], dts: true, clean: true },
  { ...shared, format: ['cjs'], dts: true, noExternal: pkg.tsup?.bundleInCjs ?? [] },
]);
