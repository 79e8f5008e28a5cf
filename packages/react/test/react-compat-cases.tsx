/**
 * What the React compatibility tests render: the provider and every exported component, with a
 * fixture client. Shared by `react-compat.server.test.tsx` (server rendering, no DOM) and
 * `react-compat.test.tsx` (hydration and the client renderer), which both run under React 19
 * (`react` project) and React 18.3 (`react18` project, `vitest.react18.config.ts`).
 */
import * as purse from '@purse/react';
import {
  AccountList,
  BalanceCard,
  FinancialAccountCard,
  LinkBankAccount,
  PurseProvider,
  SpendingChart,
  SpendingView,
  TopUp,
  TopUpHistory,
  TransferPhaseBadge,
  TransferStatus,
  WalletActivity,
  useSpending,
  type PurseProviderProps,
  type StripeLike,
} from '@purse/react';
import {
  createFixturePurseClient,
  fixtureAccount,
  fixtureFinancialAccount,
  fixtureSource,
  fixtureTopUp,
  fixtureTransactions,
  type FixtureClientOptions,
} from '@purse/react/testing';
import type { ReactNode, RefCallback } from 'react';
import { afterEach, beforeEach, inject, vi, type MockInstance } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The React major the project aliases `react` to (only `react18` provides it). */
    reactMajor?: number;
  }
}

/** The React major this project should be running. */
export const expectedMajor: number = inject('reactMajor') ?? 19;

const account = fixtureAccount();
const topUp = fixtureTopUp();
const fixtures: FixtureClientOptions = {
  accounts: [account],
  transactions: { [account.id]: fixtureTransactions() },
  financialAccount: fixtureFinancialAccount(),
  sources: [fixtureSource()],
  topUps: [topUp],
};

export interface ComponentCase {
  /** The export's name in `src/index.ts`. */
  name: string;
  /** The element to render inside `<PurseProvider>`; `ref` goes to the component's root. */
  element: (ref: RefCallback<HTMLElement> | null) => ReactNode;
  /** Whether the component takes a `ref` (the provider does not). */
  forwardsRef: boolean;
  /** Provider props the component needs besides the fixture client. */
  provider?: Omit<PurseProviderProps, 'client' | 'children'>;
}

/** A custom data flow around the chart's view, as `SpendingView`'s users write it. */
function SpendingViewFromHook(props: { viewRef: RefCallback<HTMLElement> | null }): ReactNode {
  const spending = useSpending({ accountId: account.id });
  return <SpendingView ref={props.viewRef} spending={spending} />;
}

/** Stripe.js as far as linking needs it; these tests never open the flow. */
const idleStripe: StripeLike = {
  collectFinancialConnectionsAccounts: () => new Promise(() => undefined),
};

/*
 * THE LIST TO MAINTAIN. One entry per component exported from `src/index.ts`, with props that
 * render it against the fixture client above. When you export a new component, add it here: the
 * "covers every exported component" tests fail until you do.
 */
export const COMPONENTS: ComponentCase[] = [
  {
    name: 'PurseProvider',
    element: () => <p>Inside the provider</p>,
    forwardsRef: false,
  },
  { name: 'AccountList', element: (ref) => <AccountList ref={ref} />, forwardsRef: true },
  {
    name: 'BalanceCard',
    element: (ref) => <BalanceCard ref={ref} accountId={account.id} />,
    forwardsRef: true,
  },
  {
    name: 'FinancialAccountCard',
    element: (ref) => <FinancialAccountCard ref={ref} />,
    forwardsRef: true,
  },
  {
    name: 'LinkBankAccount',
    element: (ref) => <LinkBankAccount ref={ref} />,
    forwardsRef: true,
    provider: { stripe: idleStripe },
  },
  {
    name: 'SpendingChart',
    element: (ref) => <SpendingChart ref={ref} accountId={account.id} />,
    forwardsRef: true,
  },
  {
    name: 'SpendingView',
    element: (ref) => <SpendingViewFromHook viewRef={ref} />,
    forwardsRef: true,
  },
  { name: 'TopUp', element: (ref) => <TopUp ref={ref} />, forwardsRef: true },
  { name: 'TopUpHistory', element: (ref) => <TopUpHistory ref={ref} />, forwardsRef: true },
  { name: 'WalletActivity', element: (ref) => <WalletActivity ref={ref} />, forwardsRef: true },
  {
    name: 'TransferStatus',
    element: (ref) => <TransferStatus ref={ref} topUpId={topUp.id} />,
    forwardsRef: true,
  },
  {
    name: 'TransferPhaseBadge',
    element: () => <TransferPhaseBadge phase="processing" />,
    forwardsRef: false,
  },
];

/** Exports that are functions or classes but not components. */
const NOT_COMPONENTS = new Set(['PurseError', 'LiveUpdates']);

/**
 * Names of the components `@purse/react` exports: PascalCase (not CONSTANT_CASE) functions, and
 * memo/forwardRef objects.
 */
export function exportedComponents(): string[] {
  return Object.entries(purse as Record<string, unknown>)
    .filter(
      ([name, value]) =>
        /^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/.test(name) &&
        !NOT_COMPONENTS.has(name) &&
        (typeof value === 'function' ||
          (typeof value === 'object' && value !== null && '$$typeof' in value)),
    )
    .map(([name]) => name)
    .sort();
}

/** The case's element inside a provider with a fresh fixture client. */
export function inProvider(
  { element, provider }: ComponentCase,
  ref: RefCallback<HTMLElement> | null = null,
): ReactNode {
  return (
    <PurseProvider {...provider} client={createFixturePurseClient(fixtures)}>
      {element(ref)}
    </PurseProvider>
  );
}

/** Collects what React (or a component) logs with console.error during each test. */
export function watchConsoleErrors(): () => string[] {
  let spy: MockInstance<typeof console.error> | undefined;
  beforeEach(() => {
    // Silent: the assertions print what was logged.
    spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    spy?.mockRestore();
  });
  return () => (spy?.mock.calls ?? []).map((args) => args.map(String).join(' '));
}
