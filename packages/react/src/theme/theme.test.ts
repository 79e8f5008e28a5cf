// @vitest-environment node
/**
 * The presets live twice on purpose: in tokens.css, so the provider never ships their tables,
 * and in theme.ts, for hosts that build on them (`toStripeAppearance`, a theme of their own).
 * This keeps the two in step, and checks what the provider's root gets for each kind of theme.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { darkTheme, lightTheme, rootTheme, toCssVariables, type PurseTheme } from './theme.js';

const css = readFileSync(new URL('../styles/tokens.css', import.meta.url), 'utf8');

/** The custom properties a CSS block declares, values with their whitespace collapsed. */
function declarations(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, selector).toBeGreaterThanOrEqual(0);
  const block = css.slice(start, css.indexOf('\n}', start));
  const found: Record<string, string> = {};
  for (const match of block.matchAll(/(--purse-[\w-]+):\s*([^;]+);/g))
    found[match[1] ?? ''] = (match[2] ?? '').replace(/\s+/g, ' ').trim();
  return found;
}

function asCss(theme: PurseTheme): Record<string, string> {
  return Object.fromEntries(
    Object.entries(toCssVariables(theme)).map(([name, value]) => [
      name,
      String(value).replace(/"/g, "'"),
    ]),
  );
}

describe('the presets', () => {
  it('tokens.css declares exactly lightTheme on .purse-Root', () => {
    const light = declarations(':where(.purse-Root)');
    expect(light).toMatchObject(asCss(lightTheme));
  });

  it('tokens.css declares darkTheme’s colours for data-theme="dark"', () => {
    const dark = declarations(".purse-Root[data-theme='dark']");
    const { fontFamily: _font, borderRadius: _radius, spacingUnit: _space, ...colours } = darkTheme;
    expect(dark).toMatchObject(asCss(colours));
    // What dark shares with light is not declared twice.
    expect(darkTheme.fontFamily).toBe(lightTheme.fontFamily);
    expect(darkTheme.borderRadius).toBe(lightTheme.borderRadius);
    expect(darkTheme.spacingUnit).toBe(lightTheme.spacingUnit);
  });
});

describe('rootTheme', () => {
  it('a preset is a scheme and no inline values', () => {
    expect(rootTheme(undefined)).toEqual({ scheme: 'light', overrides: {} });
    expect(rootTheme('dark')).toEqual({ scheme: 'dark', overrides: {} });
  });

  it('a theme object keeps only what it sets; a dark background picks the dark base', () => {
    expect(rootTheme({ colorPrimary: '#0b6e4f' })).toEqual({
      scheme: 'light',
      overrides: { colorPrimary: '#0b6e4f' },
    });
    expect(rootTheme({ colorBackground: '#101010' }).scheme).toBe('dark');
    expect(toCssVariables(rootTheme({ colorPrimary: '#0b6e4f' }).overrides)).toEqual({
      '--purse-color-primary': '#0b6e4f',
    });
  });
});
