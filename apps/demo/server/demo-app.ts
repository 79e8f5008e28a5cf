/**
 * The demo's Express app: a persona picker standing in for a login (a signed cookie), Purse's
 * router and webhook handler mounted as a platform would mount them, a presenter's simulator
 * (sandbox mode only), and the web app (Vite in development, the built assets otherwise), with
 * what a public page needs (see `public-page.ts`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import cookieParser from 'cookie-parser';
import express, { type Express, type Request, type RequestHandler } from 'express';
import {
  createMemoryStore,
  createPurseRouter,
  createWebhookHandler,
  type PurseStore,
  type PurseUser,
} from '@purse/server';
import type { Backend, DemoPersona } from './backend.js';
import {
  finalHandlers,
  hostCheck,
  methodGuard,
  requireJson,
  securityHeaders,
  serveBuiltAssets,
} from './public-page.js';
import { createSandboxClientProxy } from './sandbox-client-proxy.js';
import { createSimulatorRouter } from './simulator.js';

const SESSION_COOKIE = 'purse_demo_persona';

export interface DemoAppOptions {
  backend: Backend;
  /** What the handlers share (`createRedisStore` with `--redis`). @default a new in-memory store */
  store?: PurseStore;
  /** Built web assets to serve; when absent, `web` serves the web app. */
  distDir: string | null;
  /** Vite's dev middlewares (`--dev`), mounted where the built assets would be. */
  web?: RequestHandler;
  /**
   * Host names besides localhost, 127.0.0.1 and [::1] the demo answers to (where it is deployed).
   * Requests naming any other `Host` are refused (DNS rebinding). @default []
   */
  allowedHosts?: readonly string[];
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
  // Only a proxy on this machine may say who the client is (req.ip, used in the ACH mandate).
  app.set('trust proxy', 'loopback');
  app.use(methodGuard);
  app.use(hostCheck(options.allowedHosts ?? []));
  app.use(securityHeaders({ mode: backend.mode, dev: !options.distDir && !!options.web }));
  app.use(cookieParser(options.sessionSecret ?? randomBytes(32).toString('hex')));

  const store = options.store ?? createMemoryStore();
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
    createWebhookHandler({ stripe: backend.stripe, endpointSecret: backend.webhookSecret, store }),
  );

  app.use(
    '/api/purse',
    createPurseRouter({
      stripe: backend.stripe,
      resolveUser,
      store,
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

  app.post('/demo/session', requireJson, express.json({ limit: '1kb' }), (req, res) => {
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
    // The presenter's panel moves money and time: a signed-in persona and a JSON request only
    // (a cross-site form cannot send one without a preflight).
    const signedIn: RequestHandler = (req, res, next) => {
      if (personaOf(req, backend.personas())) next();
      else res.status(401).json({ error: { message: 'Pick a persona first.' } });
    };
    app.use(
      '/demo/simulator',
      signedIn,
      requireJson,
      createSimulatorRouter({
        backend,
        sandbox,
        personaOf: (req) => personaOf(req, backend.personas()),
      }),
    );
    // The bank-link stand-in talks to the sandbox's browser endpoints (publishable key plus the
    // session's client secret). Forwarded so the whole demo stays on one origin and one port.
    app.use('/_sandbox/client', createSandboxClientProxy({ sandboxUrl: sandbox.url }));
  }

  if (options.distDir && existsSync(options.distDir)) serveBuiltAssets(app, options.distDir);
  else if (options.web) app.use(options.web);
  finalHandlers(app, log);
  return app;
}
