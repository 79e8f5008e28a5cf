/**
 * `useLinkBankAccount`: the bank-link flow as a headless hook. On `open()` (a click, never at
 * mount) it asks the server for a Financial Connections session, opens Stripe's modal with its
 * client secret, then asks the server to complete the session, and reports the outcome through
 * callbacks with one name each (Stripe.js on the web only resolves a promise).
 */
import { PurseError, type LinkedAccount, toPurseError } from '@purse/core';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { CollectAccountsResult, StripeLike } from '../provider/purse-context.js';
import { usePurseContext } from '../provider/purse-context.js';
import { useLatest } from '../utils/use-latest.js';
import type { LiveRegionProps } from '../ui/live-region.js';

/**
 * Purse's own names for the steps of the flow. Web Stripe.js has no `onEvent` (only the mobile
 * SDKs do); these come from Purse, in this order: `session_created`, `open`, then `cancel` or
 * `error`, or `completing` then `success` (or `error`).
 */
export type LinkEventName =
  'open' | 'cancel' | 'success' | 'error' | 'session_created' | 'completing';

export interface LinkEventDetails {
  /** The Financial Connections session (`fcsess_…`), once the server has created one. */
  sessionId: string | null;
}

export interface LinkSuccessDetails {
  sessionId: string;
  /**
   * Newly linked accounts that match an active account the user had already linked (same bank
   * and last 4 digits): linking twice creates a second copy in Financial Connections.
   */
  alreadyLinked: LinkedAccount[];
}

export type LinkBankAccountState =
  /** The provider has no `stripe`: linking cannot work (a developer mistake, logged once). */
  | { status: 'unavailable' }
  | { status: 'idle' }
  /** Stripe.js is still loading, or the server is creating the session. */
  | { status: 'loading' }
  /** Stripe's modal is open. */
  | { status: 'open'; sessionId: string }
  /** The server is storing what was linked. */
  | { status: 'completing'; sessionId: string }
  | { status: 'success'; accounts: LinkedAccount[]; alreadyLinked: LinkedAccount[] }
  /** The user left the flow without linking anything. Not an error. */
  | { status: 'cancelled' }
  | { status: 'error'; error: PurseError };

export type LinkBankAccountStatus = LinkBankAccountState['status'];

export interface UseLinkBankAccountOptions {
  /** Called once per successful link with the server's view of the linked accounts. */
  onSuccess?: ((accounts: LinkedAccount[], details: LinkSuccessDetails) => void) | undefined;
  /** Called when the user leaves the flow without linking (Stripe.js resolves no accounts). */
  onCancel?: (() => void) | undefined;
  /** Called when the flow fails: the session could not be created, opened or completed. */
  onError?: ((error: PurseError) => void) | undefined;
  /** Called at each step; see `LinkEventName`. */
  onEvent?: ((name: LinkEventName, details: LinkEventDetails) => void) | undefined;
}

export interface UseLinkBankAccountResult {
  state: LinkBankAccountState;
  /** Starts the flow. Does nothing while a flow is under way or Stripe is not ready. */
  open: () => void;
  /** Whether `open()` would start a flow now. */
  ready: boolean;
  /** Element ids a view gives its status region and its error. */
  ids: { status: string; error: string };
  /**
   * The link button: `disabled` only when linking cannot work at all; while a flow runs it stays
   * focusable (`aria-disabled`) so focus can come back to it when Stripe's modal closes. Busy
   * while a flow runs, described by the error (`ids.error`) after a failure.
   */
  getButtonProps: () => {
    type: 'button';
    disabled: boolean;
    'aria-disabled': true | undefined;
    'aria-busy': true | undefined;
    'aria-describedby': string | undefined;
    onClick: () => void;
  };
  /** The polite live region that says what was linked, or that the user left the flow. */
  getLiveRegionProps: () => LiveRegionProps;
  /** The error shown after a failed flow: an alert. */
  getErrorProps: () => { id: string; role: 'alert' };
}

const SOURCE = 'LinkBankAccount';
let warnedMissingStripe = false;

/** A Stripe.js `{ error }`: the flow could not launch (the session expired or was already used). */
function fromStripeError(error: NonNullable<CollectAccountsResult['error']>): PurseError {
  const code =
    error.type === 'api_connection_error'
      ? 'network_error'
      : error.type === 'api_error'
        ? 'stripe_unavailable'
        : 'link_session_unusable';
  return new PurseError({
    code,
    message: `Stripe.js could not open the bank-link flow${error.code ? ` (${error.code})` : ''}: ${error.message ?? 'no message'}`,
    cause: error,
  });
}

/** Linked accounts that duplicate an active account the user already had. */
export function findAlreadyLinked(
  linked: readonly LinkedAccount[],
  existing: readonly LinkedAccount[],
): LinkedAccount[] {
  return linked.filter(
    (account) =>
      account.last4 !== null &&
      existing.some(
        (other) =>
          other.id !== account.id &&
          other.status === 'active' &&
          other.last4 === account.last4 &&
          other.institution.toLowerCase() === account.institution.toLowerCase(),
      ),
  );
}

/**
 * The bank-link flow. Needs `stripe` on `<PurseProvider>` (Stripe.js from `loadStripe`, or
 * `@purse/sandbox/browser`'s stand-in). Each linked account is also pushed to every Purse hook
 * as an `account.updated` event, so balance cards and account lists update at once.
 */
