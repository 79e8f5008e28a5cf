import { PurseError, type TopUp, type TopUpQuery } from '@purse/core';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import axe from 'axe-core';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PurseClient } from '../client/purse-client.js';
import type { LiveUpdates } from '@purse/core';
import { usePurseContext } from '../provider/purse-context.js';
import { PurseProvider } from '../provider/purse-provider.js';
import {
  FIXTURE_NOW,
  createFixturePurseClient,
  fixtureTopUp,
  type FixturePurseClient,
} from '../testing/index.js';
import { TopUpHistory } from './top-up-history.js';
import { renderWithPurse } from '../test-support/render-with-purse.js';

function root(): HTMLElement {
  const found = document.querySelector<HTMLElement>('.purse-TopUpHistory');
  if (!found) throw new Error('no TopUpHistory');
  return found;
}

function rows(): HTMLElement[] {
  return within(screen.getByRole('list', { name: 'Top-ups' })).getAllByRole('listitem');
}

/** `count` top-ups, one an hour, the newest first. */
function manyTopUps(count: number): TopUp[] {
  return Array.from({ length: count }, (_, i) =>
    fixtureTopUp({
      id: `ibt_${String(i).padStart(3, '0')}`,
      amount: (i + 1) * 100,
      created: FIXTURE_NOW - i * 3600,
      status: 'succeeded',
      cancelable: false,
    }),
  );
}

const EVERY_STATUS: TopUp[] = [
  fixtureTopUp({ id: 'ibt_review', status: 'requires_confirmation', created: FIXTURE_NOW - 10 }),
  fixtureTopUp({ id: 'ibt_processing', created: FIXTURE_NOW - 20, sameDay: true }),
  fixtureTopUp({
    id: 'ibt_succeeded',
    status: 'succeeded',
    cancelable: false,
    created: FIXTURE_NOW - 30,
  }),
  fixtureTopUp({
    id: 'ibt_failed',
    status: 'failed',
    cancelable: false,
    failure: { code: 'insufficient_funds', message: 'x' },
    created: FIXTURE_NOW - 40,
  }),
  fixtureTopUp({
    id: 'ibt_canceled',
    status: 'canceled',
    cancelable: false,
    created: FIXTURE_NOW - 50,
  }),
  fixtureTopUp({
    id: 'ibt_returned',
    status: 'succeeded',
    returned: true,
    cancelable: false,
    created: FIXTURE_NOW - 60,
    description: 'Paycheck float',
  }),
];

afterEach(() => {
  vi.useRealTimers();
});

