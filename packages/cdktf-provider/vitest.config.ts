import { defineProject } from 'vitest/config';

// Tests run against the sources of the workspace's packages, not their dist/, through the
// workspace's own export condition. Vitest resolves modules for Node through the SSR resolver,
// so the condition must be given there too (plus Vite's defaults, which it replaces).
const conditions = ['@lifeboat/source', 'module', 'node', 'development|production'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@lifeboat/source'] } },
  test: {
    name: 'cdktf-provider',
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: false },
    // The example and integration tests start a real server and run real backup and restore
    // jobs; on a loaded 2-core machine a few seconds is not enough headroom.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
