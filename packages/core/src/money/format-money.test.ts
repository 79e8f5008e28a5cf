import { describe, expect, it } from 'vitest';
import { formatMoney } from './format-money.js';
import { minorUnitDigits } from './minor-unit-digits.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('formatMoney', () => {
  it('writes US dollars the American way in English', () => {
    expect(formatMoney(123456, { currency: 'usd', locale: 'en' })).toBe('$1,234.56');
    expect(formatMoney(5, { currency: 'usd' })).toBe('$0.05');
    expect(formatMoney(0, { currency: 'USD' })).toBe('$0.00');
    expect(formatMoney(-2500, { currency: 'usd' })).toBe('-$25.00');
  });

  it('writes amounts the German way, with a no-break space before the symbol', () => {
    expect(formatMoney(123456, { currency: 'usd', locale: 'de' })).toBe(`1.234,56${NBSP}$`);
    expect(formatMoney(123456, { currency: 'eur', locale: 'de' })).toBe(`1.234,56${NBSP}€`);
  });

  it('writes amounts the French way, naming US dollars apart from other dollars', () => {
    expect(formatMoney(123456, { currency: 'usd', locale: 'fr' })).toBe(
      `1${NNBSP}234,56${NBSP}$US`,
    );
  });

  it('uses the currency’s own number of decimals', () => {
    expect(formatMoney(1234, { currency: 'jpy' })).toBe('¥1,234');
    expect(formatMoney(1234, { currency: 'bhd' })).toBe(`BHD${NBSP}1.234`);
    // Stripe's ISK amounts are in hundredths although the króna is shown without decimals.
    expect(formatMoney(50000, { currency: 'isk' })).toBe(`ISK${NBSP}500`);
  });

  it('shows signs as asked', () => {
    expect(formatMoney(500, { currency: 'usd', signDisplay: 'always' })).toBe('+$5.00');
    expect(formatMoney(-500, { currency: 'usd', signDisplay: 'never' })).toBe('$5.00');
    expect(formatMoney(0, { currency: 'usd', signDisplay: 'exceptZero' })).toBe('$0.00');
    expect(formatMoney(-500, { currency: 'usd', locale: 'de', signDisplay: 'always' })).toBe(
      `-5,00${NBSP}$`,
    );
  });

  it('shortens large amounts for chart axes when compact', () => {
    expect(formatMoney(123456789, { currency: 'usd', compact: true })).toBe('$1.2M');
    expect(formatMoney(123456, { currency: 'usd', compact: true })).toBe('$1.2K');
    expect(formatMoney(123456789, { currency: 'usd', locale: 'de', compact: true })).toBe(
      `1,2${NBSP}Mio.${NBSP}$`,
    );
  });

  it('stays exact to the cent for the largest safe amounts', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, { currency: 'usd' })).toBe(
      '$90,071,992,547,409.91',
    );
  });

  it('formats with any regional tag Intl knows, and English for unknown ones', () => {
    expect(formatMoney(123456, { currency: 'eur', locale: 'de-AT' })).toBe(`€${NBSP}1.234,56`);
    expect(formatMoney(123456, { currency: 'usd', locale: 'xx-invalid' })).toBe('$1,234.56');
  });

  it('refuses amounts that are not whole minor units and malformed currencies', () => {
    expect(() => formatMoney(12.5, { currency: 'usd' })).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN, { currency: 'usd' })).toThrow(RangeError);
    expect(() => formatMoney(100, { currency: 'dollars' })).toThrow(/three-letter ISO 4217/);
  });
});

describe('minorUnitDigits', () => {
  it('knows two-, zero- and three-decimal currencies', () => {
    expect(minorUnitDigits('usd')).toBe(2);
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('jpy')).toBe(0);
    expect(minorUnitDigits('krw')).toBe(0);
    expect(minorUnitDigits('bhd')).toBe(3);
  });

  it('follows Stripe where it keeps ISO zero-decimal currencies two-decimal', () => {
    expect(minorUnitDigits('isk')).toBe(2);
    expect(minorUnitDigits('huf')).toBe(2);
  });
});
