/**
 * `createPurseRouter`: the Express router a platform mounts (for example at `/api/purse`), on
 * Express 4.21+ or 5. It is a thin adapter over the same core as `createPurseHandler`: the
 * Express request becomes a web `Request`, the core's `Response` is piped back (live-update
 * streams included, with back-pressure and client disconnects), and `resolveUser` receives the
 * Express request, so `req.session`, `req.user` and `req.ip` (with `trust proxy`) work as usual.
 * Nothing here returns a promise to Express, so no failure can become an unhandled rejection.
 */
import { PurseError } from '@purse/core';
import express, { type Request, type Router } from 'express';
import { sendWebResponse, toWebRequest } from './http/node-bridge.js';
import { resolveRouterConfig, type PurseRouterOptions } from './options.js';
import { createCoreHandler } from './purse-core.js';

export function createPurseRouter(options: PurseRouterOptions): Router {
  const config = resolveRouterConfig(options);
  const core = createCoreHandler(config);
  const { resolveUser } = options;
  const router = express.Router();
  router.use((req: Request, res) => {
    const aborted = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    const run = async (): Promise<void> => {
      // `req.url` is relative to the mount point (with its query), on Express 4 and 5.
      const request = toWebRequest(req, req.url);
      const response = await core({
        request,
        path: new URL(request.url).pathname,
        resolveUser: () => resolveUser(req),
        ip: req.ip,
        signal: aborted.signal,
      });
      await sendWebResponse(response, res);
    };
    run().catch((error: unknown) => {
      // Only the bridge itself can get here (the core answers every failure): log, then 500.
      config.logger.error(`${req.method} ${req.originalUrl} failed in the Express adapter`, {
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const body = new PurseError({
        code: 'internal_error',
        message: 'Something went wrong on our side.',
      }).toBody();
      res.status(500).set('cache-control', 'no-store').json(body);
    });
  });
  return router;
}
