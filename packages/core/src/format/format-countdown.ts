import { resolveIntlLocale, type LocaleInput } from '../locale/locale.js';

export interface FormatCountdownOptions {
  /**
   * Decides the digits: ASCII for `en`, `de` and `fr`; another tag may bring its own numbering
   * system (`ar-EG`). The `:` separator and the layout are the same everywhere.
   * @default 'en'
   */
  locale?: LocaleInput;
}

export interface FormatDurationOptions {
  /**
   * A Purse locale or any BCP-47 tag Intl supports.
   * @default 'en'
   */
  locale?: LocaleInput;
  /** `'1 hour, 5 minutes'`, `'1 hr, 5 min'` or `'1h 5m'`. @default 'long' */
  style?: 'long' | 'short' | 'narrow';
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(
  key: string,
  locale: string,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** Whole seconds left, rounded up so a countdown reaches 0 only when time is really up. */
function wholeSeconds(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 0;
}

/**
 * A stopwatch-style countdown for refresh cooldowns: `0:42`, `5:00`, `1:05:09`. Fractions round
 * up and negative or non-finite input shows `0:00`. For screen readers, prefer `formatDuration`.
 */
export function formatCountdown(seconds: number, options: FormatCountdownOptions = {}): string {
  const locale = resolveIntlLocale(options.locale);
  const plain = numberFormat(`${locale}|1`, locale, { useGrouping: false });
  const padded = numberFormat(`${locale}|2`, locale, {
    useGrouping: false,
    minimumIntegerDigits: 2,
  });
  const total = wholeSeconds(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  return hours > 0
    ? `${plain.format(hours)}:${padded.format(minutes)}:${padded.format(secs)}`
    : `${plain.format(minutes)}:${padded.format(secs)}`;
}

/**
 * A duration in words: `1 hour, 5 minutes, 9 seconds`, `1 Stunde, 5 Minuten und 9 Sekunden`.
 * Zero parts are left out (`5 minutes`); fractions round up; nothing left is `0 seconds`.
 */
export function formatDuration(seconds: number, options: FormatDurationOptions = {}): string {
  const locale = resolveIntlLocale(options.locale);
  const style = options.style ?? 'long';
  const total = wholeSeconds(seconds);
  const parts = (
    [
      ['hour', Math.floor(total / 3600)],
      ['minute', Math.floor((total % 3600) / 60)],
      ['second', total % 60],
    ] as const
  )
    .filter(([, value], index, all) => value > 0 || (total === 0 && index === all.length - 1))
    .map(([unit, value]) =>
      numberFormat(`${locale}|${unit}|${style}`, locale, {
        style: 'unit',
        unit,
        unitDisplay: style,
      }).format(value),
    );
  return new Intl.ListFormat(locale, { type: 'unit', style }).format(parts);
}
