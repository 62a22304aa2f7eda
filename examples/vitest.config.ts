import { defineProject } from 'vitest/config';

// The examples run against the workspace's package sources, as the packages' own tests do.
const conditions = ['@lifeboat/source', 'module', 'node', 'development|production'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@lifeboat/source'] } },
  test: {
    name: 'examples',
    include: ['**/*.test.ts'],
    typecheck: { enabled: false },
    // The main job runs the built `lifeboat` binary: rebuild stale packages first, as the CLI's tests do.
    globalSetup: ['../packages/cli/test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
