import { createClientApi } from './api.js';
import { runLinkFlow } from './modal.js';
import type {
  CollectFinancialConnectionsAccountsOptions,
  CreateSandboxStripeOptions,
  InstallSandboxStripeOptions,
  SandboxElements,
  SandboxFinancialConnectionsSession,
  SandboxFinancialConnectionsSessionResult,
  SandboxStripe,
  SandboxStripeError,
} from './types.js';

/**
 * Thrown (or rejected with) when an app calls a part of Stripe.js the sandbox does not stand in
 * for, or calls the stand-in wrongly. Stripe.js calls the same kind of mistake an
 * `IntegrationError`.
 */
export class PurseSandboxUnsupportedError extends Error {
  override readonly name = 'PurseSandboxUnsupportedError';
}

function unsupported(what: string, hint: string): PurseSandboxUnsupportedError {
  return new PurseSandboxUnsupportedError(
    `${what} is not available in the Purse sandbox: the sandbox's Stripe.js stand-in only offers collectFinancialConnectionsAccounts. ${hint}`,
  );
}

/** The modal that is open (or about to open) in each document: at most one. */
const flowsInProgress = new WeakSet<Document>();

const DEFAULT_AUTO_CLOSE_MS = 1500;
const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;
const DEFAULT_STRIPE_JS_VERSION = 'dahlia';

function failure(error: SandboxStripeError): SandboxFinancialConnectionsSessionResult {
  return { financialConnectionsSession: undefined, error };
}

function defaultDocument(): Document | undefined {
  return (globalThis as { document?: Document }).document;
}

/**
 * Creates a stand-in for the object `Stripe(publishableKey)` returns, backed by a Purse sandbox.
 * Only `collectFinancialConnectionsAccounts` does real work; the methods `@stripe/react-stripe-js`
 * checks for exist and say clearly that they are not available.
 *
 * @throws PurseSandboxUnsupportedError when `publishableKey` is empty or is a secret key.
 */
