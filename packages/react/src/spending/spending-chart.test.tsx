import {
  PurseError,
  type BankTransaction,
  type LinkedAccount,
  type PurseErrorCode,
} from '@purse/core';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import axe from 'axe-core';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StrictMode, useContext, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PurseClient } from '../client/purse-client.js';
import type { LiveUpdates } from '@purse/core';
import { PurseContext } from '../provider/purse-context.js';
import { PurseProvider } from '../provider/purse-provider.js';
import {
  createFixturePurseClient,
  FIXTURE_NOW,
  fixtureAccount,
  type FixtureClientOptions,
  type FixturePurseClient,
} from '../testing/index.js';
import { useLinkedAccounts } from '../accounts/use-linked-accounts.js';
import { SpendingChart, type SpendingChartProps } from './spending-chart.js';

const ACCOUNT = 'fca_fixture_checking';
const DAY = 86_400;
// FIXTURE_NOW is 2026-03-10 10:00 in New York. The ranges start on these New York days; the
// hook lists from six days before (weekly bars start on a whole week, in any locale), less one
// more for the UTC midnight (so the first day is covered in every zone).
const FROM_30 = Date.UTC(2026, 1, 2) / 1000; // range starts 2026-02-09
const FROM_90 = Date.UTC(2025, 11, 4) / 1000; // range starts 2025-12-11
const FROM_180 = Date.UTC(2025, 8, 5) / 1000; // range starts 2025-09-12

function txn(
  id: string,
  daysAgo: number,
  amount: number,
  description: string,
  status: BankTransaction['status'] = 'posted',
): BankTransaction {
  const transactedAt = FIXTURE_NOW - daysAgo * DAY;
  return {
    id,
    accountId: ACCOUNT,
    amount,
    currency: 'usd',
    description,
    status,
    transactedAt,
    postedAt: status === 'posted' ? transactedAt + DAY : null,
    voidAt: status === 'void' ? transactedAt + DAY : null,
    updated: FIXTURE_NOW - 3600,
  };
}

/** A small history with every kind of transaction, at known distances from "now". */
function history(): BankTransaction[] {
  return [
    txn('fctxn_coffee', 1, -12_50, 'STARBUCKS STORE 05812'),
    txn('fctxn_groceries_pending', 1, -45_00, 'WHOLE FOODS MKT #10234 SAN FRANCISCO CA', 'pending'),
    txn('fctxn_void', 3, -100_00, 'AMZN Mktp US*2K4L91', 'void'),
    txn('fctxn_salary', 5, 2_940_00, 'ACME CORP PAYROLL PPD ID: 9876543210'),
    txn('fctxn_groceries', 10, -80_00, 'WHOLEFDS MKT 10234'),
    txn('fctxn_rent', 40, -200_00, 'OAKWOOD APARTMENTS RENT WEB PMT'),
    txn('fctxn_netflix', 120, -50_00, 'NETFLIX.COM'),
  ];
}

/** `count` transactions, one every ~8 hours, newest first (ids `fctxn_n0`, `fctxn_n1`, …). */
function many(count: number): BankTransaction[] {
  return Array.from({ length: count }, (_, i) => ({
    ...txn(`fctxn_n${String(i)}`, 0, -(100 + i), 'SAFEWAY #1711'),
    transactedAt: FIXTURE_NOW - 60 - i * 30_000,
  }));
}

function fixture(options: FixtureClientOptions = {}): FixturePurseClient {
  return createFixturePurseClient({
    accounts: [fixtureAccount()],
    transactions: { [ACCOUNT]: history() },
    ...options,
  });
}

let live: LiveUpdates | null = null;
function LiveProbe(): null {
  live = useContext(PurseContext)?.live ?? null;
  return null;
}

function emitAccount(account: LinkedAccount): void {
  act(() => {
    live?.emit({ type: 'account.updated', data: account });
  });
}

function renderChart(
  client: PurseClient,
  props: Partial<SpendingChartProps> = {},
  options: { strict?: boolean; onError?: (error: PurseError) => void; locale?: string } = {},
) {
  const ui: ReactNode = (
    <PurseProvider
      client={client}
      live={false}
      {...(options.locale ? { locale: options.locale } : {})}
      {...(options.onError ? { onError: options.onError } : {})}
    >
      <LiveProbe />
      <SpendingChart accountId={ACCOUNT} {...props} />
    </PurseProvider>
  );
  const result = render(options.strict ? <StrictMode>{ui}</StrictMode> : ui);
  return { ...result, user: userEvent.setup() };
}

