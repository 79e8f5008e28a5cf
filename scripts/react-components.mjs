/**
 * The components `@purse/react` exports, read from its shipped type declarations (`dist`), for
 * `pnpm bench:bundle` and the size budget (`.size-limit.mjs`).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const reactPackageDir = join(root, 'packages/react');

/** PascalCase exports that are not components. */
const NOT_COMPONENTS = new Set(['PurseError', 'LiveUpdates']);
/** PascalCase, not CONSTANT_CASE. */
const COMPONENT_NAME = /^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/;

/** Component names: PascalCase runtime exports of `dist/index.d.ts`. */
export function exportedComponents() {
  const dts = readFileSync(join(reactPackageDir, 'dist/index.d.ts'), 'utf8');
  const names = [];
  for (const match of dts.matchAll(/^export\s+(type\s+)?\{([^}]*)\}/gm)) {
    if (match[1]) continue; // `export type { … }`
    for (const part of match[2].split(',')) {
      const spec = part.trim();
      if (!spec || spec.startsWith('type ')) continue;
      const name = spec
        .split(/\s+as\s+/)
        .pop()
        .trim();
      if (COMPONENT_NAME.test(name) && !NOT_COMPONENTS.has(name)) names.push(name);
    }
  }
  for (const match of dts.matchAll(/^export\s+declare\s+(?:function|const)\s+([A-Z]\w*)/gm)) {
    if (COMPONENT_NAME.test(match[1]) && !NOT_COMPONENTS.has(match[1])) names.push(match[1]);
  }
  return [...new Set(names)];
}

/** Bundled apps have these already: they are not counted. */
export const EXTERNAL = [/^react(?:\/|$)/, /^react-dom(?:\/|$)/, /^@stripe\//];

/** An app's entry that imports `component` (and the provider) from `@purse/react` and renders it. */
export function entrySource(component) {
  const imports = component === 'PurseProvider' ? 'PurseProvider' : `PurseProvider, ${component}`;
  const child = component === 'PurseProvider' ? 'null' : `createElement(${component}, {})`;
  return [
    `import { createElement } from 'react';`,
    `import { createRoot } from 'react-dom/client';`,
    `import { ${imports} } from '@purse/react';`,
    `createRoot(document.getElementById('root')).render(`,
    `  createElement(PurseProvider, { baseUrl: '/api/purse' }, ${child}),`,
    `);`,
    '',
  ].join('\n');
}

/**
 * Builds `entrySource(component)` as an app would (Vite 8, Rolldown, production, minified,
 * `EXTERNAL` left out) in `dir`, from the shipped `dist`. Returns the first load (the entry and
 * the chunks it imports statically, transitively) and the lazy chunks (reached only through
 * dynamic `import()`).
 */
export async function viteFirstLoad(component, dir) {
  const { build } = await import('vite');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'entry.js');
  writeFileSync(entry, entrySource(component));
  const result = await build({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    mode: 'production',
    build: {
      write: false,
      modulePreload: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: entry,
        external: (id) => EXTERNAL.some((pattern) => pattern.test(id)),
        // Quiet: `'use client'` is dropped when bundling, as it should be in an app.
        onLog() {},
      },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunks = outputs.flatMap((o) => o.output).filter((item) => item.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const first = new Set();
  const queue = chunks.filter((chunk) => chunk.isEntry);
  while (queue.length > 0) {
    const chunk = queue.pop();
    if (first.has(chunk)) continue;
    first.add(chunk);
    for (const file of chunk.imports) {
      const imported = byName.get(file);
      if (imported) queue.push(imported);
    }
  }
  return { first: [...first], lazy: chunks.filter((chunk) => !first.has(chunk)) };
}
