import { defineProject } from 'vitest/config';

// Test helpers (the server a test starts) run from the workspace's sources through its export
// condition; the CLI under test is the built binary, which globalSetup keeps up to date.
const conditions = ['@lifeboat/source', 'module', 'node', 'development|production'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@lifeboat/source'] } },
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    typecheck: { enabled: false },
    // Each test spawns the binary and runs real jobs on a real server; on a loaded 2-core
    // machine that needs headroom.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
