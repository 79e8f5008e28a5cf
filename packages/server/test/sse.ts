/**
 * A Server-Sent Events reader over `fetch`, for asserting what a user's `GET /events` stream
 * carries: it parses `id:`, `event:`, `data:` and comment lines from the response body as they
 * arrive, and lets a test wait for the event it expects.
 */

export interface SseEvent {
  id: string | undefined;
  event: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- event data is checked field by field
  data: any;
}

export interface SseStream {
  status: number;
  headers: Headers;
  /** Every event received so far, in order. */
  events: SseEvent[];
  /** How many comment lines (keep-alives) arrived. */
  comments: () => number;
  /** Resolves with the first event (already received or yet to come) that matches. */
  next: (match: (event: SseEvent) => boolean, timeoutMs?: number) => Promise<SseEvent>;
  /** Resolves once the server has written at least `count` comments. */
  waitForComments: (count: number, timeoutMs?: number) => Promise<void>;
  close: () => void;
}

export async function openStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  let comments = 0;
  const waiters = new Set<() => void>();
  const notify = (): void => {
    for (const waiter of waiters) waiter();
  };

  const consume = async (body: ReadableStream<Uint8Array>): Promise<void> => {
    const decoder = new TextDecoder();
    let buffer = '';
    let current: { id?: string; event?: string; data: string[] } = { data: [] };
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let newline = buffer.indexOf('\n');
        while (newline !== -1) {
          const line = buffer.slice(0, newline).replace(/\r$/, '');
          buffer = buffer.slice(newline + 1);
          newline = buffer.indexOf('\n');
          if (line === '') {
            if (current.data.length > 0) {
              const text = current.data.join('\n');
              let data: unknown = text;
              try {
                data = JSON.parse(text);
              } catch {
                // not JSON: keep the text
              }
              events.push({ id: current.id, event: current.event ?? 'message', data });
            }
            current = { data: [] };
            notify();
            continue;
          }
          if (line.startsWith(':')) {
            comments += 1;
            notify();
            continue;
          }
          const colon = line.indexOf(':');
          const field = colon === -1 ? line : line.slice(0, colon);
          const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') current.id = value;
          else if (field === 'event') current.event = value;
          else if (field === 'data') current.data.push(value);
        }
      }
    } catch {
      // aborted by close(), or the server went away
    }
  };
  if (response.body && response.headers.get('content-type')?.includes('text/event-stream')) {
    void consume(response.body);
  }

  const waitFor = <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const attempt = (): boolean => {
        const found = check();
        if (found === undefined) return false;
        waiters.delete(listener);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const listener = (): void => {
        attempt();
      };
      const timer = setTimeout(() => {
        waiters.delete(listener);
        reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(events)}`));
      }, timeoutMs);
      waiters.add(listener);
      attempt();
    });

  return {
    status: response.status,
    headers: response.headers,
    events,
    comments: () => comments,
    next: (match, timeoutMs = 3000) => waitFor(() => events.find(match), timeoutMs, 'an event'),
    waitForComments: async (count, timeoutMs = 3000) => {
      await waitFor(() => (comments >= count ? true : undefined), timeoutMs, `${count} comments`);
    },
    close: () => {
      controller.abort();
    },
  };
}
