/*
 * This module imports nothing: it is part of `@purse/core/top-up-form`, downloaded lazily, and a
 * file that `@purse/core`'s main entry reaches would be hoisted by esbuild into every first load.
 * So the currency's digits and the Intl locale come in as options.
 */
export interface ParseMoneyInputOptions {
  /** ISO 4217 code, any case. Decides which symbols are accepted. */
  currency: string;
  /** The currency's minor-unit digits: `minorUnitDigits(currency)` from `@purse/core`. */
  digits: number;
  /**
   * Whose separators to read, as an Intl tag: `resolveIntlLocale(locale)` from `@purse/core`.
   * `1,234.56` in `en-US`, `1.234,56` in `de-DE`, `1 234,56` in `fr-FR`.
   */
  intlLocale: string;
}

/** Why a text is not an amount. */
export type ParseMoneyFailureReason = 'empty' | 'not_a_number' | 'too_many_decimals' | 'negative';

export type ParseMoneyResult =
  | { ok: true; /** In minor units. */ amount: number }
  | { ok: false; reason: ParseMoneyFailureReason };

interface NumberSyntax {
  decimal: string;
  /** The other one of `.` and `,`, read as a decimal point when it cannot be a group separator. */
  altDecimal: string;
  groups: readonly string[];
  /** Upper-cased, longest first. */
  symbols: readonly string[];
}

const syntaxes = new Map<string, NumberSyntax>();

function syntaxFor(locale: string, currency: string): NumberSyntax {
  const key = `${locale}|${currency}`;
  let syntax = syntaxes.get(key);
  if (!syntax) {
    const partOf = (
      display: 'symbol' | 'narrowSymbol' | 'code',
      type: Intl.NumberFormatPartTypes,
    ): string | undefined =>
      new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: display })
        .formatToParts(1234567.5)
        .find((part) => part.type === type)
        ?.value.normalize('NFKC');
    const decimal = partOf('symbol', 'decimal') ?? '.';
    const group = partOf('symbol', 'group') ?? ',';
    const groups = new Set([group]);
    // People type plain spaces and apostrophes where Intl writes narrow no-break spaces and ’.
    if (/\s/.test(group)) groups.add(' ');
    if (group === '’') groups.add("'");
    const symbols = new Set(
      (['symbol', 'narrowSymbol', 'code'] as const).map((d) =>
        (partOf(d, 'currency') ?? currency).toUpperCase(),
      ),
    );
    symbols.add(currency);
    syntax = {
      decimal,
      altDecimal: decimal === ',' ? '.' : ',',
      groups: [...groups],
      symbols: [...symbols].sort((a, b) => b.length - a.length),
    };
    syntaxes.set(key, syntax);
  }
  return syntax;
}

const fail = (reason: ParseMoneyFailureReason): ParseMoneyResult => ({ ok: false, reason });

function stripSymbol(text: string, symbols: readonly string[], at: 'start' | 'end'): string | null {
  for (const symbol of symbols) {
    if (at === 'start' && text.startsWith(symbol)) return text.slice(symbol.length).trim();
    if (at === 'end' && text.endsWith(symbol)) return text.slice(0, -symbol.length).trim();
  }
  return null;
}

function isGrouped(integer: string, group: string): boolean {
  const parts = integer.split(group);
  const [head = '', ...rest] = parts;
  return rest.length > 0 && /^\d{1,3}$/.test(head) && rest.every((part) => /^\d{3}$/.test(part));
}

/** The integer part without group separators, or null when its grouping is malformed. */
function readInteger(integer: string, groups: readonly string[]): string | null {
  if (/^\d*$/.test(integer)) return integer;
  const used = groups.filter((g) => integer.includes(g));
  const [group] = used;
  if (used.length !== 1 || group === undefined || !isGrouped(integer, group)) return null;
  return integer.split(group).join('');
}

/**
 * Reads an amount someone typed into minor units, the way their locale writes numbers:
 * `de` reads `1.234,56` and `1234,5` as 123450, `en` reads `1,234.56`. It accepts a currency
 * symbol or code before or after the number (`$12`, `12,50 $`, `USD 12`), any kind of space,
 * and a `.` or `,` that can only be a decimal point (`12.5` in `de`, `12,50` in `en`). It rejects
 * ambiguous text such as `1,2,3.4.5`, more decimals than the currency has (`1.005` USD), and
 * negative amounts. Digits are combined as text, so `0.29` is exactly 29. A number too large to
 * be a safe integer in minor units is `not_a_number`.
 */
export function parseMoneyInput(text: string, options: ParseMoneyInputOptions): ParseMoneyResult {
  const { digits } = options;
  const syntax = syntaxFor(options.intlLocale, options.currency.toUpperCase());

  // NFKC turns no-break spaces into spaces and full-width digits into ASCII ones.
  let rest = text
    .normalize('NFKC')
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
  if (rest === '') return fail('empty');

  // A sign may come before or after a leading symbol: `-$5`, `$-5`, `-5 $`.
  const signMatch = /^([-+]) ?/.exec(rest);
  rest = rest.slice(signMatch?.[0].length ?? 0);
  rest =
    stripSymbol(rest, syntax.symbols, 'start') ?? stripSymbol(rest, syntax.symbols, 'end') ?? rest;
  const lateSign = signMatch ? null : /^([-+]) ?/.exec(rest);
  rest = rest.slice(lateSign?.[0].length ?? 0);
  const negative = (signMatch ?? lateSign)?.[1] === '-';
  if (rest === '') return fail('empty');

  let integer = rest;
  let fraction = '';
  const decimalAt = rest.indexOf(syntax.decimal);
  if (decimalAt !== -1) {
    integer = rest.slice(0, decimalAt);
    fraction = rest.slice(decimalAt + syntax.decimal.length);
  } else if (
    rest.split(syntax.altDecimal).length === 2 &&
    (!syntax.groups.includes(syntax.altDecimal) || !isGrouped(rest, syntax.altDecimal))
  ) {
    // `12.5` in German or `12,50` in English: it cannot be a group separator, so it is a decimal.
    [integer = '', fraction = ''] = rest.split(syntax.altDecimal);
  }

  const whole = readInteger(integer, syntax.groups);
  if (whole === null || !/^\d*$/.test(fraction) || whole + fraction === '') {
    return fail('not_a_number');
  }
  const minor = BigInt(whole + fraction.padEnd(digits, '0'));
  if (negative && minor > 0n) return fail('negative');
  if (fraction.length > digits) return fail('too_many_decimals');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return fail('not_a_number');
  return { ok: true, amount: Number(minor) };
}
