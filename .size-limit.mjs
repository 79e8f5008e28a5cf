/**
 * The size budget (`pnpm size`, a step of `pnpm test`): the first load of an app that imports
 * `{ PurseProvider, X }` from `@purse/react` (its shipped `dist`), gzip, react, react-dom and
 * @stripe/* left out, for every component X and for the provider alone, measured for two
 * bundlers:
 * - esbuild (size-limit's own plugin), with code splitting so that `import()` stays lazy; only
 *   the entry and the chunks it imports statically count;
 * - Vite 8 (Rolldown), built by `scripts/size-budget.mjs` into
 *   `node_modules/.cache/purse-size/vite/<X>.js` (its first-load chunks), measured as files.
 * Either bundler failing the budget fails the check. Recharts in a first load is an error.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { exportedComponents, reactPackageDir, root } from './scripts/react-components.mjs';

export const PROVIDER_LIMIT = '6 kB';
export const COMPONENT_LIMIT = '12 kB';
export const viteDir = join(root, 'node_modules/.cache/purse-size/vite');

/** `@purse/react` as an app installs it: the shipped build. */
const purseReact = join(reactPackageDir, 'dist/index.js');
const ignore = ['react', 'react/*', 'react-dom', 'react-dom/*', '@stripe/*'];

/** An esbuild plugin that keeps only the first load in the measured outputs. */
const firstLoadOnly = {
  name: 'purse-first-load-only',
  setup(build) {
    build.onEnd((result) => {
      const outputs = result.metafile?.outputs ?? {};
      const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint);
      const first = new Set();
      const queue = entry ? [entry] : [];
      while (queue.length > 0) {
        const file = queue.pop();
        if (first.has(file) || !outputs[file]) continue;
        first.add(file);
        for (const imported of outputs[file].imports)
          if (imported.kind === 'import-statement') queue.push(imported.path);
      }
      for (const file of Object.keys(outputs)) {
        const inputs = Object.keys(outputs[file].inputs);
        if (first.has(file)) {
          const recharts = inputs.find((input) => /[\\/]recharts[\\/]/.test(input));
          if (recharts) throw new Error(`recharts is in a first load (${recharts})`);
          continue;
        }
        // A lazy chunk: not part of the first load, so not measured.
        rmSync(file, { force: true });
        delete outputs[file];
      }
    });
  },
};

const components = exportedComponents().filter((name) => name !== 'PurseProvider');
const cases = [
  { name: 'PurseProvider', imports: '{ PurseProvider }', limit: PROVIDER_LIMIT },
  ...components.map((name) => ({
    name,
    imports: `{ PurseProvider, ${name} }`,
    limit: COMPONENT_LIMIT,
  })),
];

export default [
  ...cases.map(({ imports, limit }) => ({
    name: `esbuild: ${imports}`,
    import: { [purseReact]: imports },
    ignore,
    limit,
    gzip: true,
    modifyEsbuildConfig: (config) => ({
      ...config,
      format: 'esm',
      splitting: true,
      platform: 'browser',
      logLevel: 'error',
      define: { 'process.env.NODE_ENV': '"production"' },
      plugins: [firstLoadOnly],
    }),
  })),
  ...cases.map(({ name, imports, limit }) => ({
    name: `vite: ${imports}`,
    path: join(viteDir, `${name}.js`),
    limit,
    gzip: true,
    // Already bundled and minified by Vite: esbuild only reprints it (whitespace-minified).
    modifyEsbuildConfig: (config) => ({
      ...config,
      bundle: false,
      minifyIdentifiers: false,
      minifySyntax: false,
      minifyWhitespace: true,
    }),
  })),
];
