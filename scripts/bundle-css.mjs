#!/usr/bin/env node
// Inlines `@import "./x.css";` lines (relative paths) so the package ships one stylesheet.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

function inline(file, seen = new Set()) {
  const path = resolve(file);
  if (seen.has(path)) return '';
  seen.add(path);
  return readFileSync(path, 'utf8').replace(/^@import\s+["'](\.[^"']+)["'];\s*$/gm, (_, rel) =>
    inline(resolve(dirname(path), rel), seen),
  );
}

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error('usage: bundle-css.mjs <entry.css> <out.css>');
  process.exit(1);
}
mkdirSync(dirname(resolve(to)), { recursive: true });
writeFileSync(to, inline(from));
