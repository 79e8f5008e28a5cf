/** The top-up's steps as a list: done, current (`aria-current="step"`), expected, skipped. */
import type { TimelineStep } from '@purse/core';
import type { ReactNode } from 'react';
import type { TransferDetailsMessages } from './details-messages.js';

export interface TransferTimelineProps {
  /** From core's `transferTimeline(topUp)`. */
  steps: TimelineStep[];
  /** Formats a step's time (unix seconds) in the provider's locale. */
  formatTime: (unixSeconds: number) => string;
  m: TransferDetailsMessages;
  /** From `getTimelineProps()`. */
  listProps: { id: string; 'aria-label': string };
}

export function TransferTimeline(props: TransferTimelineProps): ReactNode {
  const { m } = props;
  return (
    <ol {...props.listProps} data-slot="timeline">
      {props.steps.map((step) => (
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
              {props.formatTime(step.at)}
            </time>
          )}
        </li>
      ))}
    </ol>
  );
}
