import { defineConfig } from 'vitest/config';

/**
 * One config per package (`packages/<name>/vitest.config.ts`) plus the examples';
 * `vitest run --project api` picks one.
 */
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'examples/vitest.config.ts'],
  },
});
