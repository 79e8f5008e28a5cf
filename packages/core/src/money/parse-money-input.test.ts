import { describe, expect, it } from 'vitest';
import { resolveIntlLocale } from '../locale/locale.js';
import { formatMoney } from './format-money.js';
import { minorUnitDigits } from './minor-unit-digits.js';
import { parseMoneyInput } from './parse-money-input.js';

/** As a form calls it: the currency's digits and the Intl tag of a Purse locale. */
const parse = (
  text: string,
  options: { currency: string; locale?: string },
): ReturnType<typeof parseMoneyInput> =>
  parseMoneyInput(text, {
    currency: options.currency,
    digits: minorUnitDigits(options.currency),
    intlLocale: resolveIntlLocale(options.locale),
  });

const usd = (text: string, locale?: string): ReturnType<typeof parseMoneyInput> =>
  parse(text, locale === undefined ? { currency: 'usd' } : { currency: 'usd', locale });

describe('parseMoneyInput', () => {
  it('reads English amounts with thousands separators', () => {
    expect(usd('1,234.56', 'en')).toEqual({ ok: true, amount: 123456 });
    expect(usd('1234.56')).toEqual({ ok: true, amount: 123456 });
    expect(usd('1,000,000')).toEqual({ ok: true, amount: 100000000 });
    expect(usd('25')).toEqual({ ok: true, amount: 2500 });
  });

  it('reads German amounts with a decimal comma', () => {
    expect(usd('1.234,56', 'de')).toEqual({ ok: true, amount: 123456 });
    expect(usd('1234,5', 'de')).toEqual({ ok: true, amount: 123450 });
    expect(usd('1.234', 'de')).toEqual({ ok: true, amount: 123400 });
    expect(usd('1.234.567,89', 'de')).toEqual({ ok: true, amount: 123456789 });
  });

  it('reads French amounts grouped with any kind of space', () => {
    expect(usd('1 234,56', 'fr')).toEqual({ ok: true, amount: 123456 });
    expect(usd('1\u202f234,56', 'fr')).toEqual({ ok: true, amount: 123456 });
    expect(usd('1\u00a0234,56', 'fr')).toEqual({ ok: true, amount: 123456 });
  });

  it('is exact where floating point would not be', () => {
    expect(usd('0.29')).toEqual({ ok: true, amount: 29 });
    expect(usd('1.15')).toEqual({ ok: true, amount: 115 });
    expect(usd('4.35')).toEqual({ ok: true, amount: 435 });
    expect(usd('0,29', 'de')).toEqual({ ok: true, amount: 29 });
  });

  it('accepts a currency symbol or code before or after the number, with spaces', () => {
    expect(usd('$1,234.56')).toEqual({ ok: true, amount: 123456 });
    expect(usd('  $ 12.50  ')).toEqual({ ok: true, amount: 1250 });
    expect(usd('USD 12')).toEqual({ ok: true, amount: 1200 });
    expect(usd('usd12')).toEqual({ ok: true, amount: 1200 });
    expect(usd('12,50\u00a0$', 'de')).toEqual({ ok: true, amount: 1250 });
    expect(usd('1 234,56 $US', 'fr')).toEqual({ ok: true, amount: 123456 });
  });

  it('reads back what formatMoney writes, in every locale', () => {
    for (const locale of ['en', 'de', 'fr']) {
      const text = formatMoney(123456, { currency: 'usd', locale });
      expect(parse(text, { currency: 'usd', locale }), `${locale}: ${text}`).toEqual({
        ok: true,
        amount: 123456,
      });
    }
  });

  it('takes the "other" separator as a decimal point where it cannot group thousands', () => {
    expect(usd('12.5', 'de')).toEqual({ ok: true, amount: 1250 });
    expect(usd('12.50', 'fr')).toEqual({ ok: true, amount: 1250 });
    expect(usd('12,50', 'en')).toEqual({ ok: true, amount: 1250 });
    // Three digits after it are a thousands group in the locale that groups with it.
    expect(usd('1,500', 'en')).toEqual({ ok: true, amount: 150000 });
  });

  it('accepts a leading or trailing decimal point', () => {
    expect(usd('.5')).toEqual({ ok: true, amount: 50 });
    expect(usd('5.')).toEqual({ ok: true, amount: 500 });
    expect(usd(',75', 'de')).toEqual({ ok: true, amount: 75 });
  });

  it('says an input with no number in it is empty', () => {
    expect(usd('')).toEqual({ ok: false, reason: 'empty' });
    expect(usd('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(usd('$')).toEqual({ ok: false, reason: 'empty' });
    expect(usd(' - ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('rejects ambiguous or malformed numbers', () => {
    for (const text of [
      '1,2,3.4.5',
      'abc',
      '12abc',
      '1e5',
      '1.2.3',
      '12 34',
      '1,23,456',
      '.',
      '$12$',
      '€12',
      '(5.00)',
      '1.234,56',
    ]) {
      expect(usd(text, 'en'), text).toEqual({ ok: false, reason: 'not_a_number' });
    }
    expect(usd('1.23.45', 'de')).toEqual({ ok: false, reason: 'not_a_number' });
  });

  it('rejects more decimals than the currency has', () => {
    expect(usd('1.005')).toEqual({ ok: false, reason: 'too_many_decimals' });
    expect(usd('1,005', 'de')).toEqual({ ok: false, reason: 'too_many_decimals' });
    expect(usd('1.000')).toEqual({ ok: false, reason: 'too_many_decimals' });
    expect(parse('1.5', { currency: 'jpy' })).toEqual({
      ok: false,
      reason: 'too_many_decimals',
    });
  });

  it('reads whole yen and three-decimal dinars in their minor units', () => {
    expect(parse('¥1,500', { currency: 'jpy' })).toEqual({ ok: true, amount: 1500 });
    expect(parse('1.234', { currency: 'bhd' })).toEqual({ ok: true, amount: 1234 });
  });

  it('rejects negative amounts wherever the minus sign is', () => {
    expect(usd('-5')).toEqual({ ok: false, reason: 'negative' });
    expect(usd('-$5')).toEqual({ ok: false, reason: 'negative' });
    expect(usd('$-5')).toEqual({ ok: false, reason: 'negative' });
    expect(usd('\u22125,00 $', 'de')).toEqual({ ok: false, reason: 'negative' });
    expect(usd('-1.005')).toEqual({ ok: false, reason: 'negative' });
  });

  it('treats minus zero and plus signs as plain numbers', () => {
    expect(usd('-0')).toEqual({ ok: true, amount: 0 });
    expect(usd('+12')).toEqual({ ok: true, amount: 1200 });
    expect(usd('0')).toEqual({ ok: true, amount: 0 });
  });

  it('reads full-width digits', () => {
    expect(usd('１２.５０')).toEqual({ ok: true, amount: 1250 });
  });

  it('refuses amounts too large to count in minor units exactly', () => {
    expect(usd('99999999999999999999')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(usd('90071992547409.91')).toEqual({ ok: true, amount: Number.MAX_SAFE_INTEGER });
  });
});
