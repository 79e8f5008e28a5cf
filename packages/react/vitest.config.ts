import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@purse/source'] },
  ssr: { resolve: { conditions: ['@purse/source'] } },
  test: {
    name: 'react',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup.ts'],
  },
});
