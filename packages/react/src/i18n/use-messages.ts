import type { PurseError } from '@purse/core';
import { usePurseContext } from '../provider/purse-context.js';
import { commonText, type CommonMessages } from './catalog.js';
import { messagesFor, type MessageRef } from './locale-packs.js';

/** A component's messages in the provider's locale. */
export function useMessages<T>(ref: MessageRef<T>, hookName = 'useMessages'): T {
  return messagesFor(ref, usePurseContext(hookName).locale);
}

/** Words for an error a component has nothing more specific to say about. */
export function describeError(error: PurseError, common: CommonMessages): string {
  switch (error.code) {
    case 'network_error':
      return common.networkError;
    case 'unauthenticated':
      return common.sessionExpired;
    case 'rate_limited':
      return common.rateLimited;
    default:
      return common.errorFallback;
  }
}

export { commonText };
