import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@purse/source'] },
  ssr: { resolve: { conditions: ['@purse/source'] } },
  test: {
    name: 'security',
    environment: 'node',
    include: ['**/*.test.ts'],
  },
});
