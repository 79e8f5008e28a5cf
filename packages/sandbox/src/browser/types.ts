import type Stripe from 'stripe';

/** Stripe.js's `StripeErrorType` (client side). */
export type SandboxStripeErrorType =
  | 'api_connection_error'
  | 'api_error'
  | 'authentication_error'
  | 'card_error'
  | 'idempotency_error'
  | 'invalid_request_error'
  | 'rate_limit_error'
  | 'validation_error';

/** The subset of Stripe.js's `StripeError` the stand-in produces. */
export interface SandboxStripeError {
  type: SandboxStripeErrorType;
  /** Stripe's error code, such as `session_already_used` or `session_expired`. */
  code?: string;
  param?: string;
  message: string;
}

/**
 * A Financial Connections account as Stripe.js hands it to the browser. The sandbox renders the
 * same object as its REST API, so this is stripe-node's type.
 */
export type SandboxFinancialConnectionsAccount = Stripe.FinancialConnections.Account;

/**
 * The session `collectFinancialConnectionsAccounts` resolves with. As in Stripe.js (and unlike the
 * REST API), `accounts` is a plain array; it is empty when the user left the flow.
 */
export interface SandboxFinancialConnectionsSession {
  id: string;
  object: 'financial_connections.session';
  accounts: SandboxFinancialConnectionsAccount[];
  filters?: Stripe.FinancialConnections.Session.Filters;
  livemode: boolean;
  permissions?: Stripe.FinancialConnections.Session.Permission[];
  return_url?: string;
}

/** Same union as Stripe.js's `FinancialConnectionsSessionResult`. */
export type SandboxFinancialConnectionsSessionResult =
  | { financialConnectionsSession: SandboxFinancialConnectionsSession; error?: undefined }
  | { financialConnectionsSession: undefined; error: SandboxStripeError };

/** Options of `collectFinancialConnectionsAccounts`: as in Stripe.js, only the client secret. */
export interface CollectFinancialConnectionsAccountsOptions {
  clientSecret: string;
}

export interface CreateSandboxStripeOptions {
  /**
   * Where the sandbox listens, such as `http://127.0.0.1:12111` (`Sandbox.url`), or a path the
   * app's dev server proxies to it, such as `/sandbox`. No trailing slash needed.
   */
  apiBase: string;
  /** The sandbox's publishable key (`Sandbox.publishableKey`). */
  publishableKey: string;
  /** The document the modal renders into. @default globalThis.document */
  document?: Document;
  /**
   * How long the "done" step stays up before the modal closes on its own, in milliseconds; the
   * user can also press "Done". `Infinity` waits for the button. @default 1500
   */
  autoCloseMs?: number;
  /** Give up on a sandbox request after this many milliseconds. @default 20000 */
  requestTimeoutMs?: number;
  /**
   * The modal's language: `en`, `de` or `fr` (like the `locale` option of `loadStripe`).
   * @default the document's `<html lang>` when the modal opens, else English
   */
  locale?: string;
}

export type InstallSandboxStripeOptions = Omit<CreateSandboxStripeOptions, 'publishableKey'> & {
  /**
   * Use this key whatever key the app passes to `loadStripe` (handy when the app is configured
   * with a real `pk_test_` key). @default the key the app passes
   */
  publishableKey?: string;
  /** The window whose `Stripe` global to set. @default the document's window, or globalThis */
  window?: Window;
  /**
   * The Stripe.js version the stand-in reports as `Stripe.version`. `@stripe/stripe-js` warns
   * when a `pk_test` key meets a version other than the one it expects. @default 'dahlia' (v9)
   */
  version?: string | number;
};

/** The minimal Elements object `elements()` returns. Nothing can be mounted in the sandbox. */
export interface SandboxElements {
  /** Throws: no Element is available in the Purse sandbox. */
  create(type: string, options?: unknown): never;
  /** Always `null`: no Element was ever created. */
  getElement(type: unknown): null;
  update(options: unknown): void;
  fetchUpdates(): Promise<{ error?: SandboxStripeError }>;
  /** Resolves `{ error }`: there is no payment form to submit. */
  submit(): Promise<{ error: SandboxStripeError }>;
}

/**
 * What `createSandboxStripe` returns: enough of Stripe.js for `@stripe/react-stripe-js`'s
 * `<Elements>` to accept it and for an app to link bank accounts offline.
 */
export interface SandboxStripe {
  /** Marks the stand-in, so an app can show it is running against the sandbox. */
  readonly isPurseSandbox: true;
  collectFinancialConnectionsAccounts(
    options: CollectFinancialConnectionsAccountsOptions,
  ): Promise<SandboxFinancialConnectionsSessionResult>;
  elements(options?: unknown): SandboxElements;
  /** Rejects: card and bank tokens are not available in the Purse sandbox. */
  createToken(...args: unknown[]): Promise<never>;
  /** Rejects: PaymentMethods are created server side against the sandbox. */
  createPaymentMethod(...args: unknown[]): Promise<never>;
  /** Rejects: card payments are not available in the Purse sandbox. */
  confirmCardPayment(...args: unknown[]): Promise<never>;
  /** No-op, as `@stripe/react-stripe-js` calls it when present. */
  registerAppInfo(info: unknown): void;
  /** No-op, as `@stripe/stripe-js`'s `loadStripe` calls it when present. */
  _registerWrapper(wrapper: unknown): void;
}
