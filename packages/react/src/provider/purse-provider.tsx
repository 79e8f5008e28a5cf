/**
 * `<PurseProvider>`: owns the client, the Stripe object, the locale, the theme and the single
 * live-update connection that every Purse hook and component below it shares.
 *
 * Immutable props (read once; changing them later logs a warning): `client` / `baseUrl`,
 * `stripe`. Updatable props: `locale`, `theme`, `onError`.
 */
import { resolveLocale, type LocaleInput, type PurseError } from '@purse/core';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPurseClient, type PurseClient } from '../client/purse-client.js';
import { LiveUpdates, PurseRuntime } from '@purse/core';
import { rootTheme, toCssVariables, type ThemeInput } from '../theme/theme.js';
import { cx } from '../utils/cx.js';
import { useLatest } from '../utils/use-latest.js';
import { PurseContext, type PurseContextValue, type StripeLike } from './purse-context.js';

export interface PurseProviderProps {
  /** A client for the Purse server (or a fixture client in tests and stories). Give this or `baseUrl`. */
  client?: PurseClient;
  /** Where the Purse router is mounted, e.g. `/api/purse`; used to create a client when `client` is not given. */
  baseUrl?: string;
  /**
   * Stripe.js, as `@stripe/react-stripe-js` accepts it: a `Stripe`, a promise of one (from
   * `loadStripe`), or null while rendering on the server. Needed only for linking banks.
   */
  stripe?: StripeLike | PromiseLike<StripeLike | null> | null;
  /** `en`, `de` or `fr` (regional tags such as `de-AT` work). @default 'en' */
  locale?: LocaleInput;
  /** A theme object (Stripe Appearance variable names) or a preset. @default 'light' */
  theme?: ThemeInput;
  /** Told about every error a Purse component shows, for logging or your own toasts. */
  onError?: (error: PurseError, context: { source: string }) => void;
  /** Use the server's live event stream; `false` polls instead. @default true */
  live?: boolean;
  /** Added to the provider's root element (`purse-Root`), which carries the theme variables. */
  className?: string;
  children?: ReactNode;
}

function isPromiseLike(value: unknown): value is PromiseLike<StripeLike | null> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

export function PurseProvider(props: PurseProviderProps): ReactNode {
  const {
    client: clientProp,
    baseUrl,
    stripe: stripeProp,
    locale,
    theme,
    onError,
    live = true,
    className,
    children,
  } = props;

  const [client] = useState<PurseClient>(() => {
    if (clientProp) return clientProp;
    if (baseUrl) return createPurseClient({ baseUrl });
    throw new Error('`<PurseProvider>` needs a `client` or a `baseUrl`.');
  });
  const initial = useRef({ clientProp, baseUrl, stripeProp });
  useEffect(() => {
    if (initial.current.clientProp !== clientProp || initial.current.baseUrl !== baseUrl) {
      console.warn(
        '[purse] `client` and `baseUrl` cannot change after <PurseProvider> mounts; keeping the first one.',
      );
    }
    if (initial.current.stripeProp !== stripeProp) {
      console.warn(
        '[purse] `stripe` cannot change after <PurseProvider> mounts; keeping the first one.',
      );
    }
  }, [clientProp, baseUrl, stripeProp]);

  const [stripe, setStripe] = useState<StripeLike | null>(() =>
    stripeProp && !isPromiseLike(stripeProp) ? stripeProp : null,
  );
  const [stripeStatus, setStripeStatus] = useState<PurseContextValue['stripeStatus']>(() =>
    !stripeProp ? 'none' : isPromiseLike(stripeProp) ? 'loading' : 'ready',
  );
  useEffect(() => {
    const first = initial.current.stripeProp;
    if (!isPromiseLike(first)) return;
    let active = true;
    first.then(
      (resolved) => {
        if (!active) return;
        setStripe(resolved);
        // loadStripe resolves null only where there is no window; in a browser that is a failure.
        setStripeStatus(resolved ? 'ready' : 'failed');
      },
      () => {
        if (!active) return;
        setStripe(null);
        setStripeStatus('failed');
      },
    );
    return () => {
      active = false;
    };
  }, []);

  // One runtime per provider: every hook below shares its cache, stores and live connection.
  const [runtime] = useState(
    () =>
      new PurseRuntime({
        client,
        live: new LiveUpdates({ url: live ? client.eventsUrl() : null }),
      }),
  );
  const liveUpdates = runtime.live;
  useEffect(() => () => runtime.close(), [runtime]);

  const onErrorRef = useLatest(onError);
  const resolvedLocale = resolveLocale(locale);
  const resolvedTheme = useMemo(() => rootTheme(theme), [theme]);
  const value = useMemo<PurseContextValue>(
    () => ({
      client,
      stripe,
      hasStripe: initial.current.stripeProp !== undefined && initial.current.stripeProp !== null,
      stripeStatus,
      locale: resolvedLocale,
      theme: resolvedTheme,
      live: liveUpdates,
      runtime,
      reportError: (error, source) => onErrorRef.current?.(error, { source }),
    }),
    [client, stripe, stripeStatus, resolvedLocale, resolvedTheme, liveUpdates, runtime, onErrorRef],
  );

  const { scheme, overrides } = resolvedTheme;
  return (
    <PurseContext.Provider value={value}>
      <div
        className={cx('purse-Root', className)}
        data-theme={scheme}
        lang={resolvedLocale}
        style={toCssVariables(overrides)}
      >
        {children}
      </div>
    </PurseContext.Provider>
  );
}
