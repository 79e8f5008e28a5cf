/**
 * Locale packs. English is built into every component; German and French come as packs that an
 * app imports once, so an app in one language does not ship the other two:
 *
 *   import '@purse/react/locales/de'; // registers the German pack
 *
 * A component asked for a locale whose pack is not loaded falls back to English (and warns once
 * in development). Money and dates are formatted in the requested locale either way.
 */
import type { PurseLocale } from '@purse/core';

/** The English catalog of one component, and the key its translations are filed under. */
export interface MessageRef<T> {
  readonly key: string;
  readonly en: T;
}

/** One locale's messages for every component, filed by `MessageRef.key`. */
export interface LocalePack {
  readonly locale: Exclude<PurseLocale, 'en'>;
  readonly messages: Readonly<Record<string, unknown>>;
}

const packs = new Map<PurseLocale, LocalePack>();
const warned = new Set<string>();

export function defineMessages<T>(key: string, en: T): MessageRef<T> {
  return { key, en };
}

/** Makes a locale's messages available to every `<PurseProvider>`. */
export function registerLocalePack(pack: LocalePack): void {
  packs.set(pack.locale, pack);
}

/** Whether the pack for `locale` is loaded (English always is). */
export function isLocaleLoaded(locale: PurseLocale): boolean {
  return locale === 'en' || packs.has(locale);
}

/** The messages of `ref` in `locale`, or English when that locale's pack is not loaded. */
export function messagesFor<T>(ref: MessageRef<T>, locale: PurseLocale): T {
  if (locale === 'en') return ref.en;
  const found = packs.get(locale)?.messages[ref.key];
  if (found !== undefined) return found as T;
  if (!warned.has(locale)) {
    warned.add(locale);
    console.warn(
      `[purse] The '${locale}' messages are not loaded, so Purse shows English. Add \`import '@purse/react/locales/${locale}';\` once in your app.`,
    );
  }
  return ref.en;
}
