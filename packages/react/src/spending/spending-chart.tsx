/**
 * `<SpendingChart>`: money out per day, week or month for the last 30, 90 or 180 days, pending
 * drawn apart from posted, with the top merchants and a table that carries the same figures for
 * screen readers (and for anyone who prefers numbers). The drawing code (a charting library) is loaded
 * lazily, in the browser only.
 */
import {
  formatIsoDate,
  formatIsoDateRange,
  formatMoney,
  resolveIntlLocale,
  SPENDING_BUCKET_SIZES,
  SPENDING_RANGES,
  type PurseLocale,
  type SpendingBucket,
  type SpendingSummary,
} from '@purse/core';
import {
  Component,
  lazy,
  Suspense,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type CSSProperties,
  type HTMLAttributes,
  type ReactNode,
  type Ref,
} from 'react';
import { commonText, describeError, useMessages } from '../i18n/use-messages.js';
import { usePurseContext } from '../provider/purse-context.js';
import { cx } from '../utils/cx.js';
import { spendingText, type SpendingMessages } from './messages.js';
import { loadSpendingBars, type SpendingBarDatum } from './spending-bars-loader.js';
import { useSpending, type UseSpendingOptions, type UseSpendingResult } from './use-spending.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';
import { ErrorNotice } from '../ui/error-notice.js';

const SpendingBars = lazy(loadSpendingBars);

export type SpendingChartView = 'chart' | 'table';

export interface SpendingChartProps
  extends UseSpendingOptions, Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /** The card's title. @default 'Spending', in the provider's locale */
  heading?: ReactNode;
  /** The level of the card's heading (the merchants' list gets the next one). @default 3 */
  headingLevel?: 2 | 3;
  /**
   * Show the chart or the table first (the user can switch).
   * @default 'chart'
   */
  defaultView?: SpendingChartView;
  ref?: Ref<HTMLElement>;
}

/**
 * If the chart's code cannot be loaded (a failed chunk download), show the table instead of
 * letting the error take the page down.
 */
