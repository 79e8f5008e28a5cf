/**
 * The presenter's panel (sandbox mode only): moves the sandbox's clock and steers the simulated
 * bank through the demo server. It docks beside the page on wide screens and is a bottom sheet
 * on phones, so it never covers what it changes; each action lands in a visible log (a polite
 * `role="log"`), newest first.
 */
import { TOP_UP_FAILURE_CODES, type TopUpFailureCode } from '@purse/core';
import { useLinkedAccounts } from '@purse/react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { CLOCK_SPEEDS, demoApi, type ClockSpeed } from './demo-api.js';
import type { DemoLocale, SimulatorMessages } from './messages.js';

/** The test bank the presenter can take offline (the seeded personas bank there). */
const DEMO_BANK = { id: 'fcinst_stripebank', name: 'StripeBank' } as const;
const LOG_LIMIT = 30;

interface LogEntry {
  id: number;
  at: Date;
  text: string;
  tone: 'done' | 'failed';
}

export interface SimulatorProps {
  id: string;
  open: boolean;
  t: SimulatorMessages;
  locale: DemoLocale;
  onClose: () => void;
}

export function Simulator({ id, open, t, locale, onClose }: SimulatorProps): ReactNode {
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState<TopUpFailureCode>('insufficient_funds');
  const [bankDown, setBankDown] = useState(false);
  const [speed, setSpeed] = useState<ClockSpeed>(1);
  const [log, setLog] = useState<LogEntry[]>([]);
  const nextId = useRef(1);
  const closeRef = useRef<HTMLButtonElement>(null);
  const { state: linked } = useLinkedAccounts();
  const accounts =
    linked.status === 'ready'
      ? linked.accounts.filter((a) => a.status === 'active' && a.permissions.includes('balances'))
      : [];
  const [account, setAccount] = useState<string>('');
  const chosenAccount = accounts.some((a) => a.id === account) ? account : (accounts[0]?.id ?? '');

  // The server keeps the speed across reloads; show what it runs at.
  useEffect(() => {
    let live = true;
    demoApi
      .speed()
      .then((result) => {
        if (live) setSpeed(result.speed);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  // Opening moves focus into the panel (its close button comes first); Escape closes it.
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);

  const clockTime = (unixSeconds: number): string =>
    new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(unixSeconds * 1000));

  const record = (text: string, tone: LogEntry['tone']): void => {
    const entry: LogEntry = { id: nextId.current, at: new Date(), text, tone };
    nextId.current += 1;
    setLog((previous) => [entry, ...previous].slice(0, LOG_LIMIT));
  };

  const act = async (
    label: string,
    action: () => Promise<unknown>,
    describe?: (result: unknown) => string,
  ): Promise<void> => {
    setBusy(true);
    try {
      const result = await action();
      record(describe ? `${label}. ${describe(result)}` : label, 'done');
    } catch (error) {
      record(t.failed(label, error instanceof Error ? error.message : String(error)), 'failed');
    } finally {
      setBusy(false);
    }
  };

  const afterClock = (result: unknown): string =>
    t.clockNow(clockTime((result as { now: number }).now));

  return (
    <aside
      id={id}
      className="demo-Simulator"
      aria-labelledby={`${id}-title`}
      hidden={!open}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="demo-Simulator-header">
        <button
          ref={closeRef}
          type="button"
          className="demo-Simulator-close"
          aria-label={t.close}
          onClick={onClose}
        >
          <span aria-hidden="true">×</span>
        </button>
        <h2 id={`${id}-title`}>{t.title}</h2>
      </div>
      <p className="demo-Muted demo-Simulator-hint">{t.hint}</p>

      <fieldset disabled={busy}>
        <legend>{t.speed}</legend>
        <div className="demo-Segmented">
          {CLOCK_SPEEDS.map((s) => (
            <label key={s} data-checked={speed === s}>
              <input
                type="radio"
                name={`${id}-speed`}
                value={s}
                checked={speed === s}
                onChange={() =>
                  void act(t.speedSet(t.speeds[s]), async () => {
                    const result = await demoApi.setSpeed(s);
                    setSpeed(result.speed);
                  })
                }
              />
              <span className="demo-Segmented-label">×{s}</span>
              <span className="demo-Segmented-hint">{t.speeds[s]}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset disabled={busy}>
        <legend>{t.clock}</legend>
        <div className="demo-Simulator-buttons">
          <button
            type="button"
            onClick={() => void act(t.plusOneHour, () => demoApi.advanceSeconds(3600), afterClock)}
          >
            {t.plusOneHour}
          </button>
          <button
            type="button"
            onClick={() => void act(t.plusOneDay, () => demoApi.advanceClock(1), afterClock)}
          >
            {t.plusOneDay}
          </button>
          <button
            type="button"
            onClick={() => void act(t.plusTwoDays, () => demoApi.advanceClock(2), afterClock)}
          >
            {t.plusTwoDays}
          </button>
        </div>
      </fieldset>

      <fieldset disabled={busy}>
        <legend>{t.latestTopUp}</legend>
        <div className="demo-Simulator-buttons">
          <button
            type="button"
            onClick={() => void act(t.succeed, () => demoApi.transfer('succeed'))}
          >
            {t.succeed}
          </button>
          <button
            type="button"
            onClick={() => void act(t.returnIt, () => demoApi.transfer('return'))}
          >
            {t.returnIt}
          </button>
        </div>
        <label className="demo-Simulator-field">
          <span>{t.failReason}</span>
          <select value={code} onChange={(e) => setCode(e.target.value as TopUpFailureCode)}>
            {TOP_UP_FAILURE_CODES.map((c) => (
              <option key={c} value={c}>
                {t.failures[c]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            void act(t.failWith(t.failures[code]), () => demoApi.transfer('fail', code))
          }
        >
          {t.failWith(t.failures[code])}
        </button>
      </fieldset>

      <fieldset disabled={busy}>
        <legend>{t.banks}</legend>
        {accounts.length > 0 ? (
          <>
            <label className="demo-Simulator-field">
              <span>{t.account}</span>
              <select value={chosenAccount} onChange={(e) => setAccount(e.target.value)}>
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
                void act(t.failNextRefresh, () => demoApi.failNextRefresh(chosenAccount))
              }
            >
              {t.failNextRefresh}
            </button>
          </>
        ) : null}
        <button
          type="button"
          aria-pressed={bankDown}
          onClick={() =>
            void act(
              bankDown ? t.bringUp(DEMO_BANK.name) : t.takeDown(DEMO_BANK.name),
              async () => {
                await demoApi.setBank(DEMO_BANK.id, bankDown ? 'up' : 'down');
                setBankDown(!bankDown);
              },
            )
          }
        >
          {bankDown ? t.bringUp(DEMO_BANK.name) : t.takeDown(DEMO_BANK.name)}
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

      <section className="demo-Simulator-log" aria-labelledby={`${id}-log`}>
        <h3 id={`${id}-log`}>{t.log}</h3>
        <div role="log" aria-live="polite">
          <ol>
            {log.length === 0 ? <li className="demo-Muted">{t.logEmpty}</li> : null}
            {log.map((entry) => (
              <li key={entry.id} data-tone={entry.tone}>
                <time dateTime={entry.at.toISOString()}>
                  {entry.at.toLocaleTimeString(locale, {
                    hour: 'numeric',
                    minute: '2-digit',
                    second: '2-digit',
                  })}
                </time>{' '}
                {entry.text}
              </li>
            ))}
          </ol>
        </div>
      </section>
    </aside>
  );
}
