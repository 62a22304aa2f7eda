import { defineProject } from 'vitest/config';

export default defineProject({
  // Tests run against the sources, not dist, through the workspace's own export condition.
  resolve: { conditions: ['@lifeboat/source'] },
  test: {
    name: 'engine',
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: false },
  },
});
