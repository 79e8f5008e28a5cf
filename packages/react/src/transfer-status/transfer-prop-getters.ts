/**
 * What a view of a top-up spreads on its elements to stay accessible, in the manner of
 * react-aria's and downshift's prop getters: the card labelled by its heading, a polite status
 * region that announces each change of phase, the timeline's id, and the cancel flow's buttons
 * with the focus moves between them (to the question, to an error, back to the button, and to the
 * heading once the button is gone). `<TransferStatus>` uses only these, so a custom view built
 * from `useInboundTransfer()` can do what it does.
 */
import { useEffect, useId, useRef, type RefObject } from 'react';
import type { CancelState, InboundTransferState } from './use-inbound-transfer.js';

/** Element ids, for `aria-labelledby` and `aria-describedby` in a view. */
export interface InboundTransferIds {
  /** The card's heading, which labels the card. */
  heading: string;
  /** The status region (phase changes are announced in it). */
  status: string;
  /** The timeline's list. */
  timeline: string;
  /** The "Cancel this top-up?" question, which labels its buttons' group. */
  cancelPrompt: string;
}

export interface InboundTransferPropGetters {
  ids: InboundTransferIds;
  /** The card: a group named by its heading, with the state for styling. */
  getRootProps: () => {
    role: 'group';
    'aria-labelledby': string;
    'data-state': InboundTransferState['status'];
  };
  /** The heading: focusable from script, so focus stays in the card after a cancel. */
  getHeadingProps: () => { id: string; tabIndex: -1; ref: RefObject<HTMLHeadingElement | null> };
  /** A visually hidden element that announces each change of phase (it carries the words). */
  getStatusRegionProps: () => {
    id: string;
    'aria-live': 'polite';
    'aria-atomic': true;
    children: string;
  };
  /** The timeline's `<ol>`. */
  getTimelineProps: () => { id: string; 'aria-label': string };
  /** "Cancel top-up": asks for confirmation. Render it only while `canCancel`. */
  getCancelButtonProps: () => {
    type: 'button';
    ref: RefObject<HTMLButtonElement | null>;
    onClick: () => void;
  };
  /** The question's group while confirming or canceling. */
  getCancelGroupProps: () => { role: 'group'; 'aria-labelledby': string };
  /** The question itself, focused when it appears. */
  getCancelPromptProps: () => {
    id: string;
    tabIndex: -1;
    ref: RefObject<HTMLParagraphElement | null>;
  };
  /** "Yes, cancel": inert (but focusable) while the cancel is under way. */
  getConfirmCancelButtonProps: () => {
    type: 'button';
    'aria-disabled': true | undefined;
    onClick: (() => void) | undefined;
  };
  /** "Keep top-up": drops the question. */
  getDismissCancelButtonProps: () => {
    type: 'button';
    'aria-disabled': true | undefined;
    onClick: (() => void) | undefined;
  };
  /** Why the cancel failed: an alert, focused when it appears. */
  getCancelErrorProps: () => {
    role: 'alert';
    tabIndex: -1;
    ref: RefObject<HTMLDivElement | null>;
  };
}

interface GetterInputs {
  state: InboundTransferState;
  cancel: CancelState;
  /** The latest phase change in words ("Top-up of $25.00 succeeded"), or ''. */
  announcement: string;
  timelineLabel: string;
  requestCancel: () => void;
  confirmCancel: () => void;
  dismissCancel: () => void;
}

/** The ids, refs and focus moves of one view of a top-up. */
export function useInboundTransferPropGetters(input: GetterInputs): InboundTransferPropGetters {
  const base = useId();
  const ids: InboundTransferIds = {
    heading: `${base}heading`,
    status: `${base}status`,
    timeline: `${base}timeline`,
    cancelPrompt: `${base}cancel`,
  };
  const headingRef = useRef<HTMLHeadingElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const promptRef = useRef<HTMLParagraphElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  // Move focus with the cancel flow, so keyboard and screen-reader users follow it.
  const previous = useRef(input.cancel.status);
  const cancelStatus = input.cancel.status;
  useEffect(() => {
    const before = previous.current;
    previous.current = cancelStatus;
    if (before === cancelStatus) return;
    if (cancelStatus === 'confirming') promptRef.current?.focus();
    else if (cancelStatus === 'error') errorRef.current?.focus();
    else if (cancelStatus === 'idle' && before === 'confirming') buttonRef.current?.focus();
  }, [cancelStatus]);

  // After a cancel the button is gone: keep focus in the card.
  const status = input.state.status;
  useEffect(() => {
    if (status === 'canceled' && document.activeElement === document.body)
      headingRef.current?.focus();
  }, [status]);

  const busy = cancelStatus === 'canceling' || undefined;
  return {
    ids,
    getRootProps: () => ({ role: 'group', 'aria-labelledby': ids.heading, 'data-state': status }),
    getHeadingProps: () => ({ id: ids.heading, tabIndex: -1, ref: headingRef }),
    getStatusRegionProps: () => ({
      id: ids.status,
      'aria-live': 'polite',
      'aria-atomic': true,
      children: input.announcement,
    }),
    getTimelineProps: () => ({ id: ids.timeline, 'aria-label': input.timelineLabel }),
    getCancelButtonProps: () => ({ type: 'button', ref: buttonRef, onClick: input.requestCancel }),
    getCancelGroupProps: () => ({ role: 'group', 'aria-labelledby': ids.cancelPrompt }),
    getCancelPromptProps: () => ({ id: ids.cancelPrompt, tabIndex: -1, ref: promptRef }),
    getConfirmCancelButtonProps: () => ({
      type: 'button',
      'aria-disabled': busy,
      onClick: busy ? undefined : input.confirmCancel,
    }),
    getDismissCancelButtonProps: () => ({
      type: 'button',
      'aria-disabled': busy,
      onClick: busy ? undefined : input.dismissCancel,
    }),
    getCancelErrorProps: () => ({ role: 'alert', tabIndex: -1, ref: errorRef }),
  };
}
