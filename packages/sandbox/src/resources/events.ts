import { p, listParams } from '../http/params.js';
import { route, type Route } from '../http/route.js';
import { listOf, mustFind } from './common.js';

export const eventRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/v1/events',
    params: {
      ...listParams,
      type: p.string(),
      types: p.array(p.string(), { maxItems: 20 }),
      created: p.range(),
      delivery_success: p.boolean(),
    },
    handle(ctx, params) {
      const matchesType = (type: string): boolean => {
        const wanted = params.types ?? (params.type === undefined ? undefined : [params.type]);
        if (!wanted) return true;
        // `*` wildcards, as Stripe allows: `treasury.inbound_transfer.*`.
        return wanted.some((w) => (w.endsWith('*') ? type.startsWith(w.slice(0, -1)) : type === w));
      };
      return listOf(ctx.partition.events, '/v1/events', params, {
        ...(params.created ? { sortRange: params.created } : {}),
        where: (r) =>
          matchesType(r.api.type) &&
          (params.delivery_success === undefined ||
            (r.api.pending_webhooks === 0) === params.delivery_success),
      });
    },
  }),
  route({
    method: 'GET',
    path: '/v1/events/:id',
    params: {},
    handle(ctx, _params, path) {
      return mustFind(ctx.partition.events, path.id ?? '', 'event', 'path').api;
    },
  }),
];
