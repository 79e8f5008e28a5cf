/**
 * The `react18` Vitest project: the React compatibility test run against React 18.3 (the oldest
 * React the peer range allows), next to the `react` project that runs it against React 19.
 *
 * React 18 is installed under aliases (`react-18`, `react-dom-18`). Imports that Vite resolves
 * (our sources, the test) are aliased here; CommonJS `require`s inside externalised packages
 * (react-dom itself, Testing Library, recharts) are redirected by `test/react18-resolve.ts`.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { defineProject } from 'vitest/config';

const require = createRequire(import.meta.url);
const react18 = dirname(require.resolve('react-18/package.json'));
const reactDom18 = dirname(require.resolve('react-dom-18/package.json'));

export default defineProject({
  resolve: {
    conditions: ['@purse/source'],
    alias: [
      { find: /^react$/, replacement: `${react18}/index.js` },
      { find: /^react\/(.+)$/, replacement: `${react18}/$1` },
      { find: /^react-dom$/, replacement: `${reactDom18}/index.js` },
      { find: /^react-dom\/(.+)$/, replacement: `${reactDom18}/$1` },
    ],
  },
  ssr: { resolve: { conditions: ['@purse/source'] } },
  test: {
    name: 'react18',
    environment: 'jsdom',
    include: ['test/react-compat.test.tsx', 'test/react-compat.server.test.tsx'],
    // The redirect must be in place before anything loads React.
    setupFiles: ['./test/react18-resolve.ts', './test/setup.ts'],
    provide: { reactMajor: 18 },
  },
});
