/*
 * Loaded lazily with the form (see `top-up-form.tsx`): it takes an Intl tag, not a Purse locale,
 * so it imports nothing from the package's first load.
 */

export interface CurrencyAffix {
  /** The currency sign as the locale writes it: `$` (en), `$` (de), `$US` (fr). */
  symbol: string;
  /** Whether the locale writes it before the number (`$12`) or after (`12 $`). */
  position: 'prefix' | 'suffix';
  /** A sample amount in the locale's number format, for placeholders and hints (`1,234.56`). */
  example: string;
  /** `0.00`, `0,00`. */
  placeholder: string;
}

const cache = new Map<string, CurrencyAffix>();

/** Where an amount field puts its currency sign, and how numbers look, in `intlLocale`. */
export function currencyAffix(intlLocale: string, currency: string): CurrencyAffix {
  const key = `${intlLocale}|${currency}`;
  let affix = cache.get(key);
  if (!affix) {
    const parts = new Intl.NumberFormat(intlLocale, {
      style: 'currency',
      currency: currency.toUpperCase(),
    }).formatToParts(1);
    const symbolAt = parts.findIndex((part) => part.type === 'currency');
    const numberAt = parts.findIndex((part) => part.type === 'integer');
    const number = new Intl.NumberFormat(intlLocale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    affix = {
      symbol: parts[symbolAt]?.value ?? currency.toUpperCase(),
      position: symbolAt !== -1 && symbolAt > numberAt ? 'suffix' : 'prefix',
      example: number.format(1234.56),
      placeholder: number.format(0),
    };
    cache.set(key, affix);
  }
  return affix;
}

/** A quick amount's label, without cents when there are none: `$50`, `50 $`, `50 $US`. */
export function wholeMoney(amountMinor: number, intlLocale: string, currency: string): string {
  return new Intl.NumberFormat(intlLocale, {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: amountMinor % 100 === 0 ? 0 : 2,
  }).format(amountMinor / 100);
}
