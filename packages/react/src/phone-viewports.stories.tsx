/**
 * Every component on a phone: rendered 320 and 390 px wide, each story checks that nothing is
 * wider than the phone (no sideways scrolling). A story per component and width, in one new file
 * so the components' own story files stay as they are.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { AccountList } from './accounts/account-list.js';
import { BalanceCard } from './balance/balance-card.js';
import { FinancialAccountCard } from './financial-account/financial-account-card.js';
import { SpendingChart } from './spending/spending-chart.js';
import {
  fixtureAccount,
  fixtureCreditAccount,
  fixtureFinancialAccount,
  fixtureTopUp,
  fixtureTransactions,
} from './testing/fixtures.js';
import { expectNothingWider, PHONE_VIEWPORTS, phoneStory } from './test-support/phone-frame.js';
import type { FixtureClientOptions } from './testing/fixture-client.js';
import { TopUpHistory } from './top-up-history/top-up-history.js';
import { TransferStatus } from './transfer-status/transfer-status.js';

const CHECKING = 'fca_fixture_checking';

const CLIENT: FixtureClientOptions = {
  accounts: [fixtureAccount(), fixtureCreditAccount()],
  transactions: { [CHECKING]: fixtureTransactions({ accountId: CHECKING, days: 120 }) },
  financialAccount: fixtureFinancialAccount(),
  topUps: [
    fixtureTopUp({ id: 'ibt_fixture', amount: 12_640_55, description: 'A long description' }),
  ],
};

function Phone({ children }: { children: ReactNode }): ReactNode {
  return <>{children}</>;
}

/** Waits for the component to load, then checks nothing sticks out of the phone's width. */
async function expectFits(canvasElement: HTMLElement): Promise<void> {
  const phone = within(canvasElement).getByTestId('phone');
  await waitFor(
    () => expect(phone.querySelector('[data-state="loading"], [aria-busy="true"]')).toBeNull(),
    { timeout: 5000 },
  );
  await expectNothingWider(phone);
}

const meta = {
  title: 'Viewports/Phones',
  component: Phone,
  parameters: {
    purse: { client: CLIENT },
    viewport: { options: PHONE_VIEWPORTS },
    layout: 'fullscreen',
  },
} satisfies Meta<typeof Phone>;

export default meta;
type Story = StoryObj<typeof meta>;

function onPhone(width: 320 | 390, children: ReactNode): Story {
  return {
    args: { children },
    ...phoneStory(width),
    play: async ({ canvasElement }) => expectFits(canvasElement),
  };
}

export const BalanceCard320 = onPhone(320, <BalanceCard accountId={CHECKING} />);
export const BalanceCard390 = onPhone(390, <BalanceCard accountId={CHECKING} />);
export const FinancialAccountCard320 = onPhone(320, <FinancialAccountCard />);
export const FinancialAccountCard390 = onPhone(390, <FinancialAccountCard />);
export const AccountList320 = onPhone(320, <AccountList />);
export const AccountList390 = onPhone(390, <AccountList />);
export const TopUpHistory320 = onPhone(320, <TopUpHistory />);
export const TopUpHistory390 = onPhone(390, <TopUpHistory />);
export const TransferStatus320 = onPhone(320, <TransferStatus topUpId="ibt_fixture" />);
export const TransferStatus390 = onPhone(390, <TransferStatus topUpId="ibt_fixture" />);
export const SpendingChart320 = onPhone(320, <SpendingChart accountId={CHECKING} />);
export const SpendingChart390 = onPhone(390, <SpendingChart accountId={CHECKING} />);
