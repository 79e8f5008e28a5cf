import type { SpendingState } from '@purse/core/spending';
import type { SpendingMessages } from './messages.js';

export interface SpendingStatusLine {
  text: string;
  /** Shown (with a spinner while busy), or only announced. */
  visible: boolean;
  busy: boolean;
}

const QUIET: SpendingStatusLine = { text: '', visible: false, busy: false };

/** What the live region says (and shows, for progress): pages arriving, a refresh awaited. */
export function spendingStatusLine(
  state: SpendingState,
  options: { range: number; includeInflow: boolean; count: (n: number) => string },
  t: SpendingMessages,
): SpendingStatusLine {
  switch (state.status) {
    case 'loading':
      return state.summary
        ? { text: t.progress(state.loaded, options.count(state.loaded)), visible: true, busy: true }
        : { ...QUIET, busy: true };
    case 'refreshing-transactions':
      return { text: t.fetchingTitle, visible: true, busy: true };
    case 'ready':
    case 'empty':
      if (state.updating) return { text: t.updating, visible: true, busy: true };
      if (state.status === 'ready') return QUIET;
      return {
        text: options.includeInflow
          ? t.emptyInflowTitle(options.range)
          : t.emptyTitle(options.range),
        visible: false,
        busy: false,
      };
    case 'permission_missing':
      return { text: t.permissionTitle, visible: false, busy: false };
    case 'failed':
    case 'error':
      // Announced by their role="alert".
      return QUIET;
    default:
      return state satisfies never;
  }
}
