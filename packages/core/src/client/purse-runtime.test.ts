import { describe, expect, it, vi } from 'vitest';
import { LiveUpdates } from './live-updates.js';
import { PurseRuntime } from './purse-runtime.js';
import { FinancialAccountStore } from './stores/financial-account-store.js';
import { LinkedAccountsStore } from './stores/linked-accounts-store.js';
import { TransferTrackers } from './stores/transfer-trackers.js';
import { topUp } from '../transfers/test-fixtures.js';
import { countingClient, financialAccount, linkedAccount } from './test-support.js';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function runtimeWith(data: Parameters<typeof countingClient>[0]) {
  const client = countingClient(data);
  const live = new LiveUpdates({ url: null, pollIntervalMs: 60_000 });
  const runtime = new PurseRuntime({ client, live });
  return { client, live, runtime };
}

describe('PurseRuntime', () => {
  it('asks for the account list once however many views subscribe, and serves each account from it', async () => {
    const { client, runtime } = runtimeWith({
      accounts: [linkedAccount({ id: 'fca_1' }), linkedAccount({ id: 'fca_2' })],
    });
    const store = runtime.store(LinkedAccountsStore);
    const stops = [store.subscribe(() => {}), store.subscribe(() => {})];
    expect(store.getSnapshot()).toEqual({ status: 'loading', accounts: [] });
    await settle();
    expect(store.getSnapshot()).toMatchObject({
      status: 'ready',
      accounts: [{ id: 'fca_1' }, { id: 'fca_2' }],
    });
    const one = await runtime.readAccount('fca_2');
    expect(one.id).toBe('fca_2');
    expect(client.calls).toEqual(['listAccounts']);
    // A view mounting later shows the cached list at once and asks again behind it: while
    // nobody listened, live updates could not reach the list.
    for (const stop of stops) stop();
    const again = store.subscribe(() => {});
    expect(store.getSnapshot()).toMatchObject({
      status: 'ready',
      accounts: [{ id: 'fca_1' }, { id: 'fca_2' }],
    });
    // React StrictMode's unmount and mount while that request runs share it.
    again();
    const last = store.subscribe(() => {});
    await settle();
    last();
    expect(client.calls).toEqual(['listAccounts', 'listAccounts']);
    runtime.close();
  });

  it('files live account updates into the list and the account', async () => {
    const { live, runtime } = runtimeWith({ accounts: [linkedAccount({ id: 'fca_1' })] });
    const store = runtime.store(LinkedAccountsStore);
    let changes = 0;
    const stop = store.subscribe(() => (changes += 1));
    await settle();
    const before = changes;
    live.emit({ type: 'account.updated', data: linkedAccount({ id: 'fca_1', last4: '0000' }) });
    live.emit({ type: 'account.updated', data: linkedAccount({ id: 'fca_9' }) });
    expect(changes).toBe(before + 2);
    const snapshot = store.getSnapshot();
    expect(snapshot.accounts.map((a) => [a.id, a.last4])).toEqual([
      ['fca_1', '0000'],
      ['fca_9', '6789'],
    ]);
    expect((await runtime.readAccount('fca_1')).last4).toBe('0000');
    stop();
    runtime.close();
  });

  it('reload asks the server again and keeps the accounts shown meanwhile', async () => {
    const { client, runtime } = runtimeWith({ accounts: [linkedAccount()] });
    const store = runtime.store(LinkedAccountsStore);
    const stop = store.subscribe(() => {});
    await settle();
    store.reload();
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', accounts: [{ id: 'fca_1' }] });
    await settle();
    expect(client.calls).toEqual(['listAccounts', 'listAccounts']);
    stop();
    runtime.close();
  });

  it('reports a missing financial account as `missing`, not an error', async () => {
    const { runtime } = runtimeWith({ financialAccount: null });
    const stop = runtime.store(FinancialAccountStore).subscribe(() => {});
    await settle();
    expect(runtime.store(FinancialAccountStore).getSnapshot()).toEqual({ status: 'missing' });
    stop();
    runtime.close();
  });

  it('renames the financial account once valid, and every view sees the new name', async () => {
    const { client, runtime } = runtimeWith({ financialAccount: financialAccount() });
    const store = runtime.store(FinancialAccountStore);
    const stop = store.subscribe(() => {});
    await settle();
    expect(await store.rename('   ')).toEqual({ status: 'invalid', problem: 'empty', length: 0 });
    expect(await store.rename('x'.repeat(250))).toMatchObject({ problem: 'too_long' });
    expect(await store.rename('  Savings ')).toMatchObject({ status: 'saved' });
    expect(store.getSnapshot()).toMatchObject({
      status: 'ready',
      account: { nickname: 'Savings' },
    });
    expect(client.calls).toEqual(['getFinancialAccount', 'renameFinancialAccount Savings']);
    stop();
    runtime.close();
  });

  it('polls a changing financial account once per tick while the stream is down', async () => {
    const client = countingClient({
      financialAccount: financialAccount({
        balance: { cash: 0, inboundPending: 25_00, outboundPending: 0, currency: 'usd' },
      }),
    });
    const live = new LiveUpdates({ url: null, pollIntervalMs: 20 });
    const runtime = new PurseRuntime({ client, live });
    const stops = [
      runtime.store(FinancialAccountStore).subscribe(() => {}),
      runtime.store(FinancialAccountStore).subscribe(() => {}),
    ];
    await settle();
    expect(client.calls).toEqual(['getFinancialAccount']);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(client.calls).toEqual(['getFinancialAccount', 'getFinancialAccount']);
    for (const stop of stops) stop();
    runtime.close();
  });

  it('shares one tracker, and so one poller, among every view of a transfer', async () => {
    const { client, live, runtime } = runtimeWith({ topUps: [topUp({ id: 'ibt_1' })] });
    const trackers = runtime.store(TransferTrackers);
    const form = trackers.get('ibt_1', { pollIntervalMs: 20 });
    const card = trackers.get('ibt_1', { pollIntervalMs: 20 });
    expect(card).toBe(form);
    const stopListening = trackers.listen();
    vi.useFakeTimers();
    const stops = [form.subscribe(() => {}), card.subscribe(() => {})];
    await vi.advanceTimersByTimeAsync(0);
    expect(client.calls).toEqual(['getTopUp ibt_1']);
    await vi.advanceTimersByTimeAsync(20);
    // One load per tick for both views.
    expect(client.calls).toEqual(['getTopUp ibt_1', 'getTopUp ibt_1']);
    vi.useRealTimers();
    live.emit({ type: 'transfer.updated', data: topUp({ id: 'ibt_1', status: 'succeeded' }) });
    expect(form.getSnapshot()).toMatchObject({ status: 'ready', phase: 'succeeded' });
    for (const stop of stops) stop();
    stopListening();
    runtime.close();
  });
});
