import { PurseError, type TopUp, type WalletActivityItem } from '@purse/core';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { PurseClient } from '../client/purse-client.js';
import { renderWithPurse } from '../test-support/render-with-purse.js';
import { FIXTURE_NOW, createFixturePurseClient, fixtureTopUp } from '../testing/index.js';
import { TopUpHistory } from '../top-up-history/top-up-history.js';
import { useTopUpHistory } from '../top-up-history/use-top-up-history.js';
import { WalletActivity } from '../wallet-activity/wallet-activity.js';
import { useWalletActivity } from '../wallet-activity/use-wallet-activity.js';
import type { HeadingLevel } from './heading-level.js';

type Mode = 'loading' | 'empty' | 'error' | 'ready';

function entry(n: number): WalletActivityItem {
  return {
    id: `trxn_${String(n)}`,
    kind: 'top_up',
    amount: 10_00,
    currency: 'usd',
    status: 'posted',
    description: null,
    created: FIXTURE_NOW - n * 60,
    postedAt: FIXTURE_NOW - n * 60,
    receiptUrl: null,
  };
}

const topUps = (count: number): TopUp[] =>
  Array.from({ length: count }, (_, n) =>
    fixtureTopUp({ id: `ibt_${String(n)}`, created: FIXTURE_NOW - n * 60 }),
  );

/** A client whose lists answer per `mode` (`loading` never answers). */
function clientIn(mode: Mode, count = 3): PurseClient {
  const base = createFixturePurseClient({ topUps: mode === 'ready' ? topUps(count) : [] });
  const answer = <T,>(data: T[]): Promise<{ data: T[]; hasMore: boolean; nextCursor: null }> => {
    if (mode === 'loading') return new Promise(() => undefined);
    if (mode === 'error')
      return Promise.reject(new PurseError({ code: 'stripe_unavailable', message: 'Down.' }));
    return Promise.resolve({ data, hasMore: false, nextCursor: null });
  };
  return {
    ...base,
    listTopUps: (query) => (mode === 'ready' ? base.listTopUps(query) : answer<TopUp>([])),
    listWalletActivity: () =>
      answer(mode === 'ready' ? Array.from({ length: count }, (_, n) => entry(n)) : []),
  };
}

/** The page's outline: each heading's level, in document order. */
const outline = (): number[] =>
  Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((h) => Number(h.tagName[1]));

/** Headings above a card whose heading is `level`: h1 … h(level - 1). */
function Page({ level, children }: { level: HeadingLevel; children: ReactNode }): ReactNode {
  return (
    <main>
      <h1>Wallet</h1>
      {level >= 3 ? <h2>Money</h2> : null}
      {level >= 4 ? <h3>Recent</h3> : null}
      {children}
    </main>
  );
}

describe('TopUpHistory and WalletActivity headings', () => {
  const cases = [
    {
      name: 'TopUpHistory',
      render: (level: HeadingLevel) => <TopUpHistory headingLevel={level} />,
    },
    {
      name: 'WalletActivity',
      render: (level: HeadingLevel) => <WalletActivity headingLevel={level} />,
    },
  ];
  // axe on a shared machine is slow: each case gets room (speed is not what is tested here).
  const AXE_TIMEOUT_MS = 20_000;
  for (const { name, render } of cases) {
    for (const mode of ['loading', 'empty', 'error', 'ready'] as const) {
      it(
        `${name} never skips a heading level when ${mode}, at levels 2, 3 and 4`,
        async () => {
          for (const level of [2, 3, 4] as const) {
            const { unmount, container } = renderWithPurse(
              <Page level={level}>{render(level)}</Page>,
              clientIn(mode),
            );
            if (mode !== 'loading') {
              await waitFor(() =>
                expect(container.querySelector(`[data-state="${mode}"]`)).not.toBeNull(),
              );
            }
            expect(outline()).toEqual(Array.from({ length: level }, (_, i) => i + 1));
            const result = await axe.run(container, { runOnly: ['heading-order'] });
            expect(result.violations).toEqual([]);
            unmount();
          }
        },
        AXE_TIMEOUT_MS,
      );
    }
  }
});

/** A view of one's own, built only from `useWalletActivity`'s prop getters. */
function MyActivity(): ReactNode {
  const activity = useWalletActivity({ pageSize: 2 });
  const { state } = activity;
  return (
    <section>
      <h2 {...activity.getHeadingProps()}>Money moves</h2>
      {state.status === 'ready' ? (
        <>
          <ul {...activity.getListProps()}>
            {state.items.map((item) => (
              <li key={item.id}>{item.id}</li>
            ))}
          </ul>
          {state.more.status === 'complete' ? null : (
            <button {...activity.getLoadMoreButtonProps()}>More</button>
          )}
        </>
      ) : null}
      <p {...activity.getLiveRegionProps()}>
        {activity.loadedCount === null ? '' : `${String(activity.loadedCount)} shown`}
      </p>
    </section>
  );
}

/** A status filter of one's own from `useTopUpHistory`. */
function MyTopUps(): ReactNode {
  const history = useTopUpHistory();
  return (
    <>
      <label {...history.getFilterLabelProps()}>Which</label>
      <select {...history.getFilterSelectProps()}>
        <option value="">All</option>
        <option value="succeeded">Done</option>
      </select>
      <p data-testid="count">
        {history.state.status === 'ready' ? history.state.items.length : history.state.status}
      </p>
    </>
  );
}

describe('a custom view from the hooks’ prop getters', () => {
  it('labels the list by its heading, ties "load more" to it and announces what arrived', async () => {
    const items = Array.from({ length: 3 }, (_, n) => entry(n));
    const base = clientIn('ready');
    const client: PurseClient = {
      ...base,
      listWalletActivity: (query = {}) => {
        const start = query.cursor ? items.findIndex((i) => i.id === query.cursor) + 1 : 0;
        const data = items.slice(start, start + 2);
        const hasMore = start + 2 < items.length;
        return Promise.resolve({ data, hasMore, nextCursor: hasMore ? data.at(-1)!.id : null });
      },
    };
    renderWithPurse(<MyActivity />, client);
    const list = await screen.findByRole('list', { name: 'Money moves' });
    const more = screen.getByRole('button', { name: 'More' });
    expect(more).toHaveAttribute('aria-controls', list.id);
    await userEvent.setup().click(more);
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    expect(screen.getByRole('status')).toHaveTextContent('3 shown');
    // The button is gone with the last page: focus is not lost, it lands on the list.
    expect(list).toHaveFocus();
  });

  it('filters top-ups through the select getter, labelled by its label', async () => {
    const client = createFixturePurseClient({
      topUps: [
        ...topUps(2),
        fixtureTopUp({ id: 'ibt_done', status: 'succeeded', cancelable: false }),
      ],
    });
    renderWithPurse(<MyTopUps />, client);
    await waitFor(() => expect(screen.getByTestId('count')).toHaveTextContent('3'));
    await userEvent.setup().selectOptions(screen.getByLabelText('Which'), 'Done');
    await waitFor(() => expect(screen.getByTestId('count')).toHaveTextContent('1'));
    expect(screen.getByLabelText('Which')).toHaveValue('succeeded');
    expect(client.calls.filter(([method]) => method === 'listTopUps').at(-1)).toEqual([
      'listTopUps',
      { limit: 20, status: 'succeeded' },
    ]);
  });
});