// The card is a region named by its heading (checked by role in the tests that are about it);
// most tests find it through the heading, which is quicker than role queries over large tables.
const card = (): HTMLElement =>
  screen.getByText('Spending', { selector: 'h3' }).closest('section')!;
const totals = (): string =>
  (card().querySelector('[data-slot="totals"]')?.textContent ?? '').replace(/\s+/g, ' ');
const table = (): HTMLElement => screen.getByRole('table');
// Plain DOM walks for the table's rows: role queries over a 180-row table are slow in jsdom.
const bodyRows = (): HTMLTableRowElement[] => [...(table() as HTMLTableElement).tBodies[0]!.rows];
const footer = (): string[] =>
  [...(table() as HTMLTableElement).tFoot!.rows[0]!.cells]
    .filter((cell) => cell.tagName === 'TD')
    .map((cell) => cell.textContent);
const listCalls = (client: FixturePurseClient): unknown[][] =>
  client.calls.filter(([method]) => method === 'listTransactions');

async function ready(): Promise<void> {
  await waitFor(() => expect(card()).toHaveAttribute('data-state', 'ready'));
}

afterEach(() => {
  live = null;
  vi.useRealTimers();
});

describe('SpendingChart: loading', () => {
  it('reads the account, then lists every page of the range in order, following the cursors', async () => {
    const client = fixture({ transactions: { [ACCOUNT]: many(230) } });
    renderChart(client);
    await ready();
    expect(client.calls.map(([method]) => method)).toEqual([
      'getAccount',
      'listTransactions',
      'listTransactions',
      'listTransactions',
    ]);
    expect(listCalls(client)).toEqual([
      ['listTransactions', ACCOUNT, { from: FROM_90, limit: 100 }],
      ['listTransactions', ACCOUNT, { from: FROM_90, limit: 100, cursor: 'fctxn_n99' }],
      ['listTransactions', ACCOUNT, { from: FROM_90, limit: 100, cursor: 'fctxn_n199' }],
    ]);
    // 230 purchases of $1.00 … $3.29.
    expect(totals()).toContain('$493.35 spent');
  });

  it('shows a skeleton until the first page, then draws while the next pages arrive', async () => {
    const inner = fixture({ transactions: { [ACCOUNT]: many(230) } });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let firstPage: () => void = () => undefined;
    const firstGate = new Promise<void>((resolve) => {
      firstPage = resolve;
    });
    const client: PurseClient = {
      ...inner,
      listTransactions: async (id, query) => {
        await (query?.cursor === undefined ? firstGate : gate);
        return inner.listTransactions(id, query);
      },
    };
    renderChart(client);
    await waitFor(() => expect(screen.getByText('Loading…')).toBeInTheDocument());
    expect(card()).toHaveAttribute('data-state', 'loading');
    expect(card().querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(screen.queryByRole('table')).toBeNull();

    firstPage();
    expect(await screen.findByText('Loaded 100 transactions…')).toBeInTheDocument();
    expect(card()).toHaveAttribute('data-state', 'loading');
    expect(bodyRows()).toHaveLength(14);

    release();
    await ready();
    expect(screen.queryByText(/Loaded \d+ transactions/)).toBeNull();
    expect(footer()[0]).toBe('$493.35');
  });

  it('asks nothing twice on a page that lists the accounts first (the demo’s spending page)', async () => {
    const client = fixture({ transactions: { [ACCOUNT]: many(150) } });
    function SpendingPage(): ReactNode {
      const { state } = useLinkedAccounts();
      return state.status === 'ready' ? <SpendingChart accountId={state.accounts[0]!.id} /> : null;
    }
    render(
      <StrictMode>
        <PurseProvider client={client} live={false}>
          <SpendingPage />
        </PurseProvider>
      </StrictMode>,
    );
    await ready();
    // The account comes from the list (no GET /accounts/:id); each page is asked for once.
    expect(client.calls.map(([method]) => method)).toEqual([
      'listAccounts',
      'listTransactions',
      'listTransactions',
    ]);
    expect(new Set(listCalls(client).map((call) => JSON.stringify(call))).size).toBe(2);
  });

  it('loads once in StrictMode', async () => {
    const client = fixture({ transactions: { [ACCOUNT]: many(150) } });
    renderChart(client, {}, { strict: true });
    await ready();
    expect(client.calls.filter(([method]) => method === 'getAccount')).toHaveLength(1);
    expect(listCalls(client)).toEqual([
      ['listTransactions', ACCOUNT, { from: FROM_90, limit: 100 }],
      ['listTransactions', ACCOUNT, { from: FROM_90, limit: 100, cursor: 'fctxn_n99' }],
    ]);
  });

  it('sums several accounts together', async () => {
    const savings = 'fca_fixture_savings';
    const client = fixture({
      accounts: [fixtureAccount(), fixtureAccount({ id: savings, displayName: 'Savings' })],
      transactions: {
        [ACCOUNT]: history(),
        [savings]: [{ ...txn('fctxn_savings', 2, -7_50, 'SAFEWAY #1711'), accountId: savings }],
      },
    });
    renderChart(client, { accountIds: [savings] });
    await ready();
    expect(listCalls(client).map(([, id]) => id)).toEqual([ACCOUNT, savings]);
    expect(totals()).toContain('$300.00 spent');
  });
});

describe('SpendingChart: what it shows', () => {
  it('totals money out per week, posted and pending apart, and leaves void out', async () => {
    const client = fixture();
    renderChart(client);
    await ready();
    expect(screen.getByRole('region', { name: 'Spending' })).toBe(card());
    // Posted $12.50 + $80.00 + $200.00; the $100.00 void purchase and the salary do not count.
    expect(totals()).toBe('$292.50 spent · $45.00 pending');
    expect(screen.getByText(/Whole weeks · Dec 7, 2025 – Mar 10, 2026/)).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Money out per week, last 90 days' }),
    ).toBeInTheDocument();
    expect(
      within(table())
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Period', 'Spent', 'Pending']);
    expect(bodyRows()).toHaveLength(14);
    // The last week (Sunday March 8th to today) holds the pending groceries and the coffee.
    const lastWeek = bodyRows().at(-1)!;
    expect(within(lastWeek).getByRole('rowheader')).toHaveTextContent('Mar 8 – 10, 2026');
    expect(
      within(lastWeek)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['$12.50', '$45.00']);
    expect(within(table()).getByRole('rowheader', { name: 'Total' })).toBeInTheDocument();
    expect(footer()).toEqual(['$292.50', '$45.00']);
    expect(within(table()).queryByText('$100.00')).toBeNull();
  });

  it('lists top merchants under their normalised names, pending included', async () => {
    renderChart(fixture());
    await ready();
    const list = within(screen.getByRole('region', { name: 'Top merchants' })).getAllByRole(
      'listitem',
    );
    expect(list.map((item) => item.textContent)).toEqual([
      'Oakwood Apartments Rent$200.001 payment',
      'Whole Foods Market$125.002 payments',
      'Starbucks$12.501 payment',
    ]);
  });

  it('regroups by day and by month', async () => {
    const { user } = renderChart(fixture());
    await ready();
    await user.click(screen.getByLabelText('Daily'));
    expect(bodyRows()).toHaveLength(90);
    expect(
      within(bodyRows().at(-2)!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['$12.50', '$45.00']);
    expect(
      screen.getByRole('table', { name: 'Money out per day, last 90 days' }),
    ).toBeInTheDocument();
    await user.click(screen.getByLabelText('Monthly'));
    expect(
      bodyRows().map((row) => within(row).getByRole('rowheader').textContent.replace(/\s/g, ' ')),
    ).toEqual(['Dec 11 – 31, 2025', 'Jan 1 – 31, 2026', 'Feb 1 – 28, 2026', 'Mar 1 – 10, 2026']);
    expect(footer()).toEqual(['$292.50', '$45.00']);
  });

  it('changes the totals with the range, fetching only the older part of a longer one', async () => {
    const client = fixture();
    const { user } = renderChart(client);
    await ready();
    expect(listCalls(client)).toHaveLength(1);

    await user.click(screen.getByLabelText('30 days'));
    expect(totals()).toBe('$92.50 spent · $45.00 pending');
    expect(bodyRows()).toHaveLength(5);

    await user.click(screen.getByLabelText('180 days'));
    await waitFor(() => expect(totals()).toBe('$342.50 spent · $45.00 pending'));
    await ready();
    expect(bodyRows()).toHaveLength(27);

    // Back to 90 and 30 days: already loaded.
    await user.click(screen.getByLabelText('90 days'));
    expect(totals()).toBe('$292.50 spent · $45.00 pending');
    expect(listCalls(client)).toEqual([
      ['listTransactions', ACCOUNT, { from: FROM_90, limit: 100 }],
      ['listTransactions', ACCOUNT, { from: FROM_180, to: FROM_90, limit: 100 }],
    ]);
  });

  it('loads 30 days first when it starts there', async () => {
    const client = fixture();
    renderChart(client, { defaultRange: 30 });
    await ready();
    expect(listCalls(client)).toEqual([
      ['listTransactions', ACCOUNT, { from: FROM_30, limit: 100 }],
    ]);
  });

  it('moves between ranges with the arrow keys (a radio group)', async () => {
    const onRangeChange = vi.fn();
    const { user } = renderChart(fixture(), { onRangeChange });
    await ready();
    const group = screen.getByRole('group', { name: 'Time range' });
    expect(within(group).getByRole('radio', { name: '90 days' })).toBeChecked();
    within(group).getByRole('radio', { name: '90 days' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(within(group).getByRole('radio', { name: '180 days' })).toBeChecked();
    expect(within(group).getByRole('radio', { name: '180 days' })).toHaveFocus();
    expect(onRangeChange).toHaveBeenLastCalledWith(180);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(within(group).getByRole('radio', { name: '30 days' })).toBeChecked();
  });

  it('follows a controlled range and bucket', async () => {
    const onRangeChange = vi.fn();
    const onBucketChange = vi.fn();
    const client = fixture();
    const { user, rerender } = renderChart(client, {
      range: 30,
      onRangeChange,
      bucket: 'month',
      onBucketChange,
    });
    await ready();
    await user.click(screen.getByLabelText('90 days'));
    expect(onRangeChange).toHaveBeenCalledWith(90);
    expect(screen.getByLabelText('30 days')).toBeChecked();
    expect(totals()).toBe('$92.50 spent · $45.00 pending');
    await user.click(screen.getByLabelText('Daily'));
    expect(onBucketChange).toHaveBeenCalledWith('day');
    expect(bodyRows()).toHaveLength(2);

    rerender(
      <PurseProvider client={client} live={false}>
        <LiveProbe />
        <SpendingChart accountId={ACCOUNT} range={90} bucket="day" />
      </PurseProvider>,
    );
    await waitFor(() => expect(bodyRows()).toHaveLength(90));
    await ready();
    expect(totals()).toBe('$292.50 spent · $45.00 pending');
    expect(listCalls(client)).toEqual([
      ['listTransactions', ACCOUNT, { from: FROM_30, limit: 100 }],
      ['listTransactions', ACCOUNT, { from: FROM_90, to: FROM_30, limit: 100 }],
    ]);
  });

  it('includes money in when switched on', async () => {
    const { user } = renderChart(fixture());
    await ready();
    const toggle = screen.getByRole('switch', { name: 'Include money in' });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    expect(toggle).toBeChecked();
    expect(totals()).toBe('$292.50 spent · $45.00 pending · $2,940.00 in');
    expect(
      within(table())
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Period', 'Spent', 'Pending', 'Money in']);
    expect(footer()).toEqual(['$292.50', '$45.00', '$2,940.00']);
    expect(screen.getByText('Money in', { selector: 'li' })).toBeInTheDocument();
  });

  it('switches between the chart and the table', async () => {
    const { user } = renderChart(fixture());
    await ready();
    // The chart's drawing is hidden from screen readers, which get a summary and the table.
    const plot = card().querySelector('[data-slot="plot"]');
    expect(plot).toHaveAttribute('aria-hidden', 'true');
    expect(card().querySelector('figcaption')).toHaveTextContent(
      'Bar chart of money out per week, 14 bars. The highest is Jan 25 – 31, 2026: $200.00. The table lists every value.',
    );
    expect(table().closest('[data-slot="table"]')).toHaveClass('purse-VisuallyHidden');

    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    expect(card().querySelector('[data-slot="plot"]')).toBeNull();
    expect(card()).toHaveAttribute('data-view', 'table');
    expect(table().closest('[data-slot="table"]')).not.toHaveClass('purse-VisuallyHidden');
    expect(
      screen.getByRole('region', { name: 'Money out per week, last 90 days' }),
    ).toHaveAttribute('tabindex', '0');

    await user.click(screen.getByRole('button', { name: 'Show as chart' }));
    expect(card().querySelector('[data-slot="plot"]')).not.toBeNull();
  });

  it('speaks German', async () => {
    renderChart(fixture(), {}, { locale: 'de' });
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Ausgaben' })).toHaveAttribute(
        'data-state',
        'ready',
      ),
    );
    const text = screen
      .getByRole('region', { name: 'Ausgaben' })
      .querySelector('[data-slot="totals"]')?.textContent;
    expect(text?.replace(/\s/g, ' ')).toBe('292,50 $ ausgegeben · 45,00 $ ausstehend');
    // Weeks start on Monday in German.
    expect(screen.getByRole('table', { name: 'Ausgaben pro Woche, letzte 90 Tage' })).toBeTruthy();
    expect(screen.getByLabelText('Monatlich')).toBeInTheDocument();
  });
});

describe('SpendingChart: pending on another account', () => {
  const CARD = 'fca_fixture_card';
  const cardAccount = fixtureAccount({
    id: CARD,
    displayName: 'Rewards Credit Card',
    last4: '1881',
    category: 'credit',
    subcategory: 'credit_card',
  });
  const onCard = (id: string, daysAgo: number, amount: number, description: string) => ({
    ...txn(id, daysAgo, amount, description, 'pending'),
    accountId: CARD,
  });
  const twoAccounts = (): FixturePurseClient =>
    fixture({
      accounts: [fixtureAccount(), cardAccount],
      transactions: {
        [ACCOUNT]: history(),
        [CARD]: [
          onCard('fctxn_card_dinner', 1, -42_10, 'SQ *BLUE BOTTLE COFFEE'),
          // A card payment received is not spending; nothing of it is said.
          onCard('fctxn_card_payment', 2, 500_00, 'PAYMENT - THANK YOU'),
        ],
      },
    });
  const elsewhere = (): string[] =>
    [...card().querySelectorAll('[data-slot="pending-elsewhere"]')].map((p) =>
      p.textContent.replace(/\s/g, ' '),
    );

  it('says where pending money out on another linked account is, without counting it', async () => {
    const client = twoAccounts();
    renderChart(client, { otherAccountIds: [ACCOUNT, CARD] });
    await ready();
    await waitFor(() =>
      expect(elsewhere()).toEqual(['$42.10 pending on Rewards Credit Card ••1881']),
    );
    // The card's totals are the checking account's alone.
    expect(totals()).toBe('$292.50 spent · $45.00 pending');
  });

  it('shows the other account next without asking the server again (the demo’s account picker)', async () => {
    const client = twoAccounts();
    const { rerender } = renderChart(client, { otherAccountIds: [ACCOUNT, CARD] });
    await ready();
    const before = client.calls.length;
    rerender(
      <PurseProvider client={client} live={false}>
        <SpendingChart key={CARD} accountId={CARD} otherAccountIds={[ACCOUNT, CARD]} />
      </PurseProvider>,
    );
    await waitFor(() => expect(totals()).toBe('$0.00 spent · $42.10 pending'));
    // Seen from the card, checking's $45.00 pending is the one said elsewhere.
    expect(elsewhere()).toEqual(['$45.00 pending on Everyday Checking ••6789']);
    expect(client.calls.slice(before)).toEqual([]);
  });

  it.each([
    ['de', 'Ausgaben', '42,10 $ ausstehend auf Rewards Credit Card ••1881'],
    ['fr', 'Dépenses', '42,10 $US en attente sur Rewards Credit Card ••1881'],
  ])('says it in %s', async (locale, title, said) => {
    renderChart(twoAccounts(), { otherAccountIds: [CARD] }, { locale });
    await waitFor(() =>
      expect(
        screen
          .getByRole('region', { name: title })
          .querySelector('[data-slot="pending-elsewhere"]')
          ?.textContent.replace(/\s/g, ' '),
      ).toBe(said),
    );
  });
});

describe('SpendingChart: staying fresh', () => {
  it('fetches only what a new refresh changed and merges it (pending → posted)', async () => {
    const transactions = { [ACCOUNT]: history() };
    const inner = fixture({ transactions });
    // A server that honours `after`: only transactions changed since the refresh we name.
    const client: PurseClient = {
      ...inner,
      listTransactions: async (id, query) => {
        const page = await inner.listTransactions(id, query);
        return query?.after
          ? { ...page, data: page.data.filter((t) => t.updated > FIXTURE_NOW) }
          : page;
      },
    };
    renderChart(client);
    await ready();
    expect(totals()).toBe('$292.50 spent · $45.00 pending');

    // The bank posts the groceries and reports a new purchase.
    const pending = transactions[ACCOUNT].find((t) => t.id === 'fctxn_groceries_pending')!;
    Object.assign(pending, { status: 'posted', postedAt: FIXTURE_NOW, updated: FIXTURE_NOW + 60 });
    transactions[ACCOUNT].push({
      ...txn('fctxn_new', 0, -9_99, 'NETFLIX.COM'),
      updated: FIXTURE_NOW + 60,
    });
    const calls = inner.calls.length;
    emitAccount(
      fixtureAccount({
        transactionRefresh: {
          id: 'fctxnref_next',
          status: 'succeeded',
          lastAttemptedAt: FIXTURE_NOW,
          nextRefreshAvailableAt: FIXTURE_NOW + 3600,
        },
      }),
    );
    await waitFor(() => expect(totals()).toBe('$347.49 spent · nothing pending'));
    expect(inner.calls.slice(calls)).toEqual([
      ['listTransactions', ACCOUNT, { after: 'fctxnref_fixture', from: FROM_90, limit: 100 }],
    ]);
    expect(
      within(screen.getByRole('region', { name: 'Top merchants' })).getByText('2 payments'),
    ).toBeInTheDocument();

    // The same refresh announced again changes nothing; the next one asks after this one.
    emitAccount(
      fixtureAccount({
        transactionRefresh: {
          id: 'fctxnref_next',
          status: 'succeeded',
          lastAttemptedAt: FIXTURE_NOW,
          nextRefreshAvailableAt: FIXTURE_NOW + 3600,
        },
      }),
    );
    emitAccount(
      fixtureAccount({
        transactionRefresh: {
          id: 'fctxnref_third',
          status: 'succeeded',
          lastAttemptedAt: FIXTURE_NOW,
          nextRefreshAvailableAt: FIXTURE_NOW + 3600,
        },
      }),
    );
    await waitFor(() => expect(inner.calls.length).toBe(calls + 2));
    expect(inner.calls.at(-1)).toEqual([
      'listTransactions',
      ACCOUNT,
      { after: 'fctxnref_next', from: FROM_90, limit: 100 },
    ]);
  });

  it('says it is checking for new transactions while a refresh is merged', async () => {
    const inner = fixture();
    const client: PurseClient = {
      ...inner,
      listTransactions: (id, query) =>
        query?.after ? new Promise(() => undefined) : inner.listTransactions(id, query),
    };
    renderChart(client);
    await ready();
    emitAccount(
      fixtureAccount({
        transactionRefresh: {
          id: 'fctxnref_next',
          status: 'succeeded',
          lastAttemptedAt: FIXTURE_NOW,
          nextRefreshAvailableAt: null,
        },
      }),
    );
    expect(await screen.findByText('Checking for new transactions…')).toBeVisible();
    // What was loaded stays on screen meanwhile.
    expect(card()).toHaveAttribute('data-state', 'ready');
    expect(totals()).toBe('$292.50 spent · $45.00 pending');
  });

  it('starts over for another account', async () => {
    const savings = 'fca_fixture_savings';
    const client = fixture({
      accounts: [fixtureAccount(), fixtureAccount({ id: savings })],
      transactions: {
        [ACCOUNT]: history(),
        [savings]: [{ ...txn('fctxn_savings', 2, -7_50, 'SAFEWAY #1711'), accountId: savings }],
      },
    });
    const { rerender } = renderChart(client);
    await ready();
    rerender(
      <PurseProvider client={client} live={false}>
        <LiveProbe />
        <SpendingChart accountId={savings} />
      </PurseProvider>,
    );
    await waitFor(() => expect(totals()).toBe('$7.50 spent · nothing pending'));
    expect(listCalls(client).map(([, id]) => id)).toEqual([ACCOUNT, savings]);
  });

  it('takes a void update out of the totals', async () => {
    const transactions = { [ACCOUNT]: history() };
    const client = fixture({ transactions });
    renderChart(client);
    await ready();
    Object.assign(
      transactions[ACCOUNT].find((t) => t.id === 'fctxn_groceries_pending')!,
      {
        status: 'void',
        voidAt: FIXTURE_NOW,
      },
    );
    emitAccount(
      fixtureAccount({
        transactionRefresh: {
          id: 'fctxnref_next',
          status: 'succeeded',
          lastAttemptedAt: FIXTURE_NOW,
          nextRefreshAvailableAt: null,
        },
      }),
    );
    await waitFor(() => expect(totals()).toBe('$292.50 spent · nothing pending'));
  });

  it('asks once for a first refresh when there never was one, then loads when it succeeds', async () => {
    const client = fixture({ accounts: [fixtureAccount({ transactionRefresh: null })] });
    renderChart(client, {}, { strict: true });
    expect(await screen.findByText('Fetching your transactions…')).toBeInTheDocument();
    expect(card()).toHaveAttribute('data-state', 'refreshing-transactions');
    expect(
      screen.getByText('Your bank is sending your recent transactions. This can take a minute.'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(client.calls.filter(([m]) => m === 'refreshTransactions')).toHaveLength(1),
    );
    expect(listCalls(client)).toHaveLength(0);

    emitAccount(
      fixtureAccount({
        transactionRefresh: {
          id: 'fctxnref_first',
          status: 'succeeded',
          lastAttemptedAt: FIXTURE_NOW,
          nextRefreshAvailableAt: null,
        },
      }),
    );
    await ready();
    expect(listCalls(client)).toEqual([
      ['listTransactions', ACCOUNT, { from: FROM_90, limit: 100 }],
    ]);
    expect(client.calls.filter(([m]) => m === 'refreshTransactions')).toHaveLength(1);
  });

  it('polls for the first refresh when there is no live stream', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const inner = fixture({ accounts: [fixtureAccount({ transactionRefresh: null })] });
    let refreshed = false;
    const client: PurseClient = {
      ...inner,
      refreshTransactions: async (id) => {
        await inner.refreshTransactions(id);
        return fixtureAccount({
          transactionRefresh: {
            id: 'fctxnref_first',
            status: 'pending',
            lastAttemptedAt: FIXTURE_NOW,
            nextRefreshAvailableAt: null,
          },
        });
      },
      getAccount: async (id) =>
        refreshed
          ? fixtureAccount({
              transactionRefresh: {
                id: 'fctxnref_first',
                status: 'succeeded',
                lastAttemptedAt: FIXTURE_NOW,
                nextRefreshAvailableAt: FIXTURE_NOW + 60,
              },
            })
          : inner.getAccount(id),
    };
    renderChart(client);
    expect(await screen.findByText('Fetching your transactions…')).toBeInTheDocument();
    refreshed = true;
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    await ready();
    expect(listCalls(inner)).toEqual([
      ['listTransactions', ACCOUNT, { from: FROM_90, limit: 100 }],
    ]);
  });

  it('explains a first refresh the bank failed, and asks again on retry', async () => {
    const client = fixture({ accounts: [fixtureAccount({ transactionRefresh: null })] });
    const { user } = renderChart(client);
    await screen.findByText('Fetching your transactions…');
    emitAccount(
      fixtureAccount({
        transactionRefresh: {
          id: 'fctxnref_first',
          status: 'failed',
          lastAttemptedAt: FIXTURE_NOW,
          nextRefreshAvailableAt: FIXTURE_NOW,
        },
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your bank couldn’t send your transactions',
    );
    expect(card()).toHaveAttribute('data-state', 'failed');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(client.calls.filter(([m]) => m === 'refreshTransactions')).toHaveLength(2),
    );
    expect(card()).toHaveAttribute('data-state', 'refreshing-transactions');
    expect(screen.getByRole('heading', { name: 'Spending' })).toHaveFocus();
  });
});

describe('SpendingChart: nothing to show', () => {
  it('says so when there was no spending in the range', async () => {
    renderChart(
      fixture({
        transactions: {
          [ACCOUNT]: [txn('fctxn_salary', 5, 2_940_00, 'ACME CORP PAYROLL PPD ID: 9876543210')],
        },
      }),
    );
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'empty'));
    expect(screen.getAllByText('No spending in the last 90 days')).not.toHaveLength(0);
    expect(screen.queryByRole('table')).toBeNull();
    // The range can still be changed to look further back.
    expect(screen.getByLabelText('180 days')).toBeInTheDocument();
  });

  it('explains an account that did not share its transactions, without asking for them', async () => {
    const client = fixture({
      accounts: [fixtureAccount({ permissions: ['balances', 'payment_method'] })],
    });
    renderChart(client);
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'permission_missing'));
    expect(
      within(card()).getAllByText('This account didn’t share its transactions'),
    ).not.toHaveLength(0);
    expect(listCalls(client)).toHaveLength(0);
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('shows the same explanation when the server says permission_missing', async () => {
    renderChart(fixture({ fail: { listTransactions: 'permission_missing' } }));
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'permission_missing'));
  });
});

