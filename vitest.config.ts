import { defineConfig } from 'vitest/config';

/** One config per package (`packages/<name>/vitest.config.ts`); `vitest run --project api` picks one. */
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts'],
  },
});
