import { defineConfig } from 'vitest/config';

/**
 * One config per package (`packages/<name>/vitest.config.ts`), the examples' and the root
 * reliability suites' (`test/`); `vitest run --project api` picks one.
 */
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'examples/vitest.config.ts', 'test/vitest.config.ts'],
  },
});
