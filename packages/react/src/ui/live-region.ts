/**
 * What a hook's `getLiveRegionProps()` hands out: a polite status region, read out whole, that
 * announces how an action ended (a refresh, a rename, a link, a page of history). Types only:
 * each hook builds its own object, so no component's first load carries a shared module for it.
 */
export interface LiveRegionProps {
  id: string;
  role: 'status';
  'aria-live': 'polite';
  'aria-atomic': true;
}
