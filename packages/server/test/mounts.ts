/**
 * The three ways a host mounts Purse, for running the same suites on each over real HTTP:
 * Express 5 and Express 4.21+ (`createPurseRouter` in an app of that major), and the
 * web-standard `createPurseHandler` served by node:http through a small Request/Response bridge
 * written here (independent of the package's own Express bridge). The default mount is Express 5;
 * a suite file can import `./mount/express4.js` or `./mount/web.js` first to switch it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express from 'express';
import express4 from 'express4';
import {
  createPurseHandler,
  createPurseRouter,
  type PurseCoreOptions,
  type PurseUser,
} from '../src/index.js';

export type Mount = 'express5' | 'express4' | 'web';
export const MOUNTS: readonly Mount[] = ['express5', 'express4', 'web'];

const state: { mount: Mount } = { mount: 'express5' };

/** Sets the mount `startHarness` uses when it is not told one. */
export function useMount(mount: Mount): void {
  state.mount = mount;
}
export function defaultMount(): Mount {
  return state.mount;
}

export const BASE_PATH = '/api/purse';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
}

/** Serves a web handler on node:http: the request body streams in, the response streams out. */
export function serveWebHandler(handler: (request: Request) => Promise<Response>): Server {
  return createServer((req, res) => {
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    const method = req.method ?? 'GET';
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    }
    const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, {
      method,
      headers,
      signal: controller.signal,
      ...(method === 'GET' || method === 'HEAD'
        ? {}
        : { body: Readable.toWeb(req), duplex: 'half' }),
    } as RequestInit);
    void (async () => {
      const response = await handler(request);
      const out: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        out[name] = value;
      });
      res.writeHead(response.status, out);
      if (response.body === null) res.end();
      else await pipeline(Readable.fromWeb(response.body as never), res);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(599).end();
      else res.destroy();
    });
  });
}

/**
 * Mounts Purse the given way at BASE_PATH on its own port, with `x-test-user` naming the user.
 * Returns the base URL.
 */
export async function mountPurse(
  mount: Mount,
  options: PurseCoreOptions,
  users: Record<string, PurseUser>,
  servers: Server[],
): Promise<string> {
  let server: Server;
  if (mount === 'web') {
    server = serveWebHandler(
      createPurseHandler({
        ...options,
        basePath: BASE_PATH,
        resolveUser: (request) => users[request.headers.get('x-test-user') ?? ''] ?? null,
        clientIp: () => '127.0.0.1',
      }),
    );
  } else {
    const router = createPurseRouter({
      ...options,
      resolveUser: (req) => users[req.get('x-test-user') ?? ''] ?? null,
    });
    if (mount === 'express4') {
      const app = express4();
      app.use(BASE_PATH, router as never);
      server = createServer(app);
    } else {
      const app = express();
      app.use(BASE_PATH, router);
      server = createServer(app);
    }
  }
  servers.push(server);
  return `${await listen(server)}${BASE_PATH}`;
}
