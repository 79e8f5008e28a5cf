import {
  TOP_UP_DESCRIPTION_MAX_LENGTH,
  formatMoney,
  resolveIntlLocale,
  type TopUp as TopUpResource,
  type TopUpSource,
} from '@purse/core';
import {
  Suspense,
  lazy,
  useEffect,
  useId,
  useReducer,
  useRef,
  type ComponentPropsWithoutRef,
  type ReactNode,
  type Ref,
  type RefObject,
} from 'react';
import { commonText, type CommonMessages } from '../i18n/catalog.js';
import { messagesFor, type MessageRef } from '../i18n/locale-packs.js';
import { describeError, useMessages } from '../i18n/use-messages.js';
import { usePurseContext } from '../provider/purse-context.js';
import { cx } from '../utils/cx.js';
import { topUpText, type TopUpMessages } from './messages.js';
import { sourceName } from './source-name.js';
import type { TopUpFormKit } from './top-up-form.js';
import { TopUpFormBoundary, lazyTopUpForm, loadTopUpForm } from './top-up-form-loader.js';
import type * as Steps from './top-up-steps.js';
import type { TopUpStepProps, TopUpTrackerActions } from './top-up-steps.js';
import { useTopUp, type TopUpFormStatus, type UseTopUpOptions } from './use-top-up.js';
import { lazyModule } from '../utils/lazy-module.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';

export type { TopUpTrackerActions };

/** The review, started and error steps: one download, started when a form shows. */
// Pure: an app that imports other components from the barrel keeps none of this.
const steps = /* @__PURE__ */ lazyModule<typeof Steps>(() => import('./top-up-steps.js'));
const TopUpStep = /* @__PURE__ */ lazy(steps.load);

export interface TopUpProps
  extends UseTopUpOptions, Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'onSubmit'> {
  ref?: Ref<HTMLDivElement>;
  /**
   * Where the money goes, in the words your product uses ("Maya's Purse"): the subtitle and the
   * review's "To" say it. @default "your wallet", in the provider's locale
   */
  destinationName?: string | undefined;
  /**
   * Called from the empty state's "Link a bank account" button, to start linking (for example
   * by opening `<LinkBankAccount>`). Without it, and without `linkSlot`, the button is not shown.
   */
  onLinkRequest?: (() => void) | undefined;
  /** Rendered in the empty state in place of the default button, such as your own link flow. */
  linkSlot?: ReactNode;
  /**
   * Shown under the started top-up's heading, typically its live tracker:
   * `(topUp, { startOver }) => <TransferStatus topUpId={topUp.id} initialTopUp={topUp} />`.
   * `startOver({ focus: 'amount' | 'source' })` takes the person back to the form (what they
   * entered kept, that field focused), for a failure's "Try a smaller amount" or "Choose another
   * account". Not built in, so importing `TopUp` does not ship the tracker's code.
   */
  renderTracker?: ((topUp: TopUpResource, actions: TopUpTrackerActions) => ReactNode) | undefined;
}

/**
 * Moves focus with the flow, but never on the first render (don't steal the page's focus).
 * A step still downloading takes focus when it shows: call the returned `onStepShown` then.
 */
function useStepFocus(
  topUp: ReturnType<typeof useTopUp>,
  refs: Pick<TopUpStepProps, 'reviewHeading' | 'errorRef' | 'submittedHeading'>,
): () => void {
  const { state } = topUp;
  const previous = useRef<TopUpFormStatus>(state.status);
  const waiting = useRef<{ focus(): void } | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = state.status;
    waiting.current = null;
    if (before === state.status) return;
    const focus = (ref: RefObject<{ focus(): void } | null>): void => {
      if (ref.current) ref.current.focus();
      else waiting.current = { focus: () => ref.current?.focus() };
    };
    if (state.status === 'confirming' && before === 'editing') focus(refs.reviewHeading);
    else if (state.status === 'editing' && before !== 'loading-sources' && before !== 'no-sources')
      topUp.focusField(state.focus ?? 'amount');
    else if (state.status === 'error') focus(refs.errorRef);
    else if (state.status === 'submitted') focus(refs.submittedHeading);
    // Only the status drives focus (focusField and the refs never change).
  }, [state]);
  return () => {
    waiting.current?.focus();
    waiting.current = null;
  };
}

