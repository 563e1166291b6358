import { AxisBottom, AxisLeft, type AxisScale } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear, scalePoint } from '@visx/scale';
import { Bar, LinePath } from '@visx/shape';
import type { ReactNode } from 'react';
import styles from './charts.module.css';

/**
 * Series colours in order (a series without its own colour takes its place's): each at least 4.5:1
 * on white (WCAG 1.4.11 asks 3:1 of graphics), told apart by the legend and the table view too.
 */
export const CHART_COLOURS = ['#0e5b5a', '#9a3412', '#4338ca'] as const;
const AXIS = '#56615c';
const TEXT = '#1d2421';

/** A series of a day chart: its legend label, its value on a day, and its colour. */
export interface BarSeries<T> {
  label: string;
  value: (day: T) => number;
  colour?: string;
}

/** A labelled horizontal bar: its value, and what its end says ("3.5 h", "40%"). */
export interface LabelledBar {
  label: string;
  value: number;
  text: string;
}

/** Bars per day (columns), one or more series: stacked, or drawn over each other from zero. */
export interface DayBarChartProps<T extends { day: string }> {
  summary: string;
  days: readonly T[];
  series: readonly BarSeries<T>[];
  /**
   * Stacked: the series add up (questions, answers and comments). Otherwise each is drawn from zero,
   * widest first, later ones narrower and centred: for a series that is part of another (members
   * who came back of those who joined), so each bar reads as "n of m".
   */
  stacked?: boolean;
}

/** One bar per label (rows), scaled to `max` (the largest value unless told). */
export interface LabelBarChartProps {
  summary: string;
  bars: readonly LabelledBar[];
  max?: number;
  colour?: string;
}

export type BarChartProps<T extends { day: string }> = DayBarChartProps<T> | LabelBarChartProps;

/**
 * The bar chart (SVG): columns per day with `days`, rows per label with `bars`. A focusable group
 * named by `summary`, which also names the image; the panel's table view carries the figures.
 */
export function BarChart<T extends { day: string }>(props: BarChartProps<T>) {
  return 'bars' in props ? <LabelBars {...props} /> : <DayBars {...props} />;
}

/** A line per day (reputation over time), on the same axes as the day bars. */
export function LineChart<T extends { day: string }>({
  summary,
  days,
  value,
  colour = CHART_COLOURS[0],
}: {
  summary: string;
  days: readonly T[];
  value: (day: T) => number;
  colour?: string;
}) {
  const width = 560;
  const height = 180;
  const margin = { top: 10, right: 12, bottom: 32, left: 44 };
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const values = days.map(value);
  const x = scalePoint<string>({ domain: days.map((d) => d.day), range: [0, innerWidth] });
  const y = scaleLinear<number>({
    domain: [Math.min(0, ...values), Math.max(1, ...values)],
    range: [innerHeight, 0],
    nice: true,
  });
  return (
    <ChartFrame summary={summary} width={width} height={height}>
      <Group left={margin.left} top={margin.top}>
        <LinePath data={days as T[]} x={(d) => x(d.day) ?? 0} y={(d) => y(value(d))} stroke={colour} strokeWidth={2} />
        <DayAxes x={x} y={y} days={days} innerHeight={innerHeight} ticks={6} />
      </Group>
    </ChartFrame>
  );
}

const DAY_HEIGHT = 240;
const DAY_MARGIN = { top: 10, right: 10, bottom: 40, left: 40 };

