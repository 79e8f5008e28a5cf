/**
 * The sandbox's own endpoints, under `/_sandbox/` (not Stripe's API): move the virtual clock,
 * reset, complete sessions without the modal, steer test banks and transfers, inject faults,
 * and read the webhook delivery and request logs. They take the secret key, and JSON or form
 * bodies.
 */
import { addBusinessDays, calendarDateOf, unixAt } from '@purse/core/top-up-form';
import { parseFaultRules } from '../http/faults.js';
import { p } from '../http/params.js';
import { RawResponse, route, type Route } from '../http/route.js';
import { invalidParam, invalidState, resourceMissing } from '../http/stripe-error.js';
import { generateSyntheticHistory } from '../fc/synthetic.js';
import { setStatus } from '../fc/accounts.js';
import { findInstitution } from '../fc/institutions.js';
import { completeSession, listInstitutions, renderSession } from './financial-connections.js';
import { mustFind } from './common.js';

export interface ControlHooks {
  /** Resets the state and seeds it again; returns the new seed manifest. */
  reset: (seed: 'demo' | 'empty' | undefined) => unknown;
  /** The current seed manifest (personas and their ids). */
  manifest: () => unknown;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

export function sandboxControlRoutes(hooks: ControlHooks): Route[] {
  return [
    route({
      method: 'GET',
      path: '/_sandbox/clock',
      body: 'json',
      params: {},
      handle(ctx) {
        return {
          now: ctx.engine.now(),
          speed: ctx.engine.clock.rate,
          pending_tasks: ctx.engine.clock.pending,
        };
      },
    }),
    route({
      method: 'POST',
      path: '/_sandbox/clock/advance',
      body: 'json',
      params: {
        seconds: p.integer({ min: 0, max: 400 * 86_400 }),
        business_days: p.integer({ min: 0, max: 60 }),
        to: p.integer(),
      },
      handle(ctx, params) {
        const { engine } = ctx;
        const now = engine.now();
        let target: number;
        if (params.seconds !== undefined) target = now + params.seconds;
        else if (params.business_days !== undefined) {
          // The close of business (17:00 New York) N business days on, counting from today (or,
          // on a weekend or holiday, from the next business day): past that day's ACH work.
          const date = addBusinessDays(calendarDateOf(now), params.business_days);
          target = Math.max(now, unixAt(date, { hour: 17 }));
        } else if (params.to !== undefined) {
          if (params.to < now)
            throw invalidParam('to', 'parameter_invalid_integer', 'The clock cannot go back.');
          target = params.to;
        } else
          throw invalidParam('seconds', 'parameter_missing', 'Pass seconds, business_days or to.');
        return { now: engine.clock.advance(target - now) };
      },
    }),
    route({
      method: 'POST',
      path: '/_sandbox/reset',
      body: 'json',
      params: { seed: p.enum(['demo', 'empty']) },
      handle(_ctx, params) {
        return { seed: hooks.reset(params.seed) };
      },
    }),
    route({
      method: 'GET',
      path: '/_sandbox/seed',
      body: 'json',
      params: {},
      handle() {
        return hooks.manifest();
      },
    }),
    route({
      method: 'GET',
      path: '/_sandbox/financial_connections/institutions',
      body: 'json',
      params: {},
      handle() {
        return listInstitutions();
      },
    }),
    route({
      method: 'POST',
      path: '/_sandbox/financial_connections/sessions/:session/complete',
      body: 'json',
      params: { institution: p.string().required(), accounts: p.array(p.string()).required() },
      handle(ctx, params, path) {
        const session = mustFind(
          ctx.partition.fcSessions,
          path.session ?? '',
          'financial_connections.session',
          'path',
        );
        completeSession(ctx.engine, ctx.partition, session, params.institution, params.accounts);
        return renderSession(ctx.partition, session);
      },
    }),
    route({
      method: 'POST',
      path: '/_sandbox/financial_connections/institutions/:institution/status',
      body: 'json',
      params: { status: p.enum(['up', 'down']).required() },
      handle(ctx, params, path) {
        const institution = findInstitution(path.institution ?? '');
        if (!institution) throw resourceMissing('institution', path.institution ?? '', 'path');
        if (params.status === 'down') ctx.engine.downInstitutions.add(institution.id);
        else ctx.engine.downInstitutions.delete(institution.id);
        return { id: institution.id, status: params.status };
      },
    }),
    route({
      method: 'POST',
      path: '/_sandbox/financial_connections/accounts/:account/status',
      body: 'json',
      params: { status: p.enum(['active', 'inactive']).required() },
      handle(ctx, params, path) {
        const record = mustFind(
          ctx.partition.fcAccounts,
          path.account ?? '',
          'financial_connections.account',
          'path',
        );
        if (record.api.status === 'disconnected')
          throw invalidState('A disconnected account cannot change status; link it again.');
        setStatus(ctx.engine, ctx.partition, record, params.status);
        return record.api;
      },
    }),
    route({
      method: 'POST',
      path: '/_sandbox/financial_connections/accounts/:account/next_refresh',
      body: 'json',
      params: {
        feature: p.enum(['balance', 'ownership', 'transactions']).required(),
        outcome: p.enum(['failed']).required(),
      },
      handle(ctx, params, path) {
        const record = mustFind(
          ctx.partition.fcAccounts,
          path.account ?? '',
          'financial_connections.account',
          'path',
        );
        record.forcedOutcome[params.feature] = params.outcome;
        return { account: record.api.id, feature: params.feature, outcome: params.outcome };
      },
    }),
    route({
      method: 'POST',
      path: '/_sandbox/financial_connections/accounts/:account/generate_transactions',
      body: 'json',
      params: {
        count: p.integer({ min: 1, max: 1_000_000 }).required(),
        days: p.integer({ min: 1, max: 180 }),
      },
      handle(ctx, params, path) {
        const record = mustFind(
          ctx.partition.fcAccounts,
          path.account ?? '',
          'financial_connections.account',
          'path',
        );
        if (record.revealedUpTo > 0) {
          throw invalidState(
            'Generate transactions before the account’s first transaction refresh.',
          );
        }
        generateSyntheticHistory(record, params.count, params.days ?? 180, ctx.engine.now());
        return { account: record.api.id, bank_transactions: record.timeline.length };
      },
    }),
    route({
      method: 'POST',
      path: '/_sandbox/treasury/risk_refusals',
      body: 'json',
      params: { any_account: p.boolean() },
      handle(ctx, params) {
        // The next InboundTransfer created in this account (or anywhere) gets a 402.
        ctx.engine.riskRefusals.push(params.any_account ? null : ctx.partition.scope);
        return { armed: ctx.engine.riskRefusals.length };
      },
    }),
    route({
      method: 'GET',
      path: '/_sandbox/webhook_deliveries',
      body: 'json',
      params: { event: p.string(), type: p.string() },
      handle(ctx, params) {
        const data = ctx.engine.webhooks
          .deliveries()
          .filter(
            (d) =>
              (params.event === undefined || d.event === params.event) &&
              (params.type === undefined || d.type === params.type),
          );
        return { object: 'list', data, has_more: false, url: '/_sandbox/webhook_deliveries' };
      },
    }),
    route({
      method: 'POST',
      path: '/_sandbox/webhooks',
      body: 'json',
      params: { url: p.string().required(), secret: p.string() },
      handle(ctx, params) {
        try {
          const id = ctx.engine.webhooks.add({
            url: params.url,
            ...(params.secret ? { secret: params.secret } : {}),
          });
          return { id, url: params.url };
        } catch {
          throw invalidParam('url', 'url_invalid', `Invalid URL: ${params.url}`);
        }
      },
    }),
    route({
      method: 'GET',
      path: '/_sandbox/faults',
      body: 'json',
      params: {},
      handle(ctx) {
        return { rules: ctx.engine.faults.list() };
      },
    }),
    route({
      method: 'POST',
      path: '/_sandbox/faults',
      body: 'json',
      params: {
        rules: p.any(),
        action: p.any(),
        path: p.any(),
        method: p.any(),
        rate: p.any(),
        times: p.any(),
        status: p.any(),
        latency_ms: p.any(),
      },
      handle(ctx, params) {
        // Either `{ rules: [...] }` or one rule at the top level.
        const rules = parseFaultRules(params);
        ctx.engine.faults.set(rules);
        return { rules: ctx.engine.faults.list() };
      },
    }),
    route({
      method: 'DELETE',
      path: '/_sandbox/faults',
      body: 'json',
      params: {},
      handle(ctx) {
        ctx.engine.faults.clear();
        return { rules: [] };
      },
    }),
    route({
      method: 'GET',
      path: '/_sandbox/requests',
      body: 'json',
      params: { method: p.string(), path_prefix: p.string(), account: p.string() },
      handle(ctx, params) {
        const data = ctx.engine
          .requests()
          .filter(
            (r) =>
              (params.method === undefined || r.method === params.method.toUpperCase()) &&
              (params.path_prefix === undefined || r.path.startsWith(params.path_prefix)) &&
              (params.account === undefined || r.account === params.account),
          );
        return { object: 'list', data, has_more: false, url: '/_sandbox/requests' };
      },
    }),
    route({
      method: 'GET',
      path: '/_sandbox/receipts/:id',
      auth: 'none',
      params: { token: p.string() },
      handle(ctx, _params, path) {
        const id = path.id ?? '';
        for (const partition of ctx.engine.store.all()) {
          const object =
            partition.inboundTransfers.get(id)?.api ??
            partition.receivedCredits.get(id)?.api ??
            partition.receivedDebits.get(id)?.api;
          if (!object) continue;
          const amount = new Intl.NumberFormat('en-US', {
            style: 'currency',
            currency: object.currency,
          }).format(object.amount / 100);
          const rows = [
            ['Reference', object.id],
            ['Amount', amount],
            ['Status', String(object.status)],
            ['Created', new Date(object.created * 1000).toUTCString()],
            ['Financial account', object.financial_account ?? ''],
          ]
            .map(
              ([k, v]) =>
                `<tr><th scope="row">${escapeHtml(k ?? '')}</th><td>${escapeHtml(v ?? '')}</td></tr>`,
            )
            .join('');
          return new RawResponse(
            200,
            'text/html; charset=utf-8',
            `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Regulatory receipt ${escapeHtml(object.id)}</title></head><body><main><h1>Regulatory receipt</h1><p>Sandbox receipt: no real money moved.</p><table>${rows}</table></main></body></html>`,
          );
        }
        throw resourceMissing('receipt', id, 'path');
      },
    }),
  ];
}
