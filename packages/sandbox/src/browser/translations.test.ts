/**
 * Every visible string the demo shows exists in German and French, and none was left in English:
 * the demo's own catalogs, this stand-in modal's, and every @purse/react component catalog (the
 * locale packs). A translated string equal to its English source fails, unless the whole string
 * is on the allow-list below (brand and product names, and words that are the same in that
 * language). It lives here because the modal is the one catalog outside the demo and the kit.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modalMessages } from './messages.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../../../..');

/** Whole strings allowed to read the same as English, with why. */
const SAME_AS_ENGLISH: Readonly<Record<'de' | 'fr', readonly string[]>> = {
  de: [
    'Fieldwork', // the host product's name
    'StripeBank', // a test bank's name
    'Down Bank', // a test bank's name
    'Purse', // the product
    'Demo', // German uses the same word
    'Bank', // German uses the same word
    '(optional)', // German uses the same word
  ],
  fr: [
    'Fieldwork',
    'StripeBank',
    'Down Bank',
    'Purse',
    'Total', // French uses the same word
    'Description', // French uses the same word
  ],
};

/** Sample arguments for message functions (names, dates and amounts are passed as text). */
const SAMPLE_ARGS = ['Ada', 'Ada', 'Ada', 'Ada'];

type Leaf = { path: string; value: string };

/** Every string in a catalog, functions called with sample arguments. */
function leaves(value: unknown, path: string, out: Leaf[] = []): Leaf[] {
  if (typeof value === 'string') out.push({ path, value });
  else if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    const args = SAMPLE_ARGS.slice(0, fn.length);
    let result: unknown;
    try {
      result = fn(...args);
    } catch {
      // Some take numbers (counts): call with one.
      result = fn(...Array.from({ length: fn.length }, () => 2));
    }
    leaves(result, `${path}()`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) leaves(child, `${path}.${key}`, out);
  }
  return out;
}

function untranslated(
  catalogs: Record<string, unknown>,
  name: string,
): { de: string[]; fr: string[] } {
  const english = new Map(leaves(catalogs.en, name).map((l) => [l.path, l.value]));
  const result = { de: [] as string[], fr: [] as string[] };
  for (const locale of ['de', 'fr'] as const) {
    const translated = leaves(catalogs[locale], name);
    // Same keys: nothing missing, nothing extra.
    expect(translated.map((l) => l.path).sort(), `${name} keys in ${locale}`).toEqual(
      [...english.keys()].sort(),
    );
    for (const { path, value } of translated) {
      // Only words count: not punctuation, and not the sample arguments a message repeats.
      if (!/\p{L}/u.test(value.replaceAll('Ada', ''))) continue;
      if (english.get(path) === value && !SAME_AS_ENGLISH[locale].includes(value))
        result[locale].push(`${path} = ${JSON.stringify(value)}`);
    }
  }
  return result;
}

function filesNamed(dir: string, test: (name: string) => boolean, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) filesNamed(full, test, out);
    else if (test(entry)) out.push(full);
  }
  return out;
}

function isCatalog(value: unknown): value is Record<'en' | 'de' | 'fr', unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    ['en', 'de', 'fr'].every((k) => k in value && typeof (value as never)[k] === 'object')
  );
}

describe('translations', () => {
  it('the bank-link modal has no English left in German or French', () => {
    expect(untranslated(modalMessages, 'modal')).toEqual({ de: [], fr: [] });
  });

  it('the demo’s catalogs have no English left in German or French', async () => {
    const url = pathToFileURL(join(repo, 'apps/demo/src/messages.ts')).href;
    const { demoMessages } = (await import(url)) as { demoMessages: Record<string, unknown> };
    expect(untranslated(demoMessages, 'demo')).toEqual({ de: [], fr: [] });
  });

  it('every @purse/react component catalog has no English left in German or French', async () => {
    const files = filesNamed(join(repo, 'packages/react/src'), (name) =>
      /^(messages|failure-messages|catalog)\.ts$/.test(name),
    );
    expect(files.length).toBeGreaterThanOrEqual(10);
    const found: Record<string, { de: string[]; fr: string[] }> = {};
    let catalogs = 0;
    for (const file of files) {
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        if (!isCatalog(value)) continue;
        catalogs += 1;
        const result = untranslated(value, `${relative(repo, file)}:${name}`);
        if (result.de.length + result.fr.length > 0) found[name] = result;
      }
    }
    // Every component's catalog (the kit removed its unused ones; six remain in use).
    expect(catalogs).toBeGreaterThanOrEqual(6);
    expect(found).toEqual({});
  });

  it('fails on a string left in English (the check itself can fail)', () => {
    const catalogs = {
      en: { title: 'Top up', brand: 'Fieldwork' },
      de: { title: 'Top up', brand: 'Fieldwork' },
      fr: { title: 'Recharger', brand: 'Fieldwork' },
    };
    expect(untranslated(catalogs, 'sample')).toEqual({
      de: ['sample.title = "Top up"'],
      fr: [],
    });
  });
});
