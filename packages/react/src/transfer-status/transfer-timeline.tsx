/** The top-up's steps as a list: done, current (`aria-current="step"`), expected, skipped. */
import { formatDateTime, transferTimeline, type PurseLocale, type TopUp } from '@purse/core';
import type { ReactNode } from 'react';
import type { TransferStatusMessages } from './messages.js';

export interface TransferTimelineProps {
  topUp: TopUp;
  locale: PurseLocale;
  m: TransferStatusMessages;
  /** From `getTimelineProps()`. */
  listProps: { id: string; 'aria-label': string };
}

export function TransferTimeline(props: TransferTimelineProps): ReactNode {
  const { topUp, locale, m } = props;
  return (
    <ol {...props.listProps} data-slot="timeline">
      {transferTimeline(topUp).map((step) => (
        <li
          key={step.key}
          data-step={step.key}
          data-step-state={step.state}
          aria-current={step.state === 'current' ? 'step' : undefined}
        >
          <span data-slot="marker" aria-hidden="true" />
          <span data-slot="step-label">
            {m.steps[step.key]}
            <span className="purse-VisuallyHidden"> ({m.stepStates[step.state]})</span>
          </span>
          {step.at === null ? null : (
            <time data-slot="step-time" dateTime={new Date(step.at * 1000).toISOString()}>
              {formatDateTime(step.at, { locale })}
            </time>
          )}
        </li>
      ))}
    </ol>
  );
}
