import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The pure entry loads js.stripe.com only when loadStripe() is called (Stripe mode), never offline.
import { loadStripe } from '@stripe/stripe-js/pure';
import { createSandboxStripe } from '@purse/sandbox/browser';
import '@purse/react/locales/de';
import '@purse/react/locales/fr';
import '@purse/react/styles.css';
import './app.css';
import { App } from './app.js';
import { demoApi } from './demo-api.js';

async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing');
  const config = await demoApi.config();
  // Offline, the sandbox's stand-in plays Stripe.js's bank-link modal; with keys, real Stripe.js.
  const stripe =
    config.mode === 'sandbox'
      ? Promise.resolve(
          createSandboxStripe({
            apiBase: window.location.origin,
            publishableKey: config.publishableKey,
          }),
        )
      : loadStripe(config.publishableKey);
  createRoot(root).render(
    <StrictMode>
      <App config={config} stripe={stripe} />
    </StrictMode>,
  );
}

void boot();
