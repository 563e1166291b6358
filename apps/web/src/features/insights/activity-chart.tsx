import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import styles from './insights.module.css';
import { SERIES_COLOURS, SERIES_LABELS, type SeriesKey } from './series.js';

export interface DayCounts {
  day: string;
  questions: number;
  answers: number;
  comments: number;
}

const KEYS: SeriesKey[] = ['questions', 'answers', 'comments'];
const HEIGHT = 240;
const MARGIN = { top: 10, right: 10, bottom: 40, left: 40 };

/** Stacked bars per day (SVG; the table view next to it carries the same figures for screen readers). */
export function ActivityChart({ days, summary }: { days: readonly DayCounts[]; summary: string }) {
  // At least 12 px per day: long periods scroll sideways on phones instead of squeezing bars to nothing.
  const width = Math.max(320, days.length * 12 + MARGIN.left + MARGIN.right);
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...days.map((d) => d.questions + d.answers + d.comments));
  const x = scaleBand<string>({ domain: days.map((d) => d.day), range: [0, innerWidth], padding: 0.2 });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const every = Math.ceil(days.length / 8);
  return (
    <div className={styles['chart']} tabIndex={0} role="group" aria-label={`Chart: ${summary}`}>
      <svg width={width} height={HEIGHT} role="img" aria-label={summary} data-chart="">
        <Group left={MARGIN.left} top={MARGIN.top}>
          {days.map((d) => {
            let base = innerHeight;
            return KEYS.map((k) => {
              const h = innerHeight - y(d[k]);
              base -= h;
              return h > 0 ? (
                <Bar
                  key={`${d.day}-${k}`}
                  x={x(d.day)}
                  y={base}
                  width={x.bandwidth()}
                  height={h}
                  fill={SERIES_COLOURS[k]}
                />
              ) : null;
            });
          })}
          <AxisLeft
            scale={y}
            numTicks={4}
            tickFormat={(v) => String(v)}
            stroke="#56615c"
            tickStroke="#56615c"
            tickLabelProps={{ fill: '#1d2421', fontSize: 11 }}
          />
          <AxisBottom
            top={innerHeight}
            scale={x}
            tickValues={days.filter((_d, i) => i % every === 0).map((d) => d.day)}
            tickFormat={(d) => d.slice(5)}
            stroke="#56615c"
            tickStroke="#56615c"
            tickLabelProps={{ fill: '#1d2421', fontSize: 11, textAnchor: 'middle' }}
          />
        </Group>
      </svg>
      <ul className={styles['legend']} aria-hidden="true">
        {KEYS.map((k) => (
          <li key={k}>
            <span className={styles['swatch']} style={{ background: SERIES_COLOURS[k] }} />
            {SERIES_LABELS[k]}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface RateBar {
  label: string;
  /** 0 to 1. */
  rate: number;
  detail: string;
}

/** Horizontal bars of a rate per label (a tag's unanswered share). */
export function RateChart({ bars, summary }: { bars: readonly RateBar[]; summary: string }) {
  const width = 560;
  const labelWidth = 140;
  const rowHeight = 26;
  const height = bars.length * rowHeight + 24;
  const x = scaleLinear<number>({ domain: [0, 1], range: [0, width - labelWidth - 60] });
  return (
    <div className={styles['chart']} tabIndex={0} role="group" aria-label={`Chart: ${summary}`}>
      <svg width={width} height={height} role="img" aria-label={summary} data-chart="">
        {bars.map((b, i) => (
          <Group key={b.label} top={i * rowHeight + 4}>
            <text
              x={labelWidth - 8}
              y={rowHeight / 2}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize={12}
              fill="#1d2421"
            >
              {b.label.length > 20 ? `${b.label.slice(0, 19)}…` : b.label}
            </text>
            <Bar
              x={labelWidth}
              y={3}
              width={Math.max(1, x(b.rate))}
              height={rowHeight - 8}
              fill={SERIES_COLOURS.answers}
            />
            <text
              x={labelWidth + x(b.rate) + 6}
              y={rowHeight / 2}
              dominantBaseline="middle"
              fontSize={12}
              fill="#1d2421"
            >
              {Math.round(b.rate * 100)}%
            </text>
          </Group>
        ))}
      </svg>
    </div>
  );
}

export interface ValueBar {
  label: string;
  value: number;
  /** What the bar's end says, e.g. "3.5 h". */
  text: string;
}

/** Horizontal bars of a value per label (a moderator's median decision time), scaled to the largest. */
export function ValueChart({ bars, summary }: { bars: readonly ValueBar[]; summary: string }) {
  const width = 560;
  const labelWidth = 140;
  const rowHeight = 26;
  const height = bars.length * rowHeight + 24;
  const x = scaleLinear<number>({
    domain: [0, Math.max(...bars.map((b) => b.value), 1e-9)],
    range: [0, width - labelWidth - 80],
  });
  return (
    <div className={styles['chart']} tabIndex={0} role="group" aria-label={`Chart: ${summary}`}>
      <svg width={width} height={height} role="img" aria-label={summary} data-chart="">
        {bars.map((b, i) => (
          <Group key={`${i}-${b.label}`} top={i * rowHeight + 4}>
            <text
              x={labelWidth - 8}
              y={rowHeight / 2}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize={12}
              fill="#1d2421"
            >
              {b.label.length > 20 ? `${b.label.slice(0, 19)}…` : b.label}
            </text>
            <Bar
              x={labelWidth}
              y={3}
              width={Math.max(1, x(b.value))}
              height={rowHeight - 8}
              fill={SERIES_COLOURS.comments}
            />
            <text
              x={labelWidth + x(b.value) + 6}
              y={rowHeight / 2}
              dominantBaseline="middle"
              fontSize={12}
              fill="#1d2421"
            >
              {b.text}
            </text>
          </Group>
        ))}
      </svg>
    </div>
  );
}

export interface DaySeries<T> {
  label: string;
  colour: string;
  value: (d: T) => number;
}

/**
 * Bars per day of one or more series drawn over each other from zero, widest first: for series
 * where one is part of the other (members who came back of those who joined, helpful ratings of
 * all ratings), so each bar reads as "n of m". The table view carries the same figures.
 */
export function OverlayDayChart<T extends { day: string }>({
  days,
  series,
  summary,
}: {
  days: readonly T[];
  series: readonly DaySeries<T>[];
  summary: string;
}) {
  const width = Math.max(320, days.length * 12 + MARGIN.left + MARGIN.right);
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...days.flatMap((d) => series.map((s) => s.value(d))));
  const x = scaleBand<string>({ domain: days.map((d) => d.day), range: [0, innerWidth], padding: 0.2 });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const every = Math.ceil(days.length / 8);
  return (
    <div className={styles['chart']} tabIndex={0} role="group" aria-label={`Chart: ${summary}`}>
      <svg width={width} height={HEIGHT} role="img" aria-label={summary} data-chart="">
        <Group left={MARGIN.left} top={MARGIN.top}>
          {days.map((d) =>
            series.map((s, i) => {
              const h = innerHeight - y(s.value(d));
              // Later series are narrower and centred, so a smaller value inside a larger one stays visible.
              const inset = (x.bandwidth() * i) / (series.length * 2 + 1);
              return h > 0 ? (
                <Bar
                  key={`${d.day}-${s.label}`}
                  x={(x(d.day) ?? 0) + inset}
                  y={innerHeight - h}
                  width={Math.max(1, x.bandwidth() - 2 * inset)}
                  height={h}
                  fill={s.colour}
                />
              ) : null;
            }),
          )}
          <AxisLeft
            scale={y}
            numTicks={4}
            tickFormat={(v) => String(v)}
            stroke="#56615c"
            tickStroke="#56615c"
            tickLabelProps={{ fill: '#1d2421', fontSize: 11 }}
          />
          <AxisBottom
            top={innerHeight}
            scale={x}
            tickValues={days.filter((_d, i) => i % every === 0).map((d) => d.day)}
            tickFormat={(d) => d.slice(5)}
            stroke="#56615c"
            tickStroke="#56615c"
            tickLabelProps={{ fill: '#1d2421', fontSize: 11, textAnchor: 'middle' }}
          />
        </Group>
      </svg>
      <ul className={styles['legend']} aria-hidden="true">
        {series.map((s) => (
          <li key={s.label}>
            <span className={styles['swatch']} style={{ background: s.colour }} />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
