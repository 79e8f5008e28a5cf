import type { PurseError } from '@purse/core';
import { usePurseContext } from '../provider/purse-context.js';
import { commonMessages, type Catalog, type CommonMessages } from './catalog.js';

/** The provider locale's entry of `catalog`. */
export function useMessages<T>(catalog: Catalog<T>, hookName = 'useMessages'): T {
  return catalog[usePurseContext(hookName).locale];
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

export { commonMessages };
