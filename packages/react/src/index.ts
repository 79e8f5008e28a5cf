'use client';
/**
 * @purse/react: money features for a platform's end users, as headless hooks and styled
 * components. Wrap them in `<PurseProvider>`; import `@purse/react/styles.css` once.
 */
export { PurseProvider } from './provider/purse-provider.js';
export type { PurseProviderProps } from './provider/purse-provider.js';
export type { CollectAccountsResult, StripeLike } from './provider/purse-context.js';
export { createPurseClient } from './client/purse-client.js';
export type { CreatePurseClientOptions, PurseClient } from './client/purse-client.js';
export { darkTheme, lightTheme, toCssVariables, toStripeAppearance } from './theme/theme.js';
export type { PurseTheme, ThemeInput } from './theme/theme.js';
export { LiveUpdates } from './live/live-updates.js';
export type { LiveStatus, LiveUpdatesOptions } from './live/live-updates.js';
export { PurseError, isPurseError } from '@purse/core';
export type { PurseErrorCode, PurseLocale } from '@purse/core';
