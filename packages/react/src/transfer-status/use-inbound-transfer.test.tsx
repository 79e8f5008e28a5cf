import { act, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithPurse } from '../test-support/render-with-purse.js';
import { createFixturePurseClient, fixtureTopUp } from '../testing/index.js';
import { TransferStatus } from './transfer-status.js';
import { clientServing } from '../test-support/serving-top-up.js';
import { useInboundTransfer } from './use-inbound-transfer.js';

/** A view a host might write: nothing but the hook's state, commands and prop getters. */
function CustomView(props: { topUpId: string }): ReactNode {
  const transfer = useInboundTransfer({ topUpId: props.topUpId });
  const { state, cancel } = transfer;
  return (
    <section {...transfer.getRootProps()}>
      <h2 {...transfer.getHeadingProps()}>My top-up</h2>
      <p>{state.status}</p>
      {state.status === 'loading' || state.status === 'error' ? null : (
        <ol {...transfer.getTimelineProps()}>
          <li>{state.topUp.status}</li>
        </ol>
      )}
      {cancel.status === 'confirming' || cancel.status === 'canceling' ? (
        <div {...transfer.getCancelGroupProps()}>
          <p {...transfer.getCancelPromptProps()}>Really?</p>
          <button {...transfer.getConfirmCancelButtonProps()}>Yes</button>
          <button {...transfer.getDismissCancelButtonProps()}>No</button>
        </div>
      ) : transfer.canCancel ? (
        <button {...transfer.getCancelButtonProps()}>Stop it</button>
      ) : null}
      {cancel.status === 'error' ? <div {...transfer.getCancelErrorProps()}>Nope</div> : null}
      <div {...transfer.getStatusRegionProps()} />
    </section>
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('useInboundTransfer', { timeout: 20_000 }, () => {
  it('gives a custom view what it needs to stay accessible', async () => {
    const client = createFixturePurseClient({ topUps: [fixtureTopUp()] });
    const { live } = renderWithPurse(<CustomView topUpId="ibt_fixture" />, client);
    const view = screen.getByRole('group', { name: 'My top-up' });
    await waitFor(() => expect(view).toHaveAttribute('data-state', 'processing'));
    expect(screen.getByRole('list', { name: 'Progress' })).toBeInTheDocument();

    // The cancel flow moves focus: to the question, back to the button when dismissed.
    await userEvent.click(screen.getByRole('button', { name: 'Stop it' }));
    const question = screen.getByText('Really?');
    expect(question).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Really?' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'No' }));
    expect(screen.getByRole('button', { name: 'Stop it' })).toHaveFocus();

    // Each change of phase is announced in the status region.
    const region = view.querySelector('[aria-live="polite"]');
    expect(region).toHaveTextContent('');
    act(() =>
      live().emit({
        type: 'transfer.updated',
        data: fixtureTopUp({ status: 'succeeded', cancelable: false }),
      }),
    );
    expect(view).toHaveAttribute('data-state', 'succeeded');
    expect(region).toHaveTextContent('Top-up of $250.00 succeeded');
    expect(region).toHaveAttribute('aria-atomic', 'true');
  });

  it('cancels once, and focuses the error when the bank already has it', async () => {
    const client = createFixturePurseClient({
      topUps: [fixtureTopUp()],
      fail: { cancelTopUp: 'transfer_not_cancelable' },
    });
    renderWithPurse(<CustomView topUpId="ibt_fixture" />, client);
    await userEvent.click(await screen.findByRole('button', { name: 'Stop it' }));
    const yes = screen.getByRole('button', { name: 'Yes' });
    await userEvent.click(yes);
    await userEvent.click(yes);
    expect(await screen.findByRole('alert')).toHaveFocus();
    expect(client.calls.filter(([method]) => method === 'cancelTopUp')).toHaveLength(1);
  });

  it('gives each view of the same top-up its own ids', async () => {
    const client = createFixturePurseClient({ topUps: [fixtureTopUp()] });
    renderWithPurse(
      <>
        <CustomView topUpId="ibt_fixture" />
        <CustomView topUpId="ibt_fixture" />
      </>,
      client,
    );
    await waitFor(() => expect(screen.getAllByRole('list', { name: 'Progress' })).toHaveLength(2));
    const ids = screen.getAllByRole('list').map((list) => list.id);
    expect(new Set(ids).size).toBe(2);
    expect(ids.every(Boolean)).toBe(true);
  });

  it('loads a transfer once per interval over a minute, however many views show it', async () => {
    // A pinned clock: the same on any date and in any time zone.
    vi.useFakeTimers({ now: new Date('2026-03-10T15:00:00Z'), shouldAdvanceTime: true });
    const views = { current: fixtureTopUp() };
    const client = clientServing(views);
    const loads = (): number => client.calls.filter(([method]) => method === 'getTopUp').length;
    renderWithPurse(
      <>
        <TransferStatus topUpId="ibt_fixture" />
        <TransferStatus topUpId="ibt_fixture" headingLevel={3} />
        <CustomView topUpId="ibt_fixture" />
      </>,
      client,
    );
    await waitFor(() =>
      expect(screen.getByRole('group', { name: 'My top-up' })).toHaveAttribute(
        'data-state',
        'processing',
      ),
    );
    expect(loads()).toBe(1);
    // The live stream is down in tests, so the provider polls too; the transfer's tracker is
    // still its one poller: one load every 5 s for all three views.
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(loads()).toBe(13);
  });
});
