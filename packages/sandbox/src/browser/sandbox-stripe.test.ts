// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen } from '@testing-library/dom';
import { userEvent } from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../index.js';
import {
  createSandboxStripe,
  installSandboxStripe,
  PurseSandboxUnsupportedError,
  type SandboxStripe,
  type SandboxStripeConstructor,
} from './index.js';

let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({ speed: 0 });
});

afterAll(async () => {
  await sb.close();
});

afterEach(() => {
  document.body.replaceChildren();
});

function windowStripe(): unknown {
  return (window as unknown as { Stripe?: unknown }).Stripe;
}

describe('the rest of Stripe.js', () => {
  const stripe = (): SandboxStripe =>
    createSandboxStripe({ apiBase: sb.url, publishableKey: sb.publishableKey });

  it('has the four functions react-stripe-js checks for, and its no-op hooks', () => {
    const s = stripe();
    // @stripe/react-stripe-js `isStripe`: these four must be functions.
    for (const name of ['elements', 'createToken', 'createPaymentMethod', 'confirmCardPayment']) {
      expect(typeof (s as unknown as Record<string, unknown>)[name]).toBe('function');
    }
    expect(s.isPurseSandbox).toBe(true);
    expect(() => {
      s.registerAppInfo({ name: 'purse' });
      s._registerWrapper({ name: 'react-stripe-js' });
    }).not.toThrow();
  });

  it('elements() returns an Elements object that cannot create an Element', async () => {
    const elements = stripe().elements({ mode: 'setup', currency: 'usd' });
    expect(() => elements.create('card')).toThrow(PurseSandboxUnsupportedError);
    expect(() => elements.create('payment')).toThrow(
      "elements.create('payment') is not available in the Purse sandbox",
    );
    expect(elements.getElement('card')).toBeNull();
    expect(() => {
      elements.update({ locale: 'de' });
    }).not.toThrow();
    await expect(elements.fetchUpdates()).resolves.toEqual({});
    const submitted = await elements.submit();
    expect(submitted.error.message).toMatch(/not available in the Purse sandbox/);
  });

  it('createToken, createPaymentMethod and confirmCardPayment reject clearly', async () => {
    const s = stripe();
    await expect(s.createPaymentMethod({ type: 'us_bank_account' })).rejects.toThrow(
      /stripe\.createPaymentMethod\(\) is not available in the Purse sandbox/,
    );
    await expect(s.createToken('bank_account', {})).rejects.toBeInstanceOf(
      PurseSandboxUnsupportedError,
    );
    await expect(s.confirmCardPayment('pi_123_secret_456')).rejects.toThrow(
      /not available in the Purse sandbox/,
    );
  });

  it('refuses an empty key and a secret key', () => {
    expect(() => createSandboxStripe({ apiBase: sb.url, publishableKey: '' })).toThrow(
      /publishable key/,
    );
    expect(() => createSandboxStripe({ apiBase: sb.url, publishableKey: sb.secretKey })).toThrow(
      /secret key/,
    );
  });
});

describe('installSandboxStripe', () => {
  it('sets window.Stripe to the stand-in and puts the previous one back', async () => {
    const previous = (): string => 'the real Stripe.js';
    (window as unknown as { Stripe?: unknown }).Stripe = previous;
    const uninstall = installSandboxStripe({ apiBase: sb.url });
    const Stripe = windowStripe() as SandboxStripeConstructor;
    expect(Stripe).not.toBe(previous);
    // @stripe/stripe-js compares this with the Stripe.js release it expects (v9: dahlia).
    expect(Stripe.version).toBe('dahlia');

    // What loadStripe does once window.Stripe exists: call it with the key.
    const stripe = Stripe(sb.publishableKey, { apiVersion: '2025-01-01' });
    expect(stripe.isPurseSandbox).toBe(true);

    // It really talks to the sandbox: an unknown secret is refused without a modal.
    const result = await stripe.collectFinancialConnectionsAccounts({
      clientSecret: 'fcsess_client_secret_unknown',
    });
    expect(result.error?.code).toBe('resource_missing');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    uninstall();
    expect(windowStripe()).toBe(previous);
    delete (window as unknown as { Stripe?: unknown }).Stripe;
  });

  it('removes window.Stripe when there was none, and can pin the publishable key', async () => {
    expect(windowStripe()).toBeUndefined();
    const uninstall = installSandboxStripe({
      apiBase: sb.url,
      publishableKey: sb.publishableKey,
      version: 'clover',
    });
    const Stripe = windowStripe() as SandboxStripeConstructor;
    expect(Stripe.version).toBe('clover');

    // The app was built with some other pk_test key; the pinned sandbox key is used instead.
    const customer = await sb.stripe().customers.create({ email: 'lin@example.com' });
    const session = await sb.stripe().financialConnections.sessions.create({
      account_holder: { type: 'customer', customer: customer.id },
      permissions: ['balances'],
    });
    const pending = Stripe('pk_test_the_apps_real_key').collectFinancialConnectionsAccounts({
      clientSecret: session.client_secret ?? '',
    });
    await screen.findByRole('dialog', { name: 'Link a bank account' });
    await userEvent.setup().keyboard('{Escape}');
    expect((await pending).financialConnectionsSession?.accounts).toEqual([]);

    uninstall();
    expect('Stripe' in window).toBe(false);
  });
});
