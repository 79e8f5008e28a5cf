/**
 * The webhook handler mounted three ways, each listening on a random port: the web-standard
 * handler behind a plain node:http bridge (as Next.js or any fetch-style server would call it),
 * and the Express adapter on Express 4 and on Express 5. Plus signing helpers for test events.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express5 from 'express';
import express4 from 'express4';
import type Stripe from 'stripe';
import {
  createPurseWebhookHandler,
  createWebhookHandler,
  type WebhookHandlerOptions,
} from '../src/index.js';

export type Mount = 'web' | 'express4' | 'express5';
export const MOUNTS: readonly Mount[] = ['web', 'express4', 'express5'];

export interface Mounted {
  url: string;
  close: () => Promise<void>;
}

async function listen(server: Server): Promise<Mounted> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${String(port)}/webhooks`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function mountWebhooks(
  mount: Mount,
  options: WebhookHandlerOptions,
): Promise<Mounted> {
  if (mount === 'web') {
    const handle = createPurseWebhookHandler(options);
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const headers = new Headers();
        for (let i = 0; i < req.rawHeaders.length; i += 2) {
          headers.append(req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '');
        }
        const method = req.method ?? 'GET';
        const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, {
          method,
          headers,
          ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }),
        });
        void handle(request).then(async (response) => {
          const out: Record<string, string> = {};
          response.headers.forEach((value, name) => {
            out[name] = value;
          });
          res.writeHead(response.status, out);
          res.end(Buffer.from(await response.arrayBuffer()));
        });
      });
    });
    return listen(server);
  }
  const express = mount === 'express4' ? express4 : express5;
  const app = express();
  app.post('/webhooks', express.raw({ type: 'application/json' }), createWebhookHandler(options));
  return listen(createServer(app));
}

export function eventOf(
  type: string,
  object: unknown,
  account: string | null,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: `evt_${randomUUID().replaceAll('-', '')}`,
    object: 'event',
    ...(account ? { account } : {}),
    api_version: '2025-01-01',
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    ...extra,
  };
}

export interface Posted {
  status: number;
  body: { received?: boolean; duplicate?: boolean; error?: { code: string; message: string } };
}

export async function postSigned(
  stripe: Stripe,
  secret: string,
  url: string,
  event: unknown,
  timestamp?: number,
): Promise<Posted> {
  const payload = JSON.stringify(event);
  const header = stripe.webhooks.generateTestHeaderString({
    payload,
    secret,
    ...(timestamp === undefined ? {} : { timestamp }),
  });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  });
  return { status: response.status, body: (await response.json()) as Posted['body'] };
}
