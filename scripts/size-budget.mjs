#!/usr/bin/env node
/**
 * `pnpm size`: the size budget in `.size-limit.mjs`, for esbuild and for Vite.
 *
 * 1. Builds `@purse/core` and `@purse/react` unless their `dist` exists (`--build` forces it).
 * 2. For the provider and each component, builds with Vite an app entry importing
 *    `{ PurseProvider, X }` and writes its first load (entry plus static chunks) to
 *    `node_modules/.cache/purse-size/vite/<X>.js`, for size-limit to measure. On the way it
 *    checks that recharts is not in any first load and that no first load carries another
 *    component's code (each component's `displayName`, or its messages' name, is a marker).
 * 3. Runs size-limit: every entry, for both bundlers, must be within its limit.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportedComponents, reactPackageDir, root, viteFirstLoad } from './react-components.mjs';

const viteDir = join(root, 'node_modules/.cache/purse-size/vite');
const workDir = join(root, 'node_modules/.cache/purse-size/work');

/** Components whose view renders another one by design. */
const RENDERS = {
  AccountList: ['BalanceCard'],
  SpendingChart: ['SpendingView'],
  TransferStatus: ['TransferPhaseBadge'],
  TopUpHistory: ['TransferPhaseBadge'],
};

if (process.argv.includes('--build') || !existsSync(join(reactPackageDir, 'dist/index.js'))) {
  console.log('Building @purse/core and @purse/react…');
  execFileSync('pnpm', ['--filter', '@purse/core', '--filter', '@purse/react', 'run', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const components = exportedComponents().filter((name) => name !== 'PurseProvider');
const problems = [];
mkdirSync(viteDir, { recursive: true });
for (const component of ['PurseProvider', ...components]) {
  const { first } = await viteFirstLoad(component, join(workDir, component));
  const code = first.map((chunk) => chunk.code).join('\n');
  writeFileSync(join(viteDir, `${component}.js`), code);
  const modules = first.flatMap((chunk) => Object.keys(chunk.modules));
  if (modules.some((id) => /[\\/]recharts[\\/]/.test(id)))
    problems.push(`${component}: recharts is in the first load`);
  const allowed = new Set([component, ...(RENDERS[component] ?? [])]);
  for (const other of components) {
    if (allowed.has(other)) continue;
    if (code.includes(`"${other}"`) || code.includes(`'${other}'`))
      problems.push(`${component}: its first load carries ${other}'s code`);
  }
}
for (const problem of problems) console.error(`✗ ${problem}`);

const sizeLimit = spawnSync(join(root, 'node_modules/.bin/size-limit'), [], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(problems.length > 0 || sizeLimit.status !== 0 ? 1 : 0);
