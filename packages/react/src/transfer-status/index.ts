export {
  TRANSFER_PHASE_TONES,
  TransferPhaseBadge,
  TransferStatus,
  topUpSourceName,
} from './transfer-status.js';
export type { TransferPhaseBadgeProps, TransferStatusProps } from './transfer-status.js';
export { useInboundTransfer } from './use-inbound-transfer.js';
export type {
  CancelState,
  InboundTransferState,
  UseInboundTransferOptions,
  UseInboundTransferResult,
} from './use-inbound-transfer.js';
// The failure words (`failureMessages`, `failureActionMessages`) are left out of this barrel:
// they are downloaded only when a failure shows (see outcome-note-loader.tsx).
export type { FailureActionMessages } from './failure-messages.js';
export type { FailureActionOptions } from './outcome-note.js';
export { transferStatusMessages } from './messages.js';
export type { TransferStatusMessages } from './messages.js';
// The details' words load with the details (see details-loader.tsx): their type only.
export type { TransferDetailsMessages } from './details-messages.js';
export type { InboundTransferIds, InboundTransferPropGetters } from './transfer-prop-getters.js';
