/**
 * `createPurseRouter`: the Express router a platform mounts (for example at `/api/purse`).
 * Every route resolves the caller through `resolveUser`, validates its input against a strict
 * schema (unknown fields, wrong types and `__proto__` keys are 400s, never passed on), runs a
 * plain operation function, and answers JSON; every failure goes through one error middleware
 * as `{ error: { type, code, message, param? } }`.
 */
import { PurseError } from '@purse/core';
import { MAX_NICKNAME_LENGTH, STATEMENT_DESCRIPTOR } from '@purse/core';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { streamEvents } from './events/stream.js';
import { IdempotencyGuard, scopeIdempotencyKey } from './http/idempotency.js';
import { fromStripeError } from './http/stripe-errors.js';
import { parseInput } from './http/validate.js';
import {
  disconnectAccount,
  getAccount,
  listAccounts,
  listTransactions,
  refreshBalance,
  refreshTransactions,
  setTransactionsSubscription,
} from './operations/accounts.js';
import type { OperationContext } from './operations/context.js';
import { getFinancialAccount, renameFinancialAccount } from './operations/financial-account.js';
import { completeLinkSession, createLinkSession } from './operations/link.js';
import {
  cancelTopUp,
  createTopUp,
  getTopUp,
  listTopUpSources,
  listTopUps,
} from './operations/top-ups.js';
import { resolveRouterConfig, type PurseRouterOptions, type RouterConfig } from './options.js';

const BODY_LIMIT = '16kb';

const emptyBody = z.strictObject({});
const integerString = z
  .string()
  .regex(/^\d{1,12}$/, 'must be a whole number')
  .transform(Number);

const transactionQuery = z.strictObject({
  cursor: z.string().optional(),
  limit: integerString.pipe(z.number().int().min(1).max(100)).optional(),
  from: integerString.optional(),
  to: integerString.optional(),
  after: z.string().optional(),
});

const topUpQuery = z.strictObject({
  status: z
    .enum(['requires_confirmation', 'processing', 'succeeded', 'failed', 'canceled'])
    .optional(),
  cursor: z.string().optional(),
  limit: integerString.pipe(z.number().int().min(1).max(100)).optional(),
});

const topUpBody = z.strictObject({
  sourceId: z.string().min(1).max(255),
  amount: z.number().int('must be an integer number of cents').positive('must be positive'),
  currency: z.string(),
  description: z.string().trim().min(1).max(5000).optional(),
  statementDescriptor: z.string().optional(),
  sameDay: z.boolean().optional(),
});

const nicknameBody = z.strictObject({
  nickname: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_NICKNAME_LENGTH, 'must be under 250 characters'),
});

const financialAccountQuery = z.strictObject({ reveal: z.literal('account_number').optional() });
const eventsQuery = z.strictObject({ lastEventId: z.string().max(40).optional() });

/** Keys JSON can carry that would be dangerous if ever merged into an object. */
function assertNoPollutingKeys(value: unknown, path = ''): void {
  if (typeof value !== 'object' || value === null) return;
  for (const key of Object.keys(value)) {
    const param = path ? `${path}.${key}` : key;
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      throw new PurseError({
        code: 'parameter_unknown',
        param,
        message: `Unknown parameter: ${param}.`,
      });
    }
    assertNoPollutingKeys((value as Record<string, unknown>)[key], param);
  }
}

function bodyOf(req: Request): unknown {
  const body: unknown = req.body;
  assertNoPollutingKeys(body);
  return body ?? {};
}

/** JSON only, 16 KB at most; a malformed or oversized body is a 400 naming the problem. */
function jsonBody(): express.RequestHandler {
  const parse = express.json({ limit: BODY_LIMIT, strict: true, type: 'application/json' });
  return (req, res, next) => {
    const length = Number(req.get('content-length') ?? '0');
    const chunked = req.get('transfer-encoding') !== undefined;
    if ((length > 0 || chunked) && !req.is('application/json')) {
      next(
        new PurseError({
          code: 'body_invalid',
          message: 'Send the body as JSON with Content-Type: application/json.',
        }),
      );
      return;
    }
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Express's Request is an IncomingMessage
    parse(req, res, (error?: unknown) => {
      if (error === undefined) {
        next();
        return;
      }
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.large') {
        next(
          new PurseError({
            code: 'body_too_large',
            message: `The body is larger than ${BODY_LIMIT}.`,
          }),
        );
      } else {
        next(new PurseError({ code: 'body_invalid', message: 'The body is not valid JSON.' }));
      }
    });
  };
}

function topUpInput(body: unknown): z.output<typeof topUpBody> & { currency: 'usd' } {
  const input = parseInput(topUpBody, body);
  if (input.currency !== 'usd') {
    throw new PurseError({
      code: 'currency_unsupported',
      param: 'currency',
      message: 'Top-ups are in usd only.',
    });
  }
  if (
    input.statementDescriptor !== undefined &&
    !STATEMENT_DESCRIPTOR.test(input.statementDescriptor)
  ) {
    throw new PurseError({
      code: 'statement_descriptor_invalid',
      param: 'statementDescriptor',
      message:
        'The statement descriptor can have at most 10 characters: letters, digits, spaces and - # . $ & *.',
    });
  }
  return { ...input, currency: 'usd' };
}

/** A stable identity for the caller, to scope idempotency keys. */
function callerKey(ctx: OperationContext): string {
  return `${ctx.user.accountId ?? ''}|${ctx.user.customerId ?? ''}`;
}