describe('SpendingChart: errors', () => {
  /** A client whose `failAt`-th transaction page fails once. */
  function flaky(
    code: PurseErrorCode,
    failAt: number,
  ): { client: PurseClient; inner: FixturePurseClient } {
    const inner = fixture({ transactions: { [ACCOUNT]: many(150) } });
    let pages = 0;
    return {
      inner,
      client: {
        ...inner,
        listTransactions: async (id, query) => {
          pages += 1;
          if (pages === failAt) throw new PurseError({ code, message: 'Upstream down.' });
          return inner.listTransactions(id, query);
        },
      },
    };
  }

  it('shows an error with a retry that picks up at the page that failed, and reports it once', async () => {
    const onError = vi.fn();
    const { client, inner } = flaky('stripe_unavailable', 2);
    const { user } = renderChart(client, {}, { onError, strict: true });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong on our side. Please try again.');
    expect(alert).not.toHaveTextContent('Upstream down.');
    expect(card()).toHaveAttribute('data-state', 'error');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'stripe_unavailable' });

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await ready();
    expect(screen.getByRole('heading', { name: 'Spending' })).toHaveFocus();
    expect(inner.calls.filter(([m]) => m === 'getAccount')).toHaveLength(1);
    // The first page was kept; the second is asked for again.
    expect(listCalls(inner)).toEqual([
      ['listTransactions', ACCOUNT, { from: FROM_90, limit: 100 }],
      ['listTransactions', ACCOUNT, { from: FROM_90, limit: 100, cursor: 'fctxn_n99' }],
    ]);
    expect(footer()[0]).toBe(`$${(((100 + 249) * 75) / 100).toFixed(2)}`);
  });

  it('retries a failed first page from the start', async () => {
    const { client, inner } = flaky('rate_limited', 1);
    const { user } = renderChart(client);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many requests right now. Wait a moment and try again.',
    );
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await ready();
    expect(listCalls(inner)).toHaveLength(2);
  });

  it('retries a failed range extension without reloading what it had', async () => {
    const inner = fixture();
    let failures = 1;
    const client: PurseClient = {
      ...inner,
      listTransactions: async (id, query) => {
        if (query?.to !== undefined && failures-- > 0)
          throw new PurseError({ code: 'network_error', message: 'Offline.' });
        return inner.listTransactions(id, query);
      },
    };
    const { user } = renderChart(client);
    await ready();
    await user.click(screen.getByLabelText('180 days'));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await ready();
    expect(totals()).toBe('$342.50 spent · $45.00 pending');
    expect(listCalls(inner)).toEqual([
      ['listTransactions', ACCOUNT, { from: FROM_90, limit: 100 }],
      ['listTransactions', ACCOUNT, { from: FROM_180, to: FROM_90, limit: 100 }],
    ]);
  });

  it('words network errors for people', async () => {
    renderChart(fixture({ fail: { getAccount: 'network_error' } }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We couldn’t reach the server. Check your connection and try again.',
    );
  });
});