// jsdom, user-event and axe are slow on a busy CI machine.
describe('TopUpHistory', { timeout: 20_000 }, () => {
  it('lists top-ups newest first with amount, date, bank and a status badge', async () => {
    renderWithPurse(<TopUpHistory />, createFixturePurseClient({ topUps: EVERY_STATUS }));
    expect(root()).toHaveAttribute('data-state', 'loading');
    expect(root().querySelector('[aria-busy="true"]')).toHaveTextContent('Loading…');
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'));

    const shown = rows();
    expect(shown.map((r) => r.getAttribute('data-phase'))).toEqual([
      'review',
      'processing',
      'succeeded',
      'failed',
      'canceled',
      'returned',
    ]);
    expect(shown[0]).toHaveTextContent('$250.00');
    expect(shown[0]).toHaveTextContent('Mar 10, 2026 · from STRIPEBANK ••6789');
    const badges = shown.map((r) => r.querySelector('[data-slot="badge"]'));
    expect(badges.map((b) => b?.textContent)).toEqual([
      'Under review',
      'Processing',
      'Succeeded',
      'Failed',
      'Canceled',
      'Returned',
    ]);
    expect(badges.map((b) => b?.getAttribute('data-tone'))).toEqual([
      'warning',
      'info',
      'success',
      'danger',
      'neutral',
      'warning',
    ]);
    expect(shown[1]).toHaveTextContent('Same-day');
    expect(shown[5]).toHaveTextContent('Paycheck float');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('makes rows buttons with onSelect', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    renderWithPurse(
      <TopUpHistory onSelect={onSelect} />,
      createFixturePurseClient({ topUps: EVERY_STATUS }),
    );
    await user.click(await screen.findByRole('button', { name: /Failed/ }));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'ibt_failed' }));
  });

  it('loads 20 at a time and more on request', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ topUps: manyTopUps(45) });
    renderWithPurse(<TopUpHistory onSelect={() => undefined} />, client);
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'));
    expect(rows()).toHaveLength(20);
    expect(client.calls[0]).toEqual(['listTopUps', { limit: 20 }]);

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rows()).toHaveLength(40));
    expect(client.calls.at(-1)).toEqual(['listTopUps', { cursor: 'ibt_019', limit: 20 }]);
    expect(within(rows()[20]!).getByRole('button')).toHaveFocus();
    // The announcement is a state update made by the same effect that moves focus: it lands a
    // render later.
    await waitFor(() =>
      expect(root().querySelector('[aria-live="polite"]')).toHaveTextContent('Showing 40 top-ups'),
    );

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rows()).toHaveLength(45));
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    const ids = rows().map((r) => r.textContent);
    expect(new Set(ids).size).toBe(45);
  });

  it('filters by status', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ topUps: EVERY_STATUS });
    renderWithPurse(<TopUpHistory showStatusFilter />, client);
    await waitFor(() => expect(rows()).toHaveLength(6));
    await user.selectOptions(screen.getByLabelText('Show'), 'Failed');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(client.calls.at(-1)).toEqual(['listTopUps', { status: 'failed', limit: 20 }]);
    await user.selectOptions(screen.getByLabelText('Show'), 'Under review');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveAttribute('data-phase', 'review');
  });

  it('says when there are no top-ups', async () => {
    renderWithPurse(<TopUpHistory />, createFixturePurseClient());
    expect(await screen.findByText('No top-ups yet')).toBeInTheDocument();
    expect(root()).toHaveAttribute('data-state', 'empty');
    expect(root()).toHaveTextContent('Money you add from your bank will show up here.');
  });

  it('says when no top-up has the chosen status', async () => {
    renderWithPurse(
      <TopUpHistory status="failed" />,
      createFixturePurseClient({ topUps: [fixtureTopUp()] }),
    );
    expect(await screen.findByText('No top-ups with this status.')).toBeInTheDocument();
  });

  it('upserts live updates and keeps the newest first', async () => {
    const client = createFixturePurseClient({ topUps: EVERY_STATUS.slice(1, 3) });
    const { live } = renderWithPurse(<TopUpHistory />, client);
    await waitFor(() => expect(rows()).toHaveLength(2));

    act(() =>
      live().emit({
        type: 'transfer.updated',
        data: fixtureTopUp({ id: 'ibt_processing', status: 'succeeded', cancelable: false }),
      }),
    );
    expect(rows()[0]).toHaveAttribute('data-phase', 'succeeded');

    // A late processing does not undo it.
    act(() =>
      live().emit({ type: 'transfer.updated', data: fixtureTopUp({ id: 'ibt_processing' }) }),
    );
    expect(rows()[0]).toHaveAttribute('data-phase', 'succeeded');

    act(() =>
      live().emit({
        type: 'transfer.updated',
        data: fixtureTopUp({ id: 'ibt_new', amount: 77_00, created: FIXTURE_NOW }),
      }),
    );
    expect(rows()).toHaveLength(3);
    expect(rows()[0]).toHaveTextContent('$77.00');

    act(() =>
      live().emit({
        type: 'transfer.updated',
        data: fixtureTopUp({ id: 'ibt_old', amount: 1_00, created: FIXTURE_NOW - 10_000 }),
      }),
    );
    expect(rows().at(-1)).toHaveTextContent('$1.00');
  });

  it('turns the empty state into a list when a top-up arrives', async () => {
    const { live } = renderWithPurse(<TopUpHistory />, createFixturePurseClient());
    await screen.findByText('No top-ups yet');
    act(() => live().emit({ type: 'transfer.updated', data: fixtureTopUp() }));
    expect(root()).toHaveAttribute('data-state', 'ready');
    expect(rows()).toHaveLength(1);
  });

  it('does not insert an update older than the pages still to load', async () => {
    const client = createFixturePurseClient({ topUps: manyTopUps(30) });
    const { live } = renderWithPurse(<TopUpHistory />, client);
    await waitFor(() => expect(rows()).toHaveLength(20));
    act(() =>
      live().emit({
        type: 'transfer.updated',
        data: fixtureTopUp({ id: 'ibt_ancient', created: FIXTURE_NOW - 100 * 3600 }),
      }),
    );
    expect(rows()).toHaveLength(20);
  });

  it('refetches while a top-up is processing and the connection polls', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const views = [fixtureTopUp({ id: 'ibt_a' })];
    const base = createFixturePurseClient();
    const client: FixturePurseClient = {
      ...base,
      listTopUps: (query?: TopUpQuery) => {
        base.calls.push(['listTopUps', query]);
        return Promise.resolve({ data: structuredClone(views), hasMore: false, nextCursor: null });
      },
    };
    renderWithPurse(<TopUpHistory />, client);
    await waitFor(() => expect(rows()[0]).toHaveAttribute('data-phase', 'processing'));
    views[0] = fixtureTopUp({ id: 'ibt_a', status: 'succeeded', cancelable: false });
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(rows()[0]).toHaveAttribute('data-phase', 'succeeded');
  });

  it('shows an error with a retry', async () => {
    const user = userEvent.setup();
    let fail = true;
    const base = createFixturePurseClient({ topUps: EVERY_STATUS });
    const client: PurseClient = {
      ...base,
      listTopUps: (query) =>
        fail
          ? Promise.reject(new PurseError({ code: 'rate_limited', message: 'slow down' }))
          : base.listTopUps(query),
    };
    renderWithPurse(<TopUpHistory />, client);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t load your top-ups');
    expect(alert).toHaveTextContent('Too many requests right now.');
    expect(root()).toHaveAttribute('data-state', 'error');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rows()).toHaveLength(6));
  });

  it('keeps the list when loading more fails, and lets you try again', async () => {
    const user = userEvent.setup();
    let fail = true;
    const base = createFixturePurseClient({ topUps: manyTopUps(25) });
    const client: PurseClient = {
      ...base,
      listTopUps: (query) =>
        query?.cursor && fail
          ? Promise.reject(new PurseError({ code: 'network_error', message: 'offline' }))
          : base.listTopUps(query),
    };
    renderWithPurse(<TopUpHistory />, client);
    await waitFor(() => expect(rows()).toHaveLength(20));
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We couldn’t load more top-ups.');
    expect(rows()).toHaveLength(20);
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rows()).toHaveLength(25));
  });

  it('works in StrictMode', async () => {
    const client = createFixturePurseClient({ topUps: EVERY_STATUS });
    let live: LiveUpdates | null = null;
    function CaptureLive(): null {
      live = usePurseContext('CaptureLive').live;
      return null;
    }
    render(
      <StrictMode>
        <PurseProvider client={client}>
          <CaptureLive />
          <TopUpHistory />
        </PurseProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(rows()).toHaveLength(6));
    act(() => live?.emit({ type: 'transfer.updated', data: fixtureTopUp({ id: 'ibt_live' }) }));
    expect(rows()).toHaveLength(7);
  });

  it('passes props and a ref to the root', async () => {
    let node: HTMLDivElement | null = null;
    renderWithPurse(
      <TopUpHistory
        className="mine"
        data-testid="history"
        ref={(el) => {
          node = el;
        }}
      />,
      createFixturePurseClient(),
    );
    const element = screen.getByTestId('history');
    expect(element).toHaveClass('purse-Card', 'purse-TopUpHistory', 'mine');
    expect(node).toBe(element);
    await screen.findByText('No top-ups yet');
  });

  it('has no axe violations in each state', async () => {
    const options = { rules: { 'color-contrast': { enabled: false } } };
    const loading = renderWithPurse(
      <TopUpHistory />,
      createFixturePurseClient({ hang: ['listTopUps'] }),
    );
    expect((await axe.run(loading.container, options)).violations).toEqual([]);
    loading.unmount();

    // A small page, so "Load more" shows without rendering many rows.
    const ready = renderWithPurse(
      <TopUpHistory onSelect={() => undefined} showStatusFilter pageSize={5} />,
      createFixturePurseClient({ topUps: EVERY_STATUS }),
    );
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(screen.getByRole('button', { name: 'Load more' })).toBeInTheDocument();
    expect((await axe.run(ready.container, options)).violations).toEqual([]);
    ready.unmount();

    const plain = renderWithPurse(
      <TopUpHistory />,
      createFixturePurseClient({ topUps: EVERY_STATUS }),
    );
    await waitFor(() => expect(rows()).toHaveLength(6));
    expect((await axe.run(plain.container, options)).violations).toEqual([]);
    plain.unmount();

    const empty = renderWithPurse(<TopUpHistory />, createFixturePurseClient());
    await screen.findByText('No top-ups yet');
    expect((await axe.run(empty.container, options)).violations).toEqual([]);
    empty.unmount();

    const failing = renderWithPurse(
      <TopUpHistory />,
      createFixturePurseClient({ fail: { listTopUps: 'internal_error' } }),
    );
    await screen.findByRole('alert');
    expect((await axe.run(failing.container, options)).violations).toEqual([]);
  });
});