export function createPurseRouter(options: PurseRouterOptions): Router {
  const config: RouterConfig = resolveRouterConfig(options);
  const idempotency = new IdempotencyGuard();
  const router = express.Router();

  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    res.set('Purse-Now', String(config.now()));
    next();
  });

  /** Resolves the caller, or 401. */
  async function context(req: Request): Promise<OperationContext> {
    const user = await config.resolveUser(req);
    if (!user || (!user.accountId && !user.customerId)) {
      throw new PurseError({ code: 'unauthenticated', message: 'Sign in to use this.' });
    }
    return { config, user, client: { ip: req.ip, userAgent: req.get('user-agent') } };
  }

  const id = (req: Request): string => String(req.params.id);

  // Who is asking comes first: a signed-out request is a 401 whatever else is wrong with it.
  router.use(async (req, res, next) => {
    res.locals.purseContext = await context(req);
    next();
  });
  const ctxOf = (res: Response): OperationContext => res.locals.purseContext as OperationContext;

  router.post('/link-sessions', jsonBody(), async (req, res) => {
    parseInput(emptyBody, bodyOf(req));
    res.status(201).json(await createLinkSession(ctxOf(res)));
  });
  router.post('/link-sessions/:id/complete', jsonBody(), async (req, res) => {
    parseInput(emptyBody, bodyOf(req));
    res.json(await completeLinkSession(ctxOf(res), id(req)));
  });

  router.get('/accounts', async (req, res) => {
    parseInput(emptyBody, req.query);
    res.json(await listAccounts(ctxOf(res)));
  });
  router.get('/accounts/:id', async (req, res) => {
    parseInput(emptyBody, req.query);
    res.json(await getAccount(ctxOf(res), id(req)));
  });
  router.post('/accounts/:id/balance-refresh', jsonBody(), async (req, res) => {
    parseInput(emptyBody, bodyOf(req));
    res.status(202).json(await refreshBalance(ctxOf(res), id(req)));
  });
  router.get('/accounts/:id/transactions', async (req, res) => {
    const query = parseInput(transactionQuery, req.query);
    res.json(await listTransactions(ctxOf(res), id(req), query));
  });
  router.post('/accounts/:id/transactions-refresh', jsonBody(), async (req, res) => {
    parseInput(emptyBody, bodyOf(req));
    res.status(202).json(await refreshTransactions(ctxOf(res), id(req)));
  });
  router.put('/accounts/:id/transactions-subscription', jsonBody(), async (req, res) => {
    parseInput(emptyBody, bodyOf(req));
    res.json(await setTransactionsSubscription(ctxOf(res), id(req), true));
  });
  router.delete('/accounts/:id/transactions-subscription', async (req, res) => {
    res.json(await setTransactionsSubscription(ctxOf(res), id(req), false));
  });
  router.post('/accounts/:id/disconnect', jsonBody(), async (req, res) => {
    parseInput(emptyBody, bodyOf(req));
    res.json(await disconnectAccount(ctxOf(res), id(req)));
  });

  router.get('/financial-account', async (req, res) => {
    const query = parseInput(financialAccountQuery, req.query);
    res.json(
      await getFinancialAccount(ctxOf(res), {
        revealAccountNumber: query.reveal === 'account_number',
      }),
    );
  });
  router.patch('/financial-account', jsonBody(), async (req, res) => {
    const { nickname } = parseInput(nicknameBody, bodyOf(req));
    res.json(await renameFinancialAccount(ctxOf(res), nickname));
  });

  router.get('/top-up-sources', async (req, res) => {
    parseInput(emptyBody, req.query);
    res.json(await listTopUpSources(ctxOf(res)));
  });
  router.post('/top-ups', jsonBody(), async (req, res) => {
    const ctx = ctxOf(res);
    const input = topUpInput(bodyOf(req));
    const key = scopeIdempotencyKey(req.get('idempotency-key'), callerKey(ctx));
    const topUp = await idempotency.run(key, input, () => createTopUp(ctx, input, key));
    res.status(201).json(topUp);
  });
  router.get('/top-ups', async (req, res) => {
    const query = parseInput(topUpQuery, req.query);
    res.json(await listTopUps(ctxOf(res), query));
  });
  router.get('/top-ups/:id', async (req, res) => {
    parseInput(emptyBody, req.query);
    res.json(await getTopUp(ctxOf(res), id(req)));
  });
  router.post('/top-ups/:id/cancel', jsonBody(), async (req, res) => {
    parseInput(emptyBody, bodyOf(req));
    res.json(await cancelTopUp(ctxOf(res), id(req)));
  });

  router.get('/events', async (req, res) => {
    parseInput(eventsQuery, req.query);
    const ctx = ctxOf(res);
    await streamEvents(req, res, config, ctx.user);
  });

  router.use((_req, _res, next) => {
    next(new PurseError({ code: 'resource_missing', message: 'No such route.' }));
  });

  // The one error middleware: everything leaves as Purse's envelope, nothing internal leaks.
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const converted = fromStripeError(error);
    const purseError =
      converted instanceof PurseError
        ? converted
        : new PurseError({ code: 'internal_error', message: 'Something went wrong on our side.' });
    if (!(converted instanceof PurseError) || purseError.status >= 500) {
      config.logger.error(`${req.method} ${req.originalUrl} failed`, {
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(purseError.status).json(purseError.toBody());
  });

  return router;
}
