import type { CSSProperties, ReactNode, Ref } from 'react';
import { commonText, useMessages } from '../i18n/use-messages.js';
import { cx } from '../utils/cx.js';
import { GhostBars } from './ghost-bars.js';
import { spendingText } from './messages.js';

export interface SpendingPlaceholderProps {
  heading?: ReactNode;
  headingLevel?: 2 | 3 | undefined;
  className?: string | undefined;
  style?: CSSProperties | undefined;
  rootRef?: Ref<HTMLElement> | undefined;
}

/**
 * The card while the spending code downloads (and on the server): its heading and the same
 * skeleton as the first data load, so nothing moves when the live view takes over.
 */
export function SpendingPlaceholder(props: SpendingPlaceholderProps): ReactNode {
  const t = useMessages(spendingText, 'SpendingChart');
  const common = useMessages(commonText, 'SpendingChart');
  const { heading, headingLevel, className, style, rootRef } = props;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section
      ref={rootRef}
      style={style}
      className={cx('purse-Card purse-SpendingChart', className)}
      data-state="loading"
    >
      <div data-slot="header">
        <div data-slot="title-row">
          <Heading className="purse-Heading">{heading ?? t.title}</Heading>
        </div>
      </div>
      <div data-slot="skeleton" aria-busy="true">
        <span className="purse-VisuallyHidden">{common.loading}</span>
        <span className="purse-Skeleton" data-slot="skeleton-total" aria-hidden="true" />
        <GhostBars />
      </div>
    </section>
  );
}