/** The card's body before and while the form shows (the later steps load on demand). */
function FormBody(props: {
  topUp: ReturnType<typeof useTopUp>;
  m: TopUpMessages;
  common: CommonMessages;
  kit: TopUpFormKit;
  titleId: string;
  linkSlot: ReactNode;
  onLinkRequest: (() => void) | undefined;
}): ReactNode {
  const { topUp, m, common } = props;
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const editing = topUp.state.status === 'editing';
  // The form downloads at once, in parallel with the sources request.
  useEffect(() => void loadTopUpForm().catch(() => undefined), []);
  useEffect(() => {
    if (editing) void steps.load().catch(() => undefined);
  }, [editing]);
  if (topUp.state.status === 'no-sources')
    return (
      <div data-slot="empty">
        <p data-slot="empty-title">{m.noSourcesTitle}</p>
        <p className="purse-Muted">{m.noSourcesBody}</p>
        {props.linkSlot ??
          (props.onLinkRequest ? (
            <button type="button" className="purse-Button" onClick={props.onLinkRequest}>
              {m.linkBank}
            </button>
          ) : null)}
      </div>
    );
  if (!editing) return <Loading label={common.loading} />;
  const Form = lazyTopUpForm();
  return (
    <TopUpFormBoundary common={common} onRetry={rerender}>
      <Suspense fallback={<Loading label={common.loading} />}>
        <Form topUp={topUp} kit={props.kit} titleId={props.titleId} />
      </Suspense>
    </TopUpFormBoundary>
  );
}

function Loading(props: { label: string }): ReactNode {
  return (
    <div data-slot="skeleton" aria-busy="true">
      <span className="purse-VisuallyHidden">{props.label}</span>
      <span className="purse-Skeleton" data-slot="skeleton-source" />
      <span className="purse-Skeleton" data-slot="skeleton-source" />
      <span className="purse-Skeleton" data-slot="skeleton-field" />
    </div>
  );
}

const FORM_STATES: ReadonlySet<TopUpFormStatus> = new Set([
  'loading-sources',
  'no-sources',
  'editing',
]);

/**
 * Adds money from a linked bank to the user's wallet (their Treasury financial account): a form
 * (bank, amount, optional description and same-day), a review step, then the transfer's
 * progress. `data-state`: `loading-sources | no-sources | editing | confirming | submitting |
 * submitted | error`.
 */
function TopUpRender(props: TopUpProps): ReactNode {
  const {
    minAmount,
    maxAmount,
    balanceCheck,
    allowSameDay,
    defaultSourceId,
    quickAmounts,
    onSuccess,
    destinationName,
    onLinkRequest,
    linkSlot,
    renderTracker,
    className,
    ref,
    ...rest
  } = props;
  const { locale } = usePurseContext('TopUp');
  const m = useMessages(topUpText, 'TopUp');
  const common = useMessages(commonText, 'TopUp');
  const topUp = useTopUp({
    minAmount,
    maxAmount,
    balanceCheck,
    allowSameDay,
    defaultSourceId,
    quickAmounts,
    onSuccess,
  });
  const moneyIn = (amount: number, currency: string): string =>
    formatMoney(amount, { currency, locale });
  const money = (amount: number): string => moneyIn(amount, topUp.currency);
  const intlLocale = resolveIntlLocale(locale);
  const nameOf = (source: TopUpSource): string => sourceName(source, m);
  const words = <T,>(ref: MessageRef<T>): T => messagesFor(ref, locale);
  const id = useId();
  const refs = {
    reviewHeading: useRef<HTMLHeadingElement>(null),
    errorRef: useRef<HTMLDivElement>(null),
    submittedHeading: useRef<HTMLHeadingElement>(null),
  };
  const onStepShown = useStepFocus(topUp, refs);
  const status = topUp.state.status;

  return (
    <div
      {...rest}
      ref={ref}
      className={cx('purse-Card purse-TopUp', className)}
      data-state={status}
    >
      <div data-slot="header">
        <h2 className="purse-Heading" id={`${id}-title`}>
          {m.title}
        </h2>
        <p className="purse-Muted" data-slot="subtitle">
          {m.subtitle(destinationName ?? m.yourWallet)}
        </p>
      </div>
      {FORM_STATES.has(status) ? (
        <FormBody
          topUp={topUp}
          m={m}
          common={common}
          kit={{
            money,
            moneyIn,
            nameOf,
            intlLocale,
            descriptionMax: TOP_UP_DESCRIPTION_MAX_LENGTH,
            words,
          }}
          titleId={`${id}-title`}
          linkSlot={linkSlot}
          onLinkRequest={onLinkRequest}
        />
      ) : (
        <Suspense fallback={<Loading label={common.loading} />}>
          <TopUpStep
            {...refs}
            topUp={topUp}
            common={common}
            money={money}
            words={words}
            intlLocale={intlLocale}
            nameOf={nameOf}
            describe={(error) => describeError(error, common)}
            destinationName={destinationName}
            reviewId={`${id}-review`}
            renderTracker={renderTracker}
            onShown={onStepShown}
          />
        </Suspense>
      )}
    </div>
  );
}

/** TopUp; accepts a `ref` to its root element on React 18 and 19. */
export const TopUp = /* @__PURE__ */ withForwardedRef<HTMLDivElement, TopUpProps>(
  TopUpRender,
  'TopUp',
);
