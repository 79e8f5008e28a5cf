#!/usr/bin/env node
/**
 * `pnpm bench:bundle`: what each `@purse/react` component costs an app's bundle.
 *
 * For the provider and for each component exported by the package, it builds (Vite 8, app mode,
 * minified) a tiny entry that imports only that component from `@purse/react` and renders it in
 * a `<PurseProvider>` (no component works without one), with `react`, `react-dom` and `@stripe/*`
 * external, as an app would already have them. It measures the shipped package (`dist`, built
 * first unless `--no-build`), not the TypeScript sources.
 *
 * Columns (gzip level 9, KB = 1000 bytes):
 * - first load: the entry chunk plus the chunks it imports statically, i.e. everything not
 *   external that loads before first render (`@purse/react`, `@purse/core`, recharts, …);
 * - +provider: the same minus the provider-only build, what adding the component costs;
 * - lazy: chunks reached only through dynamic `import()` (loaded on demand);
 * - recharts: whether any recharts module is in the first load (it must not be for the chart).
 *
 * `--check` exits 1 when a component other than the chart goes over the budget below or when
 * recharts is in a first load; `--verbose` lists each first load's largest modules.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { exportedComponents, viteFirstLoad } from './react-components.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = join(root, 'packages/react');
const workDir = join(root, 'node_modules/.cache/purse-bench-bundle');
const args = new Set(process.argv.slice(2));

/** Budget for the first load of a component other than the chart, gzip bytes. */
const BUDGET = 12_000;
/** Components allowed over budget (their heavy part must still be lazy). */
const OVER_BUDGET_OK = new Set(['SpendingChart']);
/** Published sizes, gzip, for scale. */
const REFERENCES = [
  ['react-plaid-link (reference)', 3.4],
  ['recharts (reference)', 112],
];

if (!args.has('--no-build')) {
  console.log('Building @purse/core and @purse/react…');
  execFileSync('pnpm', ['--filter', '@purse/core', '--filter', '@purse/react', 'run', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const gzip = (code) => gzipSync(code, { level: 9 }).length;

async function measure(component) {
  const { first, lazy } = await viteFirstLoad(component, join(workDir, component));
  const firstModules = [...first].flatMap((chunk) => Object.entries(chunk.modules));
  return {
    component,
    first: [...first].reduce((sum, chunk) => sum + gzip(chunk.code), 0),
    lazy: lazy.reduce((sum, chunk) => sum + gzip(chunk.code), 0),
    lazyChunks: lazy.length,
    recharts: firstModules.some(([id]) => /[\\/]recharts[\\/]/.test(id)),
    // Minified sizes before gzip, for `--verbose`.
    largest: firstModules
      .map(([id, info]) => [id.replace(root, '.'), info.renderedLength])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8),
  };
}

const kb = (bytes) => (bytes / 1000).toFixed(1);

const components = exportedComponents().filter((name) => name !== 'PurseProvider');
const rows = [];
for (const component of ['PurseProvider', ...components]) {
  rows.push(await measure(component));
}
const provider = rows[0];

const header = [
  'component',
  'first load KB',
  '+provider KB',
  'lazy KB (chunks)',
  'recharts first',
  '',
];
const table = rows.map((row) => {
  const overBudget = row.first > BUDGET && !OVER_BUDGET_OK.has(row.component);
  const status = row.recharts || overBudget ? '✗' : '✓';
  return [
    row.component,
    kb(row.first),
    row.component === 'PurseProvider' ? '' : kb(row.first - provider.first),
    row.lazyChunks === 0 ? '0' : `${kb(row.lazy)} (${row.lazyChunks})`,
    row.recharts ? 'yes' : 'no',
    status,
  ];
});
const css = gzip(readFileSync(join(packageDir, 'dist/styles.css')));
table.push(['styles.css (all components)', kb(css), '', '', '', '']);
for (const [name, size] of REFERENCES) table.push([name, size.toFixed(1), '', '', '', '']);

const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (cells) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(
  `\n@purse/react dist, gzip -9; react, react-dom, @stripe/* external; budget ${kb(BUDGET)} KB`,
);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));

if (args.has('--verbose')) {
  for (const row of rows) {
    console.log(
      `\n${row.component}: largest modules in the first load (rendered bytes, before minifying)`,
    );
    for (const [id, size] of row.largest) console.log(`  ${String(size).padStart(7)}  ${id}`);
  }
}

const failures = table.filter((row) => row[5] === '✗').map((row) => row[0]);
if (failures.length > 0) {
  console.log(`\nOver budget or recharts in the first load: ${failures.join(', ')}`);
  if (args.has('--check')) process.exitCode = 1;
}
