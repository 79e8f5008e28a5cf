import type Stripe from 'stripe';
import { p, listParams } from '../http/params.js';
import { route, type Route } from '../http/route.js';
import { newId, randomToken } from '../state/ids.js';
import type { Collection } from '../state/collection.js';
import type { CustomerRecord } from '../state/records.js';
import { type IdSource, resourceMissing } from '../http/stripe-error.js';
import { changedFields, listOf, mergeMetadata, mustFind } from './common.js';

/** A customer that exists and is not deleted, or a 404. */
export function liveCustomer(
  customers: Collection<CustomerRecord>,
  id: string,
  from: IdSource = 'path',
): CustomerRecord {
  const record = mustFind(customers, id, 'customer', from);
  if (record.deleted) throw resourceMissing('customer', id, from);
  return record;
}

const fields = {
  email: p.string({ maxLength: 512 }).emptyable(),
  name: p.string({ maxLength: 256 }).emptyable(),
  description: p.string().emptyable(),
  phone: p.string({ maxLength: 20 }).emptyable(),
  metadata: p.metadata().emptyable(),
};

export const customerRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/v1/customers',
    params: fields,
    handle(ctx, params) {
      const api: Stripe.Customer = {
        id: newId('cus'),
        object: 'customer',
        address: null,
        balance: 0,
        created: ctx.engine.now(),
        currency: null,
        default_source: null,
        delinquent: false,
        description: params.description ?? null,
        discount: null,
        email: params.email ?? null,
        invoice_prefix: randomToken(8).toUpperCase(),
        invoice_settings: {
          custom_fields: null,
          default_payment_method: null,
          footer: null,
          rendering_options: null,
        },
        livemode: false,
        metadata: mergeMetadata(null, params.metadata),
        name: params.name ?? null,
        next_invoice_sequence: 1,
        phone: params.phone ?? null,
        preferred_locales: [],
        shipping: null,
        tax_exempt: 'none',
        test_clock: null,
      };
      ctx.partition.customers.insert({ api });
      ctx.engine.emit(ctx.partition, 'customer.created', api);
      return api;
    },
  }),
  route({
    method: 'GET',
    path: '/v1/customers/:customer',
    params: {},
    handle(ctx, _params, path) {
      const record = mustFind(ctx.partition.customers, path.customer ?? '', 'customer', 'path');
      return record.deleted ? { id: record.api.id, object: 'customer', deleted: true } : record.api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/customers/:customer',
    params: fields,
    handle(ctx, params, path) {
      const record = liveCustomer(ctx.partition.customers, path.customer ?? '');
      const before = structuredClone(record.api);
      const api = record.api;
      if (params.email !== undefined) api.email = params.email;
      if (params.name !== undefined) api.name = params.name;
      if (params.description !== undefined) api.description = params.description;
      if (params.phone !== undefined) api.phone = params.phone;
      if (params.metadata !== undefined)
        api.metadata = mergeMetadata(api.metadata, params.metadata);
      const previous = changedFields(
        before as unknown as Record<string, unknown>,
        api as unknown as Record<string, unknown>,
      );
      if (Object.keys(previous).length > 0) {
        ctx.engine.emit(ctx.partition, 'customer.updated', api, { previousAttributes: previous });
      }
      return api;
    },
  }),
  route({
    method: 'DELETE',
    path: '/v1/customers/:customer',
    params: {},
    handle(ctx, _params, path) {
      const record = liveCustomer(ctx.partition.customers, path.customer ?? '');
      record.deleted = true;
      ctx.engine.emit(ctx.partition, 'customer.deleted', record.api);
      return { id: record.api.id, object: 'customer', deleted: true };
    },
  }),
  route({
    method: 'GET',
    path: '/v1/customers',
    params: { ...listParams, email: p.string({ maxLength: 512 }), created: p.range() },
    handle(ctx, params) {
      return listOf(ctx.partition.customers, '/v1/customers', params, {
        ...(params.created ? { sortRange: params.created } : {}),
        where: (r) => !r.deleted && (params.email === undefined || r.api.email === params.email),
      });
    },
  }),
];
