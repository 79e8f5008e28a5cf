/**
 * Theming. One `PurseTheme` whose keys are Stripe's Appearance variable names, so a platform can
 * pass the same object to Stripe Elements or Connect embedded components and to Purse. It
 * becomes `--purse-*` CSS custom properties for our components and a Stripe `Appearance` for
 * Elements (which live in iframes that CSS variables cannot reach).
 */
import type { CSSProperties } from 'react';

export interface PurseTheme {
  colorPrimary?: string;
  colorBackground?: string;
  colorText?: string;
  colorTextSecondary?: string;
  colorDanger?: string;
  colorSuccess?: string;
  colorWarning?: string;
  colorBorder?: string;
  fontFamily?: string;
  /** CSS length, e.g. `8px`. */
  borderRadius?: string;
  /** The base spacing step, a CSS length such as `4px`; paddings are multiples of it. */
  spacingUnit?: string;
}

// A constant, not `lightTheme.fontFamily`: bundlers keep a table whose initialiser reads a
// property (it might be a getter), so the presets would ship with every provider.
const SYSTEM_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** The default theme: contrast ratios meet WCAG 2.2 AA on its background. */
export const lightTheme: Required<PurseTheme> = {
  colorPrimary: '#533afd',
  colorBackground: '#ffffff',
  colorText: '#1a1f36',
  colorTextSecondary: '#545969',
  colorDanger: '#c0123c',
  colorSuccess: '#15722f',
  colorWarning: '#8a5300',
  colorBorder: '#d5dbe1',
  fontFamily: SYSTEM_FONT,
  borderRadius: '10px',
  spacingUnit: '4px',
};

export const darkTheme: Required<PurseTheme> = {
  colorPrimary: '#a5a0ff',
  colorBackground: '#14171f',
  colorText: '#f2f4f8',
  colorTextSecondary: '#b3b9c6',
  colorDanger: '#ff8da1',
  colorSuccess: '#6fdd8b',
  colorWarning: '#f5c46b',
  colorBorder: '#343a48',
  fontFamily: SYSTEM_FONT,
  borderRadius: '10px',
  spacingUnit: '4px',
};

export type ThemeInput = PurseTheme | 'light' | 'dark';

/** Fills in a theme from its preset base (dark-looking backgrounds get the dark base). */
export function resolveTheme(
  input: ThemeInput | undefined,
): Required<PurseTheme> & { scheme: 'light' | 'dark' } {
  if (input === 'dark') return { ...darkTheme, scheme: 'dark' };
  if (input === undefined || input === 'light') return { ...lightTheme, scheme: 'light' };
  const scheme = isDark(input.colorBackground) ? 'dark' : 'light';
  const base = scheme === 'dark' ? darkTheme : lightTheme;
  const merged = { ...base };
  for (const [key, value] of Object.entries(input) as [keyof PurseTheme, string | undefined][]) {
    if (value !== undefined) merged[key] = value;
  }
  return { ...merged, scheme };
}

function isDark(color: string | undefined): boolean {
  const match = color && /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!match?.[1]) return false;
  const n = parseInt(match[1], 16);
  const luminance =
    (0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
  return luminance < 0.5;
}

const VARIABLES: Record<keyof PurseTheme, string> = {
  colorPrimary: '--purse-color-primary',
  colorBackground: '--purse-color-background',
  colorText: '--purse-color-text',
  colorTextSecondary: '--purse-color-text-secondary',
  colorDanger: '--purse-color-danger',
  colorSuccess: '--purse-color-success',
  colorWarning: '--purse-color-warning',
  colorBorder: '--purse-color-border',
  fontFamily: '--purse-font-family',
  borderRadius: '--purse-radius',
  spacingUnit: '--purse-space',
};

/**
 * What the provider's root element needs: the scheme (`data-theme`) and, as `--purse-*`
 * properties, only the values a theme object sets. The presets' values live in `tokens.css`
 * (`.purse-Root` and `.purse-Root[data-theme='dark']`), so the preset tables above never have
 * to ship with the provider (a test keeps the two in step).
 */
export function rootTheme(input: ThemeInput | undefined): {
  scheme: 'light' | 'dark';
  overrides: PurseTheme;
} {
  if (input === undefined || typeof input === 'string')
    return { scheme: input ?? 'light', overrides: {} };
  return { scheme: isDark(input.colorBackground) ? 'dark' : 'light', overrides: input };
}

/** The theme as `--purse-*` custom properties, for a `style` prop. */
export function toCssVariables(theme: PurseTheme): CSSProperties {
  const style: Record<string, string> = {};
  for (const [key, variable] of Object.entries(VARIABLES) as [keyof PurseTheme, string][]) {
    const value = theme[key];
    if (value !== undefined) style[variable] = value;
  }
  return style;
}

/** Stripe's Appearance object for Elements, from the same theme. */
export function toStripeAppearance(theme: ThemeInput): {
  theme: 'stripe' | 'night';
  variables: Record<string, string>;
} {
  const resolved = resolveTheme(theme);
  return {
    theme: resolved.scheme === 'dark' ? 'night' : 'stripe',
    variables: {
      colorPrimary: resolved.colorPrimary,
      colorBackground: resolved.colorBackground,
      colorText: resolved.colorText,
      colorTextSecondary: resolved.colorTextSecondary,
      colorDanger: resolved.colorDanger,
      colorSuccess: resolved.colorSuccess,
      colorWarning: resolved.colorWarning,
      fontFamily: resolved.fontFamily,
      borderRadius: resolved.borderRadius,
      spacingUnit: resolved.spacingUnit,
    },
  };
}
