/** A top-up's phase as a coloured badge, and its source's name: shared with the top-up history. */
import type { TopUp, TransferPhase } from '@purse/core';
import type { ReactNode } from 'react';
import { useMessages } from '../i18n/use-messages.js';
import { transferStatusText, type TransferStatusMessages } from './messages.js';

/** The badge colour for each phase. */
export const TRANSFER_PHASE_TONES: Readonly<
  Record<TransferPhase, 'info' | 'success' | 'danger' | 'warning' | 'neutral'>
> = {
  review: 'warning',
  processing: 'info',
  succeeded: 'success',
  failed: 'danger',
  canceled: 'neutral',
  returned: 'warning',
};

/** A top-up's phase as a coloured badge ("Processing", "Returned", …). */
export interface TransferPhaseBadgeProps {
  /** The phase to show, from `transferPhase(topUp)` (@purse/core). */
  phase: TransferPhase;
}

export function TransferPhaseBadge(props: TransferPhaseBadgeProps): ReactNode {
  const m = useMessages(transferStatusText, 'TransferPhaseBadge');
  return (
    <span className="purse-Badge" data-tone={TRANSFER_PHASE_TONES[props.phase]} data-slot="badge">
      {m.phases[props.phase]}
    </span>
  );
}

/** "STRIPEBANK ••6789", or "Bank account" when the bank is unknown. */
export function topUpSourceName(topUp: TopUp, m: TransferStatusMessages): string {
  const bank = topUp.source?.bankName ?? m.unknownBank;
  return m.sourceName(bank, topUp.source?.last4 ?? null);
}
