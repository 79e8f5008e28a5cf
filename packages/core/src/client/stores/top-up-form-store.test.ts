import { describe, expect, it, vi } from 'vitest';
import { PurseError, type PurseErrorCode } from '../../contract/errors.js';
import type { TopUp, TopUpRequest, TopUpSource } from '../../contract/types.js';
import { topUp as topUpFixture } from '../../transfers/test-fixtures.js';
import { LiveUpdates } from '../live-updates.js';
import { PurseRuntime } from '../purse-runtime.js';
import { countingClient } from '../test-support.js';
import { TOP_UP_FORM_KIT } from './top-up-form-kit.js';
import { TopUpFormStore, type TopUpFormOptions } from './top-up-form-store.js';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
/** What the server says of a top-up when asked: returned by the bank, once this is set. */
let returned = false;

function source(overrides: Partial<TopUpSource> = {}): TopUpSource {
  return {
    id: 'pm_checking',
    bankName: 'StripeBank',
    accountName: 'Everyday Checking',
    last4: '4321',
    accountType: 'checking',
    linkedAccountId: 'fca_1',
    balance: { type: 'cash', currency: 'usd', current: 600_00, available: 500_00, asOf: 1 },
    ...overrides,
  };
}
const SAVINGS = source({ id: 'pm_savings', accountName: 'Rainy Day', accountType: 'savings' });

interface Setup {
  sources?: TopUpSource[];
  /** Codes `createTopUp` fails with, one per call, before it works. */
  failWith?: PurseErrorCode[];
  options?: Partial<TopUpFormOptions>;
  /** How often the (stream-less) live connection polls. @default 60_000 */
  pollIntervalMs?: number;
}

function setup({
  sources = [SAVINGS, source()],
  failWith = [],
  options = {},
  pollIntervalMs = 60_000,
}: Setup = {}) {
  returned = false;
  const base = countingClient({});
  const sent: { request: TopUpRequest; key: string }[] = [];
  let loads = 0;
  const failures = [...failWith];
  const client = {
    ...base,
    listTopUpSources: () => {
      loads += 1;
      return Promise.resolve({ data: structuredClone(sources) });
    },
    createTopUp: (request: TopUpRequest, opts: { idempotencyKey: string }) => {
      sent.push({ request, key: opts.idempotencyKey });
      const code = failures.shift();
      if (code) return Promise.reject(new PurseError({ code, message: code }));
      return Promise.resolve(topUpFixture({ id: `ibt_${String(sent.length)}` }));
    },
    getTopUp: (id: string) => {
      base.calls.push(`getTopUp ${id}`);
      return Promise.resolve(
        topUpFixture({ id, ...(returned ? { status: 'succeeded', returned: true } : {}) }),
      );
    },
  };
  const live = new LiveUpdates({ url: null, pollIntervalMs });
  const runtime = new PurseRuntime({ client, live });
  const created: TopUp[] = [];
  const store = new TopUpFormStore(runtime, {
    kit: TOP_UP_FORM_KIT,
    onSuccess: (t) => created.push(t),
    ...options,
  });
  const stop = store.subscribe(() => {});
  return { store, sent, created, live, runtime, stop, calls: base.calls, loads: () => loads };
}

