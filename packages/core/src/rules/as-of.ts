/**
 * When a figure was true, as the UI may say it: never later than `now`. The browser's estimate of
 * the server's clock (`PurseClient.now()`) can run a moment behind the clock that stamped the
 * figure, and "as of in 1 second" is nonsense: a balance is never from the future.
 */
export function asOfTime(options: {
  /** When the server says the figure was computed (unix seconds). */
  at: number;
  /** The UI's "now" (unix seconds), on the same clock it ticks with. */
  now: number;
}): number {
  return Math.min(options.at, options.now);
}
