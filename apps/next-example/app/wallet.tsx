'use client';
/**
 * The wallet: Purse's provider and components. A client component, rendered on the server first
 * and hydrated in the browser, so what it gives <PurseProvider> must be the same on both sides.
 */
import {
  AccountList,
  FinancialAccountCard,
  LinkBankAccount,
  PurseProvider,
  TopUp,
  TopUpHistory,
  TransferStatus,
} from '@purse/react';
// Locale packs register themselves when imported: import them here, in the client component,
// so they reach the browser. (Imported from a server page they would exist on the server only.)
import '@purse/react/locales/de';
import '@purse/react/locales/fr';
import '@purse/react/styles.css';
import { useState } from 'react';
import type { BrowserStripeConfig } from '../lib/purse';

/**
 * Always a promise, on the server and in the browser: <PurseProvider> shows the same "loading"
 * state in both renders, so hydration never mismatches, and the promise is only awaited in the
 * browser. (Passing `null` on the server and a Stripe in the browser mismatches: React #418.)
 */
async function browserStripe(config: BrowserStripeConfig) {
  if (config.mode === 'sandbox') {
    const { createSandboxStripe } = await import('@purse/sandbox/browser');
    return createSandboxStripe({ apiBase: config.apiBase, publishableKey: config.publishableKey });
  }
  const { loadStripe } = await import('@stripe/stripe-js');
  return loadStripe(config.publishableKey);
}

export function Wallet({ stripe, locale }: { stripe: BrowserStripeConfig; locale: string }) {
  const [stripePromise] = useState(() => browserStripe(stripe));
  return (
    <PurseProvider baseUrl="/api/purse" stripe={stripePromise} locale={locale}>
      <FinancialAccountCard />
      <LinkBankAccount />
      <AccountList />
      {/* The tracker is the app's to place (TopUp stays small without it). */}
      <TopUp
        renderTracker={(topUp) => <TransferStatus topUpId={topUp.id} initialTopUp={topUp} />}
      />
      <TopUpHistory />
    </PurseProvider>
  );
}
