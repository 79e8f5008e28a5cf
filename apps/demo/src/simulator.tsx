/**
 * The presenter's panel (sandbox mode only): moves the sandbox's clock and steers the simulated
 * bank through the demo server. Each action reports what happened in a polite live region.
 */
import { TOP_UP_FAILURE_CODES } from '@purse/core';
import { useLinkedAccounts } from '@purse/react';
import { useId, useState, type ReactNode } from 'react';
import { demoApi } from './demo-api.js';
import type { DemoMessages } from './messages.js';

export function Simulator({ t }: { t: DemoMessages['simulator'] }): ReactNode {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState<string>('insufficient_funds');
  const [bankDown, setBankDown] = useState(false);
  const { state: linked } = useLinkedAccounts();
  const accounts =
    linked.status === 'ready'
      ? linked.accounts.filter((a) => a.status === 'active' && a.permissions.includes('balances'))
      : [];
  const [account, setAccount] = useState<string>('');
  const panelId = useId();

  const act = async (label: string, action: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    try {
      await action();
      setStatus(t.done(label));
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside className="demo-Simulator" data-open={open} aria-label={t.title}>
      <button
        type="button"
        className="demo-Simulator-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {t.open}
      </button>
      <div id={panelId} className="demo-Simulator-panel" hidden={!open}>
        <p className="demo-Muted">{t.hint}</p>
        <fieldset disabled={busy}>
          <legend>{t.clock}</legend>
          <button
            type="button"
            onClick={() => void act(t.plusOneHour, () => demoApi.advanceSeconds(3600))}
          >
            {t.plusOneHour}
          </button>
          <button
            type="button"
            onClick={() => void act(t.plusOneDay, () => demoApi.advanceClock(1))}
          >
            {t.plusOneDay}
          </button>
          <button
            type="button"
            onClick={() => void act(t.plusTwoDays, () => demoApi.advanceClock(2))}
          >
            {t.plusTwoDays}
          </button>
        </fieldset>
        <fieldset disabled={busy}>
          <legend>{t.latestTopUp}</legend>
          <button
            type="button"
            onClick={() => void act(t.succeed, () => demoApi.transfer('succeed'))}
          >
            {t.succeed}
          </button>
          <button
            type="button"
            onClick={() => void act(t.return, () => demoApi.transfer('return'))}
          >
            {t.return}
          </button>
          <div className="demo-Simulator-row">
            <label>
              <span>{t.failWith}</span>
              <select value={code} onChange={(e) => setCode(e.target.value)}>
                {TOP_UP_FAILURE_CODES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              onClick={() => void act(`${t.fail} ${code}`, () => demoApi.transfer('fail', code))}
            >
              {t.fail}
            </button>
          </div>
        </fieldset>
        <fieldset disabled={busy}>
          <legend>{t.banks}</legend>
          {accounts.length > 0 ? (
            <div className="demo-Simulator-row">
              <label>
                <span className="demo-VisuallyHidden">Account</span>
                <select
                  value={account || accounts[0]?.id}
                  onChange={(e) => setAccount(e.target.value)}
                >
                  {accounts.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.displayName ?? a.institution} ••{a.last4}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                onClick={() =>
                  void act(t.failNextRefresh, () =>
                    demoApi.failNextRefresh(account || accounts[0]?.id || ''),
                  )
                }
              >
                {t.failNextRefresh}
              </button>
            </div>
          ) : null}
          <button
            type="button"
            onClick={() =>
              void act(bankDown ? t.bringUp : t.takeDown, async () => {
                await demoApi.setBank('fcinst_stripebank', bankDown ? 'up' : 'down');
                setBankDown(!bankDown);
              })
            }
          >
            {bankDown ? t.bringUp : t.takeDown}
          </button>
        </fieldset>
        <fieldset disabled={busy}>
          <legend>{t.demo}</legend>
          <button
            type="button"
            onClick={() =>
              void act(t.reset, async () => {
                await demoApi.reset();
                window.location.reload();
              })
            }
          >
            {t.reset}
          </button>
        </fieldset>
        <p className="demo-Simulator-status" role="status" aria-live="polite">
          {status}
        </p>
      </div>
    </aside>
  );
}
