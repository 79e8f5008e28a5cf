import { resolveIntlLocale, type LocaleInput } from '../locale/locale.js';
import { minorToDecimalString, minorUnitDigits, normalizeCurrency } from './minor-unit-digits.js';

export interface FormatMoneyOptions {
  /** ISO 4217 code, any case (`'usd'` as Stripe sends it, or `'USD'`). */
  currency: string;
  /**
   * A Purse locale or any BCP-47 tag Intl supports (see `resolveIntlLocale`).
   * @default 'en'
   */
  locale?: LocaleInput;
  /**
   * When to show a sign, as `Intl.NumberFormat`'s `signDisplay`: `'always'` gives `+$5.00` for
   * money in, `'never'` shows the magnitude only.
   * @default 'auto'
   */
  signDisplay?: 'auto' | 'always' | 'exceptZero' | 'negative' | 'never';
  /**
   * Short form for tight spaces such as chart axes: `$1.2K`, `1,2 k $US`.
   * @default false
   */
  compact?: boolean;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats an amount in minor units (cents) for people: `$1,234.56` in `en`, `1.234,56 $` in `de`,
 * `1 234,56 $US` in `fr` (exactly what the runtime's Intl produces, non-breaking spaces
 * included). Throws a RangeError for an amount that is not a safe integer or a malformed currency.
 */
export function formatMoney(amountMinor: number, options: FormatMoneyOptions): string {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`formatMoney needs an integer amount in minor units, got ${amountMinor}.`);
  }
  const currency = normalizeCurrency(options.currency);
  const locale = resolveIntlLocale(options.locale);
  const signDisplay = options.signDisplay ?? 'auto';
  const compact = options.compact ?? false;
  const key = `${locale}|${currency}|${signDisplay}|${String(compact)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      signDisplay,
      ...(compact ? { notation: 'compact', compactDisplay: 'short' } : {}),
    });
    formatters.set(key, formatter);
  }
  // A decimal string stays exact; dividing by 100 in floating point can lose the last cent of
  // amounts above 2^53 / 100.
  const decimal = minorToDecimalString(amountMinor, minorUnitDigits(currency));
  return formatter.format(decimal as Intl.StringNumericLiteral);
}
