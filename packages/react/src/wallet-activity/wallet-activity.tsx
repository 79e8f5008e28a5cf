import { formatDate, formatMoney, type WalletActivityItem } from '@purse/core';
import type { ComponentPropsWithoutRef, ReactNode, Ref } from 'react';
import { headingTag, type HeadingLevel } from '../history-list/heading-level.js';
import { HistoryListBody, HistoryRow, HistoryTime } from '../history-list/history-list.js';
import { useMessages } from '../i18n/use-messages.js';
import { usePurseContext } from '../provider/purse-context.js';
import { cx } from '../utils/cx.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';
import { walletActivityText, type WalletActivityMessages } from './messages.js';
import { useWalletActivity, type UseWalletActivityOptions } from './use-wallet-activity.js';

export interface WalletActivityProps
  extends UseWalletActivityOptions, Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  ref?: Ref<HTMLDivElement>;
  /**
   * The level of the card's heading, to fit the page's outline: one below the heading of the
   * section it sits in (2 under the page's `<h1>`).
   * @default 2
   */
  headingLevel?: HeadingLevel | undefined;
}

const SOURCE = 'WalletActivity';
const TONES = { pending: 'warning', posted: 'success', void: undefined } as const;

/**
 * The wallet's activity: each Treasury transaction of the person's financial account (top-ups,
 * returns, money received or taken) with its signed amount, date, pending or posted, and Stripe's
 * receipt where there is one; newest first, 20 at a time with "Load more", kept current by live
 * updates. `data-state`: `loading | empty | ready | error`.
 */
function WalletActivityRender(props: WalletActivityProps): ReactNode {
  const { pageSize, headingLevel, className, ref, ...rest } = props;
  const m = useMessages(walletActivityText, SOURCE);
  const activity = useWalletActivity({ pageSize });
  const Heading = headingTag(headingLevel);
  const row = (item: WalletActivityItem): ReactNode => (
    <ActivityRow key={item.id} item={item} m={m} />
  );
  return (
    <div
      {...rest}
      ref={ref}
      className={cx('purse-Card purse-HistoryList purse-WalletActivity', className)}
      data-state={activity.state.status}
    >
      <Heading className="purse-Heading" {...activity.getHeadingProps()}>
        {m.title}
      </Heading>
      <HistoryListBody list={activity} text={m} renderRow={row} source={SOURCE} />
      <div className="purse-VisuallyHidden" data-slot="live" {...activity.getLiveRegionProps()}>
        {activity.loadedCount === null ? '' : m.showing(activity.loadedCount)}
      </div>
    </div>
  );
}

/** One transaction: what it was, when it posted (or started), its receipt; amount and status. */
function ActivityRow({ item, m }: { item: WalletActivityItem; m: WalletActivityMessages }) {
  const { locale } = usePurseContext(SOURCE);
  const what = item.description ? `${m.kinds[item.kind]}: ${item.description}` : m.kinds[item.kind];
  const posted = item.status === 'posted' && item.postedAt !== null ? item.postedAt : null;
  const tone = TONES[item.status];
  return (
    <HistoryRow
      data={{
        'data-status': item.status,
        'data-kind': item.kind,
        'data-direction': item.amount < 0 ? 'out' : 'in',
      }}
      main={
        <>
          <span data-slot="row-title">{m.kinds[item.kind]}</span>
          {item.description ? <span data-slot="row-description">{item.description}</span> : null}
          <span className="purse-Muted" data-slot="row-meta">
            <HistoryTime at={posted ?? item.created}>
              {posted === null
                ? m.startedOn(formatDate(item.created, { locale }))
                : m.postedOn(formatDate(posted, { locale }))}
            </HistoryTime>
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
        </>
      }
      side={
        <>
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
            {...(tone ? { 'data-tone': tone } : {})}
          >
            {m[item.status]}
          </span>
        </>
      }
    />
  );
}

/** WalletActivity; accepts a `ref` to its root element on React 18 and 19. */
export const WalletActivity = /* @__PURE__ */ withForwardedRef<HTMLDivElement, WalletActivityProps>(
  WalletActivityRender,
  'WalletActivity',
);
