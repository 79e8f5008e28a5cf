/**
 * A failed or returned top-up's note in plain form: its title, and (once nothing more is coming)
 * the server's plain-English message or the return's explanation (when the details' words came). Shown while the full note's
 * code downloads (`busy`), or instead of it when that download failed, rather than a broken card.
 */
import type { TopUp, TransferPhase } from '@purse/core';
import type { ReactNode } from 'react';
import type { TransferStatusMessages } from './messages.js';

export interface PlainNoteProps {
  phase: TransferPhase;
  topUp: TopUp;
  /** The return's explanation, when the details' words are at hand. */
  returnedBody?: string | undefined;
  m: TransferStatusMessages;
  /** While the full note downloads: the title only, marked busy. */
  busy: boolean;
}

export function PlainNote(props: PlainNoteProps): ReactNode {
  const { phase, m, busy } = props;
  if (phase !== 'failed' && phase !== 'returned') return null;
  const failed = phase === 'failed';
  return (
    <div
      className="purse-Alert"
      data-tone={failed ? 'danger' : 'warning'}
      data-slot={failed ? 'failure' : 'returned'}
      aria-busy={busy || undefined}
    >
      <strong>{failed ? m.failedTitle : m.returnedTitle}</strong>
      {busy ? null : <span>{failed ? props.topUp.failure?.message : props.returnedBody}</span>}
    </div>
  );
}