describe('TopUpFormStore', () => {
  it('loads the sources and starts on the checking account, not the first (savings) one', async () => {
    const { store } = setup();
    expect(store.getSnapshot().state).toEqual({ status: 'loading-sources' });
    await settle();
    const snapshot = store.getSnapshot();
    expect(snapshot.state.status).toBe('editing');
    expect(snapshot.values.sourceId).toBe('pm_checking');
    expect(snapshot.source?.accountName).toBe('Everyday Checking');
  });

  it('uses a sources request started before it existed (once), instead of asking again', async () => {
    const early = Promise.resolve({ data: [source({ id: 'pm_early', accountName: 'Early' })] });
    const { store, loads } = setup({ options: { sources: early } });
    await settle();
    expect(loads()).toBe(0);
    expect(store.getSnapshot().sources.map((s) => s.id)).toEqual(['pm_early']);
    store.reloadSources();
    await settle();
    expect(loads()).toBe(1);
    expect(store.getSnapshot().sources.map((s) => s.id)).toEqual(['pm_savings', 'pm_checking']);
  });

  it('starts on `defaultSourceId` when it is offered', async () => {
    const { store } = setup({ options: { defaultSourceId: 'pm_savings' } });
    await settle();
    expect(store.getSnapshot().values.sourceId).toBe('pm_savings');
  });

  it('shows a field error once the field is left, and every error on review', async () => {
    const { store } = setup();
    await settle();
    store.setValue('amount', '0.50');
    expect(store.getSnapshot().errors).toEqual({});
    store.touch('amount');
    expect(store.getSnapshot().errors.amount).toEqual({ code: 'amount_too_small', min: 100 });
    store.setValue('amount', '12.345');
    expect(store.review()).toBe('amount');
    expect(store.getSnapshot().errors.amount).toEqual({ code: 'amount_too_many_decimals' });
    expect(store.getSnapshot().state.status).toBe('editing');
  });

  it('asks for an acknowledgement over the known balance (warn), refuses it (block)', async () => {
    const { store } = setup();
    await settle();
    store.setValue('amount', '750');
    expect(store.getSnapshot().balanceWarning).toEqual({ available: 500_00, currency: 'usd' });
    expect(store.review()).toBe('acknowledged');
    store.setValue('acknowledged', true);
    expect(store.review()).toBeNull();
    expect(store.getSnapshot().state).toMatchObject({
      status: 'confirming',
      attempt: {
        overBalance: true,
        request: { amount: 750_00, sourceId: 'pm_checking' },
        // The client's clock says Thursday 28 May 2026, 16:26 in New York: after the ACH
        // cutoff, so it goes out Friday and arrives two business days later.
        arrivesOn: '2026-06-02',
      },
    });

    const blocked = setup({ options: { balanceCheck: 'block' } });
    await settle();
    blocked.store.setValue('amount', '750');
    expect(blocked.store.review()).toBe('amount');
    expect(blocked.store.getSnapshot().errors.amount).toEqual({
      code: 'amount_over_balance',
      available: 500_00,
    });
  });

  it('sends once for a double confirm, and keeps the key for a retry and for the same top-up', async () => {
    const { store, sent } = setup({ failWith: ['network_error'] });
    await settle();
    store.setValue('amount', '25');
    store.review();
    store.confirm();
    store.confirm();
    expect(sent).toHaveLength(1);
    await settle();
    expect(store.getSnapshot().state).toMatchObject({ status: 'error', retryable: true });
    // Back and the same top-up again: the same attempt, the same key.
    store.back();
    expect(store.getSnapshot().state).toEqual({ status: 'editing', focus: 'amount' });
    store.review();
    store.retry();
    store.confirm();
    await settle();
    expect(sent).toHaveLength(2);
    expect(sent[1]?.key).toBe(sent[0]?.key);
    expect(store.getSnapshot().state).toMatchObject({
      status: 'submitted',
      topUp: { id: 'ibt_2' },
    });
    // Another top-up, even an identical one, is a new attempt with a new key.
    store.reset();
    store.setValue('amount', '25');
    store.review();
    store.confirm();
    await settle();
    expect(sent[2]?.key).not.toBe(sent[0]?.key);
  });

  it('gives a changed top-up a new key, and a reused key cannot be retried', async () => {
    const { store, sent } = setup({ failWith: ['idempotency_key_reused'] });
    await settle();
    store.setValue('amount', '25');
    store.review();
    store.confirm();
    await settle();
    expect(store.getSnapshot().state).toMatchObject({ status: 'error', retryable: false });
    store.retry();
    expect(sent).toHaveLength(1);
    store.back();
    store.review();
    store.confirm();
    await settle();
    expect(sent[1]?.key).not.toBe(sent[0]?.key);
    store.reset();
    store.setValue('amount', '30');
    store.review();
    const changed = store.getSnapshot().state;
    expect(changed.status === 'confirming' && changed.attempt.idempotencyKey).not.toBe(
      sent[1]?.key,
    );
  });

  it('follows the started transfer, and `startOver` goes back to the form keeping what was entered', async () => {
    const { store, live, created } = setup();
    await settle();
    store.setValue('sourceId', 'pm_savings');
    store.setValue('amount', '40');
    store.review();
    store.confirm();
    await settle();
    expect(created.map((t) => t.id)).toEqual(['ibt_1']);
    expect(store.getSnapshot().state).toMatchObject({ status: 'submitted', phase: 'processing' });
    live.emit({
      type: 'transfer.updated',
      data: topUpFixture({ id: 'ibt_1', status: 'failed', cancelable: false }),
    });
    expect(store.getSnapshot().state).toMatchObject({ status: 'submitted', phase: 'failed' });
    store.startOver({ focus: 'source' });
    const after = store.getSnapshot();
    expect(after.state).toEqual({ status: 'editing', focus: 'source' });
    expect(after.values).toMatchObject({ amount: '40', sourceId: 'pm_savings' });
  });

  it('learns what became of the top-up by polling while the stream is down', async () => {
    // No stream URL: the live connection polls, here every 10 ms.
    const { store, live, calls } = setup({ pollIntervalMs: 10 });
    await settle();
    store.setValue('amount', '40');
    store.review();
    store.confirm();
    await settle();
    expect(store.getSnapshot().state).toMatchObject({ status: 'submitted', phase: 'processing' });
    returned = true;
    live.emit({
      type: 'transfer.updated',
      data: topUpFixture({ id: 'ibt_other', status: 'failed' }),
    });
    expect(store.getSnapshot().state).toMatchObject({ phase: 'processing' });
    await vi.waitFor(() =>
      expect(store.getSnapshot().state).toMatchObject({ status: 'submitted', phase: 'returned' }),
    );
    expect(calls).toContain('getTopUp ibt_1');
  });

  it('reloads the sources when a bank is linked elsewhere, only while it listens', async () => {
    const { store, live, stop, loads } = setup();
    await settle();
    expect(loads()).toBe(1);
    live.emit({ type: 'account.updated', data: {} as never });
    await settle();
    expect(loads()).toBe(2);
    stop();
    live.emit({ type: 'account.updated', data: {} as never });
    await settle();
    expect(loads()).toBe(2);
    expect(store.getSnapshot().state.status).toBe('editing');
  });

  it('says there is nothing to top up from when no bank is linked', async () => {
    const { store } = setup({ sources: [] });
    await settle();
    expect(store.getSnapshot().state).toEqual({ status: 'no-sources' });
  });
});
