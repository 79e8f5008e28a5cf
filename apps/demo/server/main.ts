/**
 * `pnpm demo`: the sandbox (or Stripe test mode), the demo's server and the web app on one
 * localhost port. Prints the URL to open.
 *
 *   --port N   (default 4242, or $PORT; 0 picks a free port)
 *   --dev      serve the web app through Vite with hot reload instead of the built assets
 *   --speed N  sandbox seconds per real second (default 1)
 *   --redis URL  share live updates, the read cache and the guards through Redis (default: in memory)
 *
 * Environment: DEMO_ALLOWED_HOSTS (comma-separated host names to answer to besides localhost,
 * 127.0.0.1 and [::1]), DEMO_SESSION_SECRET, PURSE_SANDBOX_KEYS=fixed (the sandbox's published
 * default keys instead of random ones per start), STRIPE_* for Stripe test mode.
 */
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBackend } from './backend.js';
import { createDemoApp } from './demo-app.js';

const here = dirname(fileURLToPath(import.meta.url));
const appRoot = join(here, '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4242' },
      dev: { type: 'boolean', default: false },
      speed: { type: 'string', default: process.env.PURSE_DEMO_SPEED ?? '1' },
      redis: {
        type: 'string',
        ...(process.env.REDIS_URL ? { default: process.env.REDIS_URL } : {}),
      },
    },
  });
  const port = Number(values.port);
  const speed = Number(values.speed);
  if (!Number.isInteger(port) || port < 0)
    throw new Error(`--port must be a port number, got ${values.port}`);
  if (!Number.isFinite(speed) || speed < 0)
    throw new Error(`--speed must be a non-negative number, got ${values.speed}`);

  const backend = await startBackend({
    speed,
    personasFile: join(appRoot, '.personas.json'),
    env: process.env,
  });
  const web = values.dev
    ? (
        await (
          await import('vite')
        ).createServer({
          root: appRoot,
          configFile: join(appRoot, 'vite.config.ts'),
          server: { middlewareMode: true },
          appType: 'spa',
        })
      ).middlewares
    : undefined;
  const store = values.redis
    ? (await import('@purse/server/redis')).createRedisStore({ url: values.redis })
    : undefined;
  const app = createDemoApp({
    backend,
    ...(store ? { store } : {}),
    distDir: values.dev ? null : join(appRoot, 'dist'),
    ...(web ? { web } : {}),
    allowedHosts: (process.env.DEMO_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((host) => host.trim())
      .filter(Boolean),
    ...(process.env.DEMO_SESSION_SECRET ? { sessionSecret: process.env.DEMO_SESSION_SECRET } : {}),
  });

  const server = app.listen(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const url = `http://localhost:${String((server.address() as AddressInfo).port)}`;

  if (backend.mode === 'sandbox') {
    // The sandbox signs its webhooks and sends them to the demo, as Stripe would.
    backend.sandbox.addWebhook({
      url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/webhooks/stripe`,
    });
  }

  const lines = [
    '',
    `  Purse demo ready: ${url}`,
    '',
    backend.mode === 'sandbox'
      ? '  Running offline against the Purse sandbox (no Stripe keys, no network).'
      : '  Running against Stripe test mode. Forward webhooks with: stripe listen --forward-to ' +
        `${url}/webhooks/stripe`,
    `  Personas: ${backend
      .personas()
      .map((p) => p.name)
      .join(', ')}`,
    '  Press Ctrl+C to stop.',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    server.close();
    void backend.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`purse demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
