import { describe, expect, it } from 'vitest';
import { LiveUpdates } from './live-updates.js';
import type { EventSourceLike } from './platform.js';

class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly listeners = new Map<string, (message: { data: string }) => void>();
  closed = false;
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (message: { data: string }) => void): void {
    this.listeners.set(type, listener);
  }
  close(): void {
    this.closed = true;
  }
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('LiveUpdates', () => {
  it('runs one poller per resource key each tick', async () => {
    const live = new LiveUpdates({ url: null, pollIntervalMs: 10 });
    const runs: string[] = [];
    const stops = [
      live.onPoll(() => runs.push('tracker'), { key: 'topUp:ibt_1' }),
      live.onPoll(() => runs.push('history row'), { key: 'topUp:ibt_1' }),
      live.onPoll(() => runs.push('other'), { key: 'topUp:ibt_2' }),
    ];
    expect(live.isPolling()).toBe(true);
    await wait(15);
    expect(runs).toEqual(['tracker', 'other']);
    stops[0]?.();
    await wait(10);
    expect(runs.slice(2)).toEqual(['history row', 'other']);
    live.close();
  });

  it('delivers stream events by type and falls back to polling when the stream closes', () => {
    const sources: FakeEventSource[] = [];
    const live = new LiveUpdates({
      url: '/events',
      createEventSource: (url) => {
        const source = new FakeEventSource(url);
        sources.push(source);
        return source;
      },
    });
    const seen: string[] = [];
    const stop = live.subscribe('transfer.updated', (event) => seen.push(event.data.id));
    const source = sources[0]!;
    source.onopen?.({});
    expect(live.getStatus()).toBe('open');
    source.listeners.get('transfer.updated')?.({ data: JSON.stringify({ id: 'ibt_1' }) });
    source.listeners.get('transfer.updated')?.({ data: 'not json' });
    expect(seen).toEqual(['ibt_1']);
    source.readyState = 2;
    source.onerror?.({});
    expect(source.closed).toBe(true);
    expect(live.getStatus()).toBe('polling');
    stop();
    live.close();
  });
});