export function createSandboxStripe(options: CreateSandboxStripeOptions): SandboxStripe {
  const key: unknown = options.publishableKey;
  if (typeof key !== 'string' || key === '') {
    throw new PurseSandboxUnsupportedError(
      'Please call createSandboxStripe() with the sandbox publishable key (Sandbox.publishableKey).',
    );
  }
  if (/^(sk|rk)_/.test(key)) {
    throw new PurseSandboxUnsupportedError(
      'You should not use your secret key with Stripe.js or its sandbox stand-in: pass the publishable key (pk_...).',
    );
  }
  const api = createClientApi({
    apiBase: options.apiBase,
    publishableKey: key,
    timeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  });
  const autoCloseMs = options.autoCloseMs ?? DEFAULT_AUTO_CLOSE_MS;

  async function collectFinancialConnectionsAccounts(
    collectOptions: CollectFinancialConnectionsAccountsOptions,
  ): Promise<SandboxFinancialConnectionsSessionResult> {
    const clientSecret: unknown = (collectOptions as Partial<typeof collectOptions> | undefined)
      ?.clientSecret;
    if (typeof clientSecret !== 'string' || clientSecret === '') {
      throw new PurseSandboxUnsupportedError(
        'Invalid value for collectFinancialConnectionsAccounts: clientSecret should be the client_secret string of a Financial Connections Session.',
      );
    }
    const doc = options.document ?? defaultDocument();
    if (!doc) {
      throw new PurseSandboxUnsupportedError(
        'collectFinancialConnectionsAccounts needs a document to show its modal in.',
      );
    }
    if (flowsInProgress.has(doc)) {
      return failure({
        type: 'invalid_request_error',
        code: 'sandbox_flow_in_progress',
        message:
          'A bank-link modal is already open. Wait for the first collectFinancialConnectionsAccounts call to resolve before starting another.',
      });
    }
    flowsInProgress.add(doc);
    try {
      const view = await api.getSession(clientSecret);
      // Like Stripe.js: an error launching the flow (expired, used, unknown) opens no modal.
      if (!view.ok) return failure(view.error);
      const outcome = await runLinkFlow({
        document: doc,
        view: view.value,
        complete: (institution, accounts) => api.complete(clientSecret, institution, accounts),
        autoCloseMs,
        locale: options.locale,
      });
      switch (outcome.kind) {
        case 'linked':
          return { financialConnectionsSession: outcome.session };
        case 'failed':
          return failure(outcome.error);
        case 'left': {
          // Leaving is not an error: the session comes back with no accounts.
          const cancelled = await api.cancel(clientSecret);
          const session: SandboxFinancialConnectionsSession = cancelled.ok
            ? { ...cancelled.value, accounts: [] }
            : {
                id: view.value.id,
                object: 'financial_connections.session',
                accounts: [],
                livemode: false,
                permissions: view.value.permissions,
              };
          return { financialConnectionsSession: session };
        }
        default:
          return outcome satisfies never;
      }
    } finally {
      flowsInProgress.delete(doc);
    }
  }

  const elements = (): SandboxElements => ({
    create(type: string) {
      throw unsupported(
        `elements.create('${type}')`,
        'Payment and card Elements need the real Stripe.js; use test mode keys for them.',
      );
    },
    getElement() {
      return null;
    },
    update() {
      // Nothing to update: no Element exists.
    },
    fetchUpdates() {
      return Promise.resolve({});
    },
    submit() {
      return Promise.resolve({
        error: {
          type: 'invalid_request_error',
          message: unsupported('elements.submit()', 'There is no payment form to submit.').message,
        },
      });
    },
  });

  return {
    isPurseSandbox: true,
    collectFinancialConnectionsAccounts,
    elements,
    createToken() {
      return Promise.reject(
        unsupported(
          'stripe.createToken()',
          'Link bank accounts with collectFinancialConnectionsAccounts.',
        ),
      );
    },
    createPaymentMethod() {
      return Promise.reject(
        unsupported(
          'stripe.createPaymentMethod()',
          'Create bank PaymentMethods on the server; the sandbox accepts the pm_usBankAccount* test tokens.',
        ),
      );
    },
    confirmCardPayment() {
      return Promise.reject(
        unsupported('stripe.confirmCardPayment()', 'Card payments need the real Stripe.js.'),
      );
    },
    registerAppInfo() {
      // Stripe.js records app info for its telemetry; the sandbox has none.
    },
    _registerWrapper() {
      // Same: `loadStripe` and react-stripe-js register themselves; nothing to record.
    },
  };
}

/** The `window.Stripe` the stand-in installs: callable like Stripe.js's global. */
export interface SandboxStripeConstructor {
  (publishableKey: string, options?: unknown): SandboxStripe;
  /** What `@stripe/stripe-js` compares with the Stripe.js version it expects. */
  version: string | number;
}

/**
 * Sets `window.Stripe` to the stand-in, so an app's `loadStripe(key)` resolves with it at once
 * instead of loading js.stripe.com. Install it before the app first calls `loadStripe`
 * (`loadStripe` caches what it found). Returns a function that puts the previous `window.Stripe`
 * back, if the stand-in is still the one installed.
 */
export function installSandboxStripe(options: InstallSandboxStripeOptions): () => void {
  const { window: givenWindow, version, publishableKey: fixedKey, ...createOptions } = options;
  const win: Window | undefined =
    givenWindow ??
    options.document?.defaultView ??
    (globalThis as { window?: Window }).window ??
    undefined;
  if (!win) {
    throw new PurseSandboxUnsupportedError('installSandboxStripe needs a window to install into.');
  }
  const doc = options.document ?? win.document;
  const target = win as unknown as Record<string, unknown>;
  const hadStripe = Object.prototype.hasOwnProperty.call(target, 'Stripe');
  const previous = target.Stripe;

  // A plain function, so both `Stripe(key)` and `new Stripe(key)` return the stand-in.
  const Stripe = function SandboxStripe(publishableKey: string): SandboxStripe {
    return createSandboxStripe({
      ...createOptions,
      document: doc,
      publishableKey: fixedKey ?? publishableKey,
    });
  } as SandboxStripeConstructor;
  Stripe.version = version ?? DEFAULT_STRIPE_JS_VERSION;
  target.Stripe = Stripe;

  return () => {
    if (target.Stripe !== Stripe) return;
    if (hadStripe) target.Stripe = previous;
    else delete target.Stripe;
  };
}
