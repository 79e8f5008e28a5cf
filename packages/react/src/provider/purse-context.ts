import type { PurseError, PurseLocale } from '@purse/core';
import { createContext, useContext } from 'react';
import type { PurseClient } from '../client/purse-client.js';
import type { LiveUpdates, PurseRuntime } from '@purse/core';
import type { PurseTheme } from '../theme/theme.js';

/** What `collectFinancialConnectionsAccounts` resolves with (Stripe.js and the sandbox stand-in). */
export type CollectAccountsResult =
  | {
      financialConnectionsSession: { id: string; accounts: readonly { id: string }[] };
      error?: undefined;
    }
  | {
      financialConnectionsSession?: undefined;
      error: { type?: string; code?: string; message?: string };
    };

/**
 * The part of a Stripe.js `Stripe` object Purse uses. A real `Stripe` from `loadStripe` fits, and
 * so does `@purse/sandbox/browser`'s stand-in.
 */
export interface StripeLike {
  collectFinancialConnectionsAccounts(options: {
    clientSecret: string;
  }): Promise<CollectAccountsResult>;
}

export interface PurseContextValue {
  client: PurseClient;
  /** null until a `stripe` promise resolves (or when none was given). */
  stripe: StripeLike | null;
  /** Whether a `stripe` prop was given (even if it is still loading). */
  hasStripe: boolean;
  /** Where Stripe.js is: not given, still loading (a promise), ready, or failed to load. */
  stripeStatus: 'none' | 'loading' | 'ready' | 'failed';
  locale: PurseLocale;
  /** The scheme, and the values a theme object set (the presets' values are in tokens.css). */
  theme: { scheme: 'light' | 'dark'; overrides: PurseTheme };
  live: LiveUpdates;
  /** The framework-free core every hook reads through: shared cache and per-feature stores. */
  runtime: PurseRuntime;
  reportError: (error: PurseError, source: string) => void;
}

export const PurseContext = createContext<PurseContextValue | null>(null);

/** The provider's value; throws an error naming `hookName` when used outside `<PurseProvider>`. */
export function usePurseContext(hookName: string): PurseContextValue {
  const value = useContext(PurseContext);
  if (!value) throw new Error(`\`${hookName}\` must be used within \`<PurseProvider>\`.`);
  return value;
}
