import type { Collection, ListQuery } from '../state/collection.js';
import type { Rec } from '../state/records.js';
import { type IdSource, resourceMissing } from '../http/stripe-error.js';

/** A Stripe list object. */
export interface ListObject<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/** Pagination params as decoded from a list request. */
export interface PageParams {
  limit?: number;
  starting_after?: string;
  ending_before?: string;
}

/** Lists a collection with Stripe's pagination and returns a list object of API objects. */
export function listOf<T extends { id: string }, R extends Rec<T>>(
  collection: Collection<R>,
  url: string,
  page: PageParams,
  query: Omit<ListQuery<R>, 'limit' | 'startingAfter' | 'endingBefore'> = {},
  render: (record: R) => unknown = (record) => record.api,
): ListObject<unknown> {
  const result = collection.list({
    ...query,
    ...(page.limit === undefined ? {} : { limit: page.limit }),
    ...(page.starting_after === undefined ? {} : { startingAfter: page.starting_after }),
    ...(page.ending_before === undefined ? {} : { endingBefore: page.ending_before }),
  });
  return { object: 'list', data: result.data.map(render), has_more: result.hasMore, url };
}

/**
 * The record with `id`, or Stripe's `resource_missing`: 404 for the object in the URL path,
 * 400 naming the parameter for an object a parameter refers to.
 */
export function mustFind<R>(
  collection: Collection<R>,
  id: string,
  noun: string,
  from: IdSource,
): R {
  const record = collection.get(id);
  if (!record) throw resourceMissing(noun, id, from);
  return record;
}

/** Applies a metadata update: keys with empty values are removed, `null` clears everything. */
export function mergeMetadata(
  current: Record<string, string> | null,
  update: Record<string, string> | null | undefined,
): Record<string, string> {
  if (update === undefined) return current ?? {};
  if (update === null) return {};
  const next = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === '') delete next[key];
    else next[key] = value;
  }
  return next;
}

/** The previous values of the fields an update changed, for `*.updated` events. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      previous[key] = before[key] ?? null;
  }
  return previous;
}
