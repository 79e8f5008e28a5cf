import { useEffect, useState } from 'react';
import type { PurseClient } from '../client/purse-client.js';

/**
 * The server's "now" (unix seconds), re-read every `intervalMs` while `active`. Countdowns use it
 * so they agree with the server's clock (which may be a sandbox's virtual one).
 */
export function useNow(client: PurseClient, active: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => client.now());
  useEffect(() => {
    if (!active) return;
    setNow(client.now());
    const timer = setInterval(() => setNow(client.now()), intervalMs);
    return () => clearInterval(timer);
  }, [client, active, intervalMs]);
  return now;
}
