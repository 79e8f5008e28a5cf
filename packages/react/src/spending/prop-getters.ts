/**
 * What a spending view spreads on its elements to stay accessible, in the manner of react-aria's
 * and downshift's prop getters: the card labelled by its heading and described by its totals and
 * period, the range and bucket radios, the money-in switch, and the chart/table toggle that
 * controls the table. `<SpendingView>` uses only these, so a custom view can do what it does.
 */
import type { SpendingBucketSize, SpendingRange } from '@purse/core';
import { useId, useState, type ChangeEvent } from 'react';

/** Show the chart (the table stays for screen readers) or the table. */
export type SpendingChartView = 'chart' | 'table';

/** What the getters need: the choices and their setters (all of `useSpending`'s result has them). */
export interface SpendingChoices {
  range: SpendingRange;
  setRange: (range: SpendingRange) => void;
  bucket: SpendingBucketSize;
  setBucket: (bucket: SpendingBucketSize) => void;
  includeInflow: boolean;
  setIncludeInflow: (includeInflow: boolean) => void;
}

/** Element ids, for `aria-labelledby`/`aria-describedby` in a custom view. */
export interface SpendingIds {
  heading: string;
  /** The totals line ("$2,340.10 spent · $84.20 pending"). */
  totals: string;
  /** The period line (which days are counted). */
  period: string;
  table: string;
  rangeGroup: string;
  bucketGroup: string;
}

export interface SpendingPropGetters {
  ids: SpendingIds;
  /** What is shown: the chart or the table. */
  view: SpendingChartView;
  setView: (view: SpendingChartView) => void;
  /** The card: labelled by its heading, described by its totals and period. */
  getCardProps: () => { 'aria-labelledby': string; 'aria-describedby': string };
  /** The heading (focused after a retry, so it takes programmatic focus). */
  getHeadingProps: () => { id: string; tabIndex: -1 };
  getTotalsProps: () => { id: string };
  getPeriodProps: () => { id: string };
  /** A `<fieldset>` of range radios (its `<legend>` names it). */
  getRangeGroupProps: () => { id: string };
  getRangeOptionProps: (range: SpendingRange) => RadioProps;
  getBucketGroupProps: () => { id: string };
  getBucketOptionProps: (bucket: SpendingBucketSize) => RadioProps;
  /** "Include money in": a checkbox with the switch role. */
  getInflowSwitchProps: () => {
    type: 'checkbox';
    role: 'switch';
    checked: boolean;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  };
  /** "Show as table" / "Show as chart": it controls the table. */
  getViewToggleProps: () => { type: 'button'; 'aria-controls': string; onClick: () => void };
  /** The table's wrapper: scrolls (and takes focus to scroll) when shown. */
  getTableProps: () => { id: string };
}

export interface RadioProps {
  type: 'radio';
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
}

export interface SpendingPropGettersOptions {
  /** Show the chart or the table first. @default 'chart' */
  defaultView?: SpendingChartView | undefined;
}

/** The prop getters for a spending view of `choices` (its own ids and chart/table choice). */
export function useSpendingPropGetters(
  choices: SpendingChoices,
  options: SpendingPropGettersOptions = {},
): SpendingPropGetters {
  const base = useId();
  const [view, setView] = useState<SpendingChartView>(options.defaultView ?? 'chart');
  const ids: SpendingIds = {
    heading: `${base}heading`,
    totals: `${base}totals`,
    period: `${base}period`,
    table: `${base}table`,
    rangeGroup: `${base}range`,
    bucketGroup: `${base}bucket`,
  };
  const radio = <T extends string | number>(
    name: string,
    value: T,
    current: T,
    set: (value: T) => void,
  ): RadioProps => ({
    type: 'radio',
    name,
    value: String(value),
    checked: value === current,
    onChange: () => set(value),
  });
  return {
    ids,
    view,
    setView,
    getCardProps: () => ({
      'aria-labelledby': ids.heading,
      'aria-describedby': `${ids.totals} ${ids.period}`,
    }),
    getHeadingProps: () => ({ id: ids.heading, tabIndex: -1 }),
    getTotalsProps: () => ({ id: ids.totals }),
    getPeriodProps: () => ({ id: ids.period }),
    getRangeGroupProps: () => ({ id: ids.rangeGroup }),
    getRangeOptionProps: (range) => radio(ids.rangeGroup, range, choices.range, choices.setRange),
    getBucketGroupProps: () => ({ id: ids.bucketGroup }),
    getBucketOptionProps: (bucket) =>
      radio(ids.bucketGroup, bucket, choices.bucket, choices.setBucket),
    getInflowSwitchProps: () => ({
      type: 'checkbox',
      role: 'switch',
      checked: choices.includeInflow,
      onChange: (event) => choices.setIncludeInflow(event.currentTarget.checked),
    }),
    getViewToggleProps: () => ({
      type: 'button',
      'aria-controls': ids.table,
      onClick: () => setView(view === 'chart' ? 'table' : 'chart'),
    }),
    getTableProps: () => ({ id: ids.table }),
  };
}
