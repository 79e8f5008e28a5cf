/**
 * The presenter's simulator (sandbox mode only): move the sandbox clock, settle, fail or return
 * the signed-in persona's latest top-up, make a balance refresh fail, take a bank down. It acts
 * only on the signed-in persona's own objects, through stripe-node's test helpers and the
 * sandbox's `/_sandbox` endpoints; the browser never holds a secret key.
 */
import express, { type Request, type Router } from 'express';
import { TOP_UP_FAILURE_CODES, type TopUpFailureCode } from '@purse/core';
import type { Sandbox } from '@purse/sandbox';
import type { Backend, DemoPersona } from './backend.js';

export interface SimulatorOptions {
  backend: Extract<Backend, { mode: 'sandbox' }>;
  sandbox: Sandbox;
  personaOf: (req: Request) => DemoPersona | null;
}

/** The speeds the presenter can pick: real time, a minute a second, an hour a second. */
export const CLOCK_SPEEDS = [1, 60, 3600] as const;
export type ClockSpeed = (typeof CLOCK_SPEEDS)[number];

/** How often the speed-up moves the clock: often enough that countdowns look smooth. */
const SPEED_TICK_MS = 1000;

class SimulatorError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createSimulatorRouter(options: SimulatorOptions): Router {
  const { backend, sandbox } = options;
  const stripe = backend.stripe;
  const router = express.Router();
  router.use(express.json({ limit: '2kb' }));

  const control = async (path: string, body: unknown, account?: string): Promise<unknown> => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sandbox.secretKey}`,
        'content-type': 'application/json',
        ...(account ? { 'stripe-account': account } : {}),
      },
      body: JSON.stringify(body),
    });
    const json: unknown = await response.json();
    if (!response.ok) {
      const message =
        (json as { error?: { message?: string } }).error?.message ?? 'The sandbox refused.';
      throw new SimulatorError(400, message);
    }
    return json;
  };

  const persona = (req: Request): DemoPersona => {
    const found = options.personaOf(req);
    if (!found) throw new SimulatorError(401, 'Pick a persona first.');
    return found;
  };

  // The sandbox clock runs at the speed it was started with (`--speed`, usually 1×). A faster
  // speed is the difference, added by advancing the clock once a second: the sandbox runs what
  // falls due on each advance, so transfers settle and the UI updates as they would live.
  let speed: ClockSpeed = 1;
  let baseRate: number | null = null;
  let ticker: ReturnType<typeof setInterval> | undefined;
  const readBaseRate = async (): Promise<number> => {
    if (baseRate !== null) return baseRate;
    const response = await fetch(`${sandbox.url}/_sandbox/clock`, {
      headers: { authorization: `Bearer ${sandbox.secretKey}` },
    });
    const json = (await response.json()) as { speed?: unknown };
    baseRate = typeof json.speed === 'number' ? json.speed : 1;
    return baseRate;
  };
  const setSpeed = async (next: ClockSpeed): Promise<void> => {
    clearInterval(ticker);
    ticker = undefined;
    speed = next;
    const extra = Math.round((next - (await readBaseRate())) * (SPEED_TICK_MS / 1000));
    if (extra <= 0) return;
    ticker = setInterval(() => {
      sandbox.clock.advance(extra);
    }, SPEED_TICK_MS);
    // Never keeps the demo's process alive on its own.
    ticker.unref();
  };

  // Back to the seeded demo: every persona as it was at start (keeps who is signed in), at 1×.
  router.post('/reset', async (_req, res) => {
    await setSpeed(1);
    backend.reset();
    res.json({ now: sandbox.clock.now(), speed });
  });

  router.get('/speed', (req, res) => {
    persona(req);
    res.json({ speed, speeds: CLOCK_SPEEDS });
  });

  router.post('/speed', async (req, res) => {
    persona(req);
    const requested = (req.body as { speed?: unknown }).speed;
    const next = CLOCK_SPEEDS.find((s) => s === requested);
    if (next === undefined)
      throw new SimulatorError(400, `Pass speed: one of ${CLOCK_SPEEDS.join(', ')}.`);
    await setSpeed(next);
    res.json({ now: sandbox.clock.now(), speed });
  });

  router.get('/state', async (req, res) => {
    const who = persona(req);
    const latest = await stripe.treasury.inboundTransfers.list(
      { financial_account: who.financialAccountId, limit: 1 },
      { stripeAccount: who.accountId },
    );
    res.json({ now: sandbox.clock.now(), speed, latestTransfer: latest.data[0] ?? null });
  });

  router.post('/clock', async (req, res) => {
    persona(req);
    const body = req.body as { businessDays?: unknown; seconds?: unknown };
    const payload =
      typeof body.businessDays === 'number' &&
      Number.isInteger(body.businessDays) &&
      body.businessDays > 0 &&
      body.businessDays <= 10
        ? { business_days: body.businessDays }
        : typeof body.seconds === 'number' &&
            Number.isInteger(body.seconds) &&
            body.seconds > 0 &&
            body.seconds <= 30 * 86_400
          ? { seconds: body.seconds }
          : null;
    if (!payload) throw new SimulatorError(400, 'Pass businessDays (1-10) or seconds.');
    res.json(await control('/_sandbox/clock/advance', payload));
  });

  router.post('/transfers/latest/:action', async (req, res) => {
    const who = persona(req);
    const options = { stripeAccount: who.accountId };
    const latest = (
      await stripe.treasury.inboundTransfers.list(
        { financial_account: who.financialAccountId, limit: 1 },
        options,
      )
    ).data[0];
    if (!latest) throw new SimulatorError(404, 'There is no top-up to act on yet.');
    const action = req.params.action;
    let transfer;
    if (action === 'succeed')
      transfer = await stripe.testHelpers.treasury.inboundTransfers.succeed(latest.id, {}, options);
    else if (action === 'return')
      transfer = await stripe.testHelpers.treasury.inboundTransfers.returnInboundTransfer(
        latest.id,
        {},
        options,
      );
    else if (action === 'fail') {
      const code = (req.body as { code?: unknown }).code;
      const failureCode: TopUpFailureCode = (TOP_UP_FAILURE_CODES as readonly unknown[]).includes(
        code,
      )
        ? (code as TopUpFailureCode)
        : 'other';
      transfer = await stripe.testHelpers.treasury.inboundTransfers.fail(
        latest.id,
        { failure_details: { code: failureCode } },
        options,
      );
    } else throw new SimulatorError(404, `Unknown action ${action}.`);
    res.json({ id: transfer.id, status: transfer.status, returned: transfer.returned });
  });

  router.post('/accounts/:id/fail-next-refresh', async (req, res) => {
    const who = persona(req);
    const account = await stripe.financialConnections.accounts.retrieve(
      req.params.id,
      {},
      { stripeAccount: who.accountId },
    );
    res.json(
      await control(
        `/_sandbox/financial_connections/accounts/${account.id}/next_refresh`,
        { feature: 'balance', outcome: 'failed' },
        who.accountId,
      ),
    );
  });

  router.post('/banks/:institution', async (req, res) => {
    persona(req);
    const status = (req.body as { status?: unknown }).status === 'up' ? 'up' : 'down';
    res.json(
      await control(
        `/_sandbox/financial_connections/institutions/${encodeURIComponent(req.params.institution)}/status`,
        { status },
      ),
    );
  });

  router.use(
    (error: unknown, _req: Request, res: express.Response, _next: express.NextFunction) => {
      const status = error instanceof SimulatorError ? error.status : 500;
      const message = error instanceof Error ? error.message : 'The simulator failed.';
      res.status(status).json({ error: { message } });
    },
  );
  return router;
}
