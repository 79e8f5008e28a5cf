/**
 * What the lazily loaded spending view gets from the first load instead of importing it: the
 * messages, the formatters, the error notice. esbuild hoists every module that a lazy chunk
 * shares with what the package's entry reaches into a chunk that entry loads, for every app
 * (even one that never draws a chart); so the live chunk imports nothing the entry reaches.
 */
import type { PurseError } from '@purse/core';
import { useMemo, type ComponentType } from 'react';
import type { CommonMessages } from '../i18n/catalog.js';
import { commonText, describeError, useMessages } from '../i18n/use-messages.js';
import { usePurseContext } from '../provider/purse-context.js';
import { ErrorNotice, type ErrorNoticeProps } from '../ui/error-notice.js';
import { GhostBars } from './ghost-bars.js';
import { spendingText, type SpendingMessages } from './messages.js';
import { loadSpendingBars, type SpendingBarsModule } from './spending-bars-loader.js';
import { useSpendingFormats, type SpendingFormats } from './spending-formats.js';

export interface SpendingViewKit {
  t: SpendingMessages;
  common: CommonMessages;
  formats: SpendingFormats;
  describeError: (error: PurseError) => string;
  ErrorNotice: ComponentType<ErrorNoticeProps>;
  GhostBars: ComponentType;
  loadBars: () => Promise<SpendingBarsModule>;
}

/** The kit for a view of amounts in `currency`, in the provider's locale. */
export function useSpendingKit(currency: string): SpendingViewKit {
  const { locale } = usePurseContext('SpendingChart');
  const t = useMessages(spendingText, 'SpendingChart');
  const common = useMessages(commonText, 'SpendingChart');
  const formats = useSpendingFormats(currency, locale);
  return useMemo(
    () => ({
      t,
      common,
      formats,
      describeError: (error) => describeError(error, common),
      ErrorNotice,
      GhostBars,
      loadBars: loadSpendingBars,
    }),
    [t, common, formats],
  );
}
