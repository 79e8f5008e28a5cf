import { formatDate, formatMoney, type WalletActivityItem } from '@purse/core';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type ReactNode,
  type Ref,
} from 'react';
import { commonText } from '../i18n/catalog.js';
import { describeError, useMessages } from '../i18n/use-messages.js';
import { usePurseContext } from '../provider/purse-context.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { cx } from '../utils/cx.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';
import { walletActivityText, type WalletActivityMessages } from './messages.js';
import { useWalletActivity, type UseWalletActivityOptions } from './use-wallet-activity.js';

export interface WalletActivityProps
  extends UseWalletActivityOptions, Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  ref?: Ref<HTMLDivElement>;
  /**
   * The level of the card's heading, to fit the page's outline.
   * @default 2
   */
  headingLevel?: 2 | 3 | 4 | undefined;
}

const TONES = { pending: 'warning', posted: 'success', void: undefined } as const;

function statusText(item: WalletActivityItem, m: WalletActivityMessages): string {
  switch (item.status) {
    case 'pending':
      return m.pending;
    case 'posted':
      return m.posted;
    case 'void':
      return m.void;
    default:
      item.status satisfies never;
      return '';
  }
}

/**
 * The wallet's activity: each Treasury transaction of the person's financial account (top-ups,
 * returns, money received or taken) with its signed amount, date, pending or posted, and Stripe's
 * receipt where there is one; newest first, 20 at a time with "Load more", kept current by live
 * updates. `data-state`: `loading | empty | ready | error`.
 */
function WalletActivityRender(props: WalletActivityProps): ReactNode {
  const { pageSize, headingLevel = 2, className, ref, ...rest } = props;
  const { locale } = usePurseContext('WalletActivity');
  const m = useMessages(walletActivityText, 'WalletActivity');
  const common = useMessages(commonText, 'WalletActivity');
  const { state, loadMore, retry } = useWalletActivity({ pageSize });
  const Heading = `h${String(headingLevel)}` as 'h2' | 'h3' | 'h4';
  const id = useId();
  const headingId = `${id}-title`;

  const listRef = useRef<HTMLUListElement>(null);
  const [announcement, setAnnouncement] = useState('');
  // After "Load more": focus the first new row's receipt link or the list, and say the count.
  const shownBefore = useRef<number | null>(null);
  const count = state.status === 'ready' ? state.items.length : 0;
  const more = state.status === 'ready' ? state.more.status : null;
  useEffect(() => {
    const before = shownBefore.current;
    if (before === null || more === 'loading') return;
    shownBefore.current = null;
    if (more === 'error') return;
    setAnnouncement(m.showing(count));
    listRef.current?.focus();
  }, [more, count, m]);

  let body: ReactNode;
  switch (state.status) {
    case 'loading':
      body = (
        <div data-slot="skeleton" aria-busy="true">
          <span className="purse-VisuallyHidden">{common.loading}</span>
          {[0, 1, 2].map((row) => (
            <div key={row} data-slot="skeleton-row">
              <span className="purse-Skeleton" data-slot="skeleton-meta" />
              <span className="purse-Skeleton" data-slot="skeleton-amount" />
            </div>
          ))}
        </div>
      );
      break;
    case 'empty':
      body = (
        <div data-slot="empty">
          <p data-slot="empty-title">{m.emptyTitle}</p>
          <p className="purse-Muted">{m.emptyBody}</p>
        </div>
      );
      break;
    case 'error':
      body = (
        <ErrorNotice
          title={m.loadErrorTitle}
          message={describeError(state.error, common)}
          retryLabel={common.retry}
          onRetry={retry}
        />
      );
      break;
    case 'ready': {
      const loadingMore = state.more.status === 'loading';
      body = (
        <>
          <ul data-slot="list" aria-labelledby={headingId} ref={listRef} tabIndex={-1}>
            {state.items.map((item) => {
              const what = item.description
                ? `${m.kinds[item.kind]}: ${item.description}`
                : m.kinds[item.kind];
              const date =
                item.status === 'posted' && item.postedAt !== null
                  ? m.postedOn(formatDate(item.postedAt, { locale }))
                  : m.startedOn(formatDate(item.created, { locale }));
              return (
                <li
                  key={item.id}
                  data-slot="row"
                  data-status={item.status}
                  data-kind={item.kind}
                  data-direction={item.amount < 0 ? 'out' : 'in'}
                >
                  <span data-slot="row-main">
                    <span data-slot="row-title">{m.kinds[item.kind]}</span>
                    {item.description ? (
                      <span data-slot="row-description">{item.description}</span>
                    ) : null}
                    <span className="purse-Muted" data-slot="row-meta">
                      <time
                        dateTime={new Date(
                          (item.status === 'posted' && item.postedAt !== null
                            ? item.postedAt
                            : item.created) * 1000,
                        ).toISOString()}
                      >
                        {date}
                      </time>
                      {item.receiptUrl ? (
                        <>
                          {' · '}
                          <a
                            href={item.receiptUrl}
                            target="_blank"
                            rel="noopener noreferrer"
                            data-slot="receipt"
                            aria-label={`${m.receiptFor(what)} ${m.opensInNewTab}`}
                          >
                            {m.receipt}
                          </a>
                        </>
                      ) : null}
                    </span>
                  </span>
                  <span data-slot="row-side">
                    <span className="purse-Amount" data-slot="row-amount">
                      {formatMoney(item.amount, {
                        currency: item.currency,
                        locale,
                        signDisplay: 'exceptZero',
                      })}
                    </span>
                    <span
                      className="purse-Badge"
                      data-slot="row-status"
                      {...(TONES[item.status] ? { 'data-tone': TONES[item.status] } : {})}
                    >
                      {statusText(item, m)}
                    </span>
                  </span>
                </li>
              );
            })}
          </ul>
          {state.more.status === 'error' ? (
            <p className="purse-Alert" data-tone="danger" role="alert" data-slot="more-error">
              {m.loadMoreError} {describeError(state.more.error, common)}
            </p>
          ) : null}
          {state.more.status === 'complete' ? null : (
            <div data-slot="footer">
              <button
                type="button"
                className="purse-Button"
                data-variant="secondary"
                data-slot="load-more"
                aria-disabled={loadingMore || undefined}
                onClick={
                  loadingMore
                    ? undefined
                    : () => {
                        shownBefore.current = count;
                        loadMore();
                      }
                }
              >
                {loadingMore ? <span className="purse-Spinner" aria-hidden="true" /> : null}
                {loadingMore ? m.loadingMore : m.loadMore}
              </button>
            </div>
          )}
        </>
      );
      break;
    }
    default:
      state satisfies never;
      body = null;
  }

  return (
    <div
      {...rest}
      ref={ref}
      className={cx('purse-Card purse-WalletActivity', className)}
      data-state={state.status}
    >
      <Heading className="purse-Heading" id={headingId}>
        {m.title}
      </Heading>
      {body}
      <div className="purse-VisuallyHidden" aria-live="polite" aria-atomic="true" data-slot="live">
        {announcement}
      </div>
    </div>
  );
}

/** WalletActivity; accepts a `ref` to its root element on React 18 and 19. */
export const WalletActivity = /* @__PURE__ */ withForwardedRef<HTMLDivElement, WalletActivityProps>(
  WalletActivityRender,
  'WalletActivity',
);
