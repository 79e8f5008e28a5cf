import type { SpendingBucketSize, SpendingSummary } from '@purse/core';
import { useId, type ReactNode } from 'react';
import type { SpendingMessages } from './messages.js';
import type { SpendingFormats } from './spending-formats.js';

export interface SpendingTableProps {
  tableProps: { id: string };
  summary: SpendingSummary;
  /** Kept for screen readers (visually hidden) while the chart is shown. */
  hidden: boolean;
  includeInflow: boolean;
  range: number;
  bucket: SpendingBucketSize;
  formats: SpendingFormats;
  t: SpendingMessages;
}

/** The chart's figures as a table: one row per bar, then the totals. */
export function SpendingTable(props: SpendingTableProps): ReactNode {
  const { summary, includeInflow, formats, t } = props;
  const captionId = useId();
  const money = formats.money;
  return (
    // Shown, it scrolls (a long daily table), so it takes focus to scroll with the keyboard.
    <div
      {...props.tableProps}
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
              <th scope="row">{formats.period(bucket)}</th>
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
