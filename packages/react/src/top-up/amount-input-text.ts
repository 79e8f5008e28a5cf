/** The amount field's text for a quick amount (used by the prop getters, in the first load). */
import { resolveIntlLocale, type PurseLocale } from '@purse/core';

/** Cents as a person would type them in `locale`, for the amount field: `50.00`, `50,00`. */
export function amountInputText(amountMinor: number, locale: PurseLocale): string {
  return new Intl.NumberFormat(resolveIntlLocale(locale), {
    minimumFractionDigits: 2,
    useGrouping: false,
  }).format(amountMinor / 100);
}
