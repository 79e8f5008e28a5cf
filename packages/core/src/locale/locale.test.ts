import { describe, expect, it } from 'vitest';
import {
  LOCALE_TAGS,
  SUPPORTED_LOCALES,
  isPurseLocale,
  resolveIntlLocale,
  resolveLocale,
} from './locale.js';

describe('resolveLocale', () => {
  it('accepts a bare language in any case', () => {
    expect(resolveLocale('de')).toBe('de');
    expect(resolveLocale('FR')).toBe('fr');
    expect(resolveLocale('en')).toBe('en');
  });

  it('reads the language of a regional tag, with a hyphen or an underscore', () => {
    expect(resolveLocale('de-DE')).toBe('de');
    expect(resolveLocale('de-AT')).toBe('de');
    expect(resolveLocale('fr-CA')).toBe('fr');
    expect(resolveLocale('fr_CH')).toBe('fr');
    expect(resolveLocale('en-GB')).toBe('en');
  });

  it('falls back to English for unsupported languages, nothing, and junk', () => {
    expect(resolveLocale('es-ES')).toBe('en');
    expect(resolveLocale('ja')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
    expect(resolveLocale(null)).toBe('en');
    expect(resolveLocale('')).toBe('en');
    expect(resolveLocale('!!')).toBe('en');
    expect(resolveLocale()).toBe('en');
  });

  it('picks the best supported language of an Accept-Language header by quality', () => {
    expect(resolveLocale('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toBe('fr');
    expect(resolveLocale('es-ES,es;q=0.9,de;q=0.8,en;q=0.7')).toBe('de');
    expect(resolveLocale('en;q=0.5, de;q=0.9')).toBe('de');
    expect(resolveLocale('de;q=0, fr')).toBe('fr');
  });
});

describe('resolveIntlLocale', () => {
  it('gives each Purse locale its own region for Intl', () => {
    expect(resolveIntlLocale('en')).toBe('en-US');
    expect(resolveIntlLocale('de')).toBe('de-DE');
    expect(resolveIntlLocale('fr')).toBe('fr-FR');
    expect(LOCALE_TAGS).toEqual({ en: 'en-US', de: 'de-DE', fr: 'fr-FR' });
  });

  it('defaults to American English', () => {
    expect(resolveIntlLocale()).toBe('en-US');
  });

  it('keeps a regional tag Intl supports, so Austrians get Austrian formats', () => {
    expect(resolveIntlLocale('de-AT')).toBe('de-AT');
    expect(resolveIntlLocale('en_GB')).toBe('en-GB');
  });

  it('falls back to a supported tag for malformed input and header lists', () => {
    expect(resolveIntlLocale('not a locale')).toBe('en-US');
    expect(resolveIntlLocale('fr-CH, fr;q=0.9')).toBe('fr-FR');
  });
});

describe('SUPPORTED_LOCALES', () => {
  it('lists English, German and French, English first', () => {
    expect(SUPPORTED_LOCALES).toEqual(['en', 'de', 'fr']);
    expect(SUPPORTED_LOCALES.every(isPurseLocale)).toBe(true);
    expect(isPurseLocale('de-DE')).toBe(false);
    expect(isPurseLocale(3)).toBe(false);
  });
});
