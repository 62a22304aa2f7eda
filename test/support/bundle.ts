import { mkdir, rename } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const buildDir = join(repoRoot, 'test', '.build');
const built = new Map<string, Promise<string>>();

/**
 * A child-process entry bundled into one plain JavaScript file with its dependencies, built once
 * per test process. A child started through tsx spends about a second compiling the server's
 * sources on every start; the bundle starts in about half a second, which is what makes a hundred
 * restarts affordable. Only native modules stay imports, resolved from the repository's
 * node_modules (the bundle lives under `test/.build/` for that).
 */
export function bundleEntry(entry: URL): Promise<string> {
  const source = fileURLToPath(entry);
  let output = built.get(source);
  if (output === undefined) {
    output = (async () => {
      await mkdir(buildDir, { recursive: true });
      // Named after the entry's path, so `packages/server/src/bin.ts` and `packages/cli/src/bin.ts` do not collide.
      const outfile = join(buildDir, `${relative(repoRoot, source).replace(/\.ts$/, '').replaceAll('/', '-')}.mjs`);
      // Built beside and renamed, so a concurrent run never starts a half-written file.
      const partial = `${outfile}.${process.pid}.tmp`;
      await build({
        entryPoints: [source],
        outfile: partial,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        conditions: ['@lifeboat/source'],
        external: ['better-sqlite3'],
        // Bundled CommonJS dependencies call require(); an ES module has none of its own.
        banner: { js: "import { createRequire as lifeboatCreateRequire } from 'node:module'; const require = lifeboatCreateRequire(import.meta.url);" },
        logLevel: 'warning',
      });
      await rename(partial, outfile);
      return outfile;
    })();
    built.set(source, output);
  }
  return output;
}