function DayBars<T extends { day: string }>({ summary, days, series, stacked = false }: DayBarChartProps<T>) {
  // At least 12 px per day: long periods scroll sideways on phones instead of squeezing bars to nothing.
  const width = Math.max(320, days.length * 12 + DAY_MARGIN.left + DAY_MARGIN.right);
  const innerWidth = width - DAY_MARGIN.left - DAY_MARGIN.right;
  const innerHeight = DAY_HEIGHT - DAY_MARGIN.top - DAY_MARGIN.bottom;
  const colour = (i: number) => series[i]?.colour ?? CHART_COLOURS[i % CHART_COLOURS.length];
  const max = Math.max(
    1,
    ...days.map((d) =>
      stacked ? series.reduce((sum, s) => sum + s.value(d), 0) : Math.max(0, ...series.map((s) => s.value(d))),
    ),
  );
  const x = scaleBand<string>({ domain: days.map((d) => d.day), range: [0, innerWidth], padding: 0.2 });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  return (
    <ChartFrame
      summary={summary}
      width={width}
      height={DAY_HEIGHT}
      legend={
        <ul className={styles['legend']} aria-hidden="true">
          {series.map((s, i) => (
            <li key={s.label}>
              <span className={styles['swatch']} style={{ background: colour(i) }} />
              {s.label}
            </li>
          ))}
        </ul>
      }
    >
      <Group left={DAY_MARGIN.left} top={DAY_MARGIN.top}>
        {days.map((d) => {
          let base = innerHeight;
          return series.map((s, i) => {
            const h = innerHeight - y(s.value(d));
            if (h <= 0) return null;
            // Stacked bars rise from the previous series' top; overlaid ones narrow so a smaller value stays visible.
            base -= h;
            const inset = stacked ? 0 : (x.bandwidth() * i) / (series.length * 2 + 1);
            return (
              <Bar
                key={`${d.day}-${s.label}`}
                x={(x(d.day) ?? 0) + inset}
                y={stacked ? base : innerHeight - h}
                width={Math.max(1, x.bandwidth() - 2 * inset)}
                height={h}
                fill={colour(i)}
              />
            );
          });
        })}
        <DayAxes x={x} y={y} days={days} innerHeight={innerHeight} ticks={8} />
      </Group>
    </ChartFrame>
  );
}

function LabelBars({ summary, bars, max, colour = CHART_COLOURS[2] }: LabelBarChartProps) {
  const width = 560;
  const labelWidth = 140;
  const rowHeight = 26;
  const height = bars.length * rowHeight + 24;
  const x = scaleLinear<number>({
    domain: [0, max ?? Math.max(...bars.map((b) => b.value), 1e-9)],
    range: [0, width - labelWidth - 80],
  });
  return (
    <ChartFrame summary={summary} width={width} height={height}>
      {bars.map((b, i) => (
        <Group key={`${i}-${b.label}`} top={i * rowHeight + 4}>
          <text
            x={labelWidth - 8}
            y={rowHeight / 2}
            textAnchor="end"
            dominantBaseline="middle"
            fontSize={12}
            fill={TEXT}
          >
            {b.label.length > 20 ? `${b.label.slice(0, 19)}…` : b.label}
          </text>
          <Bar x={labelWidth} y={3} width={Math.max(1, x(b.value))} height={rowHeight - 8} fill={colour} />
          <text x={labelWidth + x(b.value) + 6} y={rowHeight / 2} dominantBaseline="middle" fontSize={12} fill={TEXT}>
            {b.text}
          </text>
        </Group>
      ))}
    </ChartFrame>
  );
}

function ChartFrame({
  summary,
  width,
  height,
  legend,
  children,
}: {
  summary: string;
  width: number;
  height: number;
  legend?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={styles['chart']} tabIndex={0} role="group" aria-label={`Chart: ${summary}`}>
      <svg width={width} height={height} role="img" aria-label={summary} data-chart="">
        {children}
      </svg>
      {legend}
    </div>
  );
}

/** Counts on the left, every n-th day (MM-DD) along the bottom, so labels never overlap. */
function DayAxes({
  x,
  y,
  days,
  innerHeight,
  ticks,
}: {
  x: AxisScale;
  y: AxisScale;
  days: readonly { day: string }[];
  innerHeight: number;
  ticks: number;
}) {
  const every = Math.ceil(days.length / ticks);
  return (
    <>
      <AxisLeft
        scale={y}
        numTicks={4}
        tickFormat={(v) => String(v)}
        stroke={AXIS}
        tickStroke={AXIS}
        tickLabelProps={{ fill: TEXT, fontSize: 11 }}
      />
      <AxisBottom
        top={innerHeight}
        scale={x}
        tickValues={days.filter((_d, i) => i % every === 0).map((d) => d.day)}
        tickFormat={(d) => String(d).slice(5)}
        stroke={AXIS}
        tickStroke={AXIS}
        tickLabelProps={{ fill: TEXT, fontSize: 11, textAnchor: 'middle' }}
      />
    </>
  );
}
