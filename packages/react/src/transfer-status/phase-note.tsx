/** One line on where a top-up stands while it is under way, done or canceled. */
import type { TransferPhase } from '@purse/core';
import type { ReactNode } from 'react';
import type { TransferDetailsMessages } from './details-messages.js';

export interface PhaseNoteProps {
  /** Failures and returns have their own note (`OutcomeNote`). */
  phase: Exclude<TransferPhase, 'failed' | 'returned'>;
  m: TransferDetailsMessages;
}

const NOTE_KEYS = {
  review: 'reviewNote',
  processing: 'processingNote',
  succeeded: 'succeededNote',
  canceled: 'canceledNote',
} as const;

export function PhaseNote(props: PhaseNoteProps): ReactNode {
  const { phase, m } = props;
  const text = m[NOTE_KEYS[phase]];
  return phase === 'succeeded' ? (
    <p data-slot="note" data-tone="success">
      {text}
    </p>
  ) : (
    <p className="purse-Muted" data-slot="note">
      {text}
    </p>
  );
}
