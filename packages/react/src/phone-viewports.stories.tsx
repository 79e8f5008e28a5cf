/**
 * Every component on a phone: rendered 320 and 390 px wide, each story checks that nothing is
 * wider than the phone (no sideways scrolling). A story per component and width, in one new file
 * so the components' own story files stay as they are.
 */
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
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

const VIEWPORTS = {
  phone320: { name: 'Phone, 320 px', styles: { width: '320px', height: '640px' }, type: 'mobile' },
  phone390: { name: 'Phone, 390 px', styles: { width: '390px', height: '844px' }, type: 'mobile' },
};

function Phone({ children }: { children: ReactNode }): ReactNode {
  return <>{children}</>;
}

const inWidth =
  (width: number): Decorator =>
  (Story) => (
    <div data-testid="phone" style={{ width: `${String(width)}px`, maxWidth: '100%' }}>
      <Story />
    </div>
  );

/** Waits for the component to load, then checks nothing sticks out of the phone's width. */
async function expectFits(canvasElement: HTMLElement): Promise<void> {
  const phone = within(canvasElement).getByTestId('phone');
  await waitFor(
    () => expect(phone.querySelector('[data-state="loading"], [aria-busy="true"]')).toBeNull(),
    { timeout: 5000 },
  );
  const right = phone.getBoundingClientRect().right + 0.5;
  const wide = Array.from(phone.querySelectorAll<HTMLElement>('*'))
    // Visually hidden text (the chart's table for screen readers) is clipped, never seen.
    .filter((el) => !el.closest('.purse-VisuallyHidden'))
    .filter(
      (el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > right,
    )
    .map((el) => `${el.tagName.toLowerCase()}${el.dataset.slot ? `[${el.dataset.slot}]` : ''}`);
  await expect(wide).toEqual([]);
}

const meta = {
  title: 'Viewports/Phones',
  component: Phone,
  parameters: { purse: { client: CLIENT }, viewport: { options: VIEWPORTS }, layout: 'fullscreen' },
} satisfies Meta<typeof Phone>;

export default meta;
type Story = StoryObj<typeof meta>;

function phoneStory(width: 320 | 390, children: ReactNode): Story {
  return {
    args: { children },
    decorators: [inWidth(width)],
    globals: { viewport: { value: `phone${String(width)}`, isRotated: false } },
    play: async ({ canvasElement }) => expectFits(canvasElement),
  };
}

export const BalanceCard320 = phoneStory(320, <BalanceCard accountId={CHECKING} />);
export const BalanceCard390 = phoneStory(390, <BalanceCard accountId={CHECKING} />);
export const FinancialAccountCard320 = phoneStory(320, <FinancialAccountCard />);
export const FinancialAccountCard390 = phoneStory(390, <FinancialAccountCard />);
export const AccountList320 = phoneStory(320, <AccountList />);
export const AccountList390 = phoneStory(390, <AccountList />);
export const TopUpHistory320 = phoneStory(320, <TopUpHistory />);
export const TopUpHistory390 = phoneStory(390, <TopUpHistory />);
export const TransferStatus320 = phoneStory(320, <TransferStatus topUpId="ibt_fixture" />);
export const TransferStatus390 = phoneStory(390, <TransferStatus topUpId="ibt_fixture" />);
export const SpendingChart320 = phoneStory(320, <SpendingChart accountId={CHECKING} />);
export const SpendingChart390 = phoneStory(390, <SpendingChart accountId={CHECKING} />);
