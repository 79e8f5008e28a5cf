/**
 * An ordered, indexed set of records, listed newest first with Stripe's cursor pagination.
 *
 * Records are kept in arrays sorted by (sort key, insertion order), one for everything and one
 * per group (for example, FC transactions per account). A cursor is found by binary search, so
 * page 100 of a 100,000-item list costs about what page 1 does.
 */
import type { Range } from '../http/params.js';
import { invalidParam } from '../http/stripe-error.js';

interface Slot<R> {
  record: R;
  key: number;
  seq: number;
}

export interface CollectionOptions<R> {
  /** The record's Stripe id. */
  id: (record: R) => string;
  /** What lists are ordered by, newest first. @default the record's `created` */
  sortKey: (record: R) => number;
  /** Groups with their own index, such as `account` for FC transactions. */
  groupBy?: (record: R) => string | undefined;
}

export interface ListQuery<R> {
  limit?: number;
  startingAfter?: string;
  endingBefore?: string;
  /** Only this group's records (uses the group index). */
  group?: string;
  /** A range on the sort key, applied by binary search. */
  sortRange?: Range;
  /** Any other condition. */
  where?: (record: R) => boolean;
}

export interface ListPage<R> {
  data: R[];
  hasMore: boolean;
}

function compare<R>(a: Slot<R>, key: number, seq: number): number {
  return a.key - key || a.seq - seq;
}

export class Collection<R> {
  private readonly options: CollectionOptions<R>;
  private readonly byId = new Map<string, Slot<R>>();
  private readonly all: Slot<R>[] = [];
  private readonly groups = new Map<string, Slot<R>[]>();
  private seq = 0;

  constructor(options: CollectionOptions<R>) {
    this.options = options;
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): R | undefined {
    return this.byId.get(id)?.record;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Adds a record. Its id, sort key and group must not change afterwards. */
  insert(record: R): R {
    const id = this.options.id(record);
    if (this.byId.has(id)) throw new Error(`duplicate id ${id}`);
    const slot: Slot<R> = { record, key: this.options.sortKey(record), seq: this.seq++ };
    this.byId.set(id, slot);
    insertSorted(this.all, slot);
    const group = this.options.groupBy?.(record);
    if (group !== undefined) {
      let list = this.groups.get(group);
      if (!list) {
        list = [];
        this.groups.set(group, list);
      }
      insertSorted(list, slot);
    }
    return record;
  }

  /** Every record, oldest first. */
  values(): IterableIterator<R> {
    return this.all.map((s) => s.record).values();
  }

  /** The records of a group, oldest first. */
  groupValues(group: string): R[] {
    return (this.groups.get(group) ?? []).map((s) => s.record);
  }

  find(predicate: (record: R) => boolean): R | undefined {
    for (const slot of this.all) if (predicate(slot.record)) return slot.record;
    return undefined;
  }

  filter(predicate: (record: R) => boolean): R[] {
    return this.all.filter((s) => predicate(s.record)).map((s) => s.record);
  }

  /** A page of records, newest first, as Stripe lists them. */
  list(query: ListQuery<R>): ListPage<R> {
    const limit = query.limit ?? 10;
    if (query.startingAfter !== undefined && query.endingBefore !== undefined) {
      throw invalidParam(
        'ending_before',
        'parameters_exclusive',
        'You may only specify one of these parameters: ending_before, starting_after.',
      );
    }
    const source =
      query.group === undefined ? this.all : (this.groups.get(query.group) ?? ([] as Slot<R>[]));
    let lo = 0;
    let hi = source.length; // the window [lo, hi) in ascending order
    if (query.sortRange) [lo, hi] = this.rangeWindow(source, query.sortRange);
    const where = query.where;
    const matches = (slot: Slot<R>): boolean => !where || where(slot.record);

    if (query.endingBefore !== undefined) {
      const start = this.cursorIndex(source, query.endingBefore, 'ending_before') + 1;
      const picked: Slot<R>[] = [];
      let i = Math.max(start, lo);
      for (; i < hi && picked.length <= limit; i += 1) {
        const slot = source[i] as Slot<R>;
        if (matches(slot)) picked.push(slot);
      }
      // Items just newer than the cursor, returned newest first.
      const hasMore = picked.length > limit;
      const page = picked.slice(0, limit).reverse();
      return { data: page.map((s) => s.record), hasMore };
    }

    let end = hi;
    if (query.startingAfter !== undefined) {
      end = Math.min(end, this.cursorIndex(source, query.startingAfter, 'starting_after'));
    }
    const page: R[] = [];
    let i = end - 1;
    for (; i >= lo && page.length < limit; i -= 1) {
      const slot = source[i] as Slot<R>;
      if (matches(slot)) page.push(slot.record);
    }
    let hasMore = false;
    for (; i >= lo; i -= 1) {
      if (matches(source[i] as Slot<R>)) {
        hasMore = true;
        break;
      }
    }
    return { data: page, hasMore };
  }

  private cursorIndex(source: Slot<R>[], id: string, param: string): number {
    const slot = this.byId.get(id);
    const index = slot ? lowerBound(source, slot.key, slot.seq) : -1;
    if (!slot || source[index] !== slot) {
      throw invalidParam(param, 'resource_missing', `No such object: '${id}'`);
    }
    return index;
  }

  private rangeWindow(source: Slot<R>[], range: Range): [number, number] {
    let lo = 0;
    let hi = source.length;
    // (key, +Infinity) sorts after every slot with that key, (key, -Infinity) before them.
    if (range.gte !== undefined) lo = Math.max(lo, lowerBound(source, range.gte, -Infinity));
    if (range.gt !== undefined) lo = Math.max(lo, lowerBound(source, range.gt, Infinity));
    if (range.lte !== undefined) hi = Math.min(hi, lowerBound(source, range.lte, Infinity));
    if (range.lt !== undefined) hi = Math.min(hi, lowerBound(source, range.lt, -Infinity));
    return [lo, Math.max(lo, hi)];
  }
}

/** The first index whose (key, seq) is >= the given pair. */
function lowerBound<R>(source: Slot<R>[], key: number, seq: number): number {
  let lo = 0;
  let hi = source.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(source[mid] as Slot<R>, key, seq) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted<R>(list: Slot<R>[], slot: Slot<R>): void {
  const last = list.at(-1);
  if (!last || compare(last, slot.key, slot.seq) <= 0) {
    list.push(slot); // the common case: the newest record
    return;
  }
  list.splice(lowerBound(list, slot.key, slot.seq), 0, slot);
}