describe('SpendingChart: accessibility', () => {
  it('has no axe violations in the table view', async () => {
    const { container } = renderChart(fixture(), {
      defaultView: 'table',
      defaultIncludeInflow: true,
    });
    await ready();
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations).toEqual([]);
  });

  it('has no axe violations in the chart view and while fetching transactions', async () => {
    const { container, unmount } = renderChart(fixture());
    await ready();
    expect(
      (await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })).violations,
    ).toEqual([]);
    unmount();
    const other = renderChart(
      fixture({ accounts: [fixtureAccount({ transactionRefresh: null })] }),
    );
    await screen.findByText('Fetching your transactions…');
    expect(
      (await axe.run(other.container, { rules: { 'color-contrast': { enabled: false } } }))
        .violations,
    ).toEqual([]);
  });
});

describe('SpendingChart: code splitting', () => {
  it('keeps recharts out of every module but the lazily loaded one', () => {
    const dir = dirname(fileURLToPath(import.meta.url));
    const read = (file: string): string => readFileSync(join(dir, file), 'utf8');
    const sources = readdirSync(dir).filter(
      (file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file),
    );
    expect(sources).toContain('spending-chart.tsx');
    expect(sources.filter((file) => read(file).includes('recharts'))).toEqual([
      'spending-bars.tsx',
    ]);
    // And that module is reached only through a dynamic import().
    for (const file of sources) {
      expect(read(file), file).not.toMatch(
        /^(?:import|export)[^;'"]*from\s*['"]\.\/spending-bars\.js['"]|^import\s*['"]\.\/spending-bars\.js['"]/m,
      );
    }
    expect(read('spending-bars-loader.ts')).toContain("import('./spending-bars.js')");
    expect(read('spending-figure.tsx')).toContain('lazy(loadSpendingBars)');
  });
});
