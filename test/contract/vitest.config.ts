import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@purse/source'] },
  ssr: { resolve: { conditions: ['@purse/source'] } },
  test: {
    name: 'contract',
    environment: 'node',
    include: ['**/*.test.ts'],
    // The first response validated for an object compiles its part of the 1.7 MB schema with
    // ajv; on a loaded two-core machine that alone can pass Vitest's 5 s default.
    testTimeout: 30_000,
  },
});
