/**
 * How many digits a currency's minor unit has in Stripe's `amount` fields.
 */

// Stripe keeps these two-decimal in its API although ISO 4217 (and so Intl) says zero: an ISK
// `amount` of 100 is one króna, and HUF amounts are charged in fillér.
// https://docs.stripe.com/currencies#special-cases
const STRIPE_DIGITS: Readonly<Record<string, number>> = { ISK: 2, HUF: 2 };

const digitsByCurrency = new Map<string, number>();

/** Throws a RangeError unless `currency` looks like an ISO 4217 code; returns it upper-cased. */
export function normalizeCurrency(currency: string): string {
  if (!/^[A-Za-z]{3}$/.test(currency)) {
    throw new RangeError(
      `Invalid currency code "${currency}": use a three-letter ISO 4217 code such as "usd".`,
    );
  }
  return currency.toUpperCase();
}

/**
 * The number of minor-unit digits of `currency` (case-insensitive): 2 for USD and EUR, 0 for JPY
 * and KRW, 3 for BHD and KWD. It is what Intl knows from ISO 4217, except where Stripe's API
 * differs (ISK and HUF stay two-decimal there).
 */
export function minorUnitDigits(currency: string): number {
  const code = normalizeCurrency(currency);
  let digits = digitsByCurrency.get(code);
  if (digits === undefined) {
    digits =
      STRIPE_DIGITS[code] ??
      new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits ??
      2;
    digitsByCurrency.set(code, digits);
  }
  return digits;
}

/** `12345` with 2 digits → `'123.45'`, exactly (no floating point on the way). */
export function minorToDecimalString(amountMinor: number, digits: number): string {
  const sign = amountMinor < 0 ? '-' : '';
  const abs = String(Math.abs(amountMinor));
  if (digits === 0) return `${sign}${abs}`;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}
