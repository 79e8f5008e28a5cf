/**
 * The spending chart's drawing: a recharts bar chart, money out stacked posted (solid) under
 * pending (hatched), and money in as a second stack when included. This is the only module that
 * imports recharts; it is loaded lazily (see `spending-bars-loader.ts`) and never on the server.
 * Colours come only from the `--purse-chart-*` variables. The drawing is hidden from assistive
 * technology by its caller: the table is the accessible representation.
 */
import { useId, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { SpendingBarDatum, SpendingBarsProps } from './spending-bars-loader.js';

const AXIS_TICK = { fill: 'var(--purse-color-text-secondary)', fontSize: 12 };

/** Round amount-axis steps (1, 2, 2.5 or 5 times a power of ten), about five of them. */
function niceTicks(data: readonly SpendingBarDatum[], includeInflow: boolean): number[] {
  let max = 0;
  for (const d of data) {
    max = Math.max(max, d.outPosted + d.outPending);
    if (includeInflow) max = Math.max(max, d.inPosted + d.inPending);
  }
  if (max <= 0) return [0, 100];
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(
    1,
    [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude,
  );
  const count = Math.ceil(max / step);
  return Array.from({ length: count + 1 }, (_, i) => Math.round(i * step));
}

function Hatch(props: { id: string; background: string; stripe: string }): ReactNode {
  return (
    <pattern
      id={props.id}
      width="6"
      height="6"
      patternUnits="userSpaceOnUse"
      patternTransform="rotate(45)"
    >
      <rect width="6" height="6" fill={props.background} />
      <line
        x1="1"
        y1="0"
        x2="1"
        y2="6"
        stroke={props.stripe}
        strokeWidth="2"
        strokeOpacity="0.55"
      />
    </pattern>
  );
}

function BarsTooltip(props: {
  datum: SpendingBarDatum | undefined;
  includeInflow: boolean;
  formatExact: (amountMinor: number) => string;
  labels: SpendingBarsProps['labels'];
}): ReactNode {
  const { datum, includeInflow, formatExact, labels } = props;
  if (!datum) return null;
  const rows: [string, string, number][] = [
    ['posted', labels.posted, datum.outPosted],
    ['pending', labels.pending, datum.outPending],
  ];
  if (includeInflow) {
    rows.push(['inflow', labels.inflow, datum.inPosted]);
    rows.push(['inflow-pending', labels.inflowPending, datum.inPending]);
  }
  return (
    <div data-slot="tooltip">
      <p data-slot="tooltip-period">{datum.period}</p>
      <dl>
        {rows.map(([series, label, amount]) => (
          <div key={series} data-series={series}>
            <dt>
              <span data-slot="swatch" data-series={series} />
              {label}
            </dt>
            <dd>{formatExact(amount)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/**
 * One stack: posted bars with the pending part on top, hatched (`Hatch` `${uid}-${series}`).
 * An array, not a component: the chart looks for its `Bar`s among its children.
 */
function stackBars(
  series: 'out' | 'in',
  uid: string,
  posted: string,
  pending: string,
): ReactNode[] {
  const color = `var(--purse-chart-${series === 'out' ? 'outflow' : 'inflow'})`;
  return [
    <Bar
      key="posted"
      dataKey={`${series}Posted`}
      name={posted}
      stackId={series}
      fill={color}
      isAnimationActive={false}
      maxBarSize={28}
    />,
    <Bar
      key="pending"
      dataKey={`${series}Pending`}
      name={pending}
      stackId={series}
      fill={`url(#${uid}-${series})`}
      stroke={color}
      strokeWidth={1}
      radius={[3, 3, 0, 0]}
      isAnimationActive={false}
      maxBarSize={28}
    />,
  ];
}

export default function SpendingBars(props: SpendingBarsProps): ReactNode {
  const { data, includeInflow, formatAxis, formatExact, labels } = props;
  // Pattern ids go into `url(#…)`: keep them to safe characters.
  const uid = `purse-spending-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const ticks = niceTicks(data, includeInflow);
  return (
    <BarChart
      data={[...data]}
      responsive
      style={{ width: '100%', height: '100%' }}
      // The caller hides the drawing from assistive technology and offers a table instead, so the
      // chart must not take keyboard focus either.
      accessibilityLayer={false}
      margin={{ top: 8, right: 4, bottom: 0, left: 0 }}
      barCategoryGap="18%"
      barGap={3}
    >
      <defs>
        <Hatch
          id={`${uid}-out`}
          background="var(--purse-chart-outflow-pending)"
          stripe="var(--purse-chart-outflow)"
        />
        <Hatch
          id={`${uid}-in`}
          background="var(--purse-chart-inflow-pending)"
          stripe="var(--purse-chart-inflow)"
        />
      </defs>
      <CartesianGrid vertical={false} stroke="var(--purse-chart-grid)" strokeDasharray="3 4" />
      <XAxis
        dataKey="key"
        tickFormatter={(key: string) => data.find((d) => d.key === key)?.tick ?? key}
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={{ stroke: 'var(--purse-chart-grid)' }}
        minTickGap={16}
        tickMargin={6}
      />
      <YAxis
        ticks={ticks}
        domain={[0, ticks.at(-1) ?? 0]}
        interval={0}
        tickFormatter={(value: number) => formatAxis(Math.round(value))}
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={false}
        width={64}
        allowDecimals={false}
      />
      <Tooltip
        cursor={{ fill: 'var(--purse-color-surface)' }}
        isAnimationActive={false}
        content={(tooltip) => (
          <BarsTooltip
            datum={
              tooltip.active
                ? (tooltip.payload[0]?.payload as SpendingBarDatum | undefined)
                : undefined
            }
            includeInflow={includeInflow}
            formatExact={formatExact}
            labels={labels}
          />
        )}
      />
      {stackBars('out', uid, labels.posted, labels.pending)}
      {includeInflow ? stackBars('in', uid, labels.inflow, labels.inflowPending) : null}
    </BarChart>
  );
}
