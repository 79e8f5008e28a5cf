/**
 * The demo's Express app: a persona picker standing in for a login (a signed cookie), Purse's
 * router and webhook handler mounted as a platform would mount them, a presenter's simulator
 * (sandbox mode only), and the web app (Vite in development, the built assets otherwise).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Express, type Request } from 'express';
import {
  createMemoryEventBus,
  createPurseRouter,
  createWebhookHandler,
  type PurseUser,
} from '@purse/server';
import type { Backend, DemoPersona } from './backend.js';
import { createSimulatorRouter } from './simulator.js';

const SESSION_COOKIE = 'purse_demo_persona';

export interface DemoAppOptions {
  backend: Backend;
  /** Built web assets to serve; when absent the caller adds a dev server. */
  distDir: string | null;
  /** Secret for the session cookie. @default a random one per process */
  sessionSecret?: string;
  log?: (message: string) => void;
}

export function personaOf(req: Request, personas: readonly DemoPersona[]): DemoPersona | null {
  const key: unknown = (req.signedCookies as Record<string, unknown>)[SESSION_COOKIE];
  return personas.find((p) => p.key === key) ?? null;
}

export function createDemoApp(options: DemoAppOptions): Express {
  const { backend } = options;
  const log = options.log ?? ((message: string) => console.log(message));
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(cookieParser(options.sessionSecret ?? randomBytes(32).toString('hex')));

  const events = createMemoryEventBus();
  const resolveUser = (req: Request): PurseUser | null => {
    const persona = personaOf(req, backend.personas());
    return persona
      ? {
          customerId: persona.customerId,
          accountId: persona.accountId,
          financialAccountId: persona.financialAccountId,
          name: persona.name,
          email: persona.email,
        }
      : null;
  };

  // Stripe (or the sandbox) posts here. Raw body: the signature is over the exact bytes.
  app.post(
    '/webhooks/stripe',
    express.raw({ type: 'application/json', limit: '1mb' }),
    createWebhookHandler({ stripe: backend.stripe, endpointSecret: backend.webhookSecret, events }),
  );

  app.use(
    '/api/purse',
    createPurseRouter({
      stripe: backend.stripe,
      resolveUser,
      events,
      now: backend.now,
      revealAccountNumber: true,
      onAudit: (event) => log(`[audit] ${event.type} for ${event.financialAccountId}`),
      topUps: { balanceCheck: 'warn', balanceRefreshWaitMs: 2500 },
    }),
  );

  app.get('/demo/config', (req, res) => {
    const persona = personaOf(req, backend.personas());
    res.set('Cache-Control', 'no-store').json({
      mode: backend.mode,
      publishableKey: backend.publishableKey,
      personas: backend
        .personas()
        .map(({ key, name, description }) => ({ key, name, description })),
      persona: persona?.key ?? null,
    });
  });

  app.post('/demo/session', express.json({ limit: '1kb' }), (req, res) => {
    const key = (req.body as { persona?: unknown } | undefined)?.persona;
    const persona = backend.personas().find((p) => p.key === key);
    if (!persona) {
      res.status(400).json({
        error: { code: 'parameter_invalid', param: 'persona', message: 'Unknown persona.' },
      });
      return;
    }
    res.cookie(SESSION_COOKIE, persona.key, {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
    });
    res.status(204).end();
  });

  app.delete('/demo/session', (_req, res) => {
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  if (backend.mode === 'sandbox') {
    const sandbox = backend.sandbox;
    app.use(
      '/demo/simulator',
      createSimulatorRouter({
        backend,
        sandbox,
        personaOf: (req) => personaOf(req, backend.personas()),
      }),
    );
    // The bank-link stand-in talks to the sandbox's browser endpoints (publishable key plus the
    // session's client secret). Forwarded so the whole demo stays on one origin and one port.
    app.use(
      '/_sandbox/client',
      express.raw({ type: () => true, limit: '64kb' }),
      async (req, res) => {
        const target = `${sandbox.url}/_sandbox/client${req.url}`;
        const body =
          req.method === 'GET' || req.method === 'HEAD' ? undefined : (req.body as Buffer);
        const headers: Record<string, string> = {};
        for (const name of ['authorization', 'content-type']) {
          const value = req.get(name);
          if (value) headers[name] = value;
        }
        const upstream = await fetch(target, {
          method: req.method,
          headers,
          ...(body?.length ? { body: new Uint8Array(body) } : {}),
        });
        res
          .status(upstream.status)
          .type(upstream.headers.get('content-type') ?? 'application/json');
        res.send(Buffer.from(await upstream.arrayBuffer()));
      },
    );
  }

  if (options.distDir && existsSync(options.distDir)) {
    const dist = options.distDir;
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    // Client-side routes all load the same page.
    app.get(/^\/(?!api\/|demo\/|webhooks\/|_sandbox\/).*/, (_req, res) => {
      res.set('Cache-Control', 'no-store').sendFile(join(dist, 'index.html'));
    });
  }
  return app;
}
