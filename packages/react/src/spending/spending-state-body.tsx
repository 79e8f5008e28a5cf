/** What the card shows instead of (or before) its data, one small view per state. */
import type { PurseError } from '@purse/core';
import type { SpendingState } from '@purse/core/spending';
import type { ReactNode } from 'react';
import type { SpendingMessages } from './messages.js';
import type { SpendingViewKit } from './spending-kit.js';

function errorMessage(error: PurseError, t: SpendingMessages, kit: SpendingViewKit): string {
  switch (error.code) {
    case 'account_inactive':
      return t.accountInactive;
    case 'account_disconnected':
      return t.accountDisconnected;
    case 'refresh_not_available':
      return t.refreshNotAvailable;
    default:
      return kit.describeError(error);
  }
}

export interface SpendingStateBodyProps {
  state: SpendingState;
  range: number;
  includeInflow: boolean;
  kit: SpendingViewKit;
  retry: () => void;
}

export function SpendingStateBody(props: SpendingStateBodyProps): ReactNode {
  const { state, kit, retry } = props;
  const { t, common, ErrorNotice, GhostBars } = kit;
  switch (state.status) {
    case 'loading':
      return state.summary ? null : (
        <div data-slot="skeleton" aria-busy="true">
          <span className="purse-VisuallyHidden">{common.loading}</span>
          <span className="purse-Skeleton" data-slot="skeleton-total" aria-hidden="true" />
          <GhostBars />
        </div>
      );
    case 'refreshing-transactions':
      return (
        <div data-slot="fetching">
          <p className="purse-Muted">{t.fetchingDetail}</p>
          <GhostBars />
        </div>
      );
    case 'empty':
      return (
        <div data-slot="empty">
          <p data-slot="empty-title">
            {props.includeInflow ? t.emptyInflowTitle(props.range) : t.emptyTitle(props.range)}
          </p>
          {props.range < 180 ? <p className="purse-Muted">{t.emptyHint}</p> : null}
        </div>
      );
    case 'permission_missing':
      return (
        <div className="purse-Alert" data-tone="warning" data-slot="permission">
          <strong>{t.permissionTitle}</strong>
          <span>{t.permissionDetail}</span>
        </div>
      );
    case 'failed':
      return (
        <ErrorNotice
          tone="warning"
          slot="failed"
          title={t.failedTitle}
          message={t.failedDetail}
          retryLabel={common.retry}
          onRetry={retry}
        />
      );
    case 'error':
      return (
        <ErrorNotice
          title={common.errorTitle}
          message={errorMessage(state.error, t, kit)}
          retryLabel={common.retry}
          onRetry={retry}
        />
      );
    case 'ready':
      return null;
    default:
      return state satisfies never;
  }
}
