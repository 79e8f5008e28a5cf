/**
 * For the `react18` project only: makes every CommonJS `require('react')`,
 * `require('react-dom/…')` in this test worker load React 18.3 from the `react-18` and
 * `react-dom-18` aliases. Vite's `resolve.alias` covers the modules it transforms; packages
 * Vitest leaves to Node (react-dom, Testing Library, recharts) resolve through this instead, so
 * one React runs the whole tree.
 */
/// <reference types="node" />
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
const roots: Record<string, string> = {
  react: dirname(require.resolve('react-18/package.json')),
  'react-dom': dirname(require.resolve('react-dom-18/package.json')),
};

type ResolveFilename = (request: string, ...rest: unknown[]) => string;
const moduleInternals = Module as unknown as { _resolveFilename: ResolveFilename };
const resolveFilename = moduleInternals._resolveFilename;

moduleInternals._resolveFilename = function resolveReact18(request, ...rest) {
  const match = /^(react|react-dom)(\/.*)?$/.exec(request);
  const root = match?.[1] === undefined ? undefined : roots[match[1]];
  const redirected = root === undefined ? request : `${root}${match?.[2] ?? ''}`;
  return resolveFilename.call(this, redirected, ...rest);
};
