/**
 * # `@purse/sandbox/browser`: an offline stand-in for Stripe.js's bank-link modal
 *
 * Stripe.js cannot load without js.stripe.com, and its Financial Connections modal only talks to
 * Stripe. This module replaces the piece a Purse app needs,
 * `stripe.collectFinancialConnectionsAccounts({ clientSecret })`, with an accessible modal backed
 * by a running Purse sandbox (`startSandbox()` or `pnpm sandbox`). It has no dependencies and no
 * React: it works in any app.
 *
 * ## Usage
 *
 * ```ts
 * import { loadStripe } from '@stripe/stripe-js';
 * import { installSandboxStripe } from '@purse/sandbox/browser';
 *
 * // Before the app's first loadStripe(): window.Stripe becomes the stand-in, so loadStripe
 * // resolves with it at once and never touches js.stripe.com.
 * const uninstall = installSandboxStripe({
 *   apiBase: 'http://127.0.0.1:12111', // Sandbox.url, or a path your dev server proxies
 *   publishableKey: 'pk_test_purse_sandbox_publishable_0000', // DEFAULT_KEYS.publishableKey
 * });
 *
 * const stripe = await loadStripe('pk_test_purse_sandbox_publishable_0000');
 * // clientSecret: from your server, which created the session against the sandbox.
 * const result = await stripe!.collectFinancialConnectionsAccounts({ clientSecret });
 * if (result.error) {
 *   console.error(result.error.code, result.error.message); // e.g. session_already_used
 * } else if (result.financialConnectionsSession.accounts.length === 0) {
 *   // The user left the flow: not an error.
 * } else {
 *   // Linked: tell your server, which lists the session's accounts.
 * }
 * uninstall();
 * ```
 *
 * Without `loadStripe` (tests, stories), create the object directly:
 *
 * ```ts
 * import { startSandbox } from '@purse/sandbox';
 * import { createSandboxStripe } from '@purse/sandbox/browser';
 *
 * const sb = await startSandbox();
 * const customer = await sb.stripe().customers.create({ email: 'ada@example.com' });
 * const session = await sb.stripe().financialConnections.sessions.create({
 *   account_holder: { type: 'customer', customer: customer.id },
 *   permissions: ['balances', 'payment_method'],
 * });
 * const stripe = createSandboxStripe({ apiBase: sb.url, publishableKey: sb.publishableKey });
 * const { financialConnectionsSession } = await stripe.collectFinancialConnectionsAccounts({
 *   clientSecret: session.client_secret!,
 * });
 * ```
 *
 * ## What `collectFinancialConnectionsAccounts` does
 *
 * It resolves exactly as Stripe.js's does (`SandboxFinancialConnectionsSessionResult`):
 * - It first fetches the session. When that fails (the session expired, was already used, the
 *   secret is unknown, the sandbox is unreachable) it resolves `{ error }` and opens no modal,
 *   as Stripe.js does for "an error launching the Authentication Flow".
 * - The modal has four steps: choose a test bank; choose accounts (accounts the session's
 *   filters exclude are shown disabled, with the reason); consent to the session's permissions
 *   ("Agree and link"); done ("Linked N accounts", a Done button, and it closes by itself after
 *   `autoCloseMs`, 1.5 s by default). It resolves when the modal has closed, with the complete
 *   endpoint's session: `accounts` is a plain array, as in Stripe.js.
 * - Leaving at any step (Escape, the Close button, Cancel) cancels the session and resolves
 *   `{ financialConnectionsSession }` with `accounts: []`. Leaving is not an error. If the
 *   cancel request itself fails, the session is still resolved with no accounts.
 * - While the link request is in flight, Escape and the buttons do nothing (the request may be
 *   completing); requests give up after `requestTimeoutMs` (20 s by default).
 * - If linking fails, the consent step shows the error (`role="alert"`) with "Try again", Back
 *   and Cancel. If the session itself became unusable meanwhile (expired or used), only Close is
 *   offered and the call resolves `{ error }` with that error.
 * - Only one modal per document: a call made while another is open (or still loading) resolves
 *   `{ error }` with `code: 'sandbox_flow_in_progress'` and leaves the first one alone.
 * - Integration mistakes reject instead of resolving (as Stripe.js throws `IntegrationError`): a
 *   missing or empty `clientSecret`, or no `document` to render into.
 *
 * ## Accessibility
 *
 * A `role="dialog"` with `aria-modal="true"`, named by its heading ("Link a bank account") and
 * described by a sandbox notice, with a visible "Sandbox" badge. Focus moves to the step's
 * heading on open and on every step (so the step is announced), Tab and Shift+Tab cycle inside,
 * Escape leaves, the page's other `<body>` children get `inert` while it is open (and lose it
 * afterwards; ones that already had it keep it), and focus returns to the element that had it.
 * Every control has a label; progress is announced through a `role="status"` region. Styles are
 * one `<style id="purse-sandbox-stripe-styles">` added once, classes prefixed `purse-sbx-`,
 * with `prefers-reduced-motion` and forced-colors support.
 *
 * ## The rest of Stripe.js
 *
 * `elements()`, `createToken`, `createPaymentMethod` and `confirmCardPayment` exist so
 * `@stripe/react-stripe-js`'s `<Elements>` accepts the object. `elements()` returns an object
 * whose `create` throws `PurseSandboxUnsupportedError`, `getElement` returns `null`, `update` does
 * nothing, `fetchUpdates` resolves `{}` and `submit` resolves `{ error }`. The other three reject
 * with `PurseSandboxUnsupportedError`. `registerAppInfo` and `_registerWrapper` do nothing.
 *
 * @module
 */
export {
  createSandboxStripe,
  installSandboxStripe,
  PurseSandboxUnsupportedError,
} from './sandbox-stripe.js';
export type { SandboxStripeConstructor } from './sandbox-stripe.js';
export type {
  CollectFinancialConnectionsAccountsOptions,
  CreateSandboxStripeOptions,
  InstallSandboxStripeOptions,
  SandboxElements,
  SandboxFinancialConnectionsAccount,
  SandboxFinancialConnectionsSession,
  SandboxFinancialConnectionsSessionResult,
  SandboxStripe,
  SandboxStripeError,
  SandboxStripeErrorType,
} from './types.js';
