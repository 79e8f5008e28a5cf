/**
 * What `TopUpFormStore` (at `@purse/core/top-up-form`, downloaded lazily) uses from
 * `@purse/core`'s main entry, handed to it rather than imported: a module of the lazy entry that
 * imported a file the main entry reaches would make esbuild hoist that file's code, and a chunk
 * boundary, into the first load of every app, whatever component it renders. Also what a view
 * shows while the store's code is on its way.
 */
import { toPurseError, type PurseError } from '../../contract/errors.js';
import type { TopUp, TopUpSource } from '../../contract/types.js';
import { resolveIntlLocale, type LocaleInput } from '../../locale/locale.js';
import { minorUnitDigits } from '../../money/minor-unit-digits.js';
import {
  TOP_UP_CURRENCY,
  TOP_UP_DESCRIPTION_MAX_LENGTH,
  sourceAvailable,
  topUpLimits,
} from '../../rules/top-up.js';
import { transferPhase, type TransferPhase } from '../../transfers/transfer-status.js';
// Types only (erased): this module does not reach the store's code.
import type { TopUpFormSnapshot, TopUpFormValues } from './top-up-form-store.js';

/** The rules and helpers a top-up form store works with (`TOP_UP_FORM_KIT` is the real set). */
export interface TopUpFormKit {
  toError: (reason: unknown) => PurseError;
  transferPhase: (topUp: TopUp) => TransferPhase;
  currency: typeof TOP_UP_CURRENCY;
  descriptionMaxLength: number;
  limits: typeof topUpLimits;
  sourceAvailable: (source: TopUpSource | null | undefined) => number | null;
  minorUnitDigits: (currency: string) => number;
  intlLocale: (locale?: LocaleInput) => string;
  emptyValues: TopUpFormValues;
}

/** The values of a fresh form. */
export const EMPTY_TOP_UP_VALUES: TopUpFormValues = {
  sourceId: null,
  amount: '',
  description: '',
  sameDay: false,
  acknowledged: false,
};

/** `@purse/core`'s rules and helpers, for `new TopUpFormStore(runtime, { kit: TOP_UP_FORM_KIT })`. */
export const TOP_UP_FORM_KIT: TopUpFormKit = {
  toError: toPurseError,
  transferPhase,
  currency: TOP_UP_CURRENCY,
  descriptionMaxLength: TOP_UP_DESCRIPTION_MAX_LENGTH,
  limits: topUpLimits,
  sourceAvailable,
  minorUnitDigits,
  intlLocale: resolveIntlLocale,
  emptyValues: EMPTY_TOP_UP_VALUES,
};

/** A form whose sources (or whose store) are still loading. */
export const LOADING_TOP_UP_SNAPSHOT: TopUpFormSnapshot = {
  state: { status: 'loading-sources' },
  sources: [],
  values: EMPTY_TOP_UP_VALUES,
  errors: {},
  source: null,
  amount: null,
  balanceWarning: null,
};
