/**
 * The languages Purse speaks, and the Intl locale each one formats with.
 */

/** A language Purse has messages and formats for. */
export type PurseLocale = 'en' | 'de' | 'fr';

/**
 * A Purse locale or any BCP-47 tag (`'de-AT'`, `'en-GB'`), as formatting functions accept.
 * (`string & Record<never, never>` keeps editor suggestions for the three Purse locales.)
 */
export type LocaleInput = PurseLocale | (string & Record<never, never>);

/** Every supported locale, English first (the fallback). */
export const SUPPORTED_LOCALES: readonly PurseLocale[] = ['en', 'de', 'fr'];

/** The locale used when nothing else matches. */
export const DEFAULT_LOCALE: PurseLocale = 'en';

/** The BCP-47 tag each locale hands to `Intl` (its region decides separators and date order). */
export const LOCALE_TAGS: Readonly<Record<PurseLocale, string>> = {
  en: 'en-US',
  de: 'de-DE',
  fr: 'fr-FR',
};

export function isPurseLocale(value: unknown): value is PurseLocale {
  return value === 'en' || value === 'de' || value === 'fr';
}

/**
 * The supported locale that best fits `input`: a language (`'de'`), a tag (`'de-DE'`, `'fr_CA'`)
 * or an `Accept-Language` header (`'fr-CH, fr;q=0.9, en;q=0.8'`, best quality first).
 * Anything else, including nothing, gives `'en'`.
 */
export function resolveLocale(input?: string | null): PurseLocale {
  if (!input) return DEFAULT_LOCALE;
  const ranked = input
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), quality: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    const language = tag.split(/[-_]/)[0]?.toLowerCase();
    if (isPurseLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

const intlLocales = new Map<string, string>();

/**
 * The tag to pass to `Intl` for `locale`. A supported locale maps to its `LOCALE_TAGS` entry;
 * any other tag the runtime's `Intl` supports is used as given (so `'de-AT'` formats the Austrian
 * way); anything else falls back to the tag of `resolveLocale(locale)`. Without a locale it
 * is `'en-US'`.
 */
export function resolveIntlLocale(locale?: LocaleInput): string {
  if (locale === undefined) return LOCALE_TAGS[DEFAULT_LOCALE];
  if (isPurseLocale(locale)) return LOCALE_TAGS[locale];
  let tag = intlLocales.get(locale);
  if (tag === undefined) {
    tag = LOCALE_TAGS[resolveLocale(locale)];
    try {
      const [canonical] = Intl.getCanonicalLocales(locale.replace(/_/g, '-'));
      if (canonical && Intl.NumberFormat.supportedLocalesOf(canonical).length > 0) tag = canonical;
    } catch {
      // Not a well-formed tag: keep the fallback.
    }
    intlLocales.set(locale, tag);
  }
  return tag;
}
