import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The files a module reaches at run time (`import type` / `export type` are erased). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [join(src, entry)];
  while (queue.length > 0) {
    const file = queue.pop();
    if (file === undefined || seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(
      /^(?:import|export)(?!\s+type\b)[^;]*?from\s*['"](\.[^'"]+)['"]/gms,
    ))
      if (specifier) queue.push(join(dirname(file), specifier.replace(/\.js$/, '.ts')));
  }
  return new Set([...seen].map((file) => relative(src, file)));
}

describe('@purse/core/top-up-form', () => {
  it('shares no file with the main entry (esbuild would hoist it into every first load)', () => {
    const main = reachable('index.ts');
    const form = reachable('top-up-form/index.ts');
    expect(form).toContain('client/stores/top-up-form-store.ts');
    expect(main).toContain('client/stores/top-up-form-kit.ts');
    expect([...form].filter((file) => main.has(file))).toEqual([]);
  });
});
