import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@purse/source'] },
  ssr: { resolve: { conditions: ['@purse/source'] } },
  test: {
    name: 'server',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
