/** The demo's own endpoints: its configuration, the persona "login", and the simulator. */
export interface DemoConfig {
  mode: 'sandbox' | 'stripe';
  publishableKey: string;
  personas: { key: string; name: string; description: string }[];
  persona: string | null;
}

/** The presenter's clock speeds (virtual seconds per real second), as the server offers them. */
export const CLOCK_SPEEDS = [1, 60, 3600] as const;
export type ClockSpeed = (typeof CLOCK_SPEEDS)[number];

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) {
    const json = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new Error(json.error?.message ?? `${method} ${path} failed (${String(response.status)})`);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const demoApi = {
  config: () => call<DemoConfig>('GET', '/demo/config'),
  signIn: (persona: string) => call<undefined>('POST', '/demo/session', { persona }),
  signOut: () => call<undefined>('DELETE', '/demo/session'),
  advanceClock: (businessDays: number) =>
    call<{ now: number }>('POST', '/demo/simulator/clock', { businessDays }),
  advanceSeconds: (seconds: number) =>
    call<{ now: number }>('POST', '/demo/simulator/clock', { seconds }),
  transfer: (action: 'succeed' | 'fail' | 'return', code?: string) =>
    call<{ id: string; status: string; returned: boolean }>(
      'POST',
      `/demo/simulator/transfers/latest/${action}`,
      code ? { code } : {},
    ),
  failNextRefresh: (accountId: string) =>
    call<unknown>(
      'POST',
      `/demo/simulator/accounts/${encodeURIComponent(accountId)}/fail-next-refresh`,
      {},
    ),
  reset: () => call<{ now: number }>('POST', '/demo/simulator/reset', {}),
  speed: () => call<{ speed: ClockSpeed }>('GET', '/demo/simulator/speed'),
  setSpeed: (speed: ClockSpeed) =>
    call<{ now: number; speed: ClockSpeed }>('POST', '/demo/simulator/speed', { speed }),
  setBank: (institution: string, status: 'up' | 'down') =>
    call<unknown>('POST', `/demo/simulator/banks/${encodeURIComponent(institution)}`, { status }),
};