class ChartBoundary extends Component<
  { onError: () => void; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(): void {
    this.props.onError();
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

const noSubscription = (): (() => void) => () => undefined;

/** False on the server and while hydrating, true after: the lazy chart only loads then. */
function useIsClient(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** Renders `template(amount)` with the amount as a node (translations may move it around). */
function withAmount(template: (amount: string) => string, amount: ReactNode): ReactNode {
  const marker = '\uE000';
  const [before = '', after = ''] = template(marker).split(marker);
  return (
    <>
      {before}
      {amount}
      {after}
    </>
  );
}

function periodOf(bucket: SpendingBucket, locale: PurseLocale): string {
  return bucket.start === bucket.end
    ? formatIsoDate(bucket.start, { locale })
    : formatIsoDateRange(bucket.start, bucket.end, { locale });
}

/** Placeholder bars (decorative). */
function GhostBars(): ReactNode {
  return (
    <span data-slot="skeleton-bars" aria-hidden="true">
      {[48, 72, 36, 90, 60, 80, 42, 66, 54, 30, 76, 58].map((height, i) => (
        <span
          key={i}
          className="purse-Skeleton"
          style={{ '--purse-skeleton-height': `${height}%` } as CSSProperties}
        />
      ))}
    </span>
  );
}

function ChartSkeleton(props: { label: string }): ReactNode {
  return (
    <div data-slot="skeleton" aria-busy="true">
      <span className="purse-VisuallyHidden">{props.label}</span>
      <span className="purse-Skeleton" data-slot="skeleton-total" aria-hidden="true" />
      <GhostBars />
    </div>
  );
}

function Segmented<T extends string | number>(props: {
  slot: string;
  label: string;
  options: readonly T[];
  value: T;
  optionLabel: (value: T) => string;
  onChange: (value: T) => void;
}): ReactNode {
  const name = useId();
  return (
    <fieldset className="purse-Segmented" data-slot={props.slot}>
      <legend className="purse-VisuallyHidden">{props.label}</legend>
      {props.options.map((option) => (
        <label key={option} data-checked={option === props.value ? '' : undefined}>
          <input
            type="radio"
            name={name}
            value={String(option)}
            checked={option === props.value}
            onChange={() => props.onChange(option)}
          />
          <span>{props.optionLabel(option)}</span>
        </label>
      ))}
    </fieldset>
  );
}

function SpendingTable(props: {
  id: string;
  summary: SpendingSummary;
  hidden: boolean;
  includeInflow: boolean;
  range: number;
  bucket: UseSpendingResult['bucket'];
  money: (amount: number) => string;
  locale: PurseLocale;
  t: SpendingMessages;
}): ReactNode {
  const { summary, includeInflow, money, locale, t } = props;
  const captionId = useId();
  return (
    // Shown, it scrolls (a long daily table), so it takes focus to scroll with the keyboard.
    <div
      id={props.id}
      data-slot="table"
      className={props.hidden ? 'purse-VisuallyHidden' : undefined}
      {...(props.hidden ? {} : { role: 'region', 'aria-labelledby': captionId, tabIndex: 0 })}
    >
      <table>
        <caption id={captionId}>{t.tableCaption(props.bucket, props.range)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columnPeriod}</th>
            <th scope="col">{t.columnPosted}</th>
            <th scope="col">{t.columnPending}</th>
            {includeInflow ? <th scope="col">{t.columnInflow}</th> : null}
          </tr>
        </thead>
        <tbody>
          {summary.buckets.map((bucket) => (
            <tr key={bucket.start}>
              <th scope="row">{periodOf(bucket, locale)}</th>
              <td>{money(bucket.outPosted)}</td>
              <td>{money(bucket.outPending)}</td>
              {includeInflow ? <td>{money(bucket.inPosted + bucket.inPending)}</td> : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.totalRow}</th>
            <td>{money(summary.totals.outPosted)}</td>
            <td>{money(summary.totals.outPending)}</td>
            {includeInflow ? (
              <td>{money(summary.totals.inPosted + summary.totals.inPending)}</td>
            ) : null}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function TopMerchants(props: {
  level: 3 | 4;
  summary: SpendingSummary;
  money: (amount: number) => string;
  t: SpendingMessages;
}): ReactNode {
  const headingId = useId();
  const { summary, money, t } = props;
  const Heading = props.level === 3 ? 'h3' : 'h4';
  const largest = summary.topMerchants[0]?.amount ?? 0;
  if (summary.topMerchants.length === 0) return null;
  return (
    <section data-slot="merchants" aria-labelledby={headingId}>
      <Heading className="purse-Heading" id={headingId}>
        {t.topMerchants}
      </Heading>
      <ol>
        {summary.topMerchants.map((merchant) => (
          <li key={merchant.name}>
            <span data-slot="merchant-name">{merchant.name}</span>
            <span data-slot="merchant-amount" className="purse-Amount">
              {money(merchant.amount)}
            </span>
            <span data-slot="merchant-count" className="purse-Muted">
              {t.purchases(merchant.count)}
            </span>
            <span
              data-slot="merchant-share"
              aria-hidden="true"
              style={
                {
                  '--purse-merchant-share': `${largest > 0 ? Math.max(2, Math.round((merchant.amount / largest) * 100)) : 0}%`,
                } as CSSProperties
              }
            />
          </li>
        ))}
      </ol>
    </section>
  );
}

export interface SpendingViewProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /** What `useSpending()` returned: the view shows it and calls its commands. */
  spending: UseSpendingResult;
  /** The card's title. @default 'Spending', in the provider's locale */
  heading?: ReactNode;
  /** The level of the card's heading (the merchants' list gets the next one). @default 3 */
  headingLevel?: 2 | 3;
  /** Show the chart or the table first (the user can switch). @default 'chart' */
  defaultView?: SpendingChartView;
  ref?: Ref<HTMLElement>;
}

/** The markup for a `useSpending` result (the hook's state in, the card out). */
function SpendingViewRender(props: SpendingViewProps): ReactNode {
  const {
    spending,
    heading,
    headingLevel = 3,
    defaultView = 'chart',
    className,
    ref,
    ...rest
  } = props;
  const { locale } = usePurseContext('SpendingChart');
  const t = useMessages(spendingText, 'SpendingChart');
  const common = useMessages(commonText, 'SpendingChart');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const isClient = useIsClient();
  const [view, setView] = useState<SpendingChartView>(defaultView);
  const headingId = useId();
  const tableId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { state, range, bucket, includeInflow, currency } = spending;

  const summary =
    state.status === 'ready' || state.status === 'empty' || state.status === 'loading'
      ? state.summary
      : null;

  const formats = useMemo(() => {
    const count = new Intl.NumberFormat(resolveIntlLocale(locale));
    return {
      money: (amount: number) => formatMoney(Math.round(amount), { currency, locale }),
      axis: (amount: number) => formatMoney(amount, { currency, locale, compact: true }),
      count: (n: number) => count.format(n),
    };
  }, [currency, locale]);

  const bars = useMemo<SpendingBarDatum[]>(
    () =>
      (summary?.buckets ?? []).map((b) => ({
        key: b.start,
        tick: formatIsoDate(b.start, { locale, style: 'short' }),
        period: periodOf(b, locale),
        outPosted: b.outPosted,
        outPending: b.outPending,
        inPosted: b.inPosted,
        inPending: b.inPending,
      })),
    [summary, locale],
  );

  const retry = (): void => {
    spending.retry();
    // The alert and its button go away: keep focus in the card.
    headingRef.current?.focus();
  };

  // What the live region says (and shows, for progress): pages arriving, a refresh awaited.
  let status: { text: string; visible: boolean; busy: boolean } = {
    text: '',
    visible: false,
    busy: false,
  };
  switch (state.status) {
    case 'loading':
      status = {
        text: state.summary ? t.progress(state.loaded, formats.count(state.loaded)) : '',
        visible: state.summary !== null,
        busy: true,
      };
      break;
    case 'refreshing-transactions':
      status = { text: t.fetchingTitle, visible: true, busy: true };
      break;
    case 'ready':
    case 'empty':
      status = state.updating
        ? { text: t.updating, visible: true, busy: true }
        : state.status === 'empty'
          ? {
              text: includeInflow ? t.emptyInflowTitle(range) : t.emptyTitle(range),
              visible: false,
              busy: false,
            }
          : status;
      break;
    case 'permission_missing':
      status = { text: t.permissionTitle, visible: false, busy: false };
      break;
    case 'failed':
    case 'error':
      // Announced by their role="alert".
      break;
    default:
      state satisfies never;
  }

  const showControls = summary !== null || state.status === 'loading';
  const showData = summary !== null && state.status !== 'empty';

  let body: ReactNode = null;
  switch (state.status) {
    case 'loading':
      if (!state.summary) body = <ChartSkeleton label={common.loading} />;
      break;
    case 'refreshing-transactions':
      body = (
        <div data-slot="fetching">
          <p className="purse-Muted">{t.fetchingDetail}</p>
          <GhostBars />
        </div>
      );
      break;
    case 'empty':
      body = (
        <div data-slot="empty">
          <p data-slot="empty-title">
            {includeInflow ? t.emptyInflowTitle(range) : t.emptyTitle(range)}
          </p>
          {range < 180 ? <p className="purse-Muted">{t.emptyHint}</p> : null}
        </div>
      );
      break;
    case 'permission_missing':
      body = (
        <div className="purse-Alert" data-tone="warning" data-slot="permission">
          <strong>{t.permissionTitle}</strong>
          <span>{t.permissionDetail}</span>
        </div>
      );
      break;
    case 'failed':
      body = (
        <ErrorNotice
          tone="warning"
          slot="failed"
          title={t.failedTitle}
          message={t.failedDetail}
          retryLabel={common.retry}
          onRetry={retry}
        />
      );
      break;
    case 'error': {
      const { code } = state.error;
      const message =
        code === 'account_inactive'
          ? t.accountInactive
          : code === 'account_disconnected'
            ? t.accountDisconnected
            : code === 'refresh_not_available'
              ? t.refreshNotAvailable
              : describeError(state.error, common);
      body = (
        <ErrorNotice
          title={common.errorTitle}
          message={message}
          retryLabel={common.retry}
          onRetry={retry}
        />
      );
      break;
    }
    case 'ready':
      break;
    default:
      state satisfies never;
  }

  const highest = summary?.buckets.reduce<SpendingBucket | null>(
    (top, b) => (b.outPosted + b.outPending > (top ? top.outPosted + top.outPending : 0) ? b : top),
    null,
  );

  return (
    <section
      ref={ref}
      className={cx('purse-Card purse-SpendingChart', className)}
      data-state={state.status}
      data-view={showData ? view : undefined}
      aria-labelledby={headingId}
      {...rest}
    >
      <div data-slot="header">
        <div data-slot="title-row">
          <Heading className="purse-Heading" id={headingId} ref={headingRef} tabIndex={-1}>
            {heading ?? t.title}
          </Heading>
          {showData ? (
            <button
              type="button"
              className="purse-Button"
              data-variant="secondary"
              data-size="small"
              data-slot="view-toggle"
              aria-controls={tableId}
              onClick={() => setView(view === 'chart' ? 'table' : 'chart')}
            >
              {view === 'chart' ? t.showTable : t.showChart}
            </button>
          ) : null}
        </div>
        {summary ? (
          <>
            <p data-slot="totals">
              {withAmount(
                t.spent,
                <span className="purse-Amount" data-size="large" data-slot="amount">
                  {formats.money(summary.totals.outPosted)}
                </span>,
              )}
              {summary.totals.outPending > 0 ? (
                <span data-slot="pending-total">
                  {' · '}
                  {t.pending(formats.money(summary.totals.outPending))}
                </span>
              ) : null}
              {includeInflow ? (
                <span data-slot="inflow-total">
                  {' · '}
                  {t.moneyIn(formats.money(summary.totals.inPosted + summary.totals.inPending))}
                </span>
              ) : null}
            </p>
            <p className="purse-Muted" data-slot="period">
              {t.period(
                range,
                formatIsoDateRange(summary.range.from, summary.range.to, { locale }),
              )}
            </p>
          </>
        ) : null}
      </div>

      {showControls ? (
        <div data-slot="controls">
          <Segmented
            slot="range"
            label={t.rangeLabel}
            options={SPENDING_RANGES}
            value={range}
            optionLabel={t.rangeOption}
            onChange={spending.setRange}
          />
          <Segmented
            slot="bucket"
            label={t.bucketLabel}
            options={SPENDING_BUCKET_SIZES}
            value={bucket}
            optionLabel={(size) => t.bucketOption[size]}
            onChange={spending.setBucket}
          />
          <label className="purse-Switch" data-slot="inflow">
            <input
              type="checkbox"
              role="switch"
              checked={includeInflow}
              onChange={(event) => spending.setIncludeInflow(event.currentTarget.checked)}
            />
            <span data-slot="track" aria-hidden="true">
              <span data-slot="thumb" />
            </span>
            <span>{t.includeInflow}</span>
          </label>
        </div>
      ) : null}

      <p
        data-slot="status"
        aria-live="polite"
        className={status.visible ? 'purse-Muted' : 'purse-VisuallyHidden'}
      >
        {status.visible && status.busy ? (
          <span className="purse-Spinner" aria-hidden="true" />
        ) : null}
        {status.text}
      </p>

      {spending.accountsWithoutPermission.length > 0 && state.status !== 'permission_missing' ? (
        <p className="purse-Muted" data-slot="note">
          {t.permissionSome(spending.accountsWithoutPermission.length)}
        </p>
      ) : null}

      {body}

      {showData ? (
        <div data-slot="data">
          {view === 'chart' ? (
            <figure data-slot="chart">
              <div data-slot="plot" aria-hidden="true">
                {isClient ? (
                  <ChartBoundary onError={() => setView('table')}>
                    <Suspense
                      fallback={<span className="purse-Skeleton" data-slot="plot-loading" />}
                    >
                      <SpendingBars
                        data={bars}
                        includeInflow={includeInflow}
                        formatAxis={formats.axis}
                        formatExact={formats.money}
                        labels={{
                          posted: t.legendPosted,
                          pending: t.legendPending,
                          inflow: t.legendInflow,
                          inflowPending: t.legendInflowPending,
                        }}
                      />
                    </Suspense>
                  </ChartBoundary>
                ) : (
                  <span className="purse-Skeleton" data-slot="plot-loading" />
                )}
              </div>
              <figcaption className="purse-VisuallyHidden">
                {t.chartSummary({
                  bucket,
                  bars: summary.buckets.length,
                  highest: highest
                    ? {
                        period: periodOf(highest, locale),
                        amount: formats.money(highest.outPosted + highest.outPending),
                      }
                    : null,
                })}
              </figcaption>
              <ul data-slot="legend">
                <li data-series="posted">
                  <span data-slot="swatch" aria-hidden="true" />
                  {t.legendPosted}
                </li>
                <li data-series="pending">
                  <span data-slot="swatch" aria-hidden="true" />
                  {t.legendPending}
                </li>
                {includeInflow ? (
                  <li data-series="inflow">
                    <span data-slot="swatch" aria-hidden="true" />
                    {t.legendInflow}
                  </li>
                ) : null}
              </ul>
            </figure>
          ) : null}
          <SpendingTable
            id={tableId}
            summary={summary}
            hidden={view === 'chart'}
            includeInflow={includeInflow}
            range={range}
            bucket={bucket}
            money={formats.money}
            locale={locale}
            t={t}
          />
          <TopMerchants
            level={headingLevel === 2 ? 3 : 4}
            summary={summary}
            money={formats.money}
            t={t}
          />
        </div>
      ) : null}
    </section>
  );
}

/**
 * Spending for one linked account (or several): totals, a bar chart per day, week or month,
 * top merchants, and a table with the same figures. See `useSpending` for the data behaviour.
 */
function SpendingChartRender(props: SpendingChartProps): ReactNode {
  const {
    accountId,
    accountIds,
    range,
    defaultRange,
    onRangeChange,
    bucket,
    defaultBucket,
    onBucketChange,
    includeInflow,
    defaultIncludeInflow,
    onIncludeInflowChange,
    topMerchants,
    timeZone,
    currency,
    ...viewProps
  } = props;
  const spending = useSpending({
    accountId,
    accountIds,
    range,
    defaultRange,
    onRangeChange,
    bucket,
    defaultBucket,
    onBucketChange,
    includeInflow,
    defaultIncludeInflow,
    onIncludeInflowChange,
    topMerchants,
    timeZone,
    currency,
  });
  return <SpendingView spending={spending} {...viewProps} />;
}

/** The view alone, for a custom hook setup; it takes the `useSpending` result as `spending`. */
export const SpendingView = /* @__PURE__ */ withForwardedRef<HTMLElement, SpendingViewProps>(
  SpendingViewRender,
  'SpendingView',
);

/** SpendingChart; accepts a `ref` to its root element on React 18 and 19. */
export const SpendingChart = /* @__PURE__ */ withForwardedRef<HTMLElement, SpendingChartProps>(
  SpendingChartRender,
  'SpendingChart',
);
