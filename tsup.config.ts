import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsup';

/**
 * One build for every package: each package's `build` script runs tsup with this file from its
 * own directory, so entries come from that package's `package.json` (`exports` for libraries,
 * `bin` for commands). Output is ESM + CJS + declarations, matching the `exports` maps.
 */
interface PackageJson {
  name: string;
  bin?: Record<string, string>;
  tsup?: { entry?: string[] };
}

const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as PackageJson;

export default defineConfig({
  entry: pkg.tsup?.entry ?? ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: false,
  treeshake: true,
  outDir: 'dist',
});