/** Stripe.js did not load (js.stripe.com unreachable, blocked, or a CSP refusing it). */
const STRIPE_FAILED = new PurseError({
  code: 'network_error',
  message: 'Stripe.js could not be loaded.',
});

export function useLinkBankAccount(
  options: UseLinkBankAccountOptions = {},
): UseLinkBankAccountResult {
  const ctx = usePurseContext('useLinkBankAccount');
  const [flow, setFlow] = useState<LinkBankAccountState>({ status: 'idle' });
  const busy = useRef(false);
  const callbacks = useLatest(options);
  const { client, live, runtime, stripe, hasStripe, stripeStatus, reportError } = ctx;

  useEffect(() => {
    if (hasStripe || warnedMissingStripe) return;
    warnedMissingStripe = true;
    console.error(
      '[purse] <LinkBankAccount> / useLinkBankAccount needs Stripe.js: pass `stripe={loadStripe(publishableKey)}` (or `createSandboxStripe(…)` from @purse/sandbox/browser) to <PurseProvider>. The button is disabled until then.',
    );
  }, [hasStripe]);

  const run = useCallback(
    async (stripeJs: StripeLike): Promise<void> => {
      const emit = (name: LinkEventName, sessionId: string | null): void => {
        callbacks.current.onEvent?.(name, { sessionId });
      };
      const fail = (error: PurseError, sessionId: string | null): void => {
        setFlow({ status: 'error', error });
        reportError(error, SOURCE);
        emit('error', sessionId);
        callbacks.current.onError?.(error);
      };
      const cancel = (sessionId: string): void => {
        setFlow({ status: 'cancelled' });
        emit('cancel', sessionId);
        callbacks.current.onCancel?.();
      };

      setFlow({ status: 'loading' });
      // What was linked before, to spot a bank linked twice; a failure here only skips the check.
      const before = runtime.readAccounts().then(
        (list) => list,
        () => [] as LinkedAccount[],
      );

      let session;
      try {
        session = await client.createLinkSession();
      } catch (error) {
        fail(toPurseError(error, 'createLinkSession'), null);
        return;
      }
      emit('session_created', session.id);
      setFlow({ status: 'open', sessionId: session.id });
      emit('open', session.id);

      let result: CollectAccountsResult;
      try {
        result = await stripeJs.collectFinancialConnectionsAccounts({
          clientSecret: session.clientSecret,
        });
      } catch (error) {
        // Stripe.js throws (rather than resolving `{ error }`) only for integration mistakes.
        fail(toPurseError(error, 'collectFinancialConnectionsAccounts'), session.id);
        return;
      }
      if (result.error) {
        fail(fromStripeError(result.error), session.id);
        return;
      }
      // An empty list is Stripe's way of saying the user left the flow.
      if (result.financialConnectionsSession.accounts.length === 0) {
        cancel(session.id);
        return;
      }

      setFlow({ status: 'completing', sessionId: session.id });
      emit('completing', session.id);
      let accounts: LinkedAccount[];
      try {
        accounts = (await client.completeLinkSession(session.id)).accounts;
      } catch (error) {
        fail(toPurseError(error, 'completeLinkSession'), session.id);
        return;
      }
      if (accounts.length === 0) {
        cancel(session.id);
        return;
      }
      const alreadyLinked = findAlreadyLinked(accounts, await before);
      for (const account of accounts) {
        runtime.receiveAccount(account);
        live.emit({ type: 'account.updated', data: account });
      }
      setFlow({ status: 'success', accounts, alreadyLinked });
      emit('success', session.id);
      callbacks.current.onSuccess?.(accounts, { sessionId: session.id, alreadyLinked });
    },
    [client, live, runtime, reportError, callbacks],
  );

  const open = useCallback(() => {
    if (busy.current || !stripe) return;
    busy.current = true;
    void run(stripe).finally(() => {
      busy.current = false;
    });
  }, [run, stripe]);

  let state = flow;
  if (!hasStripe) state = { status: 'unavailable' };
  else if (stripeStatus === 'failed' && flow.status === 'idle')
    state = { status: 'error', error: STRIPE_FAILED };
  else if (!stripe && flow.status === 'idle') state = { status: 'loading' };
  const ready =
    stripe !== null &&
    (state.status === 'idle' ||
      state.status === 'success' ||
      state.status === 'cancelled' ||
      state.status === 'error');
  const id = useId();
  const ids = { status: `${id}s`, error: `${id}e` };
  const running =
    state.status === 'loading' || state.status === 'open' || state.status === 'completing';
  return {
    state,
    open,
    ready,
    ids,
    getButtonProps: () => ({
      type: 'button',
      disabled: state.status === 'unavailable',
      'aria-disabled': !ready || undefined,
      'aria-busy': running || undefined,
      'aria-describedby': state.status === 'error' ? ids.error : undefined,
      onClick: open,
    }),
    getLiveRegionProps: () => ({
      id: ids.status,
      role: 'status',
      'aria-live': 'polite',
      'aria-atomic': true,
    }),
    getErrorProps: () => ({ id: ids.error, role: 'alert' }),
  };
}
