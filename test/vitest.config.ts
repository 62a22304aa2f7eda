import { defineProject } from 'vitest/config';

// The suites run against the workspace's package sources, as the packages' own tests do.
const conditions = ['@lifeboat/source', 'module', 'node', 'development|production'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@lifeboat/source'] } },
  test: {
    name: 'reliability',
    include: ['**/*.test.ts'],
    typecheck: { enabled: false },
    // The suites measure latency and kill processes at random moments; run side by side on two
    // cores they would mostly measure each other.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
