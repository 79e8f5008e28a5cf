import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@purse/source'] },
  ssr: { resolve: { conditions: ['@purse/source'] } },
  test: {
    name: 'scale',
    environment: 'node',
    include: ['**/*.test.ts'],
    // Starting three server processes takes a while on a busy two-core machine.
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
