// @vitest-environment node
/**
 * The shipped build: `pnpm run build` (tsc and the CSS bundle) succeeds, and `dist/index.js`
 * keeps `'use client'` as its first statement, so React Server Component frameworks (Next.js's
 * App Router) treat every export as a client component. A bundler that hoists or drops module
 * directives would silently break that; this builds the real package and reads the result.
 *
 * Runs in the `react` project only (not `react18`): the build does not depend on React's version,
 * and two projects rebuilding `dist` at once would race.
 */
/// <reference types="node" />
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string): string => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

/** The source text from its first statement on: leading whitespace and comments removed. */
function fromFirstStatement(source: string): string {
  return source.replace(/^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
}

describe('the built package', () => {
  beforeAll(() => {
    try {
      execFileSync('pnpm', ['run', 'build'], { cwd: packageDir, stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`\`pnpm run build\` failed in packages/react:\n${stdout}${stderr}`);
    }
  }, 180_000);

  it("starts dist/index.js with the 'use client' directive", () => {
    expect(fromFirstStatement(read('dist/index.js'))).toMatch(/^(['"])use client\1;/);
    // The source it comes from has it first too.
    expect(fromFirstStatement(read('src/index.ts'))).toMatch(/^(['"])use client\1;/);
  });

  it('ships every file package.json exports', () => {
    type Target = string | { [condition: string]: Target };
    const manifest = JSON.parse(read('package.json')) as { exports: Record<string, Target> };
    const files = (target: Target): string[] =>
      typeof target === 'string' ? [target] : Object.values(target).flatMap(files);
    for (const [entry, target] of Object.entries(manifest.exports)) {
      for (const file of files(target)) {
        expect(existsSync(new URL(`../${file}`, import.meta.url)), `${entry} → ${file}`).toBe(true);
      }
    }
  });
});
