/**
 * The choices a spending chart offers. Apart from the aggregation (`@purse/core/spending`), so
 * that a view can list them without loading the rules.
 */

/** How many days back a spending chart looks (today included). */
export type SpendingRange = 30 | 90 | 180;

export const SPENDING_RANGES: readonly SpendingRange[] = [30, 90, 180];

/** How many days one bar of a spending chart covers. */
export type SpendingBucketSize = 'day' | 'week' | 'month';

export const SPENDING_BUCKET_SIZES: readonly SpendingBucketSize[] = ['day', 'week', 'month'];
