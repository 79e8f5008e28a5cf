import { describe, expect, it } from 'vitest';
import { PurseError } from '../contract/errors.js';
import { QueryCache } from './query-cache.js';
import { deferred } from './test-support.js';

describe('QueryCache', () => {
  it('shares one request among callers while it is in flight', async () => {
    const cache = new QueryCache();
    const answer = deferred<string>();
    let loads = 0;
    const load = (): Promise<string> => {
      loads += 1;
      return answer.promise;
    };
    const first = cache.fetch('k', load);
    const second = cache.fetch('k', load);
    expect(cache.get('k')).toEqual({ status: 'loading' });
    answer.resolve('value');
    expect(await first).toBe('value');
    expect(await second).toBe('value');
    expect(loads).toBe(1);
  });

  it('serves a fresh value without asking again, and refetches a stale one in the background', async () => {
    let clock = 1000;
    const cache = new QueryCache({ staleMs: 100, now: () => clock });
    let loads = 0;
    const load = (): Promise<number> => Promise.resolve((loads += 1));
    expect(await cache.fetch('k', load)).toBe(1);
    expect(await cache.fetch('k', load)).toBe(1);
    expect(loads).toBe(1);

    clock += 100;
    const refetch = cache.fetch('k', load);
    // Stale while revalidating: the old value stays shown.
    expect(cache.get('k')).toMatchObject({ status: 'ready', data: 1, fetching: true });
    expect(await refetch).toBe(2);
    expect(cache.get('k')).toMatchObject({ status: 'ready', data: 2, fetching: false });
  });

  it('asks again when forced or after invalidate', async () => {
    const cache = new QueryCache();
    let loads = 0;
    const load = (): Promise<number> => Promise.resolve((loads += 1));
    await cache.fetch('k', load);
    expect(await cache.fetch('k', load, { force: true })).toBe(2);
    cache.invalidate('k');
    expect(await cache.fetch('k', load)).toBe(3);
  });

  it('keeps a write that arrives while an older request is in flight', async () => {
    const cache = new QueryCache();
    const answer = deferred<string>();
    const pending = cache.fetch('k', () => answer.promise);
    cache.set('k', 'from a live event');
    answer.resolve('older response');
    expect(await pending).toBe('from a live event');
    expect(cache.get('k')).toMatchObject({ status: 'ready', data: 'from a live event' });
  });

  it('turns a failed first load into an error entry, but keeps the value when a refetch fails', async () => {
    const cache = new QueryCache();
    const failure = new PurseError({ code: 'network_error', status: 0, message: 'offline' });
    await expect(cache.fetch('a', () => Promise.reject(failure))).rejects.toBe(failure);
    expect(cache.get('a')).toMatchObject({ status: 'error', error: failure });

    cache.set('b', 'shown');
    await expect(cache.fetch('b', () => Promise.reject(failure), { force: true })).rejects.toBe(
      failure,
    );
    expect(cache.get('b')).toMatchObject({ status: 'ready', data: 'shown', fetching: false });
  });

  it('notifies subscribers of each change and keeps the entry stable between changes', async () => {
    const cache = new QueryCache();
    let notified = 0;
    const stop = cache.subscribe('k', () => (notified += 1));
    await cache.fetch('k', () => Promise.resolve(1));
    expect(notified).toBe(2); // loading, then ready
    expect(cache.get('k')).toBe(cache.get('k'));
    stop();
    cache.set('k', 2);
    expect(notified).toBe(2);
  });
});
